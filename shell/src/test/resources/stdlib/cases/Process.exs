# Process: liveness, names, links, monitors, flags, the dictionary, info, timers, spawn
Process.alive?(self())
Process.alive?(:a)
Process.alive?(nil)
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> Process.alive?(pid) end
pid = spawn(fn -> Process.sleep(:infinity) end); Process.alive?(pid)
is_list(Process.list())
self() in Process.list()
Process.whereis(:no_such_name_xyz)
Process.whereis("a")
Process.whereis(1)
Process.register(self(), :proc_case_1); r = Process.whereis(:proc_case_1) == self(); Process.unregister(:proc_case_1); r
Process.register(self(), :proc_case_2); r = :proc_case_2 in Process.registered(); Process.unregister(:proc_case_2); r
Process.register(self(), nil)
Process.register(self(), :undefined)
Process.register(self(), true)
Process.register(self(), "name")
Process.register(:a, :b)
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; try do Process.register(pid, :proc_case_dead) rescue e in ArgumentError -> e.message == "could not register #{inspect(pid)} with name :proc_case_dead because it is not alive, the name is already taken, or it has already been given another name" end
Process.register(self(), :proc_case_3); pid = spawn(fn -> Process.sleep(:infinity) end); r = try do Process.register(pid, :proc_case_3) rescue e -> e.message end; Process.unregister(:proc_case_3); is_binary(r)
Process.unregister(:proc_case_never)
Process.unregister("x")
Process.register(self(), :proc_case_4); try do Process.register(self(), :proc_case_5) rescue e in ArgumentError -> e.message == "could not register #{inspect(self())} with name :proc_case_5 because it is not alive, the name is already taken, or it has already been given another name" end
Process.unregister(:proc_case_4)
Process.whereis(:proc_case_4)
Process.unregister(:proc_case_4)
Process.exit(self(), :normal)
Process.exit(nil, :kill)
Process.exit(:a, :kill)
pid = spawn(fn -> Process.sleep(:infinity) end); Process.exit(pid, :kill)
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.exit(pid, :kill); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.exit(pid, :boom); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.exit(pid, {:shutdown, 1}); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
pid = spawn(fn -> Process.sleep(:infinity) end); Process.exit(pid, :normal); Process.sleep(20); Process.alive?(pid)
parent = self(); pid = spawn(fn -> Process.flag(:trap_exit, true); send(parent, :ready); receive do m -> exit(m) end end); receive do :ready -> :ok end; ref = Process.monitor(pid); Process.exit(pid, :boom); receive do {:DOWN, ^ref, _, _, {:EXIT, p, r}} -> {p == self(), r} end
pid = spawn(fn -> Process.flag(:trap_exit, true); receive do m -> exit(m) end end); ref = Process.monitor(pid); Process.exit(pid, :kill); receive do {:DOWN, ^ref, _, _, r} -> r end
parent = self(); pid = spawn(fn -> Process.flag(:trap_exit, true); send(parent, :ready); receive do m -> exit(m) end end); receive do :ready -> :ok end; ref = Process.monitor(pid); Process.exit(pid, :normal); receive do {:DOWN, ^ref, _, _, {:EXIT, _, r}} -> r end
Process.flag(:trap_exit, true); pid = spawn_link(fn -> exit(:bye) end); receive do {:EXIT, ^pid, r} -> r end
Process.flag(:trap_exit, true); pid = spawn_link(fn -> :ok end); receive do {:EXIT, ^pid, r} -> r end
Process.flag(:trap_exit, true); pid = spawn_link(fn -> raise "boom" end); receive do {:EXIT, ^pid, {e, _}} -> e end
Process.flag(:trap_exit, true); Process.flag(:trap_exit, false)
Process.flag(:trap_exit, 1)
Process.flag(:trap_exit, nil)
Process.flag(:bogus, 1)
Process.flag("trap_exit", true)
Process.flag(:priority, :high)
Process.flag(:priority, :low); Process.flag(:priority, :normal)
Process.flag(:priority, :max); Process.info(self(), :priority)
Process.flag(:priority, :bogus)
Process.flag(:priority, 1)
Process.flag(:min_heap_size, 1000)
Process.flag(:min_heap_size, -1)
Process.flag(:min_bin_vheap_size, 1)
Process.flag(:max_heap_size, 0)
Process.flag(:max_heap_size, :a)
Process.flag(:message_queue_data, :off_heap)
Process.flag(:message_queue_data, :off_heap); Process.flag(:message_queue_data, :on_heap)
Process.flag(:message_queue_data, :bogus)
Process.flag(:save_calls, 5)
Process.flag(:save_calls, 5); Process.flag(:save_calls, 0)
Process.flag(:save_calls, -1)
Process.flag(:sensitive, true)
Process.flag(:sensitive, 1)
Process.flag(:fullsweep_after, 1)
Process.flag(self(), :save_calls, 3)
Process.flag(self(), :priority, :high)
Process.flag(:a, :save_calls, 3)
Process.flag(self(), :save_calls, :a)
Process.put(:pk1, 1)
Process.put(:pk2, 1); Process.put(:pk2, 2)
Process.put(:pk3, 1); Process.get(:pk3)
Process.get(:pk_none)
Process.get(:pk_none, :default)
Process.put(:pk4, nil); Process.get(:pk4, :default)
Process.put({:pk, 5}, [1]); Process.get({:pk, 5})
Process.put("pk6", 6); Process.get("pk6")
Process.put(:pk7, 7); Process.delete(:pk7)
Process.put(:pk8, 8); Process.delete(:pk8); Process.get(:pk8)
Process.delete(:pk_none)
Process.put(:pk9, 9); {:pk9, 9} in Process.get()
Process.put(:pk10, 10); :pk10 in Process.get_keys()
Process.put(:pk11, :v11); Process.put(:pk12, :v11); Enum.sort(Process.get_keys(:v11))
Process.get_keys(:no_value_here)
Process.put(:pk13, 1.0); Process.get_keys(1)
Process.put(:pk14, 1); Process.put(:pk14, 2); Process.get_keys(1)
is_list(Process.get())
pid = spawn(fn -> Process.sleep(:infinity) end); Process.link(pid)
Process.link(:a)
Process.link(self())
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; Process.flag(:trap_exit, true); Process.link(pid); receive do {:EXIT, ^pid, r} -> r end
pid = spawn(fn -> Process.sleep(:infinity) end); Process.link(pid); Process.unlink(pid)
Process.unlink(:a)
pid = spawn(fn -> Process.sleep(:infinity) end); Process.unlink(pid)
pid = spawn(fn -> Process.sleep(:infinity) end); Process.link(pid); {:links, l} = Process.info(self(), :links); pid in l
pid = spawn(fn -> Process.sleep(:infinity) end); Process.link(pid); {:links, l} = Process.info(pid, :links); self() in l
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); is_reference(ref)
ref = Process.monitor(:proc_nobody); receive do {:DOWN, ^ref, :process, who, r} -> {who, r} end
pid = spawn(fn -> :ok end); r0 = Process.monitor(pid); receive do {:DOWN, ^r0, _, _, _} -> :ok end; ref = Process.monitor(pid); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
Process.monitor(1)
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.demonitor(ref)
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.demonitor(ref, [:flush])
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.demonitor(ref, [:info])
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.demonitor(ref); Process.demonitor(ref, [:info])
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); r0 = Process.monitor(pid); receive do {:DOWN, ^r0, _, _, _} -> :ok end; Process.demonitor(ref, [:flush]); receive do m -> m after 10 -> :none end
Process.demonitor(make_ref())
Process.demonitor(:a)
Process.demonitor(make_ref(), [:bogus])
Process.demonitor(make_ref(), [:info])
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); {:monitors, m} = Process.info(self(), :monitors); {:process, pid} in m
pid = spawn(fn -> Process.sleep(:infinity) end); Process.monitor(pid); {:monitored_by, m} = Process.info(pid, :monitored_by); self() in m
Process.info(self(), :trap_exit)
Process.flag(:trap_exit, true); Process.info(self(), :trap_exit)
Process.info(self(), :status)
Process.info(self(), :priority)
Process.info(self(), :error_handler)
Process.info(self(), :message_queue_len)
send(self(), :a); send(self(), :b); Process.info(self(), :message_queue_len)
send(self(), :a); send(self(), {:b, 1}); Process.info(self(), :messages)
Process.info(self(), :messages)
Process.info(self(), :registered_name)
Process.register(self(), :proc_case_6); r = Process.info(self(), :registered_name); Process.unregister(:proc_case_6); r
Process.info(self(), :suspending)
Process.info(self(), :binary)
Process.info(self(), :catchlevel) |> elem(1) |> is_integer
Process.info(self(), :last_calls)
Process.info(self(), :min_heap_size)
Process.info(self(), :min_bin_vheap_size)
Process.info(self(), :max_heap_size)
Process.info(self(), :message_queue_data)
Process.info(self(), :fullsweep_after)
Process.info(self(), :trace)
Process.info(self(), :sequential_trace_token)
Process.info(self(), :stack_size) |> elem(1) |> is_integer
Process.info(self(), :heap_size) |> elem(1) |> is_integer
Process.info(self(), :total_heap_size) |> elem(1) |> is_integer
Process.info(self(), :memory) |> elem(1) |> is_integer
Process.info(self(), :reductions) |> elem(1) |> is_integer
Process.info(self(), :group_leader) |> elem(1) |> is_pid
Process.info(self(), :garbage_collection) |> elem(1) |> Keyword.keys()
Process.info(self(), :garbage_collection) |> elem(1) |> Keyword.drop([:minor_gcs])
Process.info(self(), :garbage_collection_info) |> elem(1) |> Keyword.keyword?
Process.info(self(), :current_function) |> elem(1) |> is_tuple
Process.info(self(), :current_location) |> elem(1) |> tuple_size
Process.info(self(), :current_stacktrace) |> elem(1) |> is_list
Process.info(self(), :backtrace) |> elem(1) |> is_binary
Process.info(self(), :dictionary) |> elem(1) |> is_list
Process.info(self(), :initial_call) |> elem(1) |> tuple_size
Process.info(self(), :bogus)
Process.info(self(), :sensitive)
Process.info(self(), "status")
Process.info(self(), 1)
Process.info(self(), [:status, :trap_exit])
Process.info(self(), [:trap_exit, :priority, :message_queue_len])
Process.info(self(), [])
Process.info(self(), [:status, :bogus])
Process.info(self(), [:status, 1])
Process.info(:a)
Process.info(:a, :status)
Process.info(nil)
Process.info(self()) |> Keyword.keys()
Process.info(self()) |> Keyword.get(:trap_exit)
Process.info(self()) |> Keyword.get(:priority)
Process.info(self()) |> Keyword.get(:error_handler)
Process.info(self()) |> Keyword.get(:suspending)
Process.info(self()) |> Keyword.get(:garbage_collection) |> Keyword.drop([:minor_gcs])
Process.register(self(), :proc_case_7); r = Process.info(self()) |> Keyword.keys() |> hd(); Process.unregister(:proc_case_7); r
Process.register(self(), :proc_case_8); r = Process.info(self()) |> Keyword.get(:registered_name); Process.unregister(:proc_case_8); r
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> Process.info(pid) end
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> Process.info(pid, :status) end
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> Process.info(pid, [:status]) end
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> Process.info(pid, :registered_name) end
pid = spawn(fn -> receive do _ -> :ok end end); wait = fn w -> case Process.info(pid, :status) do {:status, :waiting} -> :waiting; _ -> Process.sleep(5); w.(w) end end; wait.(wait)
pid = spawn(fn -> receive do _ -> :ok end end); Process.info(pid, :initial_call)
pid = spawn(fn -> receive do _ -> :ok end end); Process.info(pid, :dictionary)
pid = spawn(fn -> receive do _ -> :ok end end); Process.info(pid, :links)
pid = spawn(fn -> receive do _ -> :ok end end); Process.info(pid, :trap_exit)
pid = spawn(fn -> receive do _ -> :ok end end); Process.info(pid) |> Keyword.keys()
pid = spawn(fn -> receive do _ -> :ok end end); Process.info(pid) |> Keyword.take([:initial_call, :message_queue_len, :links, :dictionary, :trap_exit, :priority, :suspending])
parent = self(); pid = spawn(fn -> Process.flag(:trap_exit, true); send(parent, :ready); receive do _ -> :ok end end); receive do :ready -> :ok end; Process.info(pid, :trap_exit)
parent = self(); pid = spawn(fn -> Process.put(:k, :v); send(parent, :ready); receive do _ -> :ok end end); receive do :ready -> :ok end; Process.info(pid, :dictionary)
parent = self(); pid = spawn(fn -> Process.flag(:priority, :low); send(parent, :ready); receive do _ -> :ok end end); receive do :ready -> :ok end; Process.info(pid, :priority)
pid = spawn(fn -> Process.sleep(:infinity) end); send(pid, :hello); send(pid, :world); Process.info(pid, [:message_queue_len, :messages])
parent = self(); pid = spawn(fn -> Process.register(self(), :proc_case_9); send(parent, :ready); receive do _ -> :ok end end); receive do :ready -> :ok end; Process.info(pid, :registered_name)
Process.sleep(0)
Process.sleep(1)
Process.sleep(-1)
Process.sleep(1.5)
Process.sleep(:foo)
Process.sleep("1")
Process.send(self(), :hi, []); receive do m -> m end
Process.send(self(), :hi, [:noconnect])
Process.send(self(), :hi, [:nosuspend])
Process.send(self(), :hi, [:noconnect, :nosuspend])
Process.send(self(), :hi, [:bad])
Process.send(:proc_nobody, :hi, [])
Process.register(self(), :proc_case_10); r = Process.send(:proc_case_10, :hi, []); Process.unregister(:proc_case_10); r
Process.send(self(), :hi, :bad)
ref = Process.send_after(self(), :tick, 0); r = is_reference(ref); receive do :tick -> r end
Process.send_after(self(), :tick, 0); receive do m -> m after 1000 -> :none end
Process.send_after(self(), :tick, 10); receive do m -> m after 1000 -> :none end
ref = Process.send_after(self(), :tick, 10_000); is_integer(Process.cancel_timer(ref))
ref = Process.send_after(self(), :tick, 10_000); Process.cancel_timer(ref); Process.cancel_timer(ref)
ref = Process.send_after(self(), :tick, 10_000); Process.cancel_timer(ref); Process.read_timer(ref)
ref = Process.send_after(self(), :tick, 10_000); t = Process.read_timer(ref); Process.cancel_timer(ref); t > 9000 and t <= 10_000
ref = Process.send_after(self(), :tick, 0); receive do :tick -> :ok end; Process.cancel_timer(ref)
ref = Process.send_after(self(), :tick, 0); receive do :tick -> :ok end; Process.read_timer(ref)
Process.cancel_timer(make_ref())
Process.cancel_timer(:a)
Process.read_timer(make_ref())
Process.read_timer(:a)
ref = Process.send_after(self(), :tick, 10_000); Process.cancel_timer(ref, async: true)
ref = Process.send_after(self(), :tick, 10_000); Process.cancel_timer(ref, info: false)
ref = Process.send_after(self(), :tick, 10_000); is_integer(Process.cancel_timer(ref, async: false, info: true))
Process.send_after(self(), :tick, -1)
Process.send_after(self(), :tick, :a)
Process.send_after(self(), :tick, System.monotonic_time(:millisecond), abs: true); receive do m -> m after 1000 -> :none end
Process.register(self(), :proc_case_11); Process.send_after(:proc_case_11, :named, 0); r = receive do m -> m after 1000 -> :none end; Process.unregister(:proc_case_11); r
Process.send_after(:proc_nobody_timer, :x, 0) |> is_reference
Process.group_leader() |> is_pid
Process.group_leader() == Process.group_leader()
pid = spawn(fn -> Process.sleep(:infinity) end); Process.group_leader(pid, Process.group_leader())
Process.group_leader(:a, self())
Process.group_leader(self(), :a)
pid = Process.spawn(fn -> :ok end, []); is_pid(pid)
{pid, ref} = Process.spawn(fn -> :done end, [:monitor]); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
Process.flag(:trap_exit, true); pid = Process.spawn(fn -> exit(:linked) end, [:link]); receive do {:EXIT, ^pid, r} -> r end
Process.flag(:trap_exit, true); {pid, ref} = Process.spawn(fn -> exit(:both) end, [:link, :monitor]); receive do {:EXIT, ^pid, _} -> :ok end; receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
{pid, ref} = Process.spawn(fn -> Process.info(self(), :priority) |> exit() end, [:monitor, {:priority, :high}]); receive do {:DOWN, ^ref, _, _, r} -> r end
Process.spawn(fn -> :ok end, [:bad])
Process.spawn(fn -> :ok end, :bad)
Process.spawn(:notafun, [])
{pid, ref} = Process.spawn(String, :to_atom, ["x"], [:monitor]); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
Process.spawn(String, :to_atom, ["x"], []) |> is_pid
Process.spawn(String, :to_atom, ["x"], [:nope])
Process.spawn("String", :to_atom, ["x"], [])
Process.spawn(String, "to_atom", ["x"], [])
Process.spawn(String, :to_atom, :x, [])
{pid, ref} = spawn_monitor(fn -> :ok end); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
{pid, ref} = spawn_monitor(fn -> exit(:oops) end); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
{pid, ref} = spawn_monitor(fn -> raise ArgumentError end); receive do {:DOWN, ^ref, :process, ^pid, {e, _}} -> e end
{pid, ref} = spawn_monitor(String, :to_atom, ["y"]); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end
{pid, ref} = spawn_monitor(fn -> :ok end); {is_pid(pid), is_reference(ref)}
pid = spawn(fn -> Process.sleep(:infinity) end); ref = Process.monitor(pid); Process.exit(pid, :kill); receive do {:DOWN, ^ref, _, _, _} -> Process.exit(pid, :kill) end
me = self(); pid = spawn(fn -> Process.hibernate(Kernel, :send, [me, :woke]) end); send(pid, :go); receive do :woke -> :ok after 1000 -> :none end
me = self(); pid = spawn(fn -> Process.hibernate(Kernel, :send, [me, :never]) end); ref = Process.monitor(pid); Process.exit(pid, :kill); receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 1000 -> :timeout end
me = self(); pid = spawn(fn -> Process.hibernate(:erlang, :apply, [fn -> send(me, {:got, Process.info(self(), :message_queue_len)}) end, []]) end); send(pid, :one); receive do {:got, n} -> n after 1000 -> :none end
