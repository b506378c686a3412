package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code .iex.exs}, found and evaluated as iex 1.14 does it (the current directory, then home; {@code --dot-iex}). */
@Timeout(60)
class DotIexTest {
    @TempDir
    Path cwd;
    @TempDir
    Path home;

    @Test
    void theCurrentDirectoryThenHomeOrTheFileGivenWithDotIex() throws Exception {
        assertNull(StartupFile.dotIex(cwd, home, null), "neither has one");
        Files.writeString(home.resolve(".iex.exs"), "x = 1\n");
        assertEquals(home.resolve(".iex.exs"), StartupFile.dotIex(cwd, home, null));
        Files.writeString(cwd.resolve(".iex.exs"), "x = 2\n");
        assertEquals(cwd.resolve(".iex.exs"), StartupFile.dotIex(cwd, home, null));
        Files.writeString(cwd.resolve("other.exs"), "x = 3\n");
        assertEquals(Path.of("other.exs"), StartupFile.dotIex(cwd, home, "other.exs"), "--dot-iex wins, kept as typed");
        assertNull(StartupFile.dotIex(cwd, home, ""), "--dot-iex \"\": none, as iex");
        assertNull(StartupFile.dotIex(cwd, home, "missing.exs"), "a file that is not there is skipped, as iex skips it");
    }

    @Test
    void itsBindingsAreThereAtTheFirstPromptAndItsErrorsNameThePathAsGiven() throws Exception {
        Path file = Files.writeString(cwd.resolve(".iex.exs"), "greeting = \"hello\"\nIO.puts(\"loaded\")\n");
        try (TerminalSession t = new TerminalSession(200, null, c -> c.evalStartupFile(file))) {
            assertEquals("loaded\nps(1)> ", t.screen(), "iex 1.14 prints the same before iex(1)>");
            assertEquals("ps(1)> greeting\n\"hello\"\nps(2)> ", t.typeLine("greeting", "ps(2)> "));
        }
        Path bad = Files.writeString(cwd.resolve("bad.exs"), "x = 1\nraise \"boom\"\n");
        try (TerminalSession t = new TerminalSession(200, null, c -> c.evalStartupFile(bad))) {
            // iex --dot-iex bad.exs: "Error while evaluating: bad.exs", then the error; nothing it bound stays
            assertEquals("Error while evaluating: " + bad + "\n** (RuntimeError) boom", t.screen().lines().limit(2)
                    .reduce((a, b) -> a + "\n" + b).orElseThrow());
        }
    }
}
