#!/usr/bin/env bash
# Usage: bench/first-input.sh [RUNS] [procshell args...]
# What a person waits for in a real terminal, iex beside bin/procshell: each is started in a
# detached tmux session (200x50, a private tmux server, -L, whose start a keep-alive session keeps
# out of the figures) and its pane polled every ~5 ms with capture-pane:
#   first_prompt  from starting it until "iex(1)>" / "ps(1)>" shows;
#   first_input   `1 + 1`, typed (send-keys) as soon as the prompt shows, until its value (2) shows;
#   later_input   then `Enum.map([1, 2, 3], fn x -> x * 2 end)`, until [2, 4, 6] shows.
# Prints the median, min and max in ms over RUNS (default 5), iex and procshell alternating.
# Warm-up first: two procshell sessions that leave with Ctrl-D (the first builds the jar if needed
# and records the classes it used, leaving once its warm-up is done since the launcher keeps no
# record of a session that quit at once; the second assembles the class-data cache from that
# record in the background, waited for here), as a person's third start finds them; one iex session.
# PS_CMD=... replaces the procshell command (to compare JVM options).
# MARKS=FILE appends "EPOCH_MICROS driver STEP SESSION" for each send-keys and each value seen, to
# lay beside procshell's own steps (-Dprocshell.trace.input=FILE, the same clock).
set -euo pipefail
RUNS=${1:-5}; shift || true
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
now_ns() { date +%s%N; }
ms_since() { awk -v d=$((($(now_ns) - $1) / 1000)) 'BEGIN{print d/1000}'; }
stats() { # name values...
  local name=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v n="$name" '
    {a[NR]=$1} END {printf "%s_median_ms %.1f\n%s_min_ms %.1f\n%s_max_ms %.1f\n", n, a[int((NR+1)/2)], n, a[1], n, a[NR]}'
}
SOCK=first-input-$$
KEEP=fi_keepalive_$$
tmux -L "$SOCK" new-session -d -s "$KEEP" -x 80 -y 10 'sleep 3600'
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true' EXIT
pane() { tmux -L "$SOCK" capture-pane -p -t "$1" 2>/dev/null; }
# wait_for SESSION REGEX: until a line of the pane matches
wait_for() {
  until pane "$1" | grep -qE "$2"; do sleep 0.005; done
}
# typed SESSION INPUT REGEX -> ms from typing INPUT (and Enter) until a line matches REGEX
typed() {
  local t0 t1
  t0=$(now_ns)
  tmux -L "$SOCK" send-keys -t "$1" "$2" Enter
  wait_for "$1" "$3"
  t1=$(now_ns)
  mark "$t0" send-keys "$1"
  mark "$t1" seen "$1"
  awk -v d=$(((t1 - t0) / 1000)) 'BEGIN{print d/1000}'
}
mark() { # NANOS STEP SESSION
  if [ -n "${MARKS:-}" ]; then echo "$(($1 / 1000)) driver $2 $3" >>"$MARKS"; fi
}
# one SESSION COMMAND PROMPT1 PROMPT2: prints "prompt_ms first_ms later_ms"
one() {
  local s=$1 t0 prompt first later
  t0=$(now_ns)
  tmux -L "$SOCK" new-session -d -s "$s" -x 200 -y 50 "$2"
  wait_for "$s" "$3"
  prompt=$(ms_since "$t0")
  first=$(typed "$s" "1 + 1" '^2$')
  wait_for "$s" "$4"
  later=$(typed "$s" "Enum.map([1, 2, 3], fn x -> x * 2 end)" '^\[2, 4, 6\]$')
  tmux -L "$SOCK" kill-session -t "$s"
  echo "$prompt $first $later"
}
ps_cmd=${PS_CMD:-"$ROOT/bin/procshell $*"}
# true while a session records the classes it uses and its warm-up is not done (procshell*.aotconf.PID.cold,
# PID the launcher that started it)
recording() {
  local f pid
  for f in "$ROOT"/shell/target/procshell*.aotconf.*.cold; do
    [ -e "$f" ] || continue
    pid=${f%.cold}; pid=${pid##*.}
    if kill -0 "$pid" 2>/dev/null; then return 0; fi
  done
  return 1
}
warm() {
  tmux -L "$SOCK" new-session -d -s "$1" -x 200 -y 50 "$ps_cmd"
  wait_for "$1" 'ps\(1\)>'
  for _ in $(seq 1200); do recording || break; sleep 0.1; done
  sleep 0.5; tmux -L "$SOCK" send-keys -t "$1" C-d
  while tmux -L "$SOCK" has-session -t "$1" 2>/dev/null; do sleep 0.1; done
}
warm "fi_warm1_$$"; warm "fi_warm2_$$"
# (every session record newer than the jar assembled: procshell.aotconf, or procshell-KEY.aotconf
# when PS_CMD sets PROCSHELL_JAVA_OPTS)
caches_made() {
  local c
  for c in "$ROOT"/shell/target/procshell*.aotconf; do
    [ -e "$c" ] && [ "$c" -nt "$ROOT/shell/target/procshell.jar" ] || continue
    [ -f "${c%.aotconf}.aot" ] || return 1
  done
}
for _ in $(seq 600); do caches_made && break; sleep 0.2; done
one "fi_warmi_$$" iex 'iex\(1\)>' 'iex\(2\)>' >/dev/null
iex0=(); iex1=(); iex2=(); ps0=(); ps1=(); ps2=()
for i in $(seq "$RUNS"); do
  read -r a b c < <(one "fi_iex_$$_$i" iex 'iex\(1\)>' 'iex\(2\)>'); iex0+=("$a"); iex1+=("$b"); iex2+=("$c"); sleep 0.5
  read -r a b c < <(one "fi_ps_$$_$i" "$ps_cmd" 'ps\(1\)>' 'ps\(2\)>'); ps0+=("$a"); ps1+=("$b"); ps2+=("$c"); sleep 0.5
done
echo "iex runs (prompt, first, later): ${iex0[*]} / ${iex1[*]} / ${iex2[*]}"
echo "procshell runs (prompt, first, later): ${ps0[*]} / ${ps1[*]} / ${ps2[*]}"
stats iex_first_prompt "${iex0[@]}"
stats iex_first_input "${iex1[@]}"
stats iex_later_input "${iex2[@]}"
stats procshell_first_prompt "${ps0[@]}"
stats procshell_first_input "${ps1[@]}"
stats procshell_later_input "${ps2[@]}"
