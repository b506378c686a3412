# Usage: elixir input_latency.exs [N]
# The BEAM side of `procshell bench input_latency`: the time from an input handed to
# the evaluator to its value inspected, as iex's evaluator does it (Code.eval_string
# with the bindings of the earlier inputs, then inspect). Prints, in ms:
#   input_first_ms          `1 + 1`, the first input evaluated in this VM
#   input_steady_median_ms  over the corpus (input_corpus.txt, which procshell's InputBench
#   input_steady_p90_ms       reads too), after one untimed round, max(1, min(10, N div 300_000)) rounds
#   input_typed_loop_ms     Enum.reduce over N integers with a fun typed at the prompt
#   input_spawn_loop_ms     N div 15 processes spawned from a `for` typed at the prompt
#   input_defmodule_ms      the definition of a module with a tail-recursive function
#   input_module_loop_ms    that tail-recursive function of a module defined at the prompt, N steps
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

# The inputs: the corpus file procshell's InputBench reads too (sections "## name", inputs
# separated by blank lines, "{n}" for the size, "# " comment lines).
corpus =
  Path.join(__DIR__, "../../shell/src/main/resources/procshell/shell/bench/input_corpus.txt")
  |> File.read!()
  |> String.split("\n")
  |> Enum.reject(&String.starts_with?(&1, "# "))
  |> Enum.join("\n")
  |> String.split(~r/^## /m)
  |> Enum.drop(1)
  |> Map.new(fn section ->
    [name, body] = String.split(section, "\n", parts: 2)
    {String.trim(name), body |> String.split(~r/\n[ \t]*\n/) |> Enum.map(&String.trim_trailing/1) |> Enum.reject(&(&1 == ""))}
  end)
one = fn name, n -> [input] = corpus[name]; String.replace(input, "{n}", Integer.to_string(n)) end
steady = corpus["steady"]

{first, _, binding} = InputLatency.time(one.("first", n), [])
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
{ms, ^sum, binding} = InputLatency.time(one.("typed_loop", n), binding)
InputLatency.out("typed_loop", ms)
{ms, _, binding} = InputLatency.time(one.("spawn_loop", max(1, div(n, 15))), binding)
InputLatency.out("spawn_loop", ms)
{ms, _, binding} = InputLatency.time(one.("module", n), binding)
InputLatency.out("defmodule", ms)
{ms, ^sum, _} = InputLatency.time(one.("module_loop", n), binding)
InputLatency.out("module_loop", ms)
