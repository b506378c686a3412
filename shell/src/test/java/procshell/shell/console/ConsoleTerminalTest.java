package procshell.shell.console;

import static org.jline.terminal.Attributes.LocalFlag.ECHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's terminal: JLine's line reader on it over a real pty, and its signal handlers. */
class ConsoleTerminalTest {
    private JniNativePty pty;

    @BeforeEach
    void openPty() throws Exception {
        pty = (JniNativePty) new JniTerminalProvider().open(null, new Size(120, 40));
    }

    @AfterEach
    void closePty() throws Exception {
        pty.close();
    }

    private PolledInput keys() {
        return new PolledInput(pty.getSlave(), new FileInputStream(pty.getSlaveFD()));
    }

    private void type(String text) throws IOException {
        pty.getMasterOutput().write(text.getBytes(StandardCharsets.UTF_8));
        pty.getMasterOutput().flush();
    }

    /** JLine's system terminal on the pty, as the console wraps the real one. */
    private ConsoleTerminal consoleTerminal() throws IOException {
        return new ConsoleTerminal(new CountingTerminal(pty), keys());
    }

    /** A session of the console on {@code t}: its loop on a thread of its own, what it shows kept. */
    private final class Session implements AutoCloseable {
        final Shell shell = new Shell("nonode@nohost");
        final Thread loop;
        private final StringBuilder screen = new StringBuilder();
        private final Thread drain;

        Session(ConsoleTerminal t, java.nio.file.Path history) {
            loop = Thread.ofPlatform().daemon(true).name("console-under-test").start(shell.interactive(t, history)::run);
            drain = Thread.ofPlatform().daemon(true).start(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = pty.getMasterInput().read(buf)) > 0; ) {
                        synchronized (screen) {
                            screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException closed) {
                    // the pty closed at the test's end
                }
            });
        }

        /** What the session showed so far. */
        String screen() {
            synchronized (screen) {
                return screen.toString();
            }
        }

        /** Ends the session as a person does (Ctrl-D) and waits for its loop. */
        void end() throws Exception {
            type("\u0004");
            loop.join(20_000);
        }

        @Override
        public void close() {
            drain.interrupt();
            shell.shutdown();
        }
    }

    /**
     * The history file gets a line while the session goes on, once the console waits at the next
     * prompt (not only when the session ends): a session killed later keeps what was typed.
     */
    @Test
    void theHistoryFileHasTheLineOnceTheNextPromptWaits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path history = dir.resolve("history");
        try (ConsoleTerminal t = consoleTerminal(); Session session = new Session(t, history)) {
            type("1 + 1\r");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(java.nio.file.Files.exists(history) && java.nio.file.Files.readString(history).contains(":1 + 1"))) {
                if (System.nanoTime() > until) throw new AssertionError("the history file never got the line: "
                        + (java.nio.file.Files.exists(history) ? java.nio.file.Files.readString(history) : "no file"));
                Thread.sleep(10);
            }
            assertTrue(session.loop.isAlive(), "written while the session goes on");
            session.end();
        }
    }

    @Test
    void twoLinesPastedAtOnceAreReadAsTwoInputs() throws Exception {
        try (ConsoleTerminal t = consoleTerminal()) {
            LineReader reader = Console.lineReader(t, new HashMap<>(), new InputHighlighter(), false);
            type("Enum.map([1, 2, 3], fn x -> x * 2 end)\r1 + 1\r");
            assertEquals("Enum.map([1, 2, 3], fn x -> x * 2 end)", reader.readLine("ps(1)> "));
            assertEquals("1 + 1", reader.readLine("ps(2)> "));
        }
    }

    @Test
    void ctrlCAtThePromptDropsTheLineBeingTyped() throws Exception {
        try (ConsoleTerminal t = consoleTerminal()) {
            LineReader reader = Console.lineReader(t, new HashMap<>(), new InputHighlighter(), false);
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    reader.readLine("ps(1)> ");
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            type("abc");
            Thread.sleep(200); // (the keys read, the reader waiting for more)
            t.raise(Signal.INT); // what the native handler does on the terminal's Ctrl-C
            UserInterruptException e = assertInstanceOf(UserInterruptException.class, outcome.get(10, TimeUnit.SECONDS));
            assertEquals("abc", e.getPartialLine());
            type("x\r"); // the next prompt reads on
            assertEquals("x", reader.readLine("ps(1)> "));
        }
    }

    @Test
    void swappingAHandlerRegistersWithTheSystemTerminalOnce() throws Exception {
        RecordingTerminal system = new RecordingTerminal();
        try (ConsoleTerminal t = new ConsoleTerminal(system, keys())) {
            List<String> seen = new ArrayList<>();
            SignalHandler console = s -> seen.add("console");
            SignalHandler reading = s -> seen.add("reading");
            // a readLine's swaps: its own handler in, the previous one back, three times over
            for (int i = 0; i < 3; i++) {
                t.handle(Signal.INT, console);
                t.handle(Signal.INT, reading);
                t.handle(Signal.WINCH, s -> seen.add("winch"));
                t.handle(Signal.WINCH, SignalHandler.SIG_DFL);
            }
            assertEquals(List.of("INT", "WINCH"), system.handled);
            system.raise(Signal.INT);
            system.raise(Signal.WINCH); // (WINCH's default: nothing)
            t.handle(Signal.INT, console);
            system.raise(Signal.INT);
            assertEquals(List.of("reading", "console"), seen);
            // a signal that kills by default gets its default back from the system terminal
            t.handle(Signal.INT, SignalHandler.SIG_DFL);
            assertEquals(List.of("INT", "WINCH", "INT=SIG_DFL"), system.handled);
        }
    }

    /**
     * A readLine and an input's evaluation leave the pty's modes as a person needs them: echo off
     * between inputs (keys typed ahead wait for the prompt), the modes the session found back once
     * it ends; and the operating system is asked for the modes once, not at every change.
     */
    @Test
    void theModesAreReadOnceEchoStaysOffBetweenInputsAndComesBackAtTheEnd() throws Exception {
        assertTrue(pty.getAttr().getLocalFlag(ECHO));
        CountingTerminal system = new CountingTerminal(pty);
        ConsoleTerminal t = new ConsoleTerminal(system, keys());
        try (Session session = new Session(t, null)) {
            for (int i = 1; i <= 3; i++) {
                type(i + " + 1\r");
                String prompt = "ps(" + (i + 1) + ")> ";
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!session.screen().contains(prompt)) {
                    if (System.nanoTime() > until) throw new AssertionError("no " + prompt + " in " + session.screen());
                    Thread.sleep(5);
                }
            }
            assertTrue(session.screen().contains("4"), session.screen());
            Thread.sleep(100); // (the prompt drawn, the raw mode set before it)
            assertFalse(pty.getAttr().getLocalFlag(ECHO), "echo off at the prompt");
            assertEquals(1, system.reads, "the modes read once");
            // each input: the raw mode at the prompt, the modes found restored at the Enter (the
            // first input turns the echo off once more, and puts nothing back)
            assertEquals(2 * 3 + 1 + 1, system.writes, "the modes set twice an input");
            session.end();
            t.close();
            assertTrue(pty.getAttr().getLocalFlag(ECHO), "the modes the session found are back");
        }
    }

    /** After a stop and a continue (Ctrl-Z, {@code fg}) the modes are read again: the job's shell may have changed them. */
    @Test
    void theModesAreReadAgainAfterAContinue() throws Exception {
        CountingTerminal system = new CountingTerminal(pty);
        try (ConsoleTerminal t = new ConsoleTerminal(system, keys())) {
            Attributes modes = t.getAttributes();
            modes.setLocalFlag(ECHO, false);
            t.setAttributes(modes);
            t.setAttributes(t.getAttributes()); // the same modes: nothing to set
            assertEquals(1, system.reads);
            assertEquals(1, system.writes);
            assertFalse(pty.getAttr().getLocalFlag(ECHO));
            Attributes changed = pty.getAttr(); // (another program changes them while the job is stopped)
            changed.setLocalFlag(ECHO, true);
            pty.setAttr(changed);
            t.raise(Signal.CONT);
            assertTrue(t.getAttributes().getLocalFlag(ECHO));
            assertEquals(2, system.reads);
        }
    }

    /** JLine's system terminal on the pty, counting how often its modes are read and set. */
    private static final class CountingTerminal extends PosixSysTerminal {
        int reads;
        int writes;

        CountingTerminal(JniNativePty pty) throws IOException {
            super("test", "xterm-256color", pty, StandardCharsets.UTF_8, false, SignalHandler.SIG_DFL);
        }

        @Override
        public Attributes getAttributes() {
            reads++;
            return super.getAttributes();
        }

        @Override
        public void setAttributes(Attributes attr) {
            writes++;
            super.setAttributes(attr);
        }
    }

    /** A system terminal that records which handlers it is given. */
    private static final class RecordingTerminal extends DumbTerminal {
        final List<String> handled = new ArrayList<>();

        RecordingTerminal() throws IOException {
            super("rec", "ansi", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), StandardCharsets.UTF_8);
        }

        @Override
        public SignalHandler handle(Signal signal, SignalHandler handler) {
            handled.add(handler == SignalHandler.SIG_DFL ? signal + "=SIG_DFL" : signal.name());
            return super.handle(signal, handler);
        }
    }
}
