package procshell.runtime.term;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Tuple;

/**
 * Map-key identity of terms: Erlang's exact equality ({@code =:=}) and a hash consistent with it.
 * {@code 1} and {@code 1.0} are two keys; an integer is one key whatever Java type carries it
 * ({@code Integer}, {@code Long}, {@code BigInteger}); a binary is one key whatever
 * {@link CharSequence} carries it; tuples, lists and maps compare element by element.
 */
public final class TermKeys {
    private TermKeys() {}

    /**
     * A hash of the term such that {@code equal(a, b)} implies {@code hash(a) == hash(b)}.
     *
     * @param term any term (null is nil)
     * @return the hash; for a map, the sum over its entries, so that it does not depend on order
     */
    public static int hash(Object term) {
        if (term == null) return 0;
        if (term instanceof Integer i) return Long.hashCode(i);
        if (term instanceof String s) return s.hashCode();
        if (term instanceof Long l) return Long.hashCode(l);
        if (term instanceof Double d) return d == 0.0 ? 0x2b : Double.hashCode(d);
        if (term instanceof Tuple t) {
            int h = 0x7a5;
            for (int i = 0, n = t.size(); i < n; i++) h = h * 31 + hash(t.get(i));
            return h;
        }
        if (term instanceof List<?> l) {
            int h = 0x11;
            for (Object e : l) h = h * 31 + hash(e);
            return h;
        }
        if (term instanceof ImproperList l) return hash(l.elements()) * 31 + hash(l.tail());
        if (term instanceof TermMap m) return m.persistent().hashCode();
        if (term instanceof PersistentMap m) return m.hashCode();
        if (term instanceof Map<?, ?> m) return mapHash(m);
        if (term instanceof BigInteger b) return b.bitLength() < 64 ? Long.hashCode(b.longValue()) : b.hashCode();
        if (term instanceof Short || term instanceof Byte) return Long.hashCode(((Number) term).longValue());
        if (term instanceof Float f) return hash(f.doubleValue());
        if (term instanceof CharSequence c) return c.toString().hashCode();
        return term.hashCode();
    }

    /** The order-free hash of a map's entries, as {@link #hash} gives for a map. */
    static int mapHash(Map<?, ?> m) {
        int h = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) h += entryHash(e.getKey(), e.getValue());
        return h;
    }

    static int entryHash(Object key, Object value) {
        int k = hash(key);
        return (k ^ (k >>> 16)) * 0x9E3779B9 ^ hash(value);
    }

    /**
     * Erlang's {@code a =:= b}.
     *
     * @return true when the terms are the same key of a map
     */
    public static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Number x) return b instanceof Number y && numbersEqual(x, y);
        if (a instanceof Tuple x) {
            if (!(b instanceof Tuple y) || x.size() != y.size()) return false;
            for (int i = 0, n = x.size(); i < n; i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) return false;
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) if (!equal(i.next(), j.next())) return false;
            return true;
        }
        if (a instanceof ImproperList x) return b instanceof ImproperList y && equal(x.elements(), y.elements()) && equal(x.tail(), y.tail());
        if (a instanceof TermMap x && b instanceof TermMap y) return x.persistent().equals(y.persistent());
        if (a instanceof Map<?, ?> x) return b instanceof Map<?, ?> y && mapsEqual(x, y);
        if (a instanceof CharSequence x) return b instanceof CharSequence y && x.toString().equals(y.toString());
        return a.equals(b);
    }

    private static boolean mapsEqual(Map<?, ?> x, Map<?, ?> y) {
        if (x.size() != y.size()) return false;
        for (Map.Entry<?, ?> e : x.entrySet()) {
            Object k = e.getKey();
            if (!y.containsKey(k) || !equal(e.getValue(), y.get(k))) return false;
        }
        return true;
    }

    private static boolean numbersEqual(Number x, Number y) {
        boolean fx = x instanceof Double || x instanceof Float;
        boolean fy = y instanceof Double || y instanceof Float;
        if (fx != fy) return false;
        if (fx) return x.doubleValue() == y.doubleValue();
        if (x instanceof BigInteger || y instanceof BigInteger) return big(x).equals(big(y));
        return x.longValue() == y.longValue();
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }
}
