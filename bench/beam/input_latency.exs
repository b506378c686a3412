# Usage: elixir input_latency.exs [N]
# The BEAM side of `procshell bench input_latency`: the time from an input handed to
# the evaluator to its value inspected, as iex's evaluator does it (Code.eval_string
# with the bindings of the earlier inputs, then inspect). Prints, in ms:
#   input_first_ms          `1 + 1`, the first input evaluated in this VM
#   input_steady_median_ms  over the corpus below (the same inputs as InputBench.CORPUS
#   input_steady_p90_ms       in procshell), after one untimed round, max(1, min(10, N div 300_000)) rounds
#   input_typed_loop_ms     Enum.reduce over N integers with a fun typed at the prompt
#   input_spawn_loop_ms     N div 15 processes spawned from a `for` typed at the prompt
#   input_module_loop_ms    a tail-recursive function of a module defined at the prompt, N steps
#   input_steady_mean_ms    their mean
# Each but the median and p90 also as input_..._cpu_ms: the VM's CPU time meanwhile
# (:erlang.statistics(:runtime), every scheduler; whole milliseconds, so the steady
# inputs' is a mean over all of them). Typed funs run in erl_eval, as in iex; the module's
# code is compiled.
n = case System.argv() do
  [x | _] -> String.to_integer(x)
  _ -> 3_000_000
end

defmodule InputLatency do
  def out(measure, {ms, cpu_ms}) do
    IO.puts("input_#{measure}_ms #{fmt(ms)} ms")
    IO.puts("input_#{measure}_cpu_ms #{fmt(cpu_ms)} ms")
  end

  def fmt(x), do: :erlang.float_to_binary(x / 1, decimals: 2)

  # {{ms, cpu_ms}, value, binding}: the input evaluated with the binding so far, its value inspected.
  def time(source, binding) do
    {c0, _} = :erlang.statistics(:runtime)
    t0 = System.monotonic_time(:microsecond)
    {value, binding} = Code.eval_string(source, binding, file: "iex")
    _ = inspect(value, IEx.Config.inspect_opts())
    t1 = System.monotonic_time(:microsecond)
    {c1, _} = :erlang.statistics(:runtime)
    {{(t1 - t0) / 1000, c1 - c0}, value, binding}
  end

  def percentile(sorted, p) do
    rank = ceil(p / 100 * length(sorted))
    Enum.at(sorted, max(0, rank - 1))
  end
end

steady = [
  "1 + 1",
  "x = [1, 2, 3] |> Enum.map(fn x -> x * 2 end)",
  "Enum.sum(x)",
  "case x do\n  [a | _] -> a\n  [] -> :empty\nend",
  "for n <- 1..10, rem(n, 2) == 0, do: n * n",
  "Process.whereis(:x)",
  "{:ok, pid} = Agent.start_link(fn -> 0 end)",
  "Agent.update(pid, fn n -> n + 1 end)",
  "Agent.get(pid, fn n -> n end)",
  "defmodule Greeter do\n  def hello(name), do: \"Hello, \" <> name <> \"!\"\nend",
  "Greeter.hello(\"world\")",
  "%{name: \"Ada\", age: 36} |> Map.put(:lang, :elixir)",
  "String.upcase(\"hello\") <> \" world\"",
  "p = spawn(fn -> receive do\n  msg -> msg\nend end)",
  "send(p, :hi)",
  "Process.alive?(self())",
  "Enum.filter(1..20, fn n -> rem(n, 3) == 0 end)",
  "if length(x) > 2, do: :long, else: :short",
  "mul = fn a, b -> a * b end",
  "mul.(6, 7)",
  "Keyword.get([a: 1, b: 2], :b)",
  "Task.async(fn -> 21 * 2 end) |> Task.await()"
]


{first, _, binding} = InputLatency.time("1 + 1", [])
InputLatency.out("first", first)

run_all = fn binding -> Enum.map_reduce(steady, binding, fn s, b ->
  {ms, _, b} = InputLatency.time(s, b)
  {ms, b}
end) end
{_, binding} = run_all.(binding)
rounds = max(1, min(10, div(n, 300_000)))
{c0, _} = :erlang.statistics(:runtime)
{times, binding} = Enum.flat_map_reduce(1..rounds, binding, fn _, b -> run_all.(b) end)
{c1, _} = :erlang.statistics(:runtime)
wall = times |> Enum.map(&elem(&1, 0)) |> Enum.sort()
IO.puts("input_steady_median_ms #{InputLatency.fmt(InputLatency.percentile(wall, 50))} ms")
IO.puts("input_steady_p90_ms #{InputLatency.fmt(InputLatency.percentile(wall, 90))} ms")
InputLatency.out("steady_mean", {Enum.sum(wall) / length(wall), (c1 - c0) / length(wall)})

sum = div(n * (n + 1), 2)
{ms, ^sum, binding} = InputLatency.time("Enum.reduce(1..#{n}, 0, fn x, acc -> x + acc end)", binding)
InputLatency.out("typed_loop", ms)
{ms, _, binding} = InputLatency.time("for _ <- 1..#{max(1, div(n, 15))}, do: spawn(fn -> :ok end)", binding)
InputLatency.out("spawn_loop", ms)
{_, _, binding} = InputLatency.time("defmodule Loop do\n  def loop(0, acc), do: acc\n  def loop(n, acc), do: loop(n - 1, acc + n)\nend", binding)
{ms, ^sum, _} = InputLatency.time("Loop.loop(#{n}, 0)", binding)
InputLatency.out("module_loop", ms)
