package procshell.runtime.table;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * The form a term takes inside a table, as ETS copies every term it stores: immutable (lists and
 * maps are copied, so that a caller mutating its Java collection cannot change a stored object)
 * and canonical (an integer is an {@code Integer} when it fits, else a {@code Long}, else a
 * {@code BigInteger}; a float is a {@code Double}; any {@code CharSequence} is a {@code String}),
 * so that Java's {@code equals}/{@code hashCode} agree with Erlang's {@code =:=} and keys can be
 * hashed.
 */
public final class TermCopy {
    private TermCopy() {}

    /**
     * The canonical, immutable form of {@code term}; the same object when it already is one.
     *
     * @param term any runtime term
     * @return an equal term safe to store and to use as a hash key
     */
    public static Object of(Object term) {
        if (term == null || term instanceof String || term instanceof Atom || term instanceof Integer
                || term instanceof Pid || term instanceof Ref || term instanceof Boolean || term instanceof Double) {
            return term;
        }
        if (term instanceof Long l) return l == l.intValue() ? (Object) Integer.valueOf(l.intValue()) : l;
        if (term instanceof Short || term instanceof Byte) return ((Number) term).intValue();
        if (term instanceof BigInteger b) {
            if (b.bitLength() < 32) return b.intValue();
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (term instanceof Float f) return f.doubleValue();
        if (term instanceof Tuple t) return tuple(t);
        if (term instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(of(o));
            return Collections.unmodifiableList(out);
        }
        if (term instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(of(e.getKey()), of(e.getValue()));
            return Collections.unmodifiableMap(out);
        }
        if (term instanceof CharSequence cs) return cs.toString();
        return term;
    }

    /** {@link #of} for a tuple: the same tuple when every element already is canonical. */
    public static Tuple tuple(Tuple t) {
        Object[] out = null;
        for (int i = 0; i < t.size(); i++) {
            Object e = t.get(i);
            Object c = of(e);
            if (c != e && out == null) {
                out = new Object[t.size()];
                for (int j = 0; j < i; j++) out[j] = t.get(j);
            }
            if (out != null) out[i] = c;
        }
        return out == null ? t : Tuple.of(out);
    }
}
