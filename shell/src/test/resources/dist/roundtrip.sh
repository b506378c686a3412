#!/usr/bin/env bash
# Remote call round trips (GenServer.call, and :erpc.call of :erlang.node/0), measured in one run
# for the four pairs of runtimes:
# procshell->procshell, procshell->BEAM, BEAM->procshell, BEAM->BEAM.
#   shell/src/test/resources/dist/roundtrip.sh [calls]       (default 2000 calls per pair)
# Starts two procshell nodes and two Elixir nodes (a client and a server of each runtime) on a
# port mapper of its own; a driver Elixir node times, on its own clock, :rpc.call(client,
# Loop, :run, [{:echo, server}, n]) (and Loop.erpc(server_node, n)) minus the same rpc with n = 0,
# and prints microseconds per call.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
n=${1:-2000}
export ERL_EPMD_PORT=${ERL_EPMD_PORT:-$((20000 + RANDOM % 20000))}
tag=rt$$
cookie=rt_cookie
defs='defmodule Echo do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(m, _from, s), do: {:reply, m, s}
end
defmodule Loop do
  def run(_target, 0), do: :ok
  def run(target, n), do: (GenServer.call(target, :ping); run(target, n - 1))
  def erpc(_node, 0), do: :ok
  def erpc(node, n), do: (:erpc.call(node, :erlang, :node, []); erpc(node, n - 1))
end
{:ok, _} = GenServer.start(Echo, 0, name: :echo)'
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for who in ps_srv ps_cli; do
  { printf '%s\n' "$defs"; sleep 600; } | "$root/bin/procshell" --sname "${who}_$tag@localhost" --cookie "$cookie" >/dev/null 2>&1 &
  pids+=($!)
done
# the first procshell node starts the port mapper the Elixir nodes use (-start_epmd false)
for _ in $(seq 300); do (echo > "/dev/tcp/127.0.0.1/$ERL_EPMD_PORT") 2>/dev/null && break; sleep 0.2; done
for who in ex_srv ex_cli; do
  elixir --erl "-start_epmd false" --sname "${who}_$tag@localhost" --cookie "$cookie" -e "$defs; Process.sleep(:infinity)" >/dev/null 2>&1 &
  pids+=($!)
done
elixir --erl "-start_epmd false" --sname "driver_$tag@localhost" --cookie "$cookie" "$here/roundtrip_driver.exs" "$tag" "$n"
