package procshell.shell.console;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Keystrokes for a test terminal: an input stream that blocks until the test types something,
 * and ends (Ctrl-D at an empty prompt, as far as JLine is concerned) when the test closes it.
 */
final class TypedInput extends InputStream {
    private static final byte[] EOF = new byte[0];
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** Types text (use \n or \r for Enter). */
    void type(String text) {
        chunks.add(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        chunks.add(EOF);
    }

    @Override
    public synchronized int read() {
        while (pos >= current.length) {
            if (ended) return -1;
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            pos = 0;
            if (current == EOF) {
                ended = true;
                return -1;
            }
        }
        return current[pos++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        int c = read();
        if (c < 0) return -1;
        b[off] = (byte) c;
        int n = 1;
        while (n < len && pos < current.length) b[off + n++] = current[pos++];
        return n;
    }

    @Override
    public synchronized int available() {
        return current.length - pos;
    }
}
