package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A FunctionClauseError raised by a function of Elixir's own modules, against what iex printed
 * for the same lines ({@code iex-reference/function_clauses.txt}): the arguments given (the
 * defaults of a shorter call included: {@code String.upcase(5)} shows {@code :default}), the
 * attempted clauses as Elixir's debug info spells them, and the frame
 * {@code (elixir 1.14.0) lib/string.ex:831: String.upcase/2}; and the functions that raise
 * something else in Elixir (String.duplicate/2 is {@code :binary.copy/2}).
 */
@Timeout(120)
class FunctionClausesSessionTest {

    @Test
    void elixirsOwnFunctionsShowTheirArgumentsAndClauses() {
        IexSessionCheck.against("function_clauses.txt").everyInput().check();
    }

    /** The committed table is what {@code errors/clauses.exs} writes with the real Elixir (needs {@code elixir} on PATH). */
    @Test
    void theClauseTableIsCurrent() throws IOException, InterruptedException {
        Path elixir = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "elixir"))) elixir = Path.of(dir, "elixir");
        }
        Assumptions.assumeTrue(elixir != null, "elixir is not on PATH");
        Path out = Files.createTempFile("function-clauses", ".txt");
        try {
            Process p = new ProcessBuilder(elixir.toString(), "src/test/resources/errors/clauses.exs")
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "clauses.exs did not finish");
            assertEquals(0, p.exitValue(), "clauses.exs failed");
            assertEquals(Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(Path.of("src/main/resources/procshell/shell/iex/function-clauses.txt"), StandardCharsets.UTF_8),
                    "function-clauses.txt is not current: run elixir shell/src/test/resources/errors/clauses.exs > shell/src/main/resources/procshell/shell/iex/function-clauses.txt");
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
