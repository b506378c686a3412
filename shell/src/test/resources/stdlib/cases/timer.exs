# :timer: sleep, tc, the unit helpers, timers that send or apply later or at intervals, cancel
:timer.sleep(0)
:timer.sleep(1)
:timer.sleep(-1)
:timer.sleep(:a)
:timer.sleep(1.5)
{t, v} = :timer.tc(fn -> 42 end); {is_integer(t), v}
{t, v} = :timer.tc(fn a, b -> a + b end, [1, 2]); {is_integer(t), v}
{t, v} = :timer.tc(:lists, :sum, [[1, 2, 3]]); {is_integer(t), v}
{t, v} = :timer.tc(:erlang, :element, [1, {:x}]); {t >= 0, v}
{t, _} = :timer.tc(fn -> :timer.sleep(20) end); t >= 20000
:timer.tc(1)
:timer.tc(:lists, :reverse, [1])
:timer.seconds(2)
:timer.seconds(0)
:timer.minutes(2)
:timer.hours(1)
:timer.hms(1, 2, 3)
:timer.hms(0, 0, 0)
:timer.seconds(:a)
:timer.seconds(1.5)
:timer.minutes(0.5)
:timer.now_diff({0, 2, 0}, {0, 1, 500})
:timer.now_diff({1, 0, 0}, {0, 0, 0})
:timer.now_diff({0, 1, 0}, {0, 2, 0})
{:ok, r} = :timer.send_after(0, :hi); {elem(r, 0), receive do :hi -> :got after 500 -> :none end}
{:ok, r} = :timer.send_after(0, self(), :hi); receive do :hi -> :got after 500 -> :none end
{:ok, _} = :timer.send_after(10, :later); receive do :later -> :got after 1000 -> :none end
{:ok, _} = :timer.send_after(10, self(), {:data, [1]}); receive do {:data, x} -> x after 1000 -> :none end
:timer.send_after(-1, :hi)
:timer.send_after(:a, :hi)
:timer.send_after(1.5, :hi)
:timer.send_after(10, 1, :x)
:timer.send_after(10, "pid", :x)
{:ok, r} = :timer.send_after(10000, :hi); :timer.cancel(r)
{:ok, r} = :timer.send_after(10000, :hi); :timer.cancel(r); :timer.cancel(r)
{:ok, r} = :timer.send_after(50, :hi); :timer.cancel(r); receive do :hi -> :got after 200 -> :cancelled end
:timer.cancel(:a)
:timer.cancel(make_ref())
:timer.cancel({:foo, make_ref()})
:timer.cancel({:once, :a})
{:ok, _} = :timer.apply_after(0, :erlang, :send, [self(), :applied]); receive do :applied -> :got after 500 -> :none end
{:ok, _} = :timer.apply_after(10, :erlang, :send, [self(), :applied]); receive do :applied -> :got after 1000 -> :none end
{:ok, r} = :timer.apply_after(50, :erlang, :send, [self(), :applied]); :timer.cancel(r); receive do :applied -> :got after 200 -> :cancelled end
:timer.apply_after(10, :m, :f, :a)
:timer.apply_after(-5, :erlang, :send, [self(), :x])
:timer.apply_after(10, "m", :f, [])
{:ok, r} = :timer.send_interval(10, :tick); a = receive do :tick -> 1 after 500 -> 0 end; b = receive do :tick -> 1 after 500 -> 0 end; :timer.cancel(r); a + b
{:ok, r} = :timer.send_interval(10, self(), :tick); x = receive do :tick -> :got after 500 -> :none end; :timer.cancel(r); x
{:ok, r} = :timer.send_interval(10, :tick2); receive do :tick2 -> :ok end; :timer.cancel(r); :timer.sleep(20); {_, a} = :erlang.process_info(self(), :message_queue_len); :timer.sleep(60); {_, b} = :erlang.process_info(self(), :message_queue_len); a == b
{:ok, r} = :timer.apply_interval(10, :erlang, :send, [self(), :tick]); x = receive do :tick -> :got after 500 -> :none end; :timer.cancel(r); x
:timer.send_interval(-1, :x)
:timer.send_interval(:a, self(), :x)
:timer.apply_interval(10, :m, :f, :not_a_list)
{:ok, r} = :timer.send_after(0, :hi); is_tuple(r)
{:ok, r} = :timer.send_after(0, :hi); elem(r, 0)
{:ok, r} = :timer.send_after(0, :hi); is_reference(elem(r, 1))
{:ok, r} = :timer.send_after(100000, :hi); :timer.cancel(r); elem(r, 0)
{:ok, r} = :timer.send_interval(100000, :hi); :timer.cancel(r); elem(r, 0)
{:ok, r} = :timer.apply_after(100000, :m, :f, []); :timer.cancel(r); elem(r, 0)
{:ok, r} = :timer.apply_interval(100000, :m, :f, []); :timer.cancel(r); elem(r, 0)
{:ok, r} = :timer.exit_after(100000, :boom); :timer.cancel(r); elem(r, 0)
{:ok, r} = :timer.kill_after(100000); :timer.cancel(r); elem(r, 0)
{:ok, r} = :timer.kill_after(100000, self()); :timer.cancel(r); elem(r, 0)
:timer.exit_after(-1, :boom)
:timer.exit_after(10, :notapid, :boom) |> elem(0)
pid = spawn(fn -> receive do _ -> :ok end end); ref = Process.monitor(pid); :timer.exit_after(10, pid, :boom); receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 1000 -> :none end
pid = spawn(fn -> receive do _ -> :ok end end); ref = Process.monitor(pid); :timer.kill_after(10, pid); receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 1000 -> :none end
