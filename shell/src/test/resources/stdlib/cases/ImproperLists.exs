# Improper lists ([1 | 2]): built, printed, taken apart, compared and refused as on the BEAM
[1 | 2]
[1, 2 | 3]
[1 | [2 | 3]]
[0 | [1 | 2]]
x = [1 | 2]; [0 | x]
[1 | nil]
[[] | []]
["x" | "y"]
[1 | 2.5]
[1 | %{}]
[1 | {:a}]
['a' | "b"]
[?a | ?b]
[?a, ?b | "c"]
[{:a, 1} | :x]
{[1 | 2]}
%{[1 | 2] => 3}
Map.get(%{[1 | 2] => 3}, [1 | 2])
Map.get(%{[1 | 2] => 3}, [1 | 2.0])
hd([1 | 2])
tl([1 | 2])
tl([1, 2 | 3])
hd(tl([1, 2 | 3]))
:erlang.hd([1 | 2])
:erlang.tl([1, 2 | 3])
is_list([1 | 2])
length([1 | 2])
length([1, 2, 3 | 4])
:erlang.length([1 | 2])
[1 | 2] ++ [3]
[0] ++ 5
[] ++ 5
[0] ++ [1 | 2]
[1, 2] ++ :a
[a: 1] ++ :x
[1 | 2] -- [1]
case [1 | 2] do [a | b] -> {a, b} end
case [1 | 2] do [a, b] -> {a, b}; _ -> :no end
case [1, 2 | 3] do [a, b | c] -> {a, b, c} end
case [1 | 2] do [a, b | c] -> {a, b, c}; _ -> :no end
case [1 | 2] do [] -> :empty; [_ | _] -> :cell end
f = fn [h | t] -> {h, t} end; f.([1, 2 | 3])
[a | b] = [:x | :y]; {a, b}
[1 | 2] == [1 | 2]
[1 | 2] === [1 | 2]
[1 | 2] == [1 | 2.0]
[1 | 2] === [1 | 2.0]
[1 | 2] == [1, 2]
[1 | 2] < [1, 2]
[1 | 2] < [1 | 3]
[1 | 2] > [1]
[1 | :a] > [1, 2]
[1, 2 | 3] > [1, 2]
[1 | "b"] > [1, 2]
Enum.sort([[1 | 2], [1], [1, 2], [1 | :a], [0 | 9], [], [1 | "z"]])
:erlang.phash2([1 | 2])
:erlang.term_to_binary([1 | 2])
:erlang.binary_to_term(:erlang.term_to_binary([1, 2 | 3]))
inspect([1 | 2])
inspect([1, 2 | 3], limit: 1)
inspect([1, 2 | 3], limit: 2)
inspect(List.duplicate([1_000_000_000 | 2_000_000_000], 6), pretty: true)
inspect([String.duplicate("a", 50) | String.duplicate("b", 50)], pretty: true)
List.first([1 | 2])
List.improper?([1 | 2])
List.improper?([1, 2])
Enum.reduce_while([1 | 2], 0, fn x, a -> {:cont, a + x} end)
Enum.at([1 | 2], 0)
Enum.count([1 | 2])
:erlang.phash2([1, 2 | 3])
:erlang.phash2([300 | :a])
:erlang.phash2([1, 300, 2 | "x"])
:erlang.phash2({[1 | 2], [[1 | 2]]})
