# one connection per case: listen on a free port, connect, accept, then the steps
{:ok, l} = :gen_tcp.listen(0, [:binary, packet: 4, active: false]); {:ok, p} = :inet.port(l); {:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, p, [:binary, packet: 4, active: false]); {:ok, s} = :gen_tcp.accept(l); :ok = :gen_tcp.send(c, "hello"); :ok = :gen_tcp.send(c, ["wor", ?l, "d"]); {:gen_tcp.recv(s, 0, 1000), :gen_tcp.recv(s, 0, 1000)}
{:ok, l} = :gen_tcp.listen(0, [:binary, packet: 2, active: false]); {:ok, p} = :inet.port(l); {:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, p, [:binary, active: false]); {:ok, s} = :gen_tcp.accept(l); :ok = :gen_tcp.send(s, "back"); :gen_tcp.recv(c, 0, 1000)
{:ok, l} = :gen_tcp.listen(0, [:binary, active: false]); {:ok, p} = :inet.port(l); {:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, p, [:binary, active: false]); {:ok, s} = :gen_tcp.accept(l); :ok = :inet.setopts(s, packet: 1); :ok = :gen_tcp.send(c, <<2, "ab", 1, "c">>); {:gen_tcp.recv(s, 0, 1000), :gen_tcp.recv(s, 0, 1000)}
{:ok, l} = :gen_tcp.listen(0, [packet: 4, packet_size: 3, active: false]); {:ok, p} = :inet.port(l); {:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, p, [packet: 4]); {:ok, s} = :gen_tcp.accept(l); :ok = :gen_tcp.send(c, "hello"); {:gen_tcp.recv(s, 0, 1000), :gen_tcp.recv(s, 0, 1000)}
{:ok, l} = :gen_tcp.listen(0, [packet: 2, active: true]); {:ok, p} = :inet.port(l); {:ok, c} = :gen_tcp.connect({127, 0, 0, 1}, p, [packet: 2]); {:ok, s} = :gen_tcp.accept(l); :ok = :gen_tcp.send(c, 'hi'); receive do {:tcp, ^s, data} -> data after 1000 -> :none end
{:ok, l} = :gen_tcp.listen(0, [packet: 2]); :inet.getopts(l, [:packet, :mode])
:gen_tcp.listen(0, [packet: 3])
:gen_tcp.listen(0, [:bogus])
:gen_tcp.listen(0, [{:bogus, 1}])
:gen_tcp.listen(70000, [])
:gen_tcp.connect({127, 0, 0, 1}, 1, [packet: 3])
{:ok, l} = :gen_tcp.listen(0, []); :inet.setopts(l, packet: 3)
{:ok, l} = :gen_tcp.listen(0, [:inet, nodelay: true, keepalive: true, backlog: 5, send_timeout: 100, exit_on_close: true, reuseaddr: true]); :inet.getopts(l, [:packet])
