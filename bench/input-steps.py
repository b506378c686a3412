#!/usr/bin/env python3
"""Where each input of a bench/first-input.sh run waited, step by step.

Usage: bench/input-steps.py TRACE MARKS
  TRACE  procshell's -Dprocshell.trace.input=FILE (lines "MICROS THREAD STEP classes=N cpu=C jvm=J")
  MARKS  the driver's MARKS=FILE (lines "MICROS driver send-keys|seen SESSION")

For every send-keys of the driver that procshell answered (the iex sessions' marks are skipped),
prints the wall time (ms) from send-keys to each of procshell's steps up to the driver seeing the
value, and the JVM's CPU time (ms, all threads) from the first key read to the value printed.
"""
import re
import sys


def read(path):
    out = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[0].isdigit():
                fields = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
                out.append((int(parts[0]), parts[1], parts[2], fields, parts[3] if parts[1] == "driver" else None))
    return out


STEPS = ["self-insert", "accept-line", "line-read", "hand-over", "shell-took", "read", "planned",
         "shell-done", "result-back", "settled", "printed"]


def main():
    events = sorted(read(sys.argv[1]) + read(sys.argv[2]))
    sends = [i for i, e in enumerate(events) if e[1] == "driver" and e[2] == "send-keys" and "_ps_" in e[4]]
    for n, i in enumerate(sends):
        t0 = events[i][0]
        seen = next((e for e in events[i + 1:] if e[1] == "driver" and e[2] == "seen" and e[4] == events[i][4]), None)
        if seen is None:
            continue
        firsts = {}
        for e in events[i + 1:]:
            if e[0] > seen[0]:
                break
            if e[1] != "driver" and e[2] not in firsts:
                firsts[e[2]] = e
        row = [f"{events[i][4]:>22}"]
        for s in STEPS:
            row.append(f"{s}={(firsts[s][0] - t0) / 1000:.1f}" if s in firsts else f"{s}=-")
        row.append(f"seen={(seen[0] - t0) / 1000:.1f}")
        k, p = firsts.get("self-insert"), firsts.get("printed")
        if k and p and "jvm" in k[3] and "jvm" in p[3]:
            row.append(f"jvm_cpu={(int(p[3]['jvm']) - int(k[3]['jvm'])) / 1000:.1f}")
        others = sorted({e[2] for e in events[i + 1:] if e[0] <= seen[0] and e[1] != "driver" and e[2] not in STEPS})
        if others:
            row.append("also:" + ",".join(others))
        print(" ".join(row))


if __name__ == "__main__":
    main()
