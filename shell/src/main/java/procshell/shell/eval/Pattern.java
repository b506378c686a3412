package procshell.shell.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import procshell.runtime.node.Tuple;

/**
 * A match pattern for the shell's {@code {:ok, pid} = expr} statements, as Elixir's match
 * operator: variables bind, {@code _} ignores, pins ({@code ^x}) and literals compare, tuples and
 * lists match element by element ({@code [h | t]} splits a list), maps key by key.
 */
public sealed interface Pattern {
    /**
     * Matches {@code value}, adding bindings to {@code out}.
     *
     * @return false when the value does not match (bindings may then be partial)
     */
    boolean match(Object value, Map<String, Object> out);

    /** A variable: binds the value; {@code _} and names starting with {@code _} bind nothing. */
    record Var(String name) implements Pattern {
        public boolean match(Object value, Map<String, Object> out) {
            if (name.startsWith("_")) return true;
            if (out.containsKey(name)) return Objects.equals(out.get(name), value);
            out.put(name, value);
            return true;
        }
    }

    /** A literal or pinned value: matches a strictly equal value ({@code 1 = 1.0} does not). */
    record Literal(Object expected) implements Pattern {
        public boolean match(Object value, Map<String, Object> out) {
            return Values.strictlyEqual(expected, value);
        }
    }

    /** A tuple pattern. */
    record TuplePattern(List<Pattern> elements) implements Pattern {
        public boolean match(Object value, Map<String, Object> out) {
            if (!(value instanceof Tuple t) || t.size() != elements.size()) return false;
            for (int i = 0; i < elements.size(); i++) {
                if (!elements.get(i).match(t.get(i), out)) return false;
            }
            return true;
        }
    }

    /**
     * A map pattern {@code %{key => pattern}}: matches a map that holds every key (compared strictly:
     * {@code 1} is not {@code 1.0}), each value matching its pattern; other keys may be there too, as in Elixir.
     */
    record MapPattern(List<Object> keys, List<Pattern> values) implements Pattern {
        public boolean match(Object value, Map<String, Object> out) {
            if (!(value instanceof Map<?, ?> m)) return false;
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i);
                Object found = null;
                boolean present = false;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (Values.strictlyEqual(key, e.getKey())) {
                        found = e.getValue();
                        present = true;
                        break;
                    }
                }
                if (!present || !values.get(i).match(found, out)) return false;
            }
            return true;
        }
    }

    /** {@code [h1, h2 | tail]}: a list of at least the heads' length; the rest of it matches {@code tail}. */
    record ConsPattern(List<Pattern> heads, Pattern tail) implements Pattern {
        public boolean match(Object value, Map<String, Object> out) {
            if (!(value instanceof List<?> l) || l.size() < heads.size()) return false;
            for (int i = 0; i < heads.size(); i++) {
                if (!heads.get(i).match(l.get(i), out)) return false;
            }
            return tail.match(new java.util.ArrayList<Object>(l.subList(heads.size(), l.size())), out);
        }
    }

    /** A proper-list pattern of fixed length. */
    record ListPattern(List<Pattern> elements) implements Pattern {
        public boolean match(Object value, Map<String, Object> out) {
            if (!(value instanceof List<?> l) || l.size() != elements.size()) return false;
            for (int i = 0; i < elements.size(); i++) {
                if (!elements.get(i).match(l.get(i), out)) return false;
            }
            return true;
        }
    }
}
