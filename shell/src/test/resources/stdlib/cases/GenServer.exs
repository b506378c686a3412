# GenServer: start, call, cast, reply, stop, whereis, abcast, multi_call, errors
defmodule GsA do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s}; def handle_call({:put, v}, _from, _s), do: {:reply, :ok, v}; def handle_cast({:put, v}, _s), do: {:noreply, v}; def handle_info({:put, v}, _s), do: {:noreply, v} end; {:ok, pid} = GenServer.start_link(GsA, 1); GenServer.call(pid, :get)
defmodule GsB do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s} end; {:ok, pid} = GenServer.start(GsB, :state); GenServer.call(pid, :get)
defmodule GsC do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s}; def handle_cast({:put, v}, _s), do: {:noreply, v} end; {:ok, pid} = GenServer.start_link(GsC, 1); GenServer.cast(pid, {:put, 2}); GenServer.call(pid, :get)
defmodule GsD do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s}; def handle_info({:put, v}, _s), do: {:noreply, v} end; {:ok, pid} = GenServer.start_link(GsD, 1); send(pid, {:put, 3}); GenServer.call(pid, :get)
defmodule GsE do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(GsE, 1, name: :gs_e); GenServer.whereis(:gs_e) == pid
defmodule GsF do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(GsF, 1, name: :gs_f); {:error, {:already_started, p}} = GenServer.start_link(GsF, 1, name: :gs_f); p == pid
defmodule GsG do use GenServer; def init(_), do: :ignore end; GenServer.start_link(GsG, 1)
defmodule GsH do use GenServer; def init(_), do: {:stop, :bad_init} end; GenServer.start(GsH, 1)
defmodule GsI do use GenServer; def init(x), do: {:ok, x, 100} end; {:ok, pid} = GenServer.start_link(GsI, 1); is_pid(pid)
defmodule GsJ do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, from, s), do: (GenServer.reply(from, {:early, s}); {:noreply, s}) end; {:ok, pid} = GenServer.start_link(GsJ, 7); GenServer.call(pid, :get)
defmodule GsK do use GenServer; def init(x), do: {:ok, x}; def handle_call(:stop, _from, s), do: {:stop, :normal, :stopping, s} end; {:ok, pid} = GenServer.start(GsK, 7); GenServer.call(pid, :stop)
defmodule GsL do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(GsL, 7); GenServer.stop(pid)
defmodule GsM do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(GsM, 7); ref = Process.monitor(pid); GenServer.stop(pid, :shutdown); receive do {:DOWN, ^ref, _, _, r} -> r end
defmodule GsN do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(GsN, 7); GenServer.stop(pid); Process.alive?(pid)
defmodule GsO do use GenServer; def init(x), do: {:ok, x}; def terminate(r, s), do: send(s, {:terminated, r}) end; {:ok, pid} = GenServer.start(GsO, self()); GenServer.stop(pid, :normal); receive do m -> m after 1000 -> :none end
defmodule GsP do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s} end; {:ok, _} = GenServer.start(GsP, :named, name: :gs_p); GenServer.call(:gs_p, :get)
defmodule GsQ do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s} end; {:ok, _} = GenServer.start(GsQ, :node_named, name: :gs_q); GenServer.call({:gs_q, node()}, :get)
defmodule GsR do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _from, s), do: {:reply, s, s} end; {:ok, _} = GenServer.start(GsR, :via, name: {:global, :gs_r}); GenServer.call({:global, :gs_r}, :get)
defmodule GsS do use GenServer; def init(x), do: {:ok, x}; def handle_call(:slow, _from, s), do: (Process.sleep(200); {:reply, s, s}) end; {:ok, pid} = GenServer.start(GsS, 1); try do GenServer.call(pid, :slow, 10) catch :exit, {r, {GenServer, :call, [_, req, t]}} -> {r, req, t} end
defmodule GsT do use GenServer; def init(x), do: {:ok, x}; def handle_cast(:boom, s), do: {:stop, :boom, s} end; {:ok, pid} = GenServer.start(GsT, 1); ref = Process.monitor(pid); GenServer.cast(pid, :boom); receive do {:DOWN, ^ref, _, _, r} -> r end
defmodule GsU do use GenServer; def init(x), do: {:ok, x}; def handle_call(:boom, _, _s), do: raise("boom") end; {:ok, pid} = GenServer.start(GsU, 1); try do GenServer.call(pid, :boom) catch :exit, {{e, _}, {GenServer, :call, _}} -> e end
defmodule GsV do use GenServer; def init(x), do: {:ok, x}; def handle_continue(:more, s), do: {:noreply, s + 1}; def handle_call(:get, _, s), do: {:reply, s, s} end; {:ok, pid} = GenServer.start(GsV, 1); GenServer.call(pid, :get)
GenServer.call(:gs_nobody, :hi)
GenServer.call(:gs_nobody, :hi, 1000)
GenServer.call({:global, :gs_nobody}, :hi)
GenServer.call({:gs_nobody, node()}, :hi)
pid = spawn(fn -> :ok end); ref = Process.monitor(pid); receive do {:DOWN, ^ref, _, _, _} -> :ok end; try do GenServer.call(pid, :hi) catch :exit, {r, {GenServer, :call, [_, m, t]}} -> {r, m, t} end
try do GenServer.call(self(), :hi) catch :exit, {r, {GenServer, :call, [p, m, t]}} -> {r, p == self(), m, t} end
GenServer.cast(:gs_nobody, :hi)
GenServer.cast({:global, :gs_nobody}, :hi)
GenServer.cast({:gs_nobody, node()}, :hi)
GenServer.cast(self(), :hi); receive do m -> m end
GenServer.stop(:gs_nobody)
try do GenServer.stop(self()) catch :exit, {r, {GenServer, :stop, [p, m, t]}} -> {r, p == self(), m, t} end
GenServer.whereis(:gs_nobody)
GenServer.whereis({:gs_nobody, node()})
GenServer.whereis({:gs_nobody, :other@host})
GenServer.whereis({:global, :gs_nobody})
GenServer.whereis(self()) == self()
Process.register(self(), :gs_self); r = GenServer.whereis({:gs_self, node()}) == self(); Process.unregister(:gs_self); r
GenServer.reply({self(), :tag}, :answer); receive do m -> m end
GenServer.abcast(:gs_nobody, :hi)
GenServer.abcast([node()], :gs_nobody, :hi)
GenServer.abcast([], :gs_nobody, :hi)
GenServer.abcast([:nonode], :gs_nobody, :hi)
Process.register(self(), :gs_abcast); GenServer.abcast(:gs_abcast, :hello); Process.unregister(:gs_abcast); receive do m -> m end
Process.register(self(), :gs_abcast2); GenServer.abcast([node()], :gs_abcast2, :hello); Process.unregister(:gs_abcast2); receive do m -> m end
GenServer.multi_call(:gs_nobody, :hi)
GenServer.multi_call([node()], :gs_nobody, :hi)
GenServer.multi_call([], :gs_nobody, :hi)
defmodule GsW do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; GenServer.start(GsW, :w, name: :gs_w); GenServer.multi_call(:gs_w, :get)
defmodule GsX do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; GenServer.start(GsX, :x, name: :gs_x); GenServer.multi_call([node()], :gs_x, :get)
defmodule GsY do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; GenServer.start(GsY, :y, name: :gs_y); GenServer.multi_call([node()], :gs_y, :get, 1000)
defmodule GsZ do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; GenServer.start(GsZ, :z, name: :gs_z); GenServer.multi_call([node(), :nonode], :gs_z, :get)
defmodule Gs1 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(Gs1, 1); Process.info(pid, :initial_call)
defmodule Gs2 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(Gs2, 1); {:dictionary, d} = Process.info(pid, :dictionary); Keyword.get(d, :"$initial_call")
defmodule Gs3 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(Gs3, 1); {:dictionary, d} = Process.info(pid, :dictionary); Keyword.get(d, :"$ancestors") == [self()]
defmodule Gs4 do use GenServer; def init(x), do: {:ok, x} end; Process.register(self(), :gs_parent); {:ok, pid} = GenServer.start_link(Gs4, 1); {:dictionary, d} = Process.info(pid, :dictionary); Process.unregister(:gs_parent); Keyword.get(d, :"$ancestors")
defmodule Gs5 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(Gs5, 1); Process.info(pid, :current_function)
defmodule Gs6 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start_link(Gs6, 1); {:links, l} = Process.info(pid, :links); l == [self()]
defmodule Gs7 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(Gs7, 1); Process.info(pid, :links)
defmodule Gs8 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(Gs8, 1, name: :gs_8); Process.info(pid, :registered_name)
defmodule Gs9 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(Gs9, 1); :sys.get_state(pid)
defmodule Gs10 do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; {:ok, pid} = GenServer.start(Gs10, 1); GenServer.call(pid, :get, :infinity)
defmodule Gs12 do use GenServer; def init(x), do: {:ok, x} end; GenServer.start(Gs12, 1, name: "bad")
defmodule Gs13 do use GenServer; def init(x), do: {:ok, x} end; GenServer.start(Gs13, 1, name: {:bad, :name, :tuple})
defmodule Gs14 do use GenServer; def init(x), do: {:ok, x} end; Gs14.child_spec(:arg)
defmodule Gs15 do use GenServer, restart: :transient, shutdown: 10_000; def init(x), do: {:ok, x} end; Gs15.child_spec(:arg)
defmodule Gs16 do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; {:ok, pid} = GenServer.start(Gs16, 1, timeout: 1000); GenServer.call(pid, :get)
defmodule Gs17 do use GenServer; def init(x), do: {:ok, x} end; {:ok, pid} = GenServer.start(Gs17, 1); GenServer.stop(pid, :normal, 1000)
defmodule Gs18 do use GenServer; def init(x), do: {:ok, x}; def handle_call(:get, _, s), do: {:reply, s, s} end; {:ok, pid} = GenServer.start(Gs18, 1, name: :gs_18); GenServer.stop(:gs_18); GenServer.whereis(:gs_18)
