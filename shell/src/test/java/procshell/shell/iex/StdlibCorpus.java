package procshell.shell.iex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard-library differential corpus as committed under {@code src/test/resources/stdlib}:
 * {@code cases/<Module>.exs} (one Elixir expression per line), {@code expected/<Module>.txt} (what
 * {@code oracle.exs} printed for each case with the real Elixir) and {@code known-differences.txt}
 * (cases that differ for want of a syntax, each with its reason).
 */
final class StdlibCorpus {
    /** The corpus folder, relative to the shell module (Maven runs tests from there). */
    static final Path ROOT = Path.of("src", "test", "resources", "stdlib");

    private StdlibCorpus() {}

    /**
     * One module's cases with their expected results.
     *
     * @param module   the module as Elixir names it ({@code Enum}, {@code erlang})
     * @param cases    the expressions, in file order
     * @param expected the oracle's result line for each case (same size as cases when current)
     */
    record Module(String module, List<String> cases, List<String> expected) {}

    /** The modules that have a case file, sorted by name. */
    static List<String> modules() {
        try (Stream<Path> files = Files.list(ROOT.resolve("cases"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".exs"))
                    .map(n -> n.substring(0, n.length() - ".exs".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module's cases and its committed expected results (none when the file is missing). */
    static Module load(String module) {
        Path expected = ROOT.resolve("expected").resolve(module + ".txt");
        return new Module(module, cases(ROOT.resolve("cases").resolve(module + ".exs")),
                Files.exists(expected) ? read(expected) : List.of());
    }

    /** The cases of a file: its lines without trailing blanks, empty lines and comments left out (as oracle.exs). */
    static List<String> cases(Path file) {
        List<String> out = new ArrayList<>();
        for (String line : read(file)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(line.stripTrailing());
        }
        return out;
    }

    /**
     * The known differences, by module then case text, each with its reason. A line of
     * {@code known-differences.txt} reads {@code Module: case ## reason}; lines starting with
     * {@code #} are comments.
     */
    static Map<String, Map<String, String>> knownDifferences() {
        Map<String, Map<String, String>> out = new HashMap<>();
        Path file = ROOT.resolve("known-differences.txt");
        if (!Files.exists(file)) return out;
        for (String line : read(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int colon = line.indexOf(": ");
            int reason = line.lastIndexOf(" ## ");
            if (colon < 0 || reason < colon) throw new IllegalArgumentException("known-differences.txt: not 'Module: case ## reason': " + line);
            out.computeIfAbsent(line.substring(0, colon), k -> new HashMap<>())
                    .put(line.substring(colon + 2, reason).strip(), line.substring(reason + 4).strip());
        }
        return out;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
