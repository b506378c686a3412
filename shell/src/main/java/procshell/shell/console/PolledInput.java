package procshell.shell.console;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

import org.jline.nativ.CLibrary;
import org.jline.utils.NonBlockingInputStream;

/**
 * The terminal's keys as the console reads them: the reading thread itself waits for the terminal
 * ({@code poll(2)} through JLine's native library) and takes what has arrived in one
 * {@code read(2)}, as iex's reader takes a pasted line at once.
 *
 * <p>JLine's own stream for the system terminal has a pump thread read one byte at a time and hand
 * it to the reading thread: for a line of 39 bytes, 39 reads, 39 polls and ~150 futex calls
 * between two threads, each costing 1-12 us in a VM where a system call costs ~1 us
 * ({@code bench/README.md}, "Where a person waits", eleventh session). Here a burst costs one poll
 * and one read, and no thread switch.
 *
 * <p>A wait polls in slices of {@value #SLICE_MS} ms at most so that an interruption of the
 * reading thread ends it (JLine's on an INT signal; the shell process's when a Ctrl-C stops an input
 * that reads keys): a thread blocked in native code does not see {@link Thread#interrupt()}. Ctrl-C
 * at the prompt is a key, not a signal: JLine's raw mode turns ISIG off and binds the key.
 */
final class PolledInput extends NonBlockingInputStream {
    /**
     * The longest a poll waits before the thread looks at its interrupt flag, ms: JLine's wait for
     * a key at the prompt (100 ms at a time) in one poll. Each poll that ends empty is a wake-up of
     * an idle shell: with 50 ms slices the console's thread took ~3 ms of CPU a second at the prompt.
     */
    static final int SLICE_MS = 100;

    private final int fd;
    private final InputStream in;
    private final byte[] buf = new byte[4096];
    private int pos;
    private int end;
    private boolean eof;
    /** Work for the next read (not a peek) that finds no key there ({@link #beforeWaiting}). */
    private volatile Runnable beforeWaiting;

    /**
     * Reads file descriptor {@code fd} through {@code in} (which must read that descriptor).
     *
     * @throws LinkageError when JLine's native library cannot poll on this platform
     */
    PolledInput(int fd, InputStream in) {
        this.fd = fd;
        this.in = in;
        CLibrary.pollForInput(fd, 0); // (fails here, not at the first key, where it cannot)
    }

    /** Standard input's keys. */
    static PolledInput stdin() {
        return new PolledInput(0, new FileInputStream(FileDescriptor.in));
    }

    /**
     * The next byte (kept when {@code isPeek}), {@link #EOF} at the end of input, or
     * {@link #READ_EXPIRED} when none came within {@code timeout} ms (0 or less: wait for one).
     *
     * @throws InterruptedIOException when the reading thread is interrupted while it waits
     */
    @Override
    public synchronized int read(long timeout, boolean isPeek) throws IOException {
        checkClosed();
        if (pos == end && !eof && !fill(timeout, isPeek)) return READ_EXPIRED;
        if (pos == end) return EOF;
        int b = buf[pos] & 0xff;
        if (!isPeek) pos++;
        return b;
    }

    /**
     * How many bytes can be read without waiting: those read already, else 1 when the terminal has
     * some (it is not asked how many), else 0.
     */
    @Override
    public synchronized int available() {
        if (end > pos) return end - pos;
        return !eof && CLibrary.pollForInput(fd, 0) > 0 ? 1 : 0;
    }

    /**
     * Has the reading thread run {@code work} once, the next time it reads a key and none is there
     * (the prompt's wait for the person: JLine reads keys 100 ms at a time), not for a peek (the
     * next key of a key sequence or of a burst): work off the person's way, on the thread that
     * reads the keys, so that it touches nothing another thread uses meanwhile. A later call
     * replaces work not yet run.
     */
    void beforeWaiting(Runnable work) {
        beforeWaiting = work;
    }

    /** Waits up to {@code timeout} ms (0 or less: for ever) for bytes; false when none came. */
    private boolean fill(long timeout, boolean isPeek) throws IOException {
        Runnable work = beforeWaiting;
        if (work != null && !isPeek && CLibrary.pollForInput(fd, 0) <= 0) {
            beforeWaiting = null;
            work.run();
        }
        long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000L : Long.MAX_VALUE;
        while (true) {
            if (Thread.interrupted()) throw new InterruptedIOException();
            long left = timeout > 0 ? (deadline - System.nanoTime() + 999_999) / 1_000_000L : SLICE_MS;
            if (left <= 0) return false;
            if (CLibrary.pollForInput(fd, (int) Math.min(left, SLICE_MS)) > 0) {
                int n = in.read(buf, 0, buf.length);
                pos = 0;
                end = Math.max(n, 0);
                eof = n < 0;
                if (n != 0) return true;
            }
        }
    }
}
