#!/usr/bin/env bash
# Usage: bash script_start.sh [RUNS]
# A whole BEAM that evaluates and exits: `elixir -e ':ok'` and `elixir hello.exs` (a module, a
# fn, two lines printed; the same script as procshell's ScriptBench). Each run RUNS times
# (default 5) after one untimed run; prints `name value unit` lines: the median wall time and
# the median CPU time (user + system of the process and its children, from bash's `times`).
set -euo pipefail
RUNS=${1:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/hello.exs" <<'EXS'
defmodule Hello do
  def hi(name), do: "hi " <> name
end
IO.puts(Hello.hi("script"))
Enum.map([1, 2, 3], fn x -> x * 2 end) |> IO.inspect()
EXS
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# one run: "wall_ms cpu_ms" (the CPU time from a child bash's `times`: its children's line)
one() {
  local t0 t1 cpu
  t0=$(date +%s%N)
  cpu=$(bash -c '"$@" >/dev/null 2>&1; times' bash "$@" | tail -n 1 |
    awk '{split($1,u,/[ms]/); split($2,s,/[ms]/); printf "%.1f", (u[1]*60+u[2]+s[1]*60+s[2])*1000}')
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) $cpu"
}
measure() { # name command...
  local name=$1 walls=() cpus=() r
  shift
  one "$@" >/dev/null
  for _ in $(seq "$RUNS"); do
    r=$(one "$@")
    walls+=("${r% *}")
    cpus+=("${r#* }")
  done
  echo "${name}_median_ms $(median "${walls[@]}") ms"
  echo "${name}_cpu_median_ms $(median "${cpus[@]}") ms"
}
cd "$dir"
measure script_e_ok elixir -e ':ok'
measure script_file elixir hello.exs
