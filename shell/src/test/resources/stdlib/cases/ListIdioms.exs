# [h | t] built and taken apart in loops (not a module: lists as the BEAM shares their tails)
defmodule LI1 do def dbl([h | t], acc), do: dbl(t, [h * 2 | acc]); def dbl([], acc), do: Enum.reverse(acc) end; r = LI1.dbl(Enum.to_list(1..100_000), []); {length(r), Enum.take(r, 3), List.last(r), Enum.sum(r)}
defmodule LI2 do def build(0), do: []; def build(n), do: [n | build(n - 1)] end; r = LI2.build(50_000); {length(r), hd(r), List.last(r), Enum.take(r, -2)}
r = Enum.reduce(1..100_000, [], fn i, l -> [i | l] end); {length(r), Enum.take(r, 3), r == Enum.to_list(100_000..1)}
r = Enum.reduce(1..20_000, {[], []}, fn x, {a, b} -> if rem(x, 2) == 0, do: {[x | a], b}, else: {a, [x | b]} end); {length(elem(r, 0)), Enum.take(elem(r, 1), 2)}
defmodule LI3 do def stack(0, s), do: s; def stack(n, [_ | s]), do: stack(n - 1, [n, n | s]) end; r = LI3.stack(20_000, [0]); {length(r), Enum.take(r, 4), Enum.sum(r), Enum.at(r, 10_000)}
defmodule LI4 do def count([]), do: 0; def count(l), do: 1 + count(tl(l)) end; LI4.count(Enum.to_list(1..50_000))
defmodule LI5 do def pairs([a, b | rest], acc), do: pairs(rest, [{a, b} | acc]); def pairs(rest, acc), do: {rest, acc} end; LI5.pairs(Enum.to_list(1..7), [])
defmodule LI6 do def map([], _f), do: []; def map([h | t], f), do: [f.(h) | map(t, f)] end; r = LI6.map(Enum.to_list(1..30_000), &(&1 * 3)); {length(r), Enum.take(r, 2), List.last(r)}
[a, b | rest] = Enum.to_list(1..5); {a, b, rest, [0 | rest], rest ++ [9]}
t = [3, 4]; a = [1 | t]; b = [2 | t]; c = [0 | a]; {a, b, c, t, a == [1, 3, 4], tl(c) == a, [9 | tl(a)]}
l = Enum.reduce(1..5, [], &[&1 | &2]); {inspect(l), l == [5, 4, 3, 2, 1], l === [5, 4, 3, 2, 1], :erlang.phash2(l) == :erlang.phash2([5, 4, 3, 2, 1]), Enum.sort(l), List.to_tuple(l)}
l = Enum.reduce(1..3, [], &[&1 | &2]); m = %{l => :found, [1 | [2]] => :two}; {m[[3, 2, 1]], m[[1, 2]], Map.has_key?(m, Enum.to_list(3..1)), MapSet.new([l, [3, 2, 1]]) |> MapSet.size()}
{[?a | 'bc'], to_string([?h | 'i']), [?x | []], is_list([1 | []]), length([1, 2 | [3]])}
l = [1 | [2 | [3]]]; {List.first(l), List.last(l), List.delete(l, 2), List.insert_at(l, 1, :x), List.flatten([l | [[4, [5]]]]), List.foldl(l, [], &[&1 | &2]), List.wrap(l)}
l = Enum.reduce(1..10, [], &[&1 | &2]); {length(l), hd(tl(tl(l))), length(Enum.reverse(l) ++ l), Enum.reverse(l), Enum.drop(l, 8), Enum.slice(l, 2, 3), Enum.chunk_every(l, 4)}
for x <- 1..5, reduce: [] do acc -> [x * x | acc] end
kw = [{:a, 1} | [b: 2]]; {kw[:a], Keyword.get(kw, :b), Keyword.keys(kw), Keyword.put(kw, :c, 3)}
f = fn [h | t] -> {h, t}; [] -> :empty end; {f.([1 | [2, 3]]), f.(tl([1])), f.(Enum.reduce(1..3, [], &[&1 | &2]))}
t = :ets.new(:li, []); l = Enum.reduce(1..4, [], &[&1 | &2]); :ets.insert(t, {:k, [0 | l]}); {:ets.lookup(t, :k), :ets.match(t, {:k, :"$1"})}
parent = self(); l = Enum.reduce(1..1000, [], &[&1 | &2]); spawn(fn -> send(parent, {:got, [0 | l]}) end); receive do {:got, [h | t]} -> {h, length(t), t == l, hd(t)} end
parent = self(); base = Enum.reduce(1..1000, [], &[&1 | &2]); for i <- 1..8, do: spawn(fn -> send(parent, {i, Enum.reduce(1..2000, base, fn j, acc -> [i * 10_000 + j | acc] end)}) end); rs = for _ <- 1..8, do: (receive do {i, l} -> {i, l} end); rs |> Enum.sort() |> Enum.map(fn {i, l} -> {i, length(l), hd(l), Enum.at(l, 1999), Enum.drop(l, 2000) == base, Enum.sum(l)} end)
parent = self(); base = [0]; for i <- 1..4, do: spawn(fn -> send(parent, {i, Enum.reduce(1..500, base, fn j, [_ | t] -> [j, i | t] end)}) end); for(_ <- 1..4, do: (receive do {i, l} -> {i, l} end)) |> Enum.sort() |> Enum.map(fn {i, l} -> {i, length(l), Enum.take(l, 3), Enum.count(l, &(&1 == i))} end)
l = Enum.reduce(1..3, [], &[&1 | &2]); {:erlang.term_to_binary(l) == :erlang.term_to_binary([3, 2, 1]), :erlang.binary_to_term(:erlang.term_to_binary([0 | l]))}
defmodule LI7 do def walk([]), do: 0; def walk(l), do: 1 + walk(Enum.drop(l, 1)) end; LI7.walk(Enum.to_list(1..20_000))
r = Enum.reduce(1..20_000, [], fn i, l -> [i] ++ l end); {length(r), Enum.take(r, 2), List.last(r)}
a = [1, 2]; b = Enum.reverse([3, 4], a); c = Enum.reverse([5], a); {b, c, a, [0] ++ b, b ++ [], [] ++ b, :lists.reverse([7, 8], c)}
{Enum.drop(1..10, 7), Enum.drop(1..10//3, 1), Enum.drop([1, 2, 3], 5), Enum.drop([1, 2, 3], 0), Enum.drop([1, 2, 3], -1), Enum.drop('abc', 1)}
l = Enum.reduce(1..100, [], &[&1 | &2]); {l |> Enum.drop(97), l |> Enum.drop(50) |> length(), inspect(Enum.drop(l, 98)), Enum.drop(l, 1) == Enum.to_list(99..1)}
