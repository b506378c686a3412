package procshell.shell.elixir.compiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What each module of Elixir 1.14's own applications (elixir, logger) exports, functions and
 * macros by {@code name/arity}, as {@code M.__info__(:functions) ++ M.__info__(:macros)} lists
 * them: the facts an {@code import M, only: [...]} is checked against ({@link Import#undefinedOnly}).
 * The shell's own modules cannot tell: they have functions Elixir's have not, and implement
 * macros ({@code Integer.is_even/1}) or not at all. The table is made by the real Elixir
 * ({@code shell/src/test/resources/elixir-exports.exs}; {@code ElixirExportsTest} compares them).
 */
final class ElixirExports {
    private static final String RESOURCE = "elixir-exports.txt";

    /** By module atom name ({@code "Elixir.Process"}); loaded at the first question. */
    private static volatile Map<String, Set<String>> table;

    private ElixirExports() {}

    /**
     * The exports of {@code module} (an atom name, {@code "Elixir.Integer"}) as {@code name/arity}s,
     * or null for a module not of Elixir's applications (an Erlang module, one typed in the shell).
     */
    static Set<String> of(String module) {
        Map<String, Set<String>> t = table;
        if (t == null) table = t = load();
        return t.get(module);
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> out = new HashMap<>();
        try (InputStream in = ElixirExports.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return out;
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String[] words = line.split(" ");
                out.put("Elixir." + words[0], Set.of(java.util.Arrays.copyOfRange(words, 1, words.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
