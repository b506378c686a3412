package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The standard-library differential test (issue 15): every case of
 * {@code src/test/resources/stdlib/cases/<Module>.exs} evaluated in one procshell shell
 * ({@link StdlibShell}) must give the result line the real Elixir gave
 * ({@code expected/<Module>.txt}, written by {@code oracle.exs}); prints {@code Module: passed/total}
 * per module. A case listed in {@code known-differences.txt} (a missing syntax) is reported, not
 * failed ({@code -Dstdlib.modules=Enum,String} runs only those modules). When {@code elixir} is on PATH the oracle is re-run and the expected files must be current.
 */
class StdlibDifferentialTest {
    private static StdlibShell shell;

    private static synchronized StdlibShell shell() {
        if (shell == null) shell = new StdlibShell();
        return shell;
    }

    @AfterAll
    static synchronized void closeShell() {
        if (shell != null) shell.close();
        shell = null;
    }

    /** One test per module: its cases against the committed expected results. */
    @TestFactory
    Stream<DynamicTest> everyModuleAnswersAsElixir() {
        Map<String, Map<String, String>> known = StdlibCorpus.knownDifferences();
        // -Dstdlib.modules=Enum,String runs only these (while working on them)
        String only = System.getProperty("stdlib.modules", "");
        List<String> chosen = only.isBlank() ? List.of() : List.of(only.split(","));
        return StdlibCorpus.modules().stream().filter(m -> chosen.isEmpty() || chosen.contains(m)).map(m -> DynamicTest.dynamicTest(m, () -> check(StdlibCorpus.load(m),
                known.getOrDefault(m, Map.of()))));
    }

    private static void check(StdlibCorpus.Module m, Map<String, String> known) throws InterruptedException {
        assertEquals(m.cases().size(), m.expected().size(), () -> "expected/" + m.module() + ".txt is not current: "
                + "run `elixir oracle.exs " + m.module() + "` in src/test/resources/stdlib");
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int skipped = 0;
        for (int i = 0; i < m.cases().size(); i++) {
            String source = m.cases().get(i);
            String expected = m.expected().get(i);
            String actual = shell().run(source);
            if (actual.equals(expected)) {
                passed++;
                if (known.containsKey(source.strip())) {
                    System.out.println(m.module() + ": known difference now passes, remove it: " + source);
                }
            } else if (known.containsKey(source.strip())) {
                skipped++;
            } else {
                failures.add("  " + source + "\n    elixir:    " + expected + "\n    procshell: " + actual);
            }
        }
        int total = m.cases().size();
        System.out.println(m.module() + ": " + passed + "/" + total + (skipped > 0 ? " (" + skipped + " known differences)" : ""));
        if (!failures.isEmpty()) {
            fail(m.module() + ": " + failures.size() + " of " + total + " cases differ from Elixir:\n" + String.join("\n", failures));
        }
    }

    /** The committed expected files are what the real Elixir gives today (needs {@code elixir} on PATH). */
    @Test
    void expectedFilesAreTheOraclesOutput() throws IOException, InterruptedException {
        Path elixir = onPath("elixir");
        Assumptions.assumeTrue(elixir != null, "elixir is not on PATH");
        Path out = Files.createTempDirectory("stdlib-oracle");
        try {
            java.lang.Process p = new ProcessBuilder(elixir.toString(), "oracle.exs", "--out", out.toAbsolutePath().toString())
                    .directory(StdlibCorpus.ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(10, TimeUnit.MINUTES), "oracle.exs did not finish");
            assertEquals(0, p.exitValue(), "oracle.exs failed");
            List<String> stale = new ArrayList<>();
            for (String m : StdlibCorpus.modules()) {
                Path committed = StdlibCorpus.ROOT.resolve("expected").resolve(m + ".txt");
                if (!Files.exists(committed) || !StdlibCorpus.read(committed).equals(StdlibCorpus.read(out.resolve(m + ".txt")))) {
                    stale.add(m);
                }
            }
            assertEquals(List.of(), stale, "expected files not current: run `elixir oracle.exs` in " + StdlibCorpus.ROOT);
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path c = Path.of(dir, command);
            if (Files.isExecutable(c)) return c;
        }
        return null;
    }
}
