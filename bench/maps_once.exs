# Usage: MAPS_N=10000 MAPS_S=2000 procshell --script bench/maps_once.exs (or elixir bench/maps_once.exs)
# One run of each map idiom at size MAPS_N (MapSet.put: MAPS_S), wall ms by :timer.tc: for comparing
# jars whose maps are quadratic (before the persistent maps), where maps.exs would run for hours.
defmodule Once do
  def put(n), do: Enum.reduce(1..n, %{}, fn i, m -> Map.put(m, i, i) end)
  def update(m, n), do: Enum.reduce(1..n, m, fn i, m -> %{m | i => i + 1} end)
  def delete(m, n), do: Enum.reduce(1..n, m, fn i, m -> Map.delete(m, i) end)
  def for_into(n), do: for(i <- 1..n, into: %{}, do: {i, i})
  def mapset_put(n), do: Enum.reduce(1..n, MapSet.new(), fn i, s -> MapSet.put(s, i) end)
  def agent(m, n) do
    {:ok, pid} = Agent.start_link(fn -> m end)
    for i <- 1..n, do: Agent.update(pid, fn s -> Map.put(s, i, -i) end)
    Agent.stop(pid)
  end
  def t(name, n, f) do
    {us, _} = :timer.tc(f)
    IO.puts("#{name} n=#{n} #{div(us, 1000)} ms")
  end
  def run(n, s) do
    big = put(n)
    t("Map.put", n, fn -> put(n) end)
    t("%{m | k => v}", n, fn -> update(big, n) end)
    t("Map.delete", n, fn -> delete(big, n) end)
    t("for into: %{}", n, fn -> for_into(n) end)
    t("Agent.update of a map state (n keys, n/10 updates)", n, fn -> agent(big, div(n, 10)) end)
    t("MapSet.put", s, fn -> mapset_put(s) end)
  end
end
Once.run(String.to_integer(System.get_env("MAPS_N", "10000")), String.to_integer(System.get_env("MAPS_S", "1000")))
