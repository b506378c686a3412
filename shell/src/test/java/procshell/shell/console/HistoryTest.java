package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

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
        t.typeLine("class Greeter {", "...(1)> ");
        t.typeLine("  static hello(name) { \"hello \" + name }", "...(1)> ");
        t.typeLine("}", "ps(2)> ");
    }

    @Test
    void upRecallsAClassTypedOverSeveralLinesAsOneEntry() throws Exception {
        try (TerminalSession t = new TerminalSession()) {
            typeClass(t);
            t.typeLine("1 + 1", "ps(3)> ");
            int from = t.cursorLine();
            t.keys.type(UP + UP);
            String recalled = t.awaitScreen("the class recalled", s -> s.endsWith("...(3)> }"));
            assertEquals("""
                    ps(3)> class Greeter {
                    ...(3)>   static hello(name) { "hello " + name }
                    ...(3)> }""", t.screenFrom(from), "two Ups: the class, all three lines, not its last line");
            t.keys.type("\r");
            String again = t.awaitScreen("the class defined again", s -> s.endsWith("ps(4)> "));
            assertEquals("{:module, Greeter}\nps(4)> ", again.substring(again.lastIndexOf("{:module")), recalled);
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
            t.awaitScreen("the class recalled", s -> s.endsWith("...(1)> }"));
            assertEquals("""
                    ps(1)> class Greeter {
                    ...(1)>   static hello(name) { "hello " + name }
                    ...(1)> }""", t.screen());
        }
        assertEquals(1, Files.readAllLines(history).size(), "one entry in the file: " + Files.readAllLines(history));
    }
}
