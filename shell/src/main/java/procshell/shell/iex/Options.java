package procshell.shell.iex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Keyword options as the shell receives them: Groovy named arguments ({@code name: X}, a Map with
 * String keys), a map literal, or an Elixir keyword list ({@code [{:name, X}]}).
 */
final class Options {
    /** The stack line of a bad {@code name:} given to a GenServer-based start: Elixir's {@code GenServer.do_start/4}. */
    static final String DO_START = "(elixir 1.14.0) lib/gen_server.ex:957: GenServer.do_start/4";

    private Options() {}

    /**
     * Normalises options to a map from option name to value.
     *
     * @throws IllegalArgumentException when the value is not a keyword list or map
     */
    static Map<String, Object> of(Object options) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (options == null) return out;
        if (options instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(key(k), Values.normalize(v)));
            return out;
        }
        if (options instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Tuple t) || t.size() != 2) throw new IllegalArgumentException("expected a keyword list, got: " + procshell.runtime.inspect.Inspect.inspect(options));
                out.put(key(t.get(0)), Values.normalize(t.get(1)));
            }
            return out;
        }
        throw new IllegalArgumentException("expected a keyword list, got: " + procshell.runtime.inspect.Inspect.inspect(options));
    }

    /** The options as an Elixir keyword list, e.g. {@code [strategy: :one_for_one, name: Workers]}, in their order. */
    static List<Tuple> keywordList(Object options) {
        return of(options).entrySet().stream().map(e -> Tuple.of(Atom.of(e.getKey()), e.getValue())).toList();
    }

    private static String key(Object k) {
        return k instanceof Atom a ? a.name() : String.valueOf(k);
    }

    /**
     * The {@code name:} option of a start function as a runtime name term: an atom (a class typed
     * at the prompt becomes its module atom), {@code {:global, term}} or {@code {:via, module, term}};
     * nil when {@code name} is nil.
     *
     * @param frame the stack line iex shows for the rejection, e.g. {@link #DO_START}
     * @throws ArgumentError with Elixir's message for any other value
     */
    static Object processName(IexSession s, Object name, String frame) {
        Object n = s.modules().nameTerm(name);
        if (n == null || n instanceof Atom) return n;
        if (n instanceof Tuple t && (t.isTagged(Atom.GLOBAL, 2) || (t.isTagged(Atom.VIA, 3) && t.get(1) instanceof Atom))) return n;
        throw new ArgumentError("""
                expected :name option to be one of the following:

                  * nil
                  * atom
                  * {:global, term}
                  * {:via, module, term}

                Got: %s
                """.formatted(procshell.runtime.inspect.Inspect.inspect(n)), List.of(frame));
    }

    /** A timeout in ms: a number, or {@code :infinity} as -1. */
    static long timeout(Object value, long dflt) {
        if (value == null) return dflt;
        if (value instanceof Number n) return n.longValue();
        if (Atom.INFINITY.equals(value)) return -1;
        throw new IllegalArgumentException("timeout must be a non-negative integer or :infinity, got: " + procshell.runtime.inspect.Inspect.inspect(value));
    }
}
