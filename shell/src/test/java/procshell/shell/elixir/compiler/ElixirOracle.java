package procshell.shell.elixir.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * The real Elixir (1.14, {@code elixir} on PATH) as the oracle of the compiler's tests: for each
 * snippet, what evaluating it prints (its value inspected as iex does, or the error's banner).
 * The quoted form the compiler gets is procshell's own reader's ({@link ElixirReader}), as at the
 * prompt. One {@code elixir} run answers a whole list of snippets, each in a process of its own.
 */
final class ElixirOracle {
    private ElixirOracle() {}

    /**
     * @param quoted the snippet's quoted form, as procshell's reader reads it
     * @param output what Elixir printed for it: the inspected value or the error's banner
     */
    record Answer(Object quoted, String output) {}

    private static final String SCRIPT = """
            [path] = System.argv()
            snippets = path |> File.read!() |> String.split(<<0>>, trim: true)
            for s <- snippets do
              task = Task.async(fn ->
                try do
                  {v, _} = Code.eval_string(s, [], file: "iex")
                  inspect(v, pretty: true, width: 80)
                rescue
                  e -> Exception.format_banner(:error, e, __STACKTRACE__)
                catch
                  kind, r -> Exception.format_banner(kind, r, __STACKTRACE__)
                end
              end)
              IO.puts(Base.encode64(Task.await(task, 60_000)))
            end
            """;

    /** Asks Elixir about every snippet, in order: what evaluating it prints, with procshell's reading of it. */
    static List<Answer> ask(List<String> snippets) {
        try {
            Path dir = Files.createTempDirectory("oracle");
            Path input = dir.resolve("snippets");
            Path script = dir.resolve("oracle.exs");
            Files.writeString(input, String.join("\0", snippets) + "\0");
            Files.writeString(script, SCRIPT);
            Process p = new ProcessBuilder("elixir", script.toString(), input.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("elixir failed: " + p.exitValue());
            List<Answer> answers = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String output = new String(Base64.getDecoder().decode(line.trim()), StandardCharsets.UTF_8);
                answers.add(new Answer(ElixirReader.read(snippets.get(answers.size()), "iex"), output));
            }
            if (answers.size() != snippets.size()) throw new IllegalStateException("elixir answered " + answers.size() + " of " + snippets.size());
            return answers;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The quoted forms of the sources as procshell's reader reads them at the prompt (nothing is evaluated). */
    static List<Object> quote(List<String> sources) {
        return sources.stream().map(s -> ElixirReader.read(s, "iex")).toList();
    }
}
