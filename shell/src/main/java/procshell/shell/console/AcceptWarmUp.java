package procshell.shell.console;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;

import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Walks JLine's path of a typed line (its keys, their colouring and redraws, the Enter, the line's
 * parse as Elixir, the terminal's modes restored) off screen, for the prompt's warm-up
 * ({@link procshell.shell.eval.Evaluator#prepare(Runnable)}): a reader configured as the console's
 * reads a few lines from memory on a terminal of the real one's type, writing nowhere.
 *
 * <p>The first round loads that code before the person's first Enter: keys sent together (a
 * paste, a terminal multiplexer's {@code send-keys}) are first drawn on their Enter, so that a
 * fresh JVM spent 20-80 ms of the first input's wait there. The rounds after it give the JIT the
 * calls it needs to compile the path: a few dozen inputs leave it to the interpreter, ~1 ms of each
 * later input's wait ({@code bench/README.md}, twelfth session). One reader serves every round
 * (making one builds JLine's key maps, which no input runs again).
 */
final class AcceptWarmUp implements Runnable {
    /** A line of each kind: plain, with a fn, continued on a second line. */
    private static final List<String> LINES = List.of("1 + 1", "Enum.map([1, 2, 3], fn x -> x * 2 end)", "[1,\n2]");

    private final String terminalType;
    /** Made by the first round, on the warm-up's thread. */
    private LineReader reader;

    /**
     * @param terminalType the real terminal's type ({@code xterm-256color}, ...), so that the same
     *                     capabilities are drawn with
     */
    AcceptWarmUp(String terminalType) {
        this.terminalType = terminalType;
    }

    /** Reads {@link #LINES} once through a reader set up as the console's ({@link Console#lineReader}). */
    @Override
    public synchronized void run() {
        try {
            if (reader == null) reader = reader();
            for (int i = 0; i < LINES.size(); i++) reader.readLine("ps(" + (i + 1) + ")> ");
        } catch (Exception | LinkageError e) {
            // a warm-up only: the person's first Enter loads what is missing
        }
    }

    private LineReader reader() throws java.io.IOException {
        byte[] keys = (String.join("\r", LINES).replace("\n", "\r") + "\r").getBytes(StandardCharsets.UTF_8);
        Terminal t = new DumbTerminal("procshell-warm-up", terminalType, new Cycle(keys), OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8);
        t.setSize(new Size(80, 24));
        InputHighlighter highlighter = new InputHighlighter();
        highlighter.setEnabled(true);
        return Console.lineReader(t, new HashMap<>(), highlighter, false);
    }

    /** The same keys over and over: the terminal of a warm-up that reads as many rounds as it is asked. */
    private static final class Cycle extends InputStream {
        private final byte[] keys;
        private int next;

        Cycle(byte[] keys) {
            this.keys = keys;
        }

        @Override
        public int read() {
            int b = keys[next];
            next = (next + 1) % keys.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, keys.length - next);
            System.arraycopy(keys, next, b, off, n);
            next = (next + n) % keys.length;
            return n;
        }

        @Override
        public int available() {
            return keys.length - next;
        }
    }
}
