# Calls from the evaluating process, as a person makes them at the prompt or in a script: 10,000
# Agent.update round trips on a 100,000-key map (the maps bench's Agent idiom), the same map put
# into without an Agent, and 10,000 updates of an integer state; each timed, in ms.
# Run as `bin/procshell --script bench/agent_calls.exs` and `elixir bench/agent_calls.exs`.
defmodule AB do
  def put(n), do: Enum.reduce(1..n, %{}, fn i, m -> Map.put(m, i, i) end)
  def genserver(m, n) do
    {:ok, pid} = Agent.start_link(fn -> m end)
    for i <- 1..div(n, 10), do: Agent.update(pid, fn s -> Map.put(s, i, -i) end)
    v = Agent.get(pid, fn s -> map_size(s) end)
    Agent.stop(pid)
    v
  end
end
big = AB.put(100_000)
for _ <- 1..6 do
  {t, _} = :timer.tc(fn -> AB.genserver(big, 100_000) end)
  IO.puts("agent_state_put #{t / 1000} ms")
end
for _ <- 1..3 do
  {t, _} = :timer.tc(fn -> Enum.reduce(1..10000, big, fn i, m -> Map.put(m, i, -i) end) end)
  IO.puts("plain_put #{t / 1000} ms")
end
{:ok, pid} = Agent.start_link(fn -> 0 end)
for _ <- 1..3 do
  {t, _} = :timer.tc(fn -> for i <- 1..10000, do: Agent.update(pid, fn s -> s + i end) end)
  IO.puts("small_agent_update #{t / 1000} ms")
end
