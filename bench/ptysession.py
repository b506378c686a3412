"""A command on a pty of its own, read as it comes, for the bench's terminal drivers
(bench/pty-input.py, bench/pty-steps.py): 200x50, TERM=xterm-256color, a cursor-position query
answered as a terminal does, no polling and nothing forked while waiting."""
import fcntl, os, pty, re, select, struct, termios, time


class PtySession:
    def __init__(self, cmd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ['TERM'] = 'xterm-256color'
            os.execvp(cmd[0], cmd)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))
        self.buf = b''

    def write(self, data):
        os.write(self.fd, data)

    def until(self, regex, limit=30, plain=False):
        """The time (monotonic) regex was read, what it matched dropped; plain: match the text
        without its colours (a value coloured term by term)."""
        end = time.monotonic() + limit
        while True:
            text = re.sub(rb'\x1b\[[0-9;?]*[a-zA-Z]', b'', self.buf) if plain else self.buf
            m = re.search(regex, text)
            if m:
                self.buf = text[m.end():]
                return time.monotonic()
            r, _, _ = select.select([self.fd], [], [], max(0, end - time.monotonic()))
            if not r:
                raise TimeoutError(regex)
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                raise EOFError(regex)
            if b'\x1b[6n' in data:
                os.write(self.fd, b'\x1b[1;1R')
            self.buf += data

    def hang_up(self):
        """Closes the pty, which hangs up the whole foreground process group, as a closed terminal does."""
        os.close(self.fd)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
