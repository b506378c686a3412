package procshell.shell.console;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;

import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Walks JLine's path from an Enter to the line returned (the line's parse as Elixir, its last
 * colouring and redraw, the terminal's modes restored) once, off screen, before the person's
 * first Enter: a reader configured as the console's reads a few typed lines from memory on a
 * terminal of the real one's type, writing nowhere. Keys sent together (a paste, a terminal
 * multiplexer's {@code send-keys}) are first drawn on their Enter, so that a fresh JVM spent
 * 20-80 ms of the first input's wait there, loading and interpreting that code for the first time.
 * Run by the prompt's warm-up ({@link procshell.shell.eval.Evaluator#prepare(Runnable)}).
 */
final class AcceptWarmUp {
    /** A line of each kind: plain, with a fn, continued on a second line. */
    private static final List<String> LINES = List.of("1 + 1", "Enum.map([1, 2, 3], fn x -> x * 2 end)", "[1,\n2]");

    private AcceptWarmUp() {}

    /**
     * Reads {@link #LINES} through a reader set up as the console's ({@link Console#lineReader}).
     *
     * @param terminalType the real terminal's type ({@code xterm-256color}, ...), so that the same
     *                     capabilities are drawn with
     */
    static void run(String terminalType) {
        String keys = String.join("\r", LINES).replace("\n", "\r") + "\r";
        try (Terminal t = new DumbTerminal("procshell-warm-up", terminalType,
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
            t.setSize(new Size(80, 24));
            InputHighlighter highlighter = new InputHighlighter();
            highlighter.setEnabled(true);
            LineReader reader = Console.lineReader(t, new HashMap<>(), highlighter, false);
            for (int i = 0; i < LINES.size(); i++) reader.readLine("ps(" + (i + 1) + ")> ");
        } catch (Exception | LinkageError e) {
            // a warm-up only: the person's first Enter loads what is missing
        }
    }
}
