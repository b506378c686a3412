package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt's warm-up of JLine's accept path reads its lines off screen, round after round: what the person sees,
 * recalls with Up and finds in the history file is what they typed, and nothing of the warm-up.
 */
@Timeout(60)
class AcceptWarmUpTest {
    private static final String UP = "\u001b[A";

    @TempDir
    Path dir;

    @Test
    void theWarmUpShowsNothingAndLeavesNoHistory() throws Exception {
        Path history = dir.resolve("history");
        try (TerminalSession t = new TerminalSession(200, history, Console::enableColors)) {
            AcceptWarmUp rounds = new AcceptWarmUp("ansi"); // (as the warm-up runs it, at the prompt, on the terminal's type)
            rounds.run();
            rounds.run(); // (one reader, reading its lines again: the rounds at a terminal)
            assertEquals("ps(1)> ", t.screen(), "the warm-up wrote nothing on the screen");
            t.typeLine("1 + 1", "ps(2)> ");
            assertEquals("ps(1)> 1 + 1\n2\nps(2)> ", t.screen());
            int from = t.cursorLine();
            t.keys.type(UP);
            t.awaitScreen("the input recalled", s -> s.endsWith("ps(2)> 1 + 1"));
            t.keys.type(UP);
            t.keys.type("\r");
            t.awaitScreen("the recalled input evaluated", s -> s.endsWith("ps(3)> "));
            assertEquals("ps(2)> 1 + 1\n2\nps(3)> ", t.screenFrom(from), "Up twice stays on the one input typed: no line of the warm-up");
        }
        assertEquals(List.of("1 + 1"), Files.readAllLines(history).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList(),
                "the history file holds the person's inputs only");
    }
}
