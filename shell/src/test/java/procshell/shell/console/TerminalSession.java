package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * A console at a terminal as a person sees it, for tests: a JLine terminal over streams (a dumb
 * terminal of an ANSI type, so that JLine echoes what is typed after the prompt, as a real
 * terminal shows it), keystrokes typed by the test and the screen read back through
 * {@link Screen}.
 */
final class TerminalSession implements AutoCloseable {
    static final long WAIT_MS = 20_000;

    final TypedInput keys = new TypedInput();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final Terminal terminal;
    final Shell shell;
    final Console console;
    private final Thread loop;

    /** A session on a 200x50 terminal without history or colours, waiting for {@code ps(1)> }. */
    TerminalSession() throws IOException {
        this(200, null, c -> { });
    }

    /**
     * A session on a terminal {@code columns} wide.
     *
     * @param history the history file, or null for none
     * @param setup   what to do with the console before its loop starts (enable colours, ...)
     */
    TerminalSession(int columns, Path history, Consumer<Console> setup) throws IOException {
        this(columns, 50, history, setup);
    }

    /** A session on a terminal {@code columns} wide and {@code rows} high. */
    TerminalSession(int columns, int rows, Path history, Consumer<Console> setup) throws IOException {
        terminal = new DumbTerminal("test", "ansi", keys, output, StandardCharsets.UTF_8);
        terminal.setSize(new Size(columns, rows));
        shell = new Shell("nonode@nohost");
        console = shell.interactive(terminal, history);
        setup.accept(console);
        loop = Thread.ofPlatform().daemon(true).name("console-under-test").start(console::run);
        awaitScreen("the first prompt", s -> s.endsWith("> "));
    }

    /** The bytes written so far, ANSI sequences included. */
    String raw() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** What the terminal shows, lines joined with \n, up to the cursor. */
    String screen() {
        return Screen.text(raw());
    }

    /** The screen from the given line on. */
    String screenFrom(int line) {
        String[] lines = screen().split("\n", -1);
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(line, lines.length), lines.length));
    }

    /** The line the cursor is on. */
    int cursorLine() {
        return screen().split("\n", -1).length - 1;
    }

    /** The column the cursor is at (0 first). */
    int cursorColumn() {
        return Screen.cursorColumn(raw());
    }

    /** Waits until the screen satisfies {@code ready}, and fails with the screen if it does not within 10 s. */
    String awaitScreen(String what, Predicate<String> ready) {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            String s = screen();
            if (ready.test(s)) return s;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited " + WAIT_MS + " ms for " + what + "; the screen shows:\n" + screen());
    }

    /**
     * Types one line and Enter, then waits for the given prompt at the end of the screen.
     *
     * @return the screen from the prompt the line was typed at to the new prompt
     */
    String typeLine(String line, String nextPrompt) {
        int from = cursorLine();
        keys.type(line + "\r");
        awaitScreen("the prompt " + nextPrompt + " after typing " + line,
                s -> s.endsWith(nextPrompt) && s.split("\n", -1).length - 1 > from);
        return screenFrom(from);
    }

    /** Ends the input (Ctrl-D) and waits for the console's loop to end. */
    void end() throws InterruptedException {
        keys.close();
        loop.join(WAIT_MS);
    }

    /** True while the console's loop runs. */
    boolean running() {
        return loop.isAlive();
    }

    @Override
    public void close() throws Exception {
        end();
        shell.shutdown();
        terminal.close();
    }
}
