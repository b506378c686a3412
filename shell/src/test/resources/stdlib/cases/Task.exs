# Task: async/await, yield, yield_many, await_many, shutdown, ignore, completed, start, async_stream
Task.async(fn -> 1 + 1 end) |> Task.await()
Task.async(fn -> :done end) |> Task.await(1000)
Task.async(fn -> :done end) |> Task.await(:infinity)
Task.async(String, :upcase, ["abc"]) |> Task.await()
t = Task.async(fn -> 1 end); {t.mfa, t.owner == self(), is_pid(t.pid), is_reference(t.ref)}
t = Task.async(String, :upcase, ["a"]); t.mfa
Task.async(fn -> 1 end) |> Map.keys()
Task.async(fn -> 1 end) |> Map.get(:__struct__)
t = Task.async(fn -> Process.sleep(200) end); try do Task.await(t, 10) catch :exit, {r, {Task, :await, [_, to]}} -> {r, to} end
Process.flag(:trap_exit, true); t = Task.async(fn -> exit(:boom) end); try do Task.await(t) catch :exit, {r, {Task, :await, _}} -> r end
Process.flag(:trap_exit, true); t = Task.async(fn -> raise "boom" end); try do Task.await(t) catch :exit, {{e, _}, {Task, :await, _}} -> e end
Process.flag(:trap_exit, true); t = Task.async(fn -> exit(:boom) end); receive do {:EXIT, p, r} -> {p == t.pid, r} end
Task.await(:not_a_task)
Task.await(%{})
t = Task.async(fn -> 1 end); Task.await(t); Process.info(self(), :message_queue_len)
t = Task.async(fn -> 1 end); Task.await(t); r = Process.monitor(t.pid); receive do {:DOWN, ^r, _, _, _} -> :ok end; Process.info(self(), :links) |> elem(1) |> Enum.member?(t.pid)
Task.async(fn -> 3 end) |> Task.yield()
Task.async(fn -> 3 end) |> Task.yield(1000)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.yield(t, 10)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.yield(t, 0)
Process.flag(:trap_exit, true); t = Task.async(fn -> exit(:boom) end); Task.yield(t)
Process.flag(:trap_exit, true); t = Task.async(fn -> exit(:normal) end); Task.yield(t)
Task.yield(:nope)
Task.yield_many([])
Task.yield_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)]) |> Enum.map(fn {_, r} -> r end)
Task.yield_many([Task.async(fn -> 1 end), Task.async(fn -> Process.sleep(:infinity) end)], 50) |> Enum.map(fn {_, r} -> r end)
Process.flag(:trap_exit, true); Task.yield_many([Task.async(fn -> exit(:a) end), Task.async(fn -> :b end)]) |> Enum.map(fn {_, r} -> r end)
ts = [Task.async(fn -> 1 end), Task.async(fn -> 2 end)]; Task.yield_many(ts) |> Enum.map(fn {t, _} -> t end) == ts
Task.await_many([])
Task.await_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end), Task.async(fn -> 3 end)])
Task.await_many([Task.async(fn -> :a end)], 1000)
ts = [Task.async(fn -> Process.sleep(:infinity) end)]; try do Task.await_many(ts, 10) catch :exit, {r, {Task, :await_many, [_, to]}} -> {r, to} end
Process.flag(:trap_exit, true); ts = [Task.async(fn -> exit(:x) end)]; try do Task.await_many(ts) catch :exit, {r, {Task, :await_many, _}} -> r end
t = Task.async(fn -> Process.sleep(:infinity) end); Task.shutdown(t)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.shutdown(t, :brutal_kill)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.shutdown(t, 100)
t = Task.async(fn -> :done end); Task.yield(t); ref = Process.monitor(t.pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; Task.shutdown(t)
t = Task.async(fn -> :done end); ref = Process.monitor(t.pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; Task.shutdown(t)
t = Task.async(fn -> :done end); ref = Process.monitor(t.pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; Task.shutdown(t, :brutal_kill)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.shutdown(t); Process.alive?(t.pid)
parent = self(); t = Task.async(fn -> Process.flag(:trap_exit, true); send(parent, :trapping); receive do {:EXIT, _, :shutdown} -> exit(:my_reason) end end); receive do :trapping -> :ok end; Task.shutdown(t)
try do Task.shutdown(Task.completed(1)) rescue ArgumentError -> :argument_error end
Task.completed(5) |> Task.await()
Task.completed(:x) |> Task.yield()
t = Task.completed(1); {t.pid, t.mfa, t.owner == self()}
Task.await_many([Task.completed(1), Task.async(fn -> 2 end)])
t = Task.async(fn -> :done end); ref = Process.monitor(t.pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; Task.ignore(t)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.ignore(t)
t = Task.async(fn -> Process.sleep(:infinity) end); Task.ignore(t); Process.info(self(), :links) |> elem(1) |> Enum.member?(t.pid)
Task.ignore(Task.completed(4))
{:ok, pid} = Task.start(fn -> :ok end); is_pid(pid)
{:ok, pid} = Task.start(String, :upcase, ["x"]); is_pid(pid)
{:ok, pid} = Task.start_link(fn -> :ok end); is_pid(pid)
{:ok, pid} = Task.start_link(String, :upcase, ["x"]); is_pid(pid)
parent = self(); {:ok, _} = Task.start(fn -> send(parent, :from_task) end); receive do m -> m end
parent = self(); {:ok, _} = Task.start_link(fn -> send(parent, :from_linked) end); receive do m -> m end
{:ok, pid} = Task.start(fn -> Process.sleep(:infinity) end); Process.info(pid, :links)
{:ok, pid} = Task.start_link(fn -> Process.sleep(:infinity) end); Process.info(pid, :links) |> elem(1) == [self()]
Task.start(:nope)
Task.start_link(fn x -> x end)
Task.async(:nope)
Task.async(fn x -> x end)
Task.async_stream([1, 2, 3], fn x -> x * 2 end) |> Enum.to_list()
Task.async_stream([], fn x -> x end) |> Enum.to_list()
Task.async_stream(1..5, fn x -> x * x end, max_concurrency: 2) |> Enum.to_list()
Task.async_stream([1, 2, 3], fn x -> x end, ordered: true) |> Enum.to_list()
Task.async_stream([3, 1, 2], fn x -> x end, ordered: false) |> Enum.map(fn {:ok, v} -> v end) |> Enum.sort()
Task.async_stream(["a", "b"], String, :upcase, []) |> Enum.to_list()
Task.async_stream(["a", "b"], String, :upcase, [], max_concurrency: 1) |> Enum.to_list()
Task.async_stream([1, 2], fn x -> Process.sleep(x * 500); x end, timeout: 50, on_timeout: :kill_task) |> Enum.to_list()
Task.async_stream([1, 2], fn x -> Process.sleep(x * 500); x end, timeout: 50, on_timeout: :kill_task, zip_input_on_exit: true) |> Enum.to_list()
try do Task.async_stream([1], fn _ -> Process.sleep(500) end, timeout: 10) |> Enum.to_list() catch :exit, r -> r end
Task.async_stream([1, 2, 3], fn x -> x end) |> Enum.map(fn {:ok, x} -> x + 1 end)
Task.async_stream([1, 2, 3], fn x -> x end) |> Enum.count()
Task.async_stream([1], fn -> 1 end)
Task.child_spec(fn -> :ok end) |> Map.delete(:start)
Task.child_spec(:arg) |> Map.keys()
defmodule TaskA do use Task; def start_link(arg), do: Task.start_link(fn -> arg end) end; TaskA.child_spec(1)
defmodule TaskB do use Task, restart: :transient; def start_link(arg), do: Task.start_link(fn -> arg end) end; TaskB.child_spec(1)
Task.await(Task.async(fn -> 1 end), -5)
