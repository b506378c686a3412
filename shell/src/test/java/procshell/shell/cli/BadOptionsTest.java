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
    void anAtomLimitBelowTheBeamsMinimumIsRefusedBeforeAnyNodeStarts() {
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
        assertEquals("procshell: bad atom table size 0 (--atom-limit takes 8192 to 2147483647, as the BEAM's +t)\n", said.toString(StandardCharsets.UTF_8));
    }
}
