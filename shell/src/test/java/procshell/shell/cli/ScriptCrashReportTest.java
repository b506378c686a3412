package procshell.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code procshell --script FILE}: a process that crashes while the script runs gets the crash
 * report Elixir's Logger prints, as {@code elixir FILE} prints it (the time, {@code [error]}, the
 * task and its starter, the exception), in order with what the script itself prints. The report
 * is made by the dying process before its monitors fire, so a script that waits for the
 * {@code :DOWN} has it printed by then.
 */
@Timeout(60)
class ScriptCrashReportTest {
    @Test
    void aCrashingTaskIsReportedAsElixirReportsIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("crash.exs");
        Files.writeString(script, """
                {:ok, pid} = Task.start(fn -> raise "plain" end)
                ref = Process.monitor(pid)
                receive do {:DOWN, ^ref, _, _, _} -> :ok end
                IO.puts("after")
                """);
        PrintStream out = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("--script", script.toString());
        } finally {
            System.setOut(out);
        }
        assertEquals(0, code);
        String text = said.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        int report = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[error\\] Task #PID<0\\.\\d+\\.0> started from #PID<0\\.\\d+\\.0> terminating")) report = i;
        }
        assertTrue(report > 0 && lines[report - 1].isEmpty(), text);
        assertEquals("** (RuntimeError) plain", lines[report + 1], text);
        assertEquals("after", lines[lines.length - 1], text);
    }
}
