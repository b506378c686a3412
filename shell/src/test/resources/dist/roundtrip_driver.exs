# The driver of roundtrip.sh: waits for the four nodes, then times each client -> server pair.
[tag, n] = System.argv()
n = String.to_integer(n)
node = fn who -> :"#{who}_#{tag}@localhost" end
ready = fn who ->
  Enum.find_value(1..600, fn _ ->
    if Node.connect(node.(who)) and is_pid(:rpc.call(node.(who), Process, :whereis, [:echo])), do: true, else: (Process.sleep(200); nil)
  end) || raise "#{who} did not come up"
end
Enum.each(~w(ps_srv ps_cli ex_srv ex_cli), ready)
time = fn fun, cli, target, k ->
  {us, :ok} = :timer.tc(:rpc, :call, [node.(cli), Loop, fun, [target, k]])
  us
end
pairs = [
  {"procshell -> procshell", "ps_cli", "ps_srv"},
  {"procshell -> BEAM     ", "ps_cli", "ex_srv"},
  {"BEAM -> procshell     ", "ex_cli", "ps_srv"},
  {"BEAM -> BEAM          ", "ex_cli", "ex_srv"}
]
for {fun, title, target} <- [
      {:run, "GenServer.call", fn srv -> {:echo, node.(srv)} end},
      {:erpc, ":erpc.call(node, :erlang, :node, [])", fn srv -> node.(srv) end}
    ] do
  IO.puts("remote #{title} round trip, #{n} calls per pair (microseconds per call)")
  for {label, cli, srv} <- pairs do
    time.(fun, cli, target.(srv), div(n, 4))  # warm-up
    base = time.(fun, cli, target.(srv), 0)
    us = time.(fun, cli, target.(srv), n) - base
    IO.puts("#{label}  #{:erlang.float_to_binary(us / n, decimals: 1)}")
  end
end
