# Map (Elixir 1.14)
Map.delete(%{a: 1, b: 2}, :a)
Map.delete(%{b: 2}, :a)
Map.delete([], :a)
Map.drop(%{a: 1, b: 2, c: 3}, [:b, :d])
Map.drop(%{a: 1}, :a)
Map.equal?(%{a: 1, b: 2}, %{b: 2, a: 1})
Map.equal?(%{a: 1, b: 2}, %{b: 1, a: 2})
Map.equal?(%{a: 1}, 1)
Map.fetch(%{a: 1}, :a)
Map.fetch(%{a: 1}, :b)
Map.fetch(:a, :b)
Map.fetch!(%{a: 1}, :a)
Map.fetch!(%{a: 1}, :b)
Map.filter(%{one: 1, two: 2, three: 3}, fn {_key, val} -> rem(val, 2) == 1 end)
Map.from_keys([1, 2, 3], :number)
Map.from_struct(1..3)
Map.get(%{}, :a)
Map.get(%{a: 1}, :a)
Map.get(%{a: 1}, :b)
Map.get(%{a: 1}, :b, 3)
Map.get(%{a: nil}, :a, 3)
Map.get(nil, :a)
Map.get_and_update(%{a: 1}, :a, fn current_value -> {current_value, "new value!"} end)
Map.get_and_update(%{a: 1}, :b, fn current_value -> {current_value, "new value!"} end)
Map.get_and_update(%{a: 1}, :a, fn _ -> :pop end)
Map.get_and_update(%{a: 1}, :b, fn _ -> :pop end)
Map.get_and_update!(%{a: 1}, :a, fn current_value -> {current_value, "new value!"} end)
Map.get_and_update!(%{a: 1}, :b, fn current_value -> {current_value, "new value!"} end)
Map.get_lazy(%{a: 1}, :a, fn -> 13 end)
Map.get_lazy(%{a: 1}, :b, fn -> 13 end)
Map.has_key?(%{a: 1}, :a)
Map.has_key?(%{a: 1}, :b)
Map.has_key?(%{1 => :a}, 1.0)
Map.keys(%{a: 1, b: 2})
Map.keys(%{b: 1, a: 2, c: 3})
Map.keys(%{2 => :a, 1 => :b, 1.5 => :c})
Map.keys([])
Map.merge(%{a: 1, b: 2}, %{a: 3, d: 4})
Map.merge(%{a: 1, b: 2}, %{a: 3, d: 4}, fn _k, v1, v2 -> v1 + v2 end)
Map.merge(%{a: 1}, [b: 2])
Map.new()
Map.new([{:b, 1}, {:a, 2}])
Map.new(a: 1, a: 2, a: 3)
Map.new([:a, :b], fn x -> {x, x} end)
Map.new(%{a: 1})
Map.new([1])
Map.pop(%{a: 1}, :a)
Map.pop(%{a: 1}, :b)
Map.pop(%{a: 1}, :b, 3)
Map.pop!(%{a: 1}, :a)
Map.pop!(%{a: 1, b: 2}, :a)
Map.pop!(%{a: 1}, :b)
Map.pop_lazy(%{a: 1}, :a, fn -> 13 end)
Map.pop_lazy(%{a: 1}, :b, fn -> 13 end)
Map.put(%{a: 1}, :b, 2)
Map.put(%{a: 1, b: 2}, :a, 3)
Map.put(:a, :b, 2)
Map.put_new(%{a: 1}, :b, 2)
Map.put_new(%{a: 1, b: 2}, :a, 3)
Map.put_new_lazy(%{a: 1}, :a, fn -> 3 end)
Map.put_new_lazy(%{a: 1}, :b, fn -> 3 end)
Map.reject(%{one: 1, two: 2, three: 3}, fn {_key, val} -> rem(val, 2) == 1 end)
Map.replace(%{a: 1, b: 2}, :a, 3)
Map.replace(%{a: 1}, :b, 2)
Map.replace!(%{a: 1, b: 2}, :a, 3)
Map.replace!(%{a: 1}, :b, 2)
Map.split(%{a: 1, b: 2, c: 3}, [:a, :c, :e])
Map.take(%{a: 1, b: 2, c: 3}, [:a, :c, :e])
Map.take(%{a: 1}, :a)
Map.to_list(%{a: 1})
Map.to_list(%{1 => 2})
Map.to_list(%{b: 2, a: 1})
Map.update(%{a: 1}, :a, 13, fn existing_value -> existing_value * 2 end)
Map.update(%{a: 1}, :b, 11, fn existing_value -> existing_value * 2 end)
Map.update!(%{a: 1}, :a, &(&1 * 2))
Map.update!(%{a: 1}, :b, &(&1 * 2))
Map.values(%{a: 1, b: 2})
Map.values(%{b: 1, a: 2})
Map.values(1)
Map.size(%{a: 1})
map_size(%{a: 1, b: 2})
map_size([])
%{a: 1}.a
%{a: 1}.b
%{a: 1}[:a]
%{a: 1}[:b]
%{"a" => 1}["a"]
%{%{a: 1} | a: 2}
%{%{a: 1} | b: 2}
%{a: 1, b: 2} == %{b: 2, a: 1}
%{a: 1} === %{a: 1.0}
%{a: 1} == %{a: 1.0}
%{b: 1, a: 2}
%{"b" => 1, "a" => 2, :c => 3, 1 => 4}
%{1 => :a, 1.0 => :b}
Map.keys(%{"b" => 1, "a" => 2, :c => 3, 1 => 4, {1} => 5, [1] => 6})
Map.intersect(%{a: 1, b: 2}, %{b: 3, c: 4})
Map.intersect(%{a: 1, b: 2}, %{b: 2, c: 3}, fn _k, v1, v2 -> v1 + v2 end)
Map.map(%{a: 1, b: 2}, fn {_k, v} -> v * 2 end)
Map.from_keys([], 0)
Map.drop(%{a: 1}, [:a, :b]) |> map_size()

# more cases
Map.new(1..3, fn x -> {x, x * x} end)
Map.new([{1, :a}, {1, :b}])
Map.put(%{}, "k", "v")
Map.put(%{1 => :a}, 1.0, :b)
Map.get(%{1 => :a}, 1.0)
Map.get(%{[1] => :a}, [1])
Map.get(%{{1, 2} => :a}, {1, 2})
Map.get(%{%{a: 1} => :x}, %{a: 1})
Map.merge(%{}, %{})
Map.merge(%{a: %{b: 1}}, %{a: %{c: 2}})
Map.update(%{}, :a, [], &[1 | &1])
Map.keys(%{})
Map.values(%{})
Map.to_list(%{})
Map.take(%{a: 1}, [])
Map.drop(%{a: 1}, [])
Map.split(%{}, [:a])
Map.has_key?(%{nil => 1}, nil)
Map.fetch(%{false => 1}, false)
Map.filter(%{}, fn _ -> true end)
Map.reject(%{a: 1}, fn _ -> true end)
Map.from_keys([:a, :a], 1)
Map.get_lazy(%{}, :a, fn -> :computed end)
Map.pop(%{}, :a)
Map.replace(%{}, :a, 1)
Map.equal?(%{}, %{})
Map.new([a: 1]) |> Map.to_list()
Map.new(%{b: 2, a: 1}, fn {k, v} -> {v, k} end)
%{a: 1, b: 2} |> Map.delete(:a) |> Map.put(:c, 3)
%{a: 1} |> Map.merge(%{b: 2}) |> Map.keys()
map_size(%{a: 1, b: 2, c: 3})
Map.size(%{})
is_map_key(%{a: nil}, :a)
%{a: 1} == %{a: 1}
%{a: 1} < %{a: 2}
%{a: 1, b: 2} < %{c: 1}
Enum.map(%{a: 1}, & &1)
for {k, v} <- %{b: 2, a: 1}, do: {k, v}
for {k, v} <- %{a: 1, b: 2}, v > 1, do: k

# Persistent maps (maps helper): big maps built and taken apart key by key, exact keys (1 and 1.0),
# maps as keys, equality and order of maps built in different orders
m = Enum.reduce(1..2000, %{}, fn i, m -> Map.put(m, i, i * i) end); {map_size(m), m[1000], m[2001], Map.get(m, 1000.0)}
m = Map.new(1..100, &{&1, &1}); m2 = Map.put(m, 1.0, :float); {map_size(m2), m2[1], m2[1.0], map_size(m)}
m = %{1 => :int, 1.0 => :float}; {m[1], m[1.0], map_size(m), Map.delete(m, 1), Map.delete(m, 1.0)}
a = Map.new(1..1000, &{&1, &1}); b = Enum.reduce(1000..1//-1, %{}, &Map.put(&2, &1, &1)); {a == b, a === b, Map.equal?(a, b)}
a = Map.new(1..40, &{&1, &1}); b = Map.delete(Map.put(a, 41, 41), 41); {a == b, a === b}
a = Map.new(1..50, &{&1, &1}); b = %{a | 7 => 8}; {a[7], b[7], map_size(b)}
a = Map.new(1..50, &{&1, &1}); try do %{a | 51 => 0} rescue KeyError -> {:key_error, map_size(a)} end
m = Map.new(1..3000, &{&1, &1}); m2 = Enum.reduce(1..3000, m, &Map.delete(&2, &1)); {m2, map_size(m), m2 == %{}}
m = Map.new(1..100, &{{&1, [&1]}, &1}); {m[{5, [5]}], m[{5, [5.0]}], Map.has_key?(m, {5, [5]})}
m = %{%{a: 1} => :x, %{a: 1.0} => :y}; {m[%{a: 1}], m[%{a: 1.0}], map_size(m)}
%{%{1 => 2} => 1} == %{%{1 => 2.0} => 1}
big = Map.new(1..50, &{&1, &1}); m = %{big => :big}; {m[Map.new(50..1//-1, &{&1, &1})], m[Map.put(big, 50, 50.0)]}
%{"b" => 1, :a => 2, 1.0 => 3, 1 => 4, {1} => 5, [1] => 6, %{} => 7, nil => 8, -1 => 9, 2.5 => 10}
Map.new([{3, :c}, {1, :a}, {2, :b}, {:z, 0}, {"s", 1}]) |> Map.keys()
Map.new(1..32, &{33 - &1, &1}) |> Map.to_list() |> Enum.take(5)
Enum.into(1..500, %{}, &{&1, -&1}) |> Map.values() |> Enum.sum()
Map.merge(Map.new(1..100, &{&1, 1}), Map.new(50..150, &{&1, 2})) |> Map.values() |> Enum.sum()
Map.merge(Map.new(1..100, &{&1, 1}), Map.new(50..150, &{&1, 2}), fn _k, a, b -> a * 10 + b end) |> Map.values() |> Enum.sum()
m = Map.new(1..100, &{&1, &1}); {v, m2} = Map.pop(m, 50); {v, map_size(m2), Map.has_key?(m2, 50), map_size(m)}
m = Map.new(1..100, &{&1, &1}); m2 = Map.update(m, 7, 0, &(&1 * 100)); m3 = Map.update!(m2, 8, &(-&1)); {m[7], m2[7], m3[8], m[8]}
%{5 => x} = Map.new(1..100, &{&1, &1 * 2}); x
{match?(%{1.0 => _}, %{1 => :a}), match?(%{1 => _}, %{1 => :a}), match?(%{1 => _}, Map.new(1..40, &{&1, &1}))}
{Map.equal?(Map.new(1..40, &{&1, &1}), Map.new(1..40, &{&1, &1 * 1.0})), Map.new(1..40, &{&1, &1}) == Map.new(1..40, &{&1, &1 * 1.0})}
{Map.new(1..40, &{&1, &1}) < Map.new(1..40, &{&1, &1 + 1}), Map.new(1..40, &{&1, &1}) < Map.new(1..39, &{&1, &1})}
big = Map.new(1..100, &{&1, &1}); :erlang.binary_to_term(:erlang.term_to_binary(big)) == big
m = Map.new(1..100, &{&1, [&1]}); {map_size(Map.filter(m, fn {k, _} -> rem(k, 3) == 0 end)), Map.take(m, [1, 2, 200]), map_size(Map.drop(m, Enum.to_list(1..90)))}
m = Map.new(1..1000, &{&1, &1}); Enum.reduce(m, 0, fn {k, v}, acc -> acc + k * v end)
m = for i <- 1..1000, into: %{}, do: {rem(i, 37), i}; {map_size(m), m[0], m[36]}
m = Map.new(1..40, &{&1, &1}); Enum.sort(Map.keys(Map.put(m, 0, 0))) |> Enum.take(3)
