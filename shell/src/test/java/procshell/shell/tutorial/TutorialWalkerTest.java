package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import procshell.shell.console.Console;
import procshell.shell.console.Shell;

/**
 * {@code procshell tutorial N} as a person walks it at a terminal (a JLine terminal over
 * streams): every paragraph shows, the closing one included; lines the person types count as the
 * step's, so Enter never runs them a second time; Enter stops at a client line ({@code nc>}); a
 * try-it-yourself step is shown, not run.
 */
@Timeout(120)
class TutorialWalkerTest {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]|\r");

    @TempDir
    Path dir;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private Shell shell;
    private Terminal terminal;
    private Thread walker;
    private volatile Boolean walked;

    /** Starts walking the chapter written in {@code text}, at a 200-column terminal. */
    private void walk(String text) throws IOException {
        Path file = dir.resolve("01-walk.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Chapter chapter = ChapterParser.parse(file);
        terminal = new DumbTerminal("test", "ansi", new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(200, 50));
        shell = new Shell("nonode@nohost");
        Console console = shell.interactive(terminal, null);
        walker = Thread.ofPlatform().daemon(true).name("walker-under-test")
                .start(() -> walked = TutorialWalker.walk(chapter, console, terminal.writer()));
    }

    /** What the terminal shows, escape sequences and carriage returns removed. */
    private String text() {
        synchronized (screen) {
            return ANSI.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("");
        }
    }

    /** Types a line and Enter, then waits until the screen shows {@code then} after what it showed before. */
    private void type(String line, String then) throws IOException {
        int from = text().length();
        keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        await(from, then, "after typing \"" + line + "\"");
    }

    /** Waits until the screen shows {@code then} after its first {@code from} characters. */
    private void await(int from, String then, String when) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String s = text();
            if (s.length() > from && s.substring(from).contains(then)) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(when + " the screen never showed \"" + then + "\":\n" + text());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @AfterEach
    void stop() throws Exception {
        keys.close();
        if (walker != null) walker.join(10_000);
        if (shell != null) shell.shutdown();
        if (terminal != null) terminal.close();
    }

    private static final String CHAPTER = """
            # A counter
            seed: none

            First paragraph: start a counter.

                ps> Agent.start_link(fn -> 0 end, name: Counter)
                {:ok, #PID<0.1.0>}
                ps> Agent.update(Counter, fn n -> n + 1 end)
                :ok

            Second paragraph: read it, then count on.

                ps> Agent.get(Counter, fn n -> n end)
                1
                ps> Agent.update(Counter, fn n -> n + 10 end)
                :ok
                ps> Agent.get(Counter, fn n -> n end) * 1000
                11000

            Third paragraph, before a try.

                try> Agent.update(Counter, fn n -> n * 2 end)

            The closing paragraph.
            """;

    @Test
    void aStepTypedByHandIsDoneAndEnterRunsOnlyWhatIsLeft() throws IOException, InterruptedException {
        walk(CHAPTER);
        await(0, "ps(1)> ", "at the start");
        assertTrue(text().contains("First paragraph: start a counter."), text());
        // Step 1, typed by hand (spaced differently, without parentheses where Elixir allows it).
        type("Agent.start_link(fn -> 0 end, name:  Counter)", "{:ok, #PID<");
        type("Agent.update Counter, fn n -> n + 1 end", "(You typed every line of this step. Enter: next step)");
        // Enter: step 2, not step 1 again (which would say :already_started and count to 2).
        type("", "Second paragraph: read it, then count on.");
        // Step 2: the first line by hand, then Enter runs the other two.
        type("Agent.get(Counter, fn n -> n end)", "\n1\n");
        type("", "(Enter: next step)");
        type("", "The closing paragraph.");
        walker.join(10_000);

        String s = text();
        assertEquals(Boolean.TRUE, walked, s);
        assertFalse(s.contains("already_started"), s);
        assertTrue(s.contains("\n11000\n"), () -> "the counter went 1, then 11, once each:\n" + s);
        assertEquals(1, count(s, "> Agent.start_link("), () -> "typed once, never run by the walker:\n" + s);
        assertEquals(1, count(s, "> Agent.get(Counter, fn n -> n end)\n"), () -> "typed once, not run again by Enter:\n" + s);
        assertEquals(1, count(s, "ps(4)> Agent.update(Counter, fn n -> n + 10 end)\n"), () -> "Enter ran the rest of the step:\n" + s);
        for (String paragraph : new String[] {"seed: none", "First paragraph", "Second paragraph", "Third paragraph", "The closing paragraph."}) {
            assertTrue(s.contains(paragraph), () -> paragraph + " is shown:\n" + s);
        }
        assertTrue(s.contains("— try it yourself —\nThird paragraph, before a try.\n\nSome lines to start from (nothing here is checked):\n"
                + "    Agent.update(Counter, fn n -> n * 2 end)\n\nThe closing paragraph.\n\nEnd of chapter 1."), s);
        assertEquals(1, count(s, "n * 2"), () -> "the try-it-yourself line is shown, never run:\n" + s);
    }

    @Test
    void enterStopsAtTheLinesTypedIntoNc() throws IOException, InterruptedException {
        walk("""
                # A client

                Talk to it.

                    ps> x = 41
                    41
                    nc> hello
                    you said: hello
                    nc> bye
                    you said: bye
                    ps> x + 1
                    42
                    nc> ^C

                Done.
                """);
        await(0, "ps(1)> ", "at the start");
        type("", "(In the terminal where nc runs, type:\n    hello\n    bye\nthen press Enter here for the rest of the step.)");
        assertFalse(text().contains("42"), text());
        type("", "\n42\n(In the terminal where nc runs, type:\n    Ctrl-C (leaves nc)\nthen press Enter here for the next step.)");
        type("", "End of chapter 1.");
        walker.join(10_000);
        assertTrue(text().contains("\nDone.\n"), text());
    }

    @Test
    void quitLeavesTheWalk() throws IOException, InterruptedException {
        walk(CHAPTER);
        await(0, "ps(1)> ", "at the start");
        keys.write("/quit\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        walker.join(30_000);
        assertEquals(Boolean.FALSE, walked, text());
        assertFalse(text().contains("Second paragraph"), text());
    }
}
