package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The differential test: every snippet of {@code corpus.txt} (one per line) is compiled and run
 * in one fresh session each, and what it prints (the value as iex inspects it, or the first line
 * of the error) must be what the real Elixir prints for it. Function values and pids are
 * compared by kind only.
 */
class CompilerCorpusTest {
    @Test
    void everySnippetPrintsWhatElixirPrints() throws IOException {
        List<String> snippets = new ArrayList<>();
        try (InputStream in = CompilerCorpusTest.class.getResourceAsStream("corpus.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) snippets.add(line);
            }
        }
        List<ElixirOracle.Answer> answers = ElixirOracle.ask(snippets);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            try (CompiledSession s = new CompiledSession()) {
                String got = firstLine(s.eval(answers.get(i).quoted()));
                String want = firstLine(answers.get(i).output());
                if (!normalize(want).equals(normalize(got))) {
                    mismatches.add(snippets.get(i) + "\n    elixir:    " + want + "\n    procshell: " + got);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + snippets.size() + " differ:\n" + String.join("\n", mismatches));
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).stripTrailing();
    }

    private static String normalize(String s) {
        // iex blames the operands of an arithmetic error (": 1 + :a"); Exception.format_banner does not
        return s.replaceAll("(bad argument in arithmetic expression): .*", "$1").replaceAll("#Function<[^>]*>", "#Function<>").replaceAll("#PID<[^>]*>", "#PID<>").replaceAll("#Reference<[^>]*>", "#Reference<>");
    }
}
