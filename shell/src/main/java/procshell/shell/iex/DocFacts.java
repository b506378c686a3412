package procshell.shell.iex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What iex shows above a function's doc, as Elixir 1.14's docs chunks hold it: the signature
 * lines ({@code def lookup(registry, key)}), the specs ({@code @spec lookup(registry(), key()) ::
 * [{pid(), value()}]}) and the version it came in ({@code since 1.4.0}). Read from the resource
 * {@code doc-facts.txt}, which {@code shell/src/test/resources/docs/facts.exs} writes with real
 * Elixir (facts, not prose: the doc texts are procshell's own, in {@link Doc}).
 */
public final class DocFacts {
    private static final String RESOURCE = "doc-facts.txt";

    /**
     * The facts of one function.
     *
     * @param signatures the heading lines, {@code def lookup(registry, key)} (several when a
     *                   function has several clauses documented apart; may span lines)
     * @param specs      the {@code @spec} lines as iex formats them at 80 columns (may span lines)
     * @param since      the Elixir version that added it, or null
     * @param deprecated the deprecation note, or null
     */
    public record Facts(List<String> signatures, List<String> specs, String since, String deprecated) {
        /** The signatures without their {@code def }/{@code defmacro } word: {@code lookup(registry, key)}. */
        public List<String> calls() {
            List<String> out = new ArrayList<>();
            for (String s : signatures) out.add(s.startsWith("defmacro ") ? s.substring(9) : s.startsWith("def ") ? s.substring(4) : s);
            return out;
        }
    }

    private static final class Holder {
        static final Map<String, Facts> FACTS = load();
    }

    private DocFacts() {}

    /**
     * The facts of {@code Module.fun/arity} (Elixir's names: {@code "Registry"}, {@code "lookup"}),
     * or null when Elixir documents no such function. A function whose lower arities come from
     * default arguments ({@code v(n \\ -1)} is v/0 and v/1) is found under any of them.
     */
    public static Facts of(String module, String function, int arity) {
        Map<String, Facts> all = Holder.FACTS;
        Facts f = all.get(module + "." + function + "/" + arity);
        if (f != null) return f;
        for (int higher = arity + 1; higher <= arity + 4; higher++) {
            Facts h = all.get(module + "." + function + "/" + higher);
            int missing = higher - arity;
            if (h != null && h.signatures().stream().anyMatch(s -> defaults(s) >= missing)) return h;
        }
        return null;
    }

    /**
     * The public types of a module ({@code t(Registry)}), or of one name of it ({@code t(Registry.key)}):
     * each as its {@code @type} (or {@code @opaque}) lines, in name order.
     *
     * @param name the type's name, or null for all
     */
    public static List<String> types(String module, String name) {
        return declarations("type " + module + ".", name);
    }

    /** The callbacks of a behaviour ({@code b(GenServer)}), or of one name ({@code b(GenServer.handle_call)}): their {@code @callback} lines. */
    public static List<String> callbacks(String module, String name) {
        return declarations("callback " + module + ".", name);
    }

    private static List<String> declarations(String prefix, String name) {
        List<String> out = new ArrayList<>();
        Holder.FACTS.forEach((key, facts) -> {
            if (!key.startsWith(prefix)) return;
            String rest = key.substring(prefix.length());
            if (name == null || rest.substring(0, rest.lastIndexOf('/')).equals(name)) out.addAll(facts.specs());
        });
        return out;
    }

    /** How many {@code \\} default arguments a signature has. */
    private static int defaults(String signature) {
        int n = 0;
        for (int i = signature.indexOf("\\\\"); i >= 0; i = signature.indexOf("\\\\", i + 2)) n++;
        return n;
    }

    private static Map<String, Facts> load() {
        Map<String, Facts> out = new LinkedHashMap<>();
        InputStream in = DocFacts.class.getResourceAsStream(RESOURCE);
        if (in == null) return out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String key = null;
            List<String> sigs = new ArrayList<>();
            List<String> specs = new ArrayList<>();
            String since = null;
            String deprecated = null;
            List<String> last = null; // the list a continuation line belongs to
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") && key == null) continue;
                if (line.startsWith("== ")) {
                    if (key != null) out.put(key, new Facts(List.copyOf(sigs), List.copyOf(specs), since, deprecated));
                    key = line.substring(3);
                    sigs.clear();
                    specs.clear();
                    since = null;
                    deprecated = null;
                    last = null;
                } else if (line.startsWith("def ") || line.startsWith("defmacro ")) {
                    sigs.add(line);
                    last = sigs;
                } else if (line.startsWith("@")) { // @spec, and a type's @type/@opaque, a callback's @callback
                    specs.add(line);
                    last = specs;
                } else if (line.startsWith("since ")) {
                    since = line.substring(6);
                } else if (line.startsWith("deprecated ")) {
                    deprecated = line.substring(11);
                } else if (last != null && !last.isEmpty()) {
                    last.set(last.size() - 1, last.get(last.size() - 1) + "\n" + line);
                }
            }
            if (key != null) out.put(key, new Facts(List.copyOf(sigs), List.copyOf(specs), since, deprecated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
