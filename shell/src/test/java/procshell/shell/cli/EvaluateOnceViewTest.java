package procshell.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;

/**
 * {@code procshell -e} with a view that prints itself ({@code processes()}, {@code observer()}):
 * the view's lines and nothing after them, as at the prompt (no internal "no value" atom).
 */
@Timeout(60)
class EvaluateOnceViewTest {
    @Test
    void aViewPrintsItselfAndNoValueAfterIt() {
        PrintStream out = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("-e", "processes(:memory, 0)");
        } finally {
            System.setOut(out);
        }
        assertEquals(0, code);
        assertEquals("Pid  Name or Initial Call  Reductions  Memory  MsgQ  Current Function\n", said.toString(StandardCharsets.UTF_8));
    }
}
