package procshell.shell.elixir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What each module of Elixir 1.14's own applications (elixir, logger) exports, by
 * {@code name/arity}: its functions ({@code M.__info__(:functions)}) and its macros
 * ({@code M.__info__(:macros)}). An {@code import M, only: [...]} is checked against them; and
 * procshell compiles Kernel's functions and macros alike as calls of its own Kernel, but Elixir
 * tells them apart: a capture of a function ({@code &inspect/1}) is {@code &Kernel.inspect/1}
 * where a macro's ({@code &to_string/1}) is a fn, and {@code apply/3} reaches no macro. The
 * shell's own modules cannot tell: they have functions Elixir's have not, and implement macros
 * ({@code Integer.is_even/1}) or not at all. The table is made by the real Elixir
 * ({@code shell/src/test/resources/elixir-exports.exs}; {@code ElixirExportsTest} compares them).
 */
public final class ElixirExports {
    private static final String RESOURCE = "elixir-exports.txt";
    private static final String KERNEL = "Elixir.Kernel";

    /** A module's functions, its macros, and both. */
    private record Exports(Set<String> functions, Set<String> macros, Set<String> all) {}

    /** By module atom name ({@code "Elixir.Process"}); loaded at the first question. */
    private static volatile Map<String, Exports> table;

    private ElixirExports() {}

    /**
     * The functions and macros of {@code module} (an atom name, {@code "Elixir.Integer"}) as
     * {@code name/arity}s, or null for a module not of Elixir's applications (an Erlang module,
     * one typed in the shell).
     */
    public static Set<String> of(String module) {
        Exports e = table().get(module);
        return e == null ? null : e.all();
    }

    /** True when {@code Kernel.name/arity} is a function (not a macro) in Elixir 1.14. */
    public static boolean isKernelFunction(String name, int arity) {
        return table().get(KERNEL).functions().contains(name + "/" + arity);
    }

    /** True when {@code Kernel.name/arity} is a macro in Elixir 1.14. */
    public static boolean isKernelMacro(String name, int arity) {
        return table().get(KERNEL).macros().contains(name + "/" + arity);
    }

    private static Map<String, Exports> table() {
        Map<String, Exports> t = table;
        if (t == null) table = t = load();
        return t;
    }

    /** Lines {@code Name function/arity ... ; macro/arity ...}. */
    private static Map<String, Exports> load() {
        Map<String, Exports> out = new HashMap<>();
        try (InputStream in = ElixirExports.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                String[] words = line.split(" ");
                Set<String> functions = new HashSet<>();
                Set<String> macros = new HashSet<>();
                Set<String> into = functions;
                for (int i = 1; i < words.length; i++) {
                    if (words[i].equals(";")) into = macros;
                    else into.add(words[i]);
                }
                Set<String> all = new HashSet<>(functions);
                all.addAll(macros);
                out.put("Elixir." + words[0], new Exports(Set.copyOf(functions), Set.copyOf(macros), Set.copyOf(all)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
