package procshell.shell.console;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;

/**
 * The console's whole path for an input, walked off screen for the prompt's warm-up: a console no
 * person types at ({@link Console#rehearsal}), on a shell and node of its own, reads lines typed on
 * a pseudo-terminal of its own as the person's console reads the person's keys: the terminal's
 * keys and modes ({@link ConsoleTerminal}), JLine's handling of the line, the hand-over to the
 * shell process, the evaluation, the value printed. A person's later input runs the same code,
 * which the JIT has then compiled: the warm-up's earlier rounds, JLine's reader on a terminal in
 * memory and the evaluator's steps alone, left the console's own path to the interpreter for a
 * session's first ~200 inputs ({@code bench/README.md}, thirteenth session).
 *
 * <p>Nothing of it reaches the person: its node, processes, atoms, bindings and output are its
 * own, and it keeps no history. Where no pseudo-terminal can be opened, it does nothing.
 */
final class Rehearsal {
    /** Typed in each round; each one succeeds, so that the next prompt's number is known. */
    private static final List<String> LINES = List.of("1 + 1", "Enum.map([1, 2, 3], fn x -> x * 2 end)",
            "m = %{a: 1, b: [2, 3]}", "Map.get(m, :b)");

    /** How long a line may take before the rehearsal gives up, ms. */
    private static final long LINE_MS = 5_000;

    private final String terminalType;
    /** What the rehearsal's console printed since the last prompt looked for; guarded by itself. */
    private final StringBuilder screen = new StringBuilder();
    private Shell shell;
    private Terminal terminal;
    private Thread loop;
    private OutputStream keys;
    /** The number of the prompt the next line is typed at. */
    private int prompt = 1;
    private int answered;
    private boolean over;

    /** @param terminalType the person's terminal's type ({@code xterm-256color}, ...), drawn with its capabilities */
    Rehearsal(String terminalType) {
        this.terminalType = terminalType;
    }

    /**
     * Types {@link #LINES} once, each at the prompt the last one's value came with; the first call
     * starts the rehearsal's shell. Does nothing once {@link #stop stopped} or once a line failed.
     */
    synchronized void run() {
        if (over) return;
        try {
            if (shell == null) start();
            for (String line : LINES) {
                keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
                keys.flush();
                prompt++;
                awaitPrompt();
                answered++;
            }
        } catch (Exception | LinkageError e) {
            stop(); // (a warm-up only: the person's inputs compile what it did not)
        }
    }

    /** How many lines were typed and answered so far. */
    synchronized int answered() {
        return answered;
    }

    private void start() throws IOException, InterruptedException {
        JniNativePty pty = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24));
        Terminal system = new PosixSysTerminal("procshell-rehearsal", terminalType, pty, StandardCharsets.UTF_8, false,
                Terminal.SignalHandler.SIG_DFL);
        terminal = new ConsoleTerminal(system, new PolledInput(pty.getSlave(), new FileInputStream(pty.getSlaveFD())));
        keys = pty.getMasterOutput();
        InputStream shown = pty.getMasterInput();
        Thread drain = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = shown.read(buf)) > 0; ) {
                    synchronized (screen) {
                        screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        screen.notifyAll();
                    }
                }
            } catch (IOException closed) {
                // the rehearsal's terminal closed
            }
        }, "procshell-rehearsal-screen");
        drain.setDaemon(true);
        drain.start();
        shell = new Shell("nonode@nohost");
        loop = new Thread(shell.rehearsal(terminal)::run, "procshell-rehearsal");
        loop.setDaemon(true);
        loop.start();
        awaitPrompt();
    }

    /** Waits until the rehearsal's console shows prompt number {@link #prompt}. */
    private void awaitPrompt() throws InterruptedException {
        String shown = "(" + prompt + ")> ";
        long until = System.nanoTime() + LINE_MS * 1_000_000L;
        synchronized (screen) {
            while (true) {
                int at = screen.indexOf(shown);
                if (at >= 0) {
                    screen.delete(0, at + shown.length());
                    return;
                }
                long left = (until - System.nanoTime()) / 1_000_000L;
                if (left <= 0) throw new IllegalStateException("the rehearsal's console never showed " + shown);
                screen.wait(left);
            }
        }
    }

    /** Ends the rehearsal: its session (Ctrl-D), its node and its terminal. */
    synchronized void stop() {
        over = true;
        if (shell == null) return;
        try {
            keys.write(4);
            keys.flush();
            loop.join(2_000);
        } catch (IOException | InterruptedException e) {
            // the warm-up's own terminal: nothing of the person's
        }
        shell.shutdown();
        try {
            terminal.close();
        } catch (IOException e) {
            // (as above)
        }
        shell = null;
    }
}
