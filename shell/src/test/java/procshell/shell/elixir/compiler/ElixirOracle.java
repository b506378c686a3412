package procshell.shell.elixir.compiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.runtime.dist.NodeTable;
import procshell.runtime.dist.TermDecoder;
import procshell.runtime.node.Node;

/**
 * The real Elixir (1.14, {@code elixir} on PATH) as the oracle of the compiler's tests: for each
 * snippet, its quoted form ({@code Code.string_to_quoted!/1}, decoded from the external term
 * format) and what evaluating it prints (its value inspected as iex does, or
 * {@code ** (Error) message}). One {@code elixir} run answers a whole list of snippets.
 */
final class ElixirOracle {
    private ElixirOracle() {}

    /**
     * @param quoted the snippet's quoted form
     * @param output what Elixir printed for it: the inspected value or the error's first line
     */
    record Answer(Object quoted, String output) {}

    private static final String SCRIPT = """
            [path, mode] = System.argv()
            snippets = path |> File.read!() |> String.split(<<0>>, trim: true)
            for s <- snippets do
              q = Code.string_to_quoted!(s)
              if mode == "quote" do
                IO.puts(Base.encode64(:erlang.term_to_binary(q)) <> " " <> Base.encode64("-"))
              else
              # each snippet in a process of its own (a clean mailbox), printed as iex prints
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
              out = Task.await(task, 60_000)
              IO.puts(Base.encode64(:erlang.term_to_binary(q)) <> " " <> Base.encode64(out))
              end
            end
            """;

    /** Asks Elixir about every snippet, in order: its quoted form and what evaluating it prints. */
    static List<Answer> ask(List<String> snippets) {
        return run(snippets, "eval");
    }

    /** The quoted forms of the sources, in order (nothing is evaluated). */
    static List<Object> quote(List<String> sources) {
        return run(sources, "quote").stream().map(Answer::quoted).toList();
    }

    private static List<Answer> run(List<String> snippets, String mode) {
        try {
            Path dir = Files.createTempDirectory("oracle");
            Path input = dir.resolve("snippets");
            Path script = dir.resolve("oracle.exs");
            Files.writeString(input, String.join("\0", snippets) + "\0");
            Files.writeString(script, SCRIPT);
            Process p = new ProcessBuilder("elixir", script.toString(), input.toString(), mode).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("elixir failed: " + p.exitValue());
            TermDecoder decoder = new TermDecoder(new NodeTable(new Node()), 1 << 24);
            List<Answer> answers = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                String[] parts = line.trim().split(" ");
                Object quoted = decoder.decode(Base64.getDecoder().decode(parts[0]));
                answers.add(new Answer(quoted, new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
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
}
