package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The study notes' code ({@code ../shared/seeds/code}), compiled and run one top-level expression
 * at a time in one session, prints what a real iex printed for it (its {@code .iex.txt}): pids,
 * the bytes of a module's binary and the atom table's count aside.
 */
class SeedsRunTest {
    private static final Path SEEDS = Path.of("/work/shared/seeds/code");

    @ParameterizedTest
    @ValueSource(strings = {"000-chat-rooms-and-a-home-made-registry", "001-1-remember-the-pid", "001-2-module-name-as-local-alias",
            "001-3-dynamic-atoms-are-bad", "001-4-registry-and-via-tuple", "002-secret-server-registry"})
    void printsWhatIexPrinted(String seed) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "the study notes' code is not on this machine");
        Object quoted = ElixirOracle.quote(List.of(Files.readString(SEEDS.resolve(seed + ".exs")))).get(0);
        List<String> expected = outputs(Files.readString(SEEDS.resolve(seed + ".iex.txt")));
        List<String> actual = new ArrayList<>();
        try (CompiledSession s = new CompiledSession()) {
            for (Object expr : Quoted.exprs(quoted)) {
                String out = normalize(s.eval(expr));
                // the atom table's size is the node's own: only its growth compares
                actual.add(procshell.shell.iex.Kernel.inspect(expr).contains("atom_count") ? "ATOMS" : out);
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    /** The output of each input of a transcript, normalized. */
    private static List<String> outputs(String transcript) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : transcript.split("\n")) {
            if (line.matches("iex\\(\\d+\\)>.*")) {
                if (current != null) out.add(normalize(current.toString()));
                current = line.matches("iex\\(\\d+\\)>\\s*") ? null : new StringBuilder();
            } else if (current != null && !line.startsWith("...(")) {
                current.append(line).append("\n");
            }
        }
        if (current != null) out.add(normalize(current.toString()));
        return out;
    }

    private static String normalize(String s) {
        return s.replaceAll("(?s)<<[^>]*>>", "<<>>").replaceAll("#PID<[^>]*>", "#PID<>").replaceAll("(?m)^1[0-9]{4}$", "ATOMS")
                .replaceAll("\\s+", " ").trim();
    }
}
