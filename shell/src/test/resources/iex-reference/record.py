#!/usr/bin/env python3
"""Records a reference transcript with a real iex in tmux, as the files here were captured.

Usage: python3 record.py INPUT OUTPUT
INPUT holds the lines to type, one per line (a multi-line input is its lines in a row; a line
starting with '#>' is not typed, so that comments can say why a line is there). Each line is
typed with send-keys -l -- (a line may start with -), then Enter; the next line waits for iex's next prompt (iex(N)> or
...(N)>) and for the pane to stay still. OUTPUT gets a '# captured ...' first line, then the
pane as capture-pane -p -J -S - shows it, trailing spaces kept, up to the last prompt.
"""
import re, subprocess, sys, time

SESSION = 'rec%d' % (time.time() * 1000 % 100000)
PROMPT = re.compile(r'(iex|\.\.\.)\(\d+\)> ?$')


def tmux(*args):
    return subprocess.run(['tmux', *args], check=True, capture_output=True, text=True).stdout


def pane():
    return tmux('capture-pane', '-p', '-J', '-S', '-', '-t', SESSION)


def settle(before):
    """Waits for a prompt on the pane's last line, the pane different from before and still."""
    deadline = time.time() + 30
    last, since = None, time.time()
    while time.time() < deadline:
        text = pane()
        lines = text.rstrip('\n').split('\n')
        if text != last:
            last, since = text, time.time()
        elif text != before and lines and PROMPT.search(lines[-1]) and time.time() - since > 0.4:
            return text
        time.sleep(0.1)
    return last


def main():
    src, dst = sys.argv[1], sys.argv[2]
    typed = [l for l in open(src, encoding='utf-8').read().split('\n') if not l.startswith('#>')]
    while typed and not typed[-1]:
        typed.pop()
    tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '50', 'iex')
    try:
        text = settle('')
        for line in typed:
            if line:
                tmux('send-keys', '-t', SESSION, '-l', '--', line)
            tmux('send-keys', '-t', SESSION, 'Enter')
            text = settle(text)
    finally:
        text = pane()
        tmux('kill-session', '-t', SESSION)
    lines = text.rstrip('\n').split('\n')
    with open(dst, 'w', encoding='utf-8') as out:
        out.write('# captured with tmux (new-session -d -x 200 -y 50; record.py: inputs typed with send-keys -l, one line'
                  ' at a time, waiting for the next prompt; capture-pane -p -J -S -; trailing spaces kept); iex 1.14.0'
                  ' (Elixir 1.14.0 compiled with OTP 24) on Erlang/OTP 25 [erts-13.1.5], Debian 12 package elixir'
                  ' 1.14.0.dfsg-2\n')
        out.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
