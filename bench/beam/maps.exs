# Usage: elixir maps.exs [N]   (procshell bench maps runs this same script with --script, N from
# the environment variable PROCSHELL_BENCH_N, since --script takes no arguments)
# The commonest idioms on maps and sets, each over N keys (default 100,000; the small-map idioms
# 3 N times): one untimed run, then the median of 5 runs, in ms, as `name value ms` lines.
n = case System.argv() do
  [x | _] -> String.to_integer(x)
  _ -> String.to_integer(System.get_env("PROCSHELL_BENCH_N", "100000"))
end

defmodule MapsBench do
  defstruct a: 0, b: 1, c: 2

  def put(n), do: Enum.reduce(1..n, %{}, fn i, m -> Map.put(m, i, i) end)
  def update(m, n), do: Enum.reduce(1..n, m, fn i, m -> %{m | i => i + 1} end)
  def map_update(m, n), do: Enum.reduce(1..n, m, fn i, m -> Map.update(m, i, 0, &(&1 + 1)) end)
  def delete(m, n), do: Enum.reduce(1..n, m, fn i, m -> Map.delete(m, i) end)
  def for_into(n), do: for(i <- 1..n, into: %{}, do: {i, i})
  def map_new(n), do: Map.new(1..n, fn i -> {i, i} end)
  def merge(n), do: Enum.reduce(1..n, %{}, fn i, m -> Map.merge(m, %{i => i}) end)
  def mapset_put(n), do: Enum.reduce(1..n, MapSet.new(), fn i, s -> MapSet.put(s, i) end)
  def mapset_union(s, n), do: Enum.reduce(1..div(n, 10), s, fn i, acc -> MapSet.union(acc, MapSet.new([i, -i])) end)
  def small(n), do: Enum.reduce(1..n, 0, fn i, acc -> m = %{a: i, b: 2}; acc + m.a + m[:b] end)
  def struct_update(n), do: Enum.reduce(1..n, %MapsBench{}, fn i, s -> %MapsBench{s | a: s.a + i + s.b} end)

  def genserver(m, n) do
    {:ok, pid} = Agent.start_link(fn -> m end)
    for i <- 1..div(n, 10), do: Agent.update(pid, fn s -> Map.put(s, i, -i) end)
    v = Agent.get(pid, fn s -> map_size(s) end)
    Agent.stop(pid)
    v
  end

  def median(f) do
    f.()
    ts = for _ <- 1..5, do: elem(:timer.tc(f), 0)
    Enum.at(Enum.sort(ts), 2) / 1000
  end
end

big = MapsBench.put(n)
set = MapsBench.mapset_put(n)
out = fn name, f -> IO.puts("#{name} #{:erlang.float_to_binary(MapsBench.median(f) / 1, decimals: 2)} ms") end
out.("maps_put_ms", fn -> MapsBench.put(n) end)
out.("maps_update_syntax_ms", fn -> MapsBench.update(big, n) end)
out.("maps_map_update_ms", fn -> MapsBench.map_update(big, n) end)
out.("maps_delete_ms", fn -> MapsBench.delete(big, n) end)
out.("maps_for_into_ms", fn -> MapsBench.for_into(n) end)
out.("maps_map_new_ms", fn -> MapsBench.map_new(n) end)
out.("maps_merge_one_ms", fn -> MapsBench.merge(n) end)
out.("mapset_put_ms", fn -> MapsBench.mapset_put(n) end)
out.("mapset_union_small_ms", fn -> MapsBench.mapset_union(set, n) end)
out.("maps_agent_state_put_ms", fn -> MapsBench.genserver(big, n) end)
out.("maps_small_literal_ms", fn -> MapsBench.small(3 * n) end)
out.("maps_struct_update_ms", fn -> MapsBench.struct_update(3 * n) end)
