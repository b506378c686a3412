#!/usr/bin/env bash
# Usage: bench/first-prompt.sh [RUNS] [procshell args...]
# Time to the first prompt of iex and of bin/procshell, each started in a detached tmux session
# (200x50) and polled with capture-pane every ~5 ms until "iex(1)>" / "ps(1)>" shows; median,
# min and max in ms over RUNS (default 5), iex and procshell alternating in the same run. A tmux
# keep-alive session is started first so that the tmux server (a private one, -L) start is not counted, and one
# procshell start before the runs builds the jar and the class-data archive if they are missing.
# PS_CMD=... replaces the procshell command (to compare JVM options). Same method as the BEAM anchor figure (../shared/bench/beam/startup.sh).
set -euo pipefail
RUNS=${1:-5}; shift || true
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
now_ns() { date +%s%N; }
stats() { # name values...
  local name=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v n="$name" '
    {a[NR]=$1} END {printf "%s_first_prompt_median_ms %.1f\n%s_first_prompt_min_ms %.1f\n%s_first_prompt_max_ms %.1f\n", n, a[int((NR+1)/2)], n, a[1], n, a[NR]}'
}
SOCK=first-prompt-$$
KEEP=fp_keepalive_$$
tmux -L "$SOCK" new-session -d -s "$KEEP" -x 80 -y 10 'sleep 3600'
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true' EXIT
first() { # session command prompt -> ms
  local s=$1 cmd=$2 prompt=$3 t0 t1
  t0=$(now_ns)
  tmux -L "$SOCK" new-session -d -s "$s" -x 200 -y 50 "$cmd"
  until tmux -L "$SOCK" capture-pane -p -t "$s" 2>/dev/null | grep -qF "$prompt"; do sleep 0.005; done
  t1=$(now_ns)
  tmux -L "$SOCK" kill-session -t "$s"
  awk -v d=$(( (t1 - t0) / 1000 )) 'BEGIN{print d/1000}'
}
ps_cmd=${PS_CMD:-"$ROOT/bin/procshell $*"}
# Two starts that leave with Ctrl-D: the first builds the jar if needed and records the classes
# it used, the second assembles the class-data cache from that record (in the background; waited
# for here), as bin/procshell does after every build. A session killed by tmux would record nothing.
warm() {
  tmux -L "$SOCK" new-session -d -s "$1" -x 200 -y 50 "$ps_cmd"
  until tmux -L "$SOCK" capture-pane -p -t "$1" 2>/dev/null | grep -qF 'ps(1)>'; do sleep 0.05; done
  sleep 3; tmux -L "$SOCK" send-keys -t "$1" C-d
  while tmux -L "$SOCK" has-session -t "$1" 2>/dev/null; do sleep 0.1; done
}
warm "fp_warm1_$$"; warm "fp_warm2_$$"
for _ in $(seq 600); do [ ! -f "$ROOT/shell/target/procshell.aotconf" ] || [ -f "$ROOT/shell/target/procshell.aot" ] && break; sleep 0.2; done
first "fp_warmi_$$" iex 'iex(1)>' >/dev/null
sleep 1
iex=(); ps=()
for i in $(seq "$RUNS"); do
  iex+=("$(first "fp_iex_$$_$i" iex 'iex(1)>')"); sleep 0.5
  ps+=("$(first "fp_ps_$$_$i" "$ps_cmd" 'ps(1)>')"); sleep 0.5
done
echo "iex runs: ${iex[*]}"; echo "procshell runs: ${ps[*]}"
stats iex "${iex[@]}"
stats procshell "${ps[@]}"
