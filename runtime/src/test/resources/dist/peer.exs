# The Elixir side of ElixirPeerTest: started as
#   ERL_EPMD_PORT=<port> elixir --erl "-start_epmd false" --sname <name> --cookie <cookie> peer.exs <procshell node>
# It registers :ex_echo (a GenServer that answers {:echo, request, node()}) and :ex_relay, which
# acts on requests from the procshell node and reports on stdout.
defmodule PeerEcho do
  use GenServer
  def init(arg), do: {:ok, arg}
  def handle_call(request, _from, state), do: {:reply, {:echo, request, node()}, state}
end

[ps] = System.argv()
ps = String.to_atom(ps)
{:ok, _} = GenServer.start(PeerEcho, nil, name: :ex_echo)

relay = fn relay ->
  receive do
    {:relay, to, message} ->
      send(to, {:relayed, message})
      relay.(relay)
    {:call, reply_to, server, request} ->
      send(reply_to, {:called, GenServer.call(server, request)})
      relay.(relay)
    {:ping, reply_to} ->
      send(reply_to, {:pinged, Node.ping(ps)})
      relay.(relay)
    {:link_and_die, pid} ->
      spawn(fn -> Process.link(pid); exit(:from_elixir) end)
      relay.(relay)
    :stop ->
      :ok
  end
end
Process.register(self(), :ex_relay)
true = Node.connect(ps)
send({:ps_inbox, ps}, {:hello_from_elixir, self(), node()})
IO.puts("READY")
relay.(relay)
IO.puts("BYE")
