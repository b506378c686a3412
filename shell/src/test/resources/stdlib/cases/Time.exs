# Time (Elixir 1.14), with the ~T sigil
~T[10:00:00]
~T[10:00:00.123]
~T[23:59:59.123456]
Time.new(10, 0, 0)
Time.new(25, 0, 0)
Time.add(~T[23:59:59], 2)
Time.add(~T[10:00:00], -1)
Time.add(~T[10:00:00], 1500, :millisecond)
Time.add(~T[10:00:00.000], 1500, :millisecond)
Time.diff(~T[10:00:10], ~T[10:00:00])
Time.diff(~T[10:00:00], ~T[10:00:10.5])
Time.diff(~T[10:00:01.500], ~T[10:00:00], :millisecond)
Time.compare(~T[10:00:00], ~T[09:59:59])
Time.compare(~T[10:00:00], ~T[10:00:00])
Time.truncate(~T[10:00:00.123456], :second)
Time.truncate(~T[10:00:00.123456], :millisecond)
Time.truncate(~T[10:00:00.1], :millisecond)
Time.to_string(~T[10:00:00.120])
Time.to_iso8601(~T[10:00:00])
Time.from_iso8601("10:00:00")
Time.from_iso8601("10:00:00.5")
Time.from_iso8601("25:00:00")
Time.from_iso8601("nope")
"#{~T[10:00:00]}"
Map.from_struct(~T[10:00:00.5])
is_struct(Time.utc_now(), Time)
elem(Time.utc_now().microsecond, 1)
%Time{hour: 1, minute: 2, second: 3}
Map.from_struct(%Time{hour: 1, minute: 2, second: 3})
