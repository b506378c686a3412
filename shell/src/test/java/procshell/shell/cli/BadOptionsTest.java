package procshell.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Options picocli accepts but procshell cannot start with get one clear line and exit code 2. */
class BadOptionsTest {
    @Test
    void anAtomLimitBelowOneIsRefusedBeforeAnyNodeStarts() {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("--atom-limit", "0", "-e", "1");
        } finally {
            System.setErr(err);
        }
        assertEquals(2, code);
        assertEquals("procshell: --atom-limit must be at least 1 (got 0)\n", said.toString(StandardCharsets.UTF_8));
    }
}
