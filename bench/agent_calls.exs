# Calls from the evaluating process, as a person makes them at the prompt or in a script: 10,000
# Agent.update round trips on an integer state, six times, each timed in ms. (The same with a
# 100,000-key map as the state is the maps bench's Agent idiom, `maps_agent_state_put` of
# bench/beam/maps.exs.) Run as `bin/procshell --script bench/agent_calls.exs` and
# `elixir bench/agent_calls.exs`.
{:ok, pid} = Agent.start_link(fn -> 0 end)

for _ <- 1..6 do
  {t, _} = :timer.tc(fn -> for i <- 1..10000, do: Agent.update(pid, fn s -> s + i end) end)
  IO.puts("agent_update #{t / 1000} ms")
end
