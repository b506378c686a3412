package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** History: a statement typed over several lines comes back whole with Up, in this session and the next. */
@Timeout(60)
class HistoryTest {
    private static final String UP = "\u001b[A";

    @TempDir
    Path dir;

    private static void typeClass(TerminalSession t) {
        t.typeLine("defmodule Greeter do", "...(1)> ");
        t.typeLine("  def hello(name), do: \"hello \" <> name", "...(1)> ");
        t.typeLine("end", "ps(2)> ");
    }

    @Test
    void upRecallsAModuleTypedOverSeveralLinesAsOneEntry() throws Exception {
        try (TerminalSession t = new TerminalSession()) {
            typeClass(t);
            t.typeLine("1 + 1", "ps(3)> ");
            int from = t.cursorLine();
            t.keys.type(UP + UP);
            String recalled = t.awaitScreen("the module recalled", s -> s.endsWith("...(3)> end"));
            assertEquals("""
                    ps(3)> defmodule Greeter do
                    ...(3)>   def hello(name), do: "hello " <> name
                    ...(3)> end""", t.screenFrom(from), "two Ups: the module, all three lines, not its last line");
            t.keys.type("\r");
            String again = t.awaitScreen("the module defined again", s -> s.endsWith("ps(4)> "));
            String masked = String.join("\n", PipedSession.maskModuleBytes(List.of(again.split("\n", -1))));
            assertEquals("{:module, Greeter, <<...>>, {:hello, 1}}\nps(4)> ", masked.substring(masked.lastIndexOf("{:module")), recalled);
        }
    }

    @Test
    void theNextSessionRecallsItFromTheHistoryFile() throws Exception {
        Path history = dir.resolve("history");
        try (TerminalSession t = new TerminalSession(200, history, c -> { })) {
            typeClass(t);
        }
        try (TerminalSession t = new TerminalSession(200, history, c -> { })) {
            t.keys.type(UP);
            t.awaitScreen("the module recalled", s -> s.endsWith("...(1)> end"));
            assertEquals("""
                    ps(1)> defmodule Greeter do
                    ...(1)>   def hello(name), do: "hello " <> name
                    ...(1)> end""", t.screen());
        }
        assertEquals(1, Files.readAllLines(history).size(), "one entry in the file: " + Files.readAllLines(history));
    }
}
