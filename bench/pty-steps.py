#!/usr/bin/env python3
"""A study note's code pasted step by step at a terminal: each step's wait, iex against procshell.

Usage: bench/pty-steps.py FILE RUNS PAUSE LABEL=COMMAND...
  e.g. bench/pty-steps.py ../shared/seeds/code/002-secret-server-registry.exs 3 1 iex=iex new=bin/procshell

FILE is split into its top-level inputs (a module, a list spread over lines, else a line; comments
and blank lines left out). Each COMMAND runs on a pty of its own (200x50, TERM=xterm-256color; a
command starting with `iex` is iex, whose prompts are iex(n)>, the others ps(n)>); 2 s after its first
prompt, each input is written whole (its lines joined by Enter), and the ms from the write to the
next prompt is its wait; PAUSE seconds separate the inputs. The commands alternate, RUNS rounds.
Printed: per input the median of the runs for each label, then the sums.
"""
import os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptysession import PtySession  # noqa: E402
def inputs(path):
    """The file's top-level inputs: a defmodule up to its `end`, a list opened on a line up to its `]`, else a line."""
    text = [l.rstrip('\n') for l in open(path)]
    out, i = [], 0
    while i < len(text):
        l = text[i]
        if not l.strip() or l.lstrip().startswith('#'): i += 1; continue
        if l.startswith('defmodule'):
            j = i
            while text[j] != 'end': j += 1
            out.append(text[i:j+1]); i = j + 1; continue
        if l.rstrip().endswith('['):
            j = i
            while not text[j].startswith(']'): j += 1
            out.append(text[i:j+1]); i = j + 1; continue
        out.append([l]); i += 1
    return out
def run(cmd, prompt, ins, pause):
    session = PtySession(cmd)
    session.until(prompt % 1)
    time.sleep(2)
    times = []
    for k, lines in enumerate(ins):
        w = time.monotonic()
        session.write(('\r'.join(lines) + '\r').encode())
        session.until(prompt % (k + 2))
        times.append((time.monotonic() - w) * 1000)
        time.sleep(pause)
    session.hang_up()
    return times
ins = inputs(sys.argv[1]); runs = int(sys.argv[2]); pause = float(sys.argv[3])
res = {}
for i in range(runs):
    for a in sys.argv[4:]:
        label, cmd = a.split('=', 1)
        p = rb'iex\(%d\)>' if cmd.startswith('iex') else rb'ps\(%d\)>'
        try:
            res.setdefault(label, []).append(run(['sh', '-c', 'exec ' + cmd], p, ins, pause))
        except Exception as e:
            print(label, 'failed', repr(e), flush=True)
        time.sleep(0.5)
import statistics
for k, lines in enumerate(ins):
    row = [f"{statistics.median([r[k] for r in res[l]]):7.1f}" for l in res]
    print(" ".join(row), lines[0][:60])
print(" ".join(f"{l:>7}" for l in res))
print(" ".join(f"{sum(statistics.median([r[k] for r in res[l]]) for k in range(len(ins))):7.1f}" for l in res), "total")
