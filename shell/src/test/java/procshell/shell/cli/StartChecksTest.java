package procshell.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The options and files the shell reads, as a hostile new user gives them (issue 21, items 5 and
 * 7): each refused with one clear line and exit code 2 before any node starts, or, for the
 * history, a warning and a fresh start.
 */
class StartChecksTest {
    /** Runs the command line; returns the exit code and what it printed on stderr. */
    private static String run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute(args);
        } finally {
            System.setErr(err);
        }
        return code + " " + said.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyBadOptionGetsOneLineAndExitCode2() {
        assertEquals("2 procshell: bad atom table size 10 (--atom-limit takes 8192 to 2147483647, as the BEAM's +t)\n",
                run("--atom-limit", "10", "-e", "1"));
        assertEquals("2 procshell: invalid node name '' for --sname (letters, digits, _ and -, then an optional @host, as in node1 or node1@localhost)\n",
                run("--sname", "", "-e", "1"));
        assertEquals("2 procshell: invalid node name 'a b' for --name (letters, digits, _ and -, then an optional @host, as in node1 or node1@localhost)\n",
                run("--name", "a b", "-e", "1"));
        assertEquals("2 procshell: --cookie needs a cookie (got an empty one)\n", run("--sname", "x", "--cookie", "", "-e", "1"));
        assertEquals("2 procshell: --net-ticktime must be a positive number of seconds (got 0)\n", run("--net-ticktime", "0", "-e", "1"));
        assertEquals("2 procshell: --script /nonexistent/file.exs: no such file\n", run("--script", "/nonexistent/file.exs"));
        assertEquals("2 procshell: give --sname or --name, not both\n", run("--sname", "a", "--name", "b", "-e", "1"));
    }

    @Test
    void aScriptThatIsNotUtf8IsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("bad.exs");
        Files.write(script, new byte[] {'1', '+', (byte) 0xe2, (byte) 0x82});
        assertEquals("2 procshell: --script " + script + ": not valid UTF-8\n", run("--script", script.toString()));
    }

    @Test
    void aCookieFileOthersMayReadIsRefusedAsTheBeamRefusesIt(@TempDir Path home) throws IOException {
        Path cookie = home.resolve(".erlang.cookie");
        Files.writeString(cookie, "SECRET");
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("procshell: Cookie file " + cookie + " must be accessible by owner only (chmod 400 " + cookie + ")",
                StartChecks.cookieFile(home));
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
        assertNull(StartChecks.cookieFile(home));
    }

    @Test
    void aCorruptHistoryGivesAWarningAndAFreshStart(@TempDir Path home) throws IOException {
        Path history = home.resolve(".procshell_history");
        // a UTF-8 character cut off at the end, as a crash while saving leaves it
        Files.write(history, new byte[] {'1', ':', '1', '+', '1', '\n', (byte) 0xe2, (byte) 0x82});
        String warning = StartChecks.history(history);
        assertEquals("procshell: warning: " + history + " is not valid UTF-8; it was moved to " + history + ".bad and the history starts empty",
                warning);
        assertFalse(Files.exists(history));
        assertTrue(Files.exists(home.resolve(".procshell_history.bad")));
        Files.writeString(history, "1:x = 1\n");
        assertNull(StartChecks.history(history), "a valid history is left alone");
    }
}
