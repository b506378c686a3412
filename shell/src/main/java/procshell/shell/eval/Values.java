package procshell.shell.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import groovy.lang.GString;
import procshell.runtime.node.Tuple;

/**
 * Converts between Groovy values and runtime terms at the shell's edge: a GString becomes a
 * String, an Integer range stays a range, numbers compare by value as Elixir's {@code ==}.
 */
public final class Values {
    private Values() {}

    /**
     * Elixir's {@code ==}: numbers by value ({@code 1 == 1.0}), also inside tuples, lists and map
     * values; GStrings as strings; map keys and other terms by {@code equals}.
     */
    public static boolean termEquals(Object a, Object b) {
        return equal(a, b, false);
    }

    /**
     * Elixir's {@code ===} and what a pattern's literal matches: as {@link #termEquals} but an
     * integer never equals a float ({@code 1 === 1.0} is false, {@code 1 = 1.0} does not match).
     */
    public static boolean strictlyEqual(Object a, Object b) {
        return equal(a, b, true);
    }

    private static boolean equal(Object a, Object b, boolean exact) {
        a = normalize(a);
        b = normalize(b);
        if (a instanceof Number x && b instanceof Number y) {
            boolean ix = Arithmetic.isInteger(x);
            boolean iy = Arithmetic.isInteger(y);
            if (ix && iy) return Arithmetic.big(x).equals(Arithmetic.big(y));
            return (!exact || ix == iy) && x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb) {
            return equalElements(ta.toList(), tb.toList(), exact);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return equalElements(la, lb, exact);
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) return false;
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                // keys match exactly (%{1 => x} and %{1.0 => x} differ), values as == or ===
                if (!mb.containsKey(e.getKey()) || !equal(e.getValue(), mb.get(e.getKey()), exact)) return false;
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static boolean equalElements(List<?> a, List<?> b, boolean exact) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i), exact)) return false;
        return true;
    }

    /** GStrings to Strings, recursively through maps and tuples; other values (lists too) unchanged. */
    public static Object normalize(Object v) {
        if (v instanceof GString g) return g.toString();
        if (v instanceof Tuple t) {
            boolean changed = false;
            Object[] out = new Object[t.size()];
            for (int i = 0; i < t.size(); i++) {
                out[i] = normalize(t.get(i));
                changed |= out[i] != t.get(i);
            }
            return changed ? Tuple.of(out) : t;
        }
        // a list is left as it is: compiled Elixir code and the iex modules make no GString, and
        // walking (and copying) the list at every call that hands one back, as each step of an
        // Enum.reduce does, made carrying or accumulating a list quadratic
        if (v instanceof List<?>) return v;
        if (v instanceof procshell.runtime.term.TermMap) return v; // a map term holds terms already: walking it made every Map.put O(n)
        if (v instanceof Map<?, ?> m) {
            boolean changed = false;
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = normalize(e.getKey());
                Object val = normalize(e.getValue());
                changed |= k != e.getKey() || val != e.getValue();
                out.put(k, val);
            }
            return changed ? out : v;
        }
        return v;
    }
}
