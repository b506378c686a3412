# Agent: start, get, update, get_and_update, cast, stop, names, errors
{:ok, a} = Agent.start_link(fn -> 0 end); Agent.get(a, & &1)
{:ok, a} = Agent.start(fn -> [1, 2] end); Agent.get(a, fn s -> Enum.sum(s) end)
{:ok, a} = Agent.start_link(fn -> 0 end); Agent.update(a, &(&1 + 1)); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> 0 end); Agent.update(a, &(&1 + 1))
{:ok, a} = Agent.start_link(fn -> 5 end); Agent.get_and_update(a, fn s -> {s, s * 2} end)
{:ok, a} = Agent.start_link(fn -> 5 end); Agent.get_and_update(a, fn s -> {s, s * 2} end); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> 0 end); Agent.cast(a, &(&1 + 10)); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> 0 end); Agent.cast(a, &(&1 + 10))
{:ok, a} = Agent.start(fn -> 0 end); Agent.stop(a)
{:ok, a} = Agent.start(fn -> 0 end); Agent.stop(a); Process.alive?(a)
{:ok, a} = Agent.start(fn -> 0 end); ref = Process.monitor(a); Agent.stop(a, :shutdown); receive do {:DOWN, ^ref, _, _, r} -> r end
{:ok, a} = Agent.start(fn -> 0 end); Agent.stop(a, :normal, 1000)
{:ok, _} = Agent.start_link(fn -> :named end, name: :agent_a); Agent.get(:agent_a, & &1)
{:ok, a} = Agent.start_link(fn -> 1 end, name: :agent_b); {:error, {:already_started, p}} = Agent.start_link(fn -> 2 end, name: :agent_b); p == a
{:ok, a} = Agent.start_link(fn -> 1 end, name: :agent_c); Process.whereis(:agent_c) == a
{:ok, _} = Agent.start_link(fn -> 1 end, name: {:global, :agent_d}); Agent.get({:global, :agent_d}, & &1)
{:ok, a} = Agent.start_link(fn -> 1 end); Agent.get(a, & &1, 1000)
{:ok, a} = Agent.start_link(fn -> 1 end); Agent.get(a, & &1, :infinity)
{:ok, a} = Agent.start_link(fn -> 1 end); Agent.update(a, &(&1 * 3), 1000); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> 1 end); Agent.get_and_update(a, &{&1, &1}, 1000)
defmodule AgM do def new, do: %{}; def put(m, k, v), do: Map.put(m, k, v); def get(m, k), do: Map.get(m, k); def split([h | t], 1), do: {[h], t}; def pair(x), do: {x, x}; def mx(a, b), do: max(a, b) end; {:ok, a} = Agent.start_link(AgM, :new, []); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(AgM, :pair, [:x]); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> %{} end); Agent.update(a, AgM, :put, [:k, :v]); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> %{k: 1} end); Agent.get(a, AgM, :get, [:k])
{:ok, a} = Agent.start_link(fn -> [3, 1, 2] end); Agent.get_and_update(a, AgM, :split, [1])
{:ok, a} = Agent.start_link(fn -> 0 end); Agent.cast(a, AgM, :mx, [5]); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> 1 end, name: :agent_e); Agent.stop(:agent_e); Process.whereis(:agent_e)
Process.flag(:trap_exit, true); Agent.start_link(fn -> exit(:no_way) end)
Agent.start(fn -> exit(:no_way) end)
Agent.start(fn -> raise "boom" end) |> elem(0)
Agent.start(:not_a_fun)
Agent.start_link(fn x -> x end)
Agent.start_link(fn -> 1 end, name: "bad")
try do Agent.get(:agent_nobody, & &1) catch :exit, {r, {GenServer, :call, [n, {tag, _}, t]}} -> {r, n, tag, t} end
try do Agent.update(:agent_nobody, & &1) catch :exit, {r, {GenServer, :call, [n, {tag, _}, t]}} -> {r, n, tag, t} end
try do Agent.get_and_update(:agent_nobody, &{&1, &1}) catch :exit, {r, {GenServer, :call, [n, {tag, _}, t]}} -> {r, n, tag, t} end
Agent.cast(:agent_nobody, & &1)
Agent.stop(:agent_nobody)
{:ok, a} = Agent.start(fn -> 1 end); try do Agent.get(a, fn _ -> raise "inner" end) catch :exit, {{e, _}, {GenServer, :call, _}} -> e end
{:ok, a} = Agent.start(fn -> 1 end); try do Agent.get(a, fn _ -> Process.sleep(200) end, 10) catch :exit, {r, {GenServer, :call, [_, _, t]}} -> {r, t} end
{:ok, a} = Agent.start(fn -> 1 end); try do Agent.get_and_update(a, fn s -> s end) catch :exit, {r, _} -> elem(r, 0) end
{:ok, a} = Agent.start_link(fn -> 0 end); Process.info(a, :initial_call)
{:ok, a} = Agent.start_link(fn -> 0 end); {:dictionary, d} = Process.info(a, :dictionary); Keyword.get(d, :"$ancestors") == [self()]
{:ok, a} = Agent.start_link(fn -> 0 end); {:links, l} = Process.info(a, :links); l == [self()]
{:ok, a} = Agent.start(fn -> 0 end); Process.info(a, :links)
{:ok, a} = Agent.start_link(fn -> 0 end); :sys.get_state(a)
Agent.child_spec(fn -> 0 end) |> Map.delete(:start)
Agent.child_spec(fn -> 0 end) |> Map.keys()
Agent.child_spec([]) |> Map.delete(:start)
defmodule AgA do use Agent; def start_link(x), do: Agent.start_link(fn -> x end, name: __MODULE__) end; AgA.child_spec(3)
defmodule AgB do use Agent, restart: :temporary; def start_link(x), do: Agent.start_link(fn -> x end) end; AgB.child_spec(3)
defmodule AgC do use Agent; def start_link(x), do: Agent.start_link(fn -> x end, name: __MODULE__); def value, do: Agent.get(__MODULE__, & &1) end; AgC.start_link(42); AgC.value()
{:ok, a} = Agent.start_link(fn -> 0 end); for _ <- 1..10, do: Agent.cast(a, &(&1 + 1)); Agent.get(a, & &1)
{:ok, a} = Agent.start_link(fn -> [] end); Agent.update(a, &[:a | &1]); Agent.update(a, &[:b | &1]); Agent.get(a, &Enum.reverse/1)
