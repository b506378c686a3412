#!/usr/bin/env python3
"""What a person waits for at a terminal, without tmux: bench/first-input.sh's steps on a pty.

Usage: bench/pty-input.py [--runs N] [--pause S] [--more M] [--modules] LABEL=COMMAND...
  e.g. bench/pty-input.py --runs 5 iex=iex old=/tmp/old/bin/procshell new=bin/procshell
  (COMMAND runs through `env`, so it may start with VAR=value assignments; a command starting with
  `iex` is iex, whose prompts are iex(n)>, the others ps(n)>). The commands alternate, N rounds.

Each COMMAND runs on a pty of its own (200x50, TERM=xterm-256color; a cursor-position query is
answered): at its first prompt `1 + 1` is written at once, at the second (S seconds after it
shows, 0 by default: a person pasting two lines; 2 or 5 for one typing the second)
`Enum.map([1, 2, 3], fn x -> x * 2 end)`; the pty is read as it comes (no polling, nothing forked
while waiting). Per run it prints ms to the prompt and from each line's write to its value read,
the CPU (ms, 10 ms ticks) of COMMAND's process tree from the prompt to the later value and in the
3 s after the prompt, the run-queue wait and CPU (ms, /proc/.../schedstat) of the person's threads
(the console's, the shell process's, JLine's reader) during the later input, and the CPU of the
JVM's threads by name in that window. With --more M, M more inputs follow (the same map over
another list, each S seconds after its prompt, at least 1): a session's later inputs once the first
ones are behind it; `more=` is their median ms (min-max). With --modules, two modules of five lines
follow (each pasted whole, S seconds after its prompt, at least 1), as a person pastes a module of
the study notes: `modules=` is the ms from the paste to each `{:module, ...}` value read.
"""
import os, re, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptysession import PtySession  # noqa: E402

TICK = os.sysconf('SC_CLK_TCK')


def tree_cpu(pid):
    """CPU ms of pid and its descendants (utime+stime of live tasks)."""
    total = 0
    kids = {}
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            s = open(f'/proc/{p}/stat').read()
        except OSError:
            continue
        f = s[s.rindex(')') + 2:].split()
        kids.setdefault(int(f[1]), []).append(int(p))
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            s = open(f'/proc/{p}/stat').read()
            f = s[s.rindex(')') + 2:].split()
            total += (int(f[11]) + int(f[12])) * 1000 // TICK
        except OSError:
            pass
        todo += kids.get(p, [])
    return total


def tasks(pid):
    """The /proc task folders of pid and of its children (the JVM, when pid is the launcher)."""
    for p in [pid] + [int(x) for x in os.popen(f'pgrep -P {pid}').read().split()]:
        try:
            tids = os.listdir(f'/proc/{p}/task')
        except OSError:
            continue
        for tid in tids:
            yield f'/proc/{p}/task/{tid}'


def threads(pid):
    """CPU ms by thread name (digits dropped) of pid's and its children's threads."""
    import collections
    out = collections.Counter()
    for t in tasks(pid):
        try:
            s = open(f'{t}/stat').read()
        except OSError:
            continue
        name = s[s.index('(') + 1:s.rindex(')')]
        f = s[s.rindex(')') + 2:].split()
        out[re.sub(r'[0-9]+', '', name)] += (int(f[11]) + int(f[12])) * 1000 // TICK
    return out


BYNAME = []
# (thread names as /proc shows them, cut to 15 characters: procshell-conso is the console's loop)
PERSON = ('java', 'procshell-#PID<', 'procshell-conso', 'JLine terminal ')


def waits(pid):
    """Run-queue wait (ms) and CPU (ms) of the person's threads (the console's, the shell process's, JLine's reader)."""
    w = c = 0.0
    for t in tasks(pid):
        try:
            name = open(f'{t}/comm').read().strip()
            if not any(name.startswith(x) for x in PERSON):
                continue
            run, wait, _ = open(f'{t}/schedstat').read().split()
        except OSError:
            continue
        w += int(wait) / 1e6; c += int(run) / 1e6
    return w, c


MODULE = ('defmodule Loop%d do\r  def loop(0, acc), do: acc\r  def loop(n, acc), do: loop(n - 1, acc + n)\r'
          '  def twice(xs), do: Enum.map(xs, fn x -> x * 2 end)\rend\r')


def run(cmd, prompt, pause=0.0, more=0, modules=False):
    """prompt: the prompt's pattern with %d for its number."""
    prompt1, prompt2, prompt3 = (prompt % n for n in (1, 2, 3))
    session = PtySession(cmd)
    pid, fd, until = session.pid, session.fd, session.until
    t0 = time.monotonic()

    tp = until(prompt1) - t0
    c_prompt = tree_cpu(pid)
    w1 = time.monotonic()
    os.write(fd, b'1 + 1\r')
    first = until(rb'\n(\x1b\[[?0-9;]*[a-zA-Z]|\x1b[=>])*2(\x1b\[[0-9;]*m)*\r?\n') - w1
    until(prompt2)
    time.sleep(pause)
    # (the samples before the write fork pgrep and walk /proc: not part of what the person waits for)
    th0 = threads(pid)
    w0 = waits(pid)
    w2 = time.monotonic()
    os.write(fd, b'Enum.map([1, 2, 3], fn x -> x * 2 end)\r')
    later = until(rb'\[(\x1b\[[0-9;]*m)*2(\x1b\[[0-9;]*m)*,') - w2
    c_later = tree_cpu(pid)
    w1 = waits(pid)
    BYNAME.append(f"person_wait={w1[0]-w0[0]:.1f} person_cpu={w1[1]-w0[1]:.1f}")
    d = threads(pid); d.subtract(th0)
    BYNAME.append(" ".join(f"{k}={v}" for k, v in d.most_common() if v > 0))
    until(prompt3)
    time.sleep(max(0, t0 + tp + 3 + pause - time.monotonic()))
    c_3s = tree_cpu(pid)
    mores = []
    for k in range(more):
        time.sleep(max(pause, 1.0))
        w = time.monotonic()
        os.write(fd, b'Enum.map([%d, 2, 3], fn x -> x * 2 end)\r' % (k + 4))
        until(rb'\[(\x1b\[[0-9;]*m)*%d(\x1b\[[0-9;]*m)*,' % (2 * (k + 4)))
        mores.append((time.monotonic() - w) * 1000)
        until(prompt % (k + 4))
    n = 3 + more
    pasted = []
    for k in (1, 2) if modules else ():
        time.sleep(max(pause, 1.0))
        w = time.monotonic()
        os.write(fd, (MODULE % k).encode())
        until(rb'\{:twice, 1\}\}', plain=True)
        pasted.append((time.monotonic() - w) * 1000)
        n += 1
        until(prompt % n)
    mores.sort()
    BYNAME.append((f" more={mores[len(mores) // 2]:.1f}({mores[0]:.1f}-{mores[-1]:.1f})" if mores else "")
                  + (" modules=" + ",".join(f"{x:.1f}" for x in pasted) if pasted else ""))
    # Hang up as a closed terminal does: the kernel signals the whole foreground process group
    # (a signal to the launcher's pid alone left a recording JVM running, and this wait with it).
    session.hang_up()
    return tp * 1000, first * 1000, later * 1000, c_later - c_prompt, c_3s - c_prompt


def main():
    args = sys.argv[1:]
    runs, pause, more, modules = 3, 0.0, 0, False
    while args[:1] in (['--runs'], ['--pause'], ['--more'], ['--modules']):
        if args[0] == '--modules':
            modules = True
            args = args[1:]
            continue
        if args[0] == '--runs':
            runs = int(args[1])
        elif args[0] == '--more':
            more = int(args[1])
        else:
            pause = float(args[1])
        args = args[2:]
    if not args or any('=' not in a for a in args):
        sys.exit(__doc__)
    cmds = [a.split('=', 1) for a in args]  # LABEL=COMMAND
    for i in range(runs):
        for label, cmd in cmds:
            p = rb'iex\(%d\)>' if cmd.startswith('iex') else rb'ps\(%d\)>'
            try:
                r = run(['sh', '-c', 'exec env ' + cmd], p, pause=pause, more=more, modules=modules)
                print(f"{label:>8} prompt={r[0]:.0f} first={r[1]:.1f} later={r[2]:.1f}{BYNAME[-1]} cpu_to_later={r[3]} cpu_3s={r[4]} {BYNAME[-3]} later_threads: {BYNAME[-2]}", flush=True)
            except (TimeoutError, EOFError) as e:
                print(f"{label} failed: {e!r}", flush=True)
            time.sleep(0.5)


if __name__ == '__main__':
    main()
