package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-R searches the history backwards, the history of earlier sessions included, and a match
 * typed over several lines comes back whole (iex's Erlang line editor recalls one line only).
 */
@Timeout(60)
class HistorySearchTest {
    private static final String CTRL_R = "\u0012";

    @TempDir
    Path dir;

    @Test
    void ctrlRFindsAMultiLineEntryOfAnEarlierSessionAndRunsItWhole() throws Exception {
        Path history = dir.resolve("history");
        try (TerminalSession t = new TerminalSession(200, history, c -> { })) {
            t.typeLine("defmodule Greeter do", "...(1)> ");
            t.typeLine("  def hello(name), do: \"hello \" <> name", "...(1)> ");
            t.typeLine("end", "ps(2)> ");
            t.typeLine("1 + 1", "ps(3)> ");
        }
        try (TerminalSession t = new TerminalSession(200, history, c -> { })) {
            t.typeLine(":first", "ps(2)> ");
            int from = t.cursorLine();
            t.keys.type(CTRL_R + "Greet");
            String found = t.awaitScreen("the search to find the module", s -> s.contains("bck-i-search: Greet") && s.contains("def hello"));
            assertTrue(found.contains("ps(2)> defmodule Greeter do\n...(2)>   def hello(name)"), "the whole entry is recalled:\n" + found);
            t.keys.type("\r");
            t.awaitScreen("the module defined", s -> s.endsWith("ps(3)> "));
            String shown = t.screenFrom(from);
            assertTrue(shown.contains("{:module, Greeter,") && shown.contains("{:hello, 1}}"), "the whole entry ran, not its first line:\n" + shown);
            assertEquals("ps(3)> Greeter.hello(\"you\")\n\"hello you\"\nps(4)> ", t.typeLine("Greeter.hello(\"you\")", "ps(4)> "));
        }
    }
}
