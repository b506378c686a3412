# Kernel: guards, tuples, sizes, apply, inspect, to_string
is_atom(:a)
is_atom(nil)
is_integer(1)
is_integer(1.0)
is_float(1.0)
is_number(1)
is_binary("a")
is_list([])
is_tuple({})
is_map(%{})
is_boolean(true)
is_nil(nil)
is_function(fn -> 1 end)
is_function(fn x -> x end, 1)
is_pid(self())
byte_size("abc")
byte_size("é")
byte_size(:a)
elem({1, 2}, 0)
elem({1, 2}, 2)
put_elem({1, 2}, 0, :a)
tuple_size({1, 2, 3})
tuple_size([])
length([1, 2])
length(:a)
hd([1, 2])
hd([])
tl([1, 2])
apply(Enum, :count, [[1, 2]])
apply(fn x -> x + 1 end, [1])
inspect(:a)
inspect("a")
inspect([1, 2])
inspect('abc')
to_string(:a)
to_string(1)
to_string([?a, ?b])
[1] ++ [2]
[1, 2, 3] -- [2]
div(7, 2)
rem(-7, 2)
div(1, 0)
abs(-3)
max(1, 2)
min(:a, 1)
round(2.5)
trunc(-2.5)
node()
is_reference(make_ref())
is_function(fn x -> x end, -1)
is_function(fn x -> x end, 2)
# more Kernel: guards and built-ins
is_atom(true)
is_boolean(nil)
is_list('abc')
is_map(%{}) and is_map_key(%{a: 1}, :a)
is_map_key(%{a: 1}, :b)
is_number(1.5)
is_bitstring("a")
is_struct(1..3)
is_struct(%{})
is_exception(1)
is_tuple({1, 2})
is_function(&is_atom/1, 1)
binary_part("hello", 1, 3)
binary_part("hello", 10, 3)
bit_size("abc")
byte_size("")
ceil(1.2)
floor(1.8)
round(1.5)
trunc(1.9)
abs(-1.5)
div(-7, 2)
rem(7, -2)
max("a", :b)
min({}, [])
not true
not nil
true and false
false or true
nil || 1
false && raise "never"
1 && 2
!nil
!1
1 in [1, 2]
1.0 in [1, 2]
:c in [:a, :b]
:a not in [:b]
tuple_size({:a, :b, :c})
map_size(%{a: 1})
length([])
hd([:a | [:b]])
elem({:a}, 0)
apply(String, :upcase, ["a"])
apply(Enum, :nosuch, [])
apply(fn -> :ok end, [])
then(5, fn x -> x * 2 end)
tap(5, fn x -> x * 2 end)
to_charlist("abc")
to_charlist(:abc)
to_charlist(123)
to_string(nil)
to_string(true)
to_string(1.0)
to_string("already")
to_string(["a", ?b])
to_string({1, 2})
to_string(%{})
inspect(:"with space")
inspect(:ok)
inspect(nil)
inspect(Foo.Bar)
inspect(:"Elixir.Foo")
inspect("a\nb")
inspect("é")
inspect([1, [2, [3]]])
inspect({:ok, %{a: [1, 2]}})
inspect(%{"a" => 1, b: 2})
inspect(1.0e20)
inspect(123456789, pretty: true)
inspect(Enum.to_list(1..60))
inspect(Enum.to_list(1..60), limit: :infinity)
inspect(Enum.to_list(1..10), limit: 3)
inspect('abc', charlists: :as_lists)
inspect([7, 8], charlists: :as_charlists)
inspect(%{a: 1, b: 2, c: 3}, limit: 2)
inspect(String.duplicate("a", 20), printable_limit: 5)
inspect({1, 2, 3}, limit: 1)
inspect([a: 1, b: 2])
inspect([{:a, 1}, {"b", 2}])
inspect(:a, [])
inspect(1..3)
inspect(MapSet.new([1]))
inspect(-0.0)
inspect([])
inspect({})
inspect(%{})
is_pid(self())
is_reference(make_ref())
make_ref() == make_ref()
node()
node(self())
self() == self()
is_pid(spawn(fn -> :ok end))
function_exported?(Enum, :map, 2)
function_exported?(Enum, :nosuch, 2)
raise "boom"
raise ArgumentError
raise ArgumentError, "bad arg"
raise ArgumentError, message: "kw"
raise KeyError, key: :a, term: %{}
raise RuntimeError
throw(:ball)
exit(:normal)
exit({:shutdown, 1})
try do raise "x" rescue e -> e.message end
try do throw(:x) catch v -> {:caught, v} end
try do exit(:x) catch :exit, r -> {:exit, r} end
try do 1 / 0 rescue e in ArithmeticError -> e.message end
try do Enum.fetch!([], 1) rescue e -> e.__struct__ end
try do :ok after IO.puts("after") end
sigil_w = ~w(a b c); sigil_w
~w(a b c)a
~s(string)
"a" <> "b" <> "c"
"#{1}#{:a}#{"s"}#{1.5}"
"#{nil}"
"#{{1}}"
x = 5; x * 2
{a, b} = {1, 2}; a + b
{a, b} = {1, 2, 3}
[a | _] = []
%{a: v} = %{a: 1, b: 2}; v
case 1 do 2 -> :two end
cond do false -> 1 end
if nil, do: 1, else: 2
unless false, do: 1
with {:ok, x} <- {:ok, 1}, do: x
with {:ok, x} <- {:error, 1}, do: x
for x <- [1, 2, 3], x > 1, do: x * 2
for x <- [1, 2], y <- [:a, :b], do: {x, y}
for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k}
for x <- [1, 1, 2], uniq: true, do: x
for x <- ~w(a b), into: "", do: x
(fn x, y -> x + y end).(1, 2)
(&(&1 * 2)).(4)
(&Enum.sum/1).([1, 2])
f = fn 0 -> :zero; n when n > 0 -> :pos; _ -> :neg end; Enum.map([0, 1, -1], f)
1 + :a
:a + 1
-:a
"a" + 1
[1] ++ [2]
[1, 2] -- [1]
1 < 2 and 2 < 3
:a < :b
"abc" < "abd"
[1] < [1, 2]
{1} < [1]
%{} < []
1 <= 1.0
1 != 1.0
1 !== 1.0
nil == false

# more cases
inspect(%{a: %{b: %{c: [1, 2, {3, "x"}]}}})
inspect([1 | [2]])
inspect(:"1a")
inspect(:a?)
inspect(:b!)
inspect(:@)
inspect(:+)
inspect(:"foo-bar")
inspect(:Foo)
inspect(:"Elixir.foo")
inspect(true)
inspect([true, false, nil])
inspect("tab\there")
inspect("quote\"d")
inspect("\\")
inspect("#{1}")
inspect("\e")
inspect('\n')
inspect([0, 1])
inspect([10, 13])
inspect(12.0)
inspect(0.1 + 0.2)
inspect(1.0e-7)
inspect(123_456_789_012_345_678_901)
inspect(-1)
inspect({:a, [b: 1]})
inspect(%{1 => 2})
inspect(%{[1] => 2, {1} => 3})
inspect(%{"a b": 1})
inspect(%{nil: 1, true: 2})
inspect([nil: 1])
inspect(Enum.to_list(1..5), limit: 0)
inspect("abc", printable_limit: 2)
inspect('abcdef', printable_limit: 3)
inspect([1, 2, 3], pretty: true, width: 4)
inspect(%{a: 1}, pretty: true)
to_string([])
to_string(:"")
to_string(-5)
to_string(3.0e-3)
to_string([[], "x"])
to_string(Foo)
to_string(:foo)
is_integer(1) and is_float(1.0) and is_number(1)
is_list([1 | [2]])
is_tuple({:a})
is_nil(false)
is_boolean(false)
is_function(1)
is_function(fn -> 1 end, 0)
is_binary('abc')
byte_size("👍🏽")
byte_size(<<>>)
elem({1, 2, 3}, 2)
put_elem({1}, 0, 2)
tuple_size(put_elem({1, 2}, 1, 3))
max([1], {1})
min(nil, false)
abs(0)
abs(-0.0)
div(9, -2)
rem(9, -2)
round(-0.5)
trunc(1.0e20)
hd('abc')
tl('abc')
length('abc')
self() |> is_pid()
node() |> is_atom()
make_ref() |> is_reference()
apply(List, :first, [[1, 2]])
then([1, 2], &Enum.sum/1)
[1, 2] |> tap(&IO.inspect/1) |> length()
get_in(%{a: 1}, [:a])
put_in(%{a: 1}, [:a], 2)
update_in(%{a: [1]}, [:a], &[0 | &1])
pop_in(%{a: 1}, [:a])
get_and_update_in(%{a: 1}, [:a], &{&1, &1 + 1})
# binaries that are not UTF-8, and bitstrings
byte_size(<<1, 255>>)
byte_size(<<1::3, 2>>)
bit_size(<<1::3, 2>>)
bit_size("é")
is_binary(<<255>>)
is_binary(<<1::3>>)
is_bitstring(<<1::3>>)
is_bitstring(:a)
binary_part(<<1, 2, 255>>, 3, -2)
binary_part(<<1, 2, 255>>, 1, 1)
binary_part(<<1::3>>, 0, 0)
inspect(<<1, 2, 3, 4, 5>>, limit: 3)
inspect(<<0, 1::size(1)>>)
inspect("abc", binaries: :as_binaries)
inspect(<<97, 255>>, binaries: :as_strings)
inspect([<<255>>, "a"])
inspect(String.duplicate(<<255>>, 60))
inspect(<<255, 1::2>>, limit: 1)
"#{<<97, 255>>}"
to_string(<<255>>)
to_string(<<1::3>>)
to_string([<<97, 255, 98>>, "a"])
apply(Kernel, :length, [[1, 2]])
apply(Kernel, :max, [1, 2])
apply(Kernel, :elem, [{:a, :b}, 1])
apply(Kernel, :is_atom, [:a])
apply(Kernel, :inspect, [:a])
m = Kernel; m.length([1, 2, 3])
function_exported?(Kernel, :length, 1)
apply(Kernel, :no_such_function, [])
apply(Kernel, :+, [1, 2])
apply(Kernel, :-, [5])
apply(Kernel, :==, [1, 1.0])
apply(Kernel, :<>, ["a", "b"])
apply(Kernel, :is_nil, [nil])
m = Kernel; m.+(1, 2)
m = Kernel; m.to_string(1)
