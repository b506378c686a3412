package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code .procshell.groovy}, as iex's {@code .iex.exs}: found in the current directory, else home; evaluated before the first prompt. */
@Timeout(60)
class StartupFileTest {
    @TempDir
    Path cwd;
    @TempDir
    Path home;

    @Test
    void theCurrentDirectorysFileWinsOverTheHomeDirectorys() throws Exception {
        assertNull(StartupFile.find(cwd, home), "neither has one");
        Files.writeString(home.resolve(".procshell.groovy"), "x = 1\n");
        assertEquals(home.resolve(".procshell.groovy"), StartupFile.find(cwd, home));
        Files.writeString(cwd.resolve(".procshell.groovy"), "x = 2\n");
        assertEquals(cwd.resolve(".procshell.groovy"), StartupFile.find(cwd, home));
    }

    @Test
    void itsBindingsAndModulesAreThereAtTheFirstPromptAndOnlyItsOwnOutputShows() throws Exception {
        Path file = Files.writeString(cwd.resolve(".procshell.groovy"), """
                greeting = "hello"
                defmodule Helper do
                  def twice(x), do: x * 2
                end
                IO.puts("hello from the startup file")
                """);
        try (TerminalSession t = new TerminalSession(200, null, c -> c.evalStartupFile(file))) {
            assertEquals("hello from the startup file\nps(1)> ", t.screen(), "the counter is still 1");
            assertEquals("ps(1)> Helper.twice(String.length(greeting))\n10\nps(2)> ",
                    t.typeLine("Helper.twice(String.length(greeting))", "ps(2)> "));
        }
    }

    @Test
    void anErrorInItIsPrintedAsIexPrintsIt() throws Exception {
        Path file = Files.writeString(cwd.resolve(".procshell.groovy"), "raise \"boom\"\n");
        try (TerminalSession t = new TerminalSession(200, null, c -> c.evalStartupFile(file))) {
            assertEquals("Error while evaluating: " + file.toAbsolutePath() + "\n** (RuntimeError) boom\nps(1)> ", t.screen());
        }
    }
}
