# Usage: elixir list_idioms.exs [N]
#        PROCSHELL_BENCH_N=N procshell --script list_idioms.exs   (what `procshell bench list_idioms` runs)
# The commonest Elixir idioms on lists, each over N elements (default 100_000), in a module
# compiled as a person's: after one untimed run, 5 runs, in ms: the median of the wall time
# (list_IDIOM_ms) and the mean of the VM's CPU time (list_IDIOM_cpu_ms, :erlang.statistics(:runtime),
# every scheduler, in whole milliseconds on the BEAM, in 10 ms steps in procshell on Linux):
#   accumulate   def dbl([h | t], acc), do: dbl(t, [h * 2 | acc]) over N, then Enum.reverse
#   body_build   def build(n), do: [n | build(n - 1)] for N div 2
#   reduce_cons  Enum.reduce(1..N, [], fn i, l -> [i | l] end)
#   pop_push     N steps of def stack(n, [_ | s]), do: stack(n - 1, [n, n | s]) (a fork at every push)
#   prepend      Enum.reduce(1..N, [], fn i, l -> [i] ++ l end)
#   tl_walk      def count(l), do: count(tl(l)) ... over N
n =
  case System.argv() do
    [x | _] -> String.to_integer(x)
    _ -> String.to_integer(System.get_env("PROCSHELL_BENCH_N") || "100000")
  end

defmodule ListIdioms do
  def dbl([h | t], acc), do: dbl(t, [h * 2 | acc])
  def dbl([], acc), do: Enum.reverse(acc)

  def build(0), do: []
  def build(n), do: [n | build(n - 1)]

  def stack(0, s), do: s
  def stack(n, [_ | s]), do: stack(n - 1, [n, n | s])

  def count([], k), do: k
  def count(l, k), do: count(tl(l), k + 1)

  def measure(name, f) do
    f.()
    runs = for _ <- 1..5, do: once(f)
    IO.puts("list_#{name}_ms #{fmt(median(Enum.map(runs, &elem(&1, 0))))} ms")
    IO.puts("list_#{name}_cpu_ms #{fmt(Enum.sum(Enum.map(runs, &elem(&1, 1))) / 5)} ms")
  end

  def once(f) do
    {c0, _} = :erlang.statistics(:runtime)
    t0 = System.monotonic_time(:microsecond)
    f.()
    t1 = System.monotonic_time(:microsecond)
    {c1, _} = :erlang.statistics(:runtime)
    {(t1 - t0) / 1000, c1 - c0}
  end

  def median(xs), do: Enum.at(Enum.sort(xs), 2)

  def fmt(x), do: :erlang.float_to_binary(x / 1, decimals: 2)
end

list = Enum.to_list(1..n)
ListIdioms.measure("accumulate", fn -> ListIdioms.dbl(list, []) end)
ListIdioms.measure("body_build", fn -> ListIdioms.build(div(n, 2)) end)
ListIdioms.measure("reduce_cons", fn -> Enum.reduce(1..n, [], fn i, l -> [i | l] end) end)
ListIdioms.measure("pop_push", fn -> ListIdioms.stack(n, [0]) end)
ListIdioms.measure("prepend", fn -> Enum.reduce(1..n, [], fn i, l -> [i] ++ l end) end)
ListIdioms.measure("tl_walk", fn -> ListIdioms.count(list, 0) end)
