# The driver of `procshell bench dist_roundtrip`: waits for the four nodes (a client and a server of
# each runtime, started by the bench), then times, on this node's clock, each client -> server pair:
# :rpc.call(client, Loop, :run, [target, n]) minus the least of three such rpcs with n = 0 (never
# below 0), n calls per pair, after a warm-up of n / 4 calls. Prints `name value unit` lines, microseconds per call.
#   elixir --sname driver_<tag>@localhost --cookie <cookie> dist_roundtrip.exs <tag> <n>
[tag, n] = System.argv()
n = String.to_integer(n)
node = fn who -> :"#{who}_#{tag}@localhost" end
ready = fn who ->
  Enum.find_value(1..900, fn _ ->
    if Node.connect(node.(who)) and is_pid(:rpc.call(node.(who), Process, :whereis, [:echo])),
      do: true,
      else: (Process.sleep(200); nil)
  end) || raise "#{who} did not come up"
end
Enum.each(~w(ps_srv ps_cli ex_srv ex_cli), ready)
time = fn fun, cli, target, k ->
  {us, :ok} = :timer.tc(:rpc, :call, [node.(cli), Loop, fun, [target, k], :infinity])
  us
end
pairs = [
  {"procshell_to_procshell", "ps_cli", "ps_srv"},
  {"procshell_to_beam", "ps_cli", "ex_srv"},
  {"beam_to_procshell", "ex_cli", "ps_srv"},
  {"beam_to_beam", "ex_cli", "ex_srv"}
]
for {fun, kind, target} <- [
      {:run, "genserver_call", fn srv -> {:echo, node.(srv)} end},
      {:erpc, "erpc_call", fn srv -> node.(srv) end}
    ],
    {label, cli, srv} <- pairs do
  time.(fun, cli, target.(srv), div(n, 4))
  # the rpc's own cost: the least of three empty runs (one slow run on a busy machine would
  # otherwise exceed the timed run at small n and give a negative figure)
  base = Enum.min(for _ <- 1..3, do: time.(fun, cli, target.(srv), 0))
  us = max(time.(fun, cli, target.(srv), n) - base, 0)
  IO.puts("dist_#{kind}_#{label} #{:erlang.float_to_binary(us / n, decimals: 1)} us_per_call")
end
