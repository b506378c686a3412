# :global's resolve methods as global's rpc from another node runs them here (resolve_it/4)
p1 = spawn(fn -> Process.sleep(:infinity) end); p2 = spawn(fn -> Process.sleep(:infinity) end); :global.resolve_it(&:global.notify_all_name/3, :n, p1, p2)
me = self(); p1 = spawn(fn -> receive do m -> send(me, {1, m}) end end); p2 = spawn(fn -> receive do m -> send(me, {2, m}) end end); r = :global.resolve_it(&:global.random_notify_name/3, :n, p1, p2); receive do m -> {r == p2, m} end
me = self(); p1 = spawn(fn -> receive do m -> send(me, m) end end); p2 = spawn(fn -> receive do m -> send(me, m) end end); :global.resolve_it(&:global.notify_all_name/3, :n, p1, p2); a = receive do m -> elem(m, 0) end; b = receive do m -> elem(m, 0) end; {a, b}
:global.resolve_it(fn _, _, _ -> throw(:t) end, :n, self(), self())
:global.resolve_it(fn _, _, _ -> exit(:bye) end, :n, self(), self())
:global.resolve_it(fn _, _, _ -> raise "x" end, :n, self(), self()) |> elem(1) |> elem(0)
:global.resolve_it(fn _, _, p2 -> p2 end, :n, self(), self()) == self()
