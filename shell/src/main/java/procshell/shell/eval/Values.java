package procshell.shell.eval;

import java.util.ArrayList;
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

    /** Elixir's {@code ==}: numbers by value ({@code 1 == 1.0}), GStrings as strings, else equals. */
    public static boolean termEquals(Object a, Object b) {
        a = normalize(a);
        b = normalize(b);
        if (a instanceof Number x && b instanceof Number y) {
            if (Arithmetic.isInteger(x) && Arithmetic.isInteger(y)) return Arithmetic.big(x).equals(Arithmetic.big(y));
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Tuple ta && b instanceof Tuple tb) {
            if (ta.size() != tb.size()) return false;
            for (int i = 0; i < ta.size(); i++) if (!termEquals(ta.get(i), tb.get(i))) return false;
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!termEquals(la.get(i), lb.get(i))) return false;
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    /**
     * Elixir's {@code ===}: as {@link #termEquals} but an integer never equals a float
     * ({@code 1 === 1.0} is false), also inside tuples, lists and maps.
     */
    public static boolean strictlyEqual(Object a, Object b) {
        return procshell.runtime.inspect.Inspect.exactlyEqual(normalize(a), normalize(b));
    }

    /** GStrings to Strings, recursively through lists, maps and tuples; other values unchanged. */
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
        if (v instanceof List<?> l && !(v instanceof groovy.lang.Range<?>)) {
            List<Object> out = new ArrayList<>(l.size());
            boolean changed = false;
            for (Object o : l) {
                Object n = normalize(o);
                changed |= n != o;
                out.add(n);
            }
            return changed ? out : v;
        }
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
