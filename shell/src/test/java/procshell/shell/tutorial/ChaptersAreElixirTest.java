package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line a reader types in a chapter is Elixir: each input of each chapter (a {@code ps>} or
 * try-it-yourself {@code try>} line with its {@code ...>} continuations; {@code nc>} lines are
 * typed into nc, not the shell) is fed to the real {@code elixir}'s {@code Code.string_to_quoted/2},
 * which must accept it. Skipped when no
 * {@code elixir} is on the PATH ({@code .ci/run} installs it).
 */
class ChaptersAreElixirTest {
    /** Reads inputs separated by NUL bytes and prints "index TAB error" for each one Elixir rejects. */
    private static final String CHECKER = """
            [path] = System.argv()
            path
            |> File.read!()
            |> String.split(<<0>>)
            |> Enum.with_index()
            |> Enum.each(fn {source, i} ->
              case Code.string_to_quoted(source) do
                {:ok, _} -> :ok
                {:error, error} -> IO.puts("#{i}\\t#{inspect(error)}")
              end
            end)
            IO.puts("checked")
            """;

    @TempDir
    Path dir;

    @Test
    void everyInputOfEveryChapterIsAcceptedByElixirsParser() throws IOException, InterruptedException {
        String elixir = onPath("elixir");
        Assumptions.assumeTrue(elixir != null, "no elixir on PATH");
        Path tutorials = Tutorials.directory();
        assertNotNull(tutorials, "no tutorials/ folder above " + Path.of("").toAbsolutePath());

        List<String> inputs = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Path file : Tutorials.chapterFiles(tutorials)) {
            Chapter chapter = ChapterParser.parse(file);
            for (Step step : chapter.steps()) {
                for (String input : step.inputs()) {
                    if (NetcatClient.isClientLine(input)) continue;
                    inputs.add(input);
                    where.add(file.getFileName() + ":" + step.line());
                }
            }
        }
        assertTrue(inputs.size() > 100, "expected the chapters' inputs, found " + inputs.size());

        Path source = dir.resolve("inputs.bin");
        Files.writeString(source, String.join("\u0000", inputs), StandardCharsets.UTF_8);
        Path script = dir.resolve("check.exs");
        Files.writeString(script, CHECKER, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(elixir, script.toString(), source.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);

        StringBuilder rejected = new StringBuilder();
        for (String line : out.lines().toList()) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            int i = Integer.parseInt(line.substring(0, tab));
            rejected.append(where.get(i)).append(": ").append(line.substring(tab + 1)).append('\n')
                    .append("    ").append(inputs.get(i).replace("\n", "\n    ")).append('\n');
        }
        assertTrue(out.contains("checked"), out);
        assertEquals("", rejected.toString(), "inputs that Elixir's parser rejects");
    }

    /** The executable of that name on the PATH, or null. */
    private static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            Path exe = Path.of(d, name);
            if (Files.isExecutable(exe)) return exe.toString();
        }
        return null;
    }
}
