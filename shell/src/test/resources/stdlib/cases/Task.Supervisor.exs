# Task.Supervisor: start_link, async, async_nolink, start_child, children, terminate_child, async_stream
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async(s, fn -> 1 + 1 end) |> Task.await()
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async(s, String, :upcase, ["a"]) |> Task.await()
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async_nolink(s, fn -> :x end) |> Task.await()
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async_nolink(s, String, :upcase, ["b"]) |> Task.yield()
{:ok, s} = Task.Supervisor.start_link(); t = Task.Supervisor.async_nolink(s, fn -> exit(:boom) end); Task.yield(t)
{:ok, s} = Task.Supervisor.start_link(); t = Task.Supervisor.async_nolink(s, fn -> raise "x" end); {:exit, {e, _}} = Task.yield(t); e
{:ok, s} = Task.Supervisor.start_link(); {:ok, pid} = Task.Supervisor.start_child(s, fn -> Process.sleep(:infinity) end); Task.Supervisor.children(s) == [pid]
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.children(s)
{:ok, s} = Task.Supervisor.start_link(); {:ok, pid} = Task.Supervisor.start_child(s, fn -> Process.sleep(:infinity) end); Task.Supervisor.terminate_child(s, pid)
{:ok, s} = Task.Supervisor.start_link(); {:ok, pid} = Task.Supervisor.start_child(s, fn -> Process.sleep(:infinity) end); Task.Supervisor.terminate_child(s, pid); Task.Supervisor.children(s)
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.terminate_child(s, self())
{:ok, s} = Task.Supervisor.start_link(); parent = self(); Task.Supervisor.start_child(s, fn -> send(parent, :child_ran) end); receive do m -> m end
{:ok, s} = Task.Supervisor.start_link(); parent = self(); Task.Supervisor.start_child(s, String, :upcase, ["c"]) |> elem(0)
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async_stream(s, [1, 2, 3], fn x -> x * 10 end) |> Enum.to_list()
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async_stream(s, ["a", "b"], String, :upcase, []) |> Enum.to_list()
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async_stream_nolink(s, [1, 2], fn x -> if x == 2, do: exit(:two), else: x end) |> Enum.to_list()
{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async_stream(s, [1, 2, 3], fn x -> x end, max_concurrency: 1) |> Enum.to_list()
{:ok, _} = Task.Supervisor.start_link(name: :task_sup_1); Task.Supervisor.async(:task_sup_1, fn -> :named end) |> Task.await()
{:ok, s} = Task.Supervisor.start_link(name: :task_sup_2); Process.whereis(:task_sup_2) == s
Task.Supervisor.child_spec([]) |> Map.delete(:start)
Task.Supervisor.child_spec(name: :ts) |> Map.delete(:start)
{:ok, sup} = Supervisor.start_link([{Task.Supervisor, name: :task_sup_3}], strategy: :one_for_one); Task.Supervisor.async(:task_sup_3, fn -> 5 end) |> Task.await()
{:ok, s} = Task.Supervisor.start_link(); t = Task.Supervisor.async(s, fn -> 1 end); {is_pid(t.pid), t.owner == self()}
