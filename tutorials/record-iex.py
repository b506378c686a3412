#!/usr/bin/env python3
"""Re-records a chapter's expected outputs with a real iex (Elixir 1.14), typed in tmux.

    tutorials/record-iex.py tutorials/07-elixirs-registry.txt > /tmp/07.txt
    diff tutorials/07-elixirs-registry.txt /tmp/07.txt

Every input of the chapter (a `ps>` line and its `...>` lines) is typed into a fresh iex, one
line at a time, waiting for iex's prompt after each; the chapter is printed with each input's
output replaced by what iex printed. A chapter with `nodes:` gets one iex per node, started
`--sname rec<node>@localhost` (so as not to meet a cluster that tests run) and renamed back in the
output. Kept as written, because iex cannot show them: outputs of procshell's own helpers
(`tables()`, `table(...)`, `watch()`), of `:gproc` (not installed with Elixir) and `nc>` lines.
A module's binary in `{:module, Name, <<...>>, last}` becomes a line `...`, which the chapter
matcher reads as "any lines". iex's restart banner after the shell process died becomes
procshell's. Pids print as iex chose them; the matcher only needs them consistent.
"""
import re
import subprocess
import sys
import time

KEEP = re.compile(r"^(tables\(|table\(|watch\(|:gproc\.)")
PROMPT = re.compile(r"^(iex|\.\.\.)(\([^)]*\))?(\(\d+\)|\d+)> ?")
IEX_BANNER = "Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)"
PS_BANNER = "Interactive procshell - press Ctrl+D to exit (type h() ENTER for help)"


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def pane(session):
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session).rstrip("\n").split("\n")


def wait_for_prompt(session, timeout=30):
    """Returns once the last line is an iex prompt and the pane has stopped changing."""
    start = time.time()
    while time.time() - start < timeout:
        lines = pane(session)
        if PROMPT.match(lines[-1]) and lines[-1].rstrip().endswith(">"):
            time.sleep(0.2)
            if pane(session) == lines:
                return
        time.sleep(0.1)


def parse(lines):
    """The chapter's inputs: (node, input lines, first output line, end of output) each."""
    inputs, i = [], 0
    while i < len(lines):
        m = re.match(r"^    ps(\(([^)@]+)@[^)]+\))?> ?(.*)$", lines[i])
        if not m:
            i += 1
            continue
        node, text = m.group(2), [m.group(3)]
        i += 1
        while i < len(lines) and lines[i].startswith("    ...>"):
            text.append(lines[i][9:])
            i += 1
        out = i
        while i < len(lines) and not re.match(r"^    (ps[(>]|nc> )", lines[i]) and (
                lines[i].startswith("    ") or (lines[i] == "" and i + 1 < len(lines) and lines[i + 1].startswith("    "))):
            i += 1
        inputs.append((node, text, out, i))
    return inputs


def outputs(transcript):
    """iex's output after each input, from a whole pane."""
    result, current = [], None
    for line in transcript[3:]:
        if PROMPT.match(line):
            if line.startswith("iex"):
                if current is not None:
                    result.append(current)
                current = []
            continue
        if current is not None:
            current.append(PS_BANNER if line.startswith(IEX_BANNER) else line.rstrip())
    if current:
        result.append(current)
    return result


def elide_binary(out):
    for k, line in enumerate(out):
        if line.startswith("{:module, ") and line.endswith(",") and k + 1 < len(out) and out[k + 1].lstrip().startswith("<<"):
            j = k + 1
            while j < len(out) and not out[j].rstrip().endswith("}"):
                j += 1
            return out[:k + 1] + ["..."] + out[j + 1:]
    return out


def main(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    nodes = next((l.split()[1:] for l in lines if l.startswith("nodes:")), [None])
    short = [n.split("@")[0] if n else None for n in nodes]
    inputs = [x for x in parse(lines) if not KEEP.match(x[1][0])]
    sessions = {}
    for n in short:
        name = "record-iex-" + (n or "alone")
        tmux("kill-session", "-t", name)
        command = "iex" + (" --sname rec%s@localhost" % n if n else "")
        subprocess.run(["tmux", "new", "-d", "-s", name, "-x", "250", "-y", "50", command], check=True)
        tmux("set-option", "-t", name, "history-limit", "100000")
        sessions[n] = name
    for name in sessions.values():
        wait_for_prompt(name)
    rename = [(":%s@" % n, ":rec%s@" % n) for n in short if n]
    for node, text, _, _ in inputs:
        session = sessions[node or short[0]]
        for line in text:
            for a, b in rename:
                line = line.replace(a, b)
            tmux("send-keys", "-t", session, "-l", line)
            tmux("send-keys", "-t", session, "Enter")
            time.sleep(0.1)
            wait_for_prompt(session)
    printed = {}
    for n, session in sessions.items():
        transcript = pane(session)
        for a, b in rename:
            transcript = [l.replace(b[1:], a[1:]) for l in transcript]
        printed[n] = outputs(transcript)
        tmux("kill-session", "-t", session)
    taken = {n: 0 for n in sessions}
    replacements = []
    for node, text, start, end in inputs:
        n = node or short[0]
        out = printed[n][taken[n]] if taken[n] < len(printed[n]) else ["<<no output recorded>>"]
        taken[n] += 1
        while out and out[-1] == "":
            out = out[:-1]
        replacements.append((start, end, ["    " + l if l else "" for l in elide_binary(out)]))
    for start, end, new in reversed(replacements):
        lines[start:end] = new
    sys.stdout.write("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
