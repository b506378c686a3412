package procshell.runtime.inspect;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * Erlang's term order: number &lt; atom &lt; reference &lt; fun &lt; port &lt; pid &lt; tuple &lt;
 * map &lt; list &lt; bitstring. Numbers compare by value ({@code 1 == 1.0}); atoms (including
 * nil, true and false) by name; tuples by size, then element by element; maps by size, then keys,
 * then values in key order; lists element by element, a prefix first.
 *
 * <p>Map keys are sorted in the stricter order Erlang uses for them, where all integers come
 * before all floats ({@code %{1 => _, 2 => _, 0.5 => _, 1.0 => _}}); {@link #sortedEntries}
 * gives a map's entries in that order, the order {@code :maps.to_list/1} and iex show for maps
 * of up to 32 keys.
 */
final class TermOrder {
    /** Ranks of the term types; objects the runtime does not know are ranked as funs. */
    private static final int NUMBER = 0, ATOM = 1, REFERENCE = 2, OTHER = 3, PID = 5, TUPLE = 6,
            MAP = 7, LIST = 8, BITSTRING = 9;

    private TermOrder() {
    }

    /** Compares in term order, as {@code <} / {@code ==} / {@code >} on the BEAM. */
    static int compare(Object a, Object b) {
        return compare(a, b, false);
    }

    /** Map-key order: term order with all integers before all floats. */
    static int compareKeys(Object a, Object b) {
        return compare(a, b, true);
    }

    /** The entries of {@code map}, keys in map-key order. */
    static List<Map.Entry<?, ?>> sortedEntries(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        // a small map term iterates in this order already (PersistentMap keeps it sorted)
        if (map instanceof procshell.runtime.term.TermMap t && t.persistent().inKeyOrder()) return entries;
        entries.sort((x, y) -> compare(x.getKey(), y.getKey(), true));
        return entries;
    }

    /**
     * @param exact Erlang's exact comparison, used for map keys: integers before floats,
     *              whatever their value
     */
    private static int compare(Object a, Object b, boolean exact) {
        if (a == b) {
            return 0;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case NUMBER -> compareNumbers((Number) a, (Number) b, exact);
            case ATOM -> a instanceof Atom x && b instanceof Atom y ? x.compareTo(y) // UTF-8 byte order is code point order
                    : compareCodePoints(atomName(a), atomName(b));
            case REFERENCE -> compareRefs((Ref) a, (Ref) b);
            case PID -> ((Pid) a).compareTo((Pid) b);
            case TUPLE -> compareTuples((Tuple) a, (Tuple) b, exact);
            case MAP -> compareMaps((Map<?, ?>) a, (Map<?, ?>) b, exact);
            case LIST -> a instanceof List<?> x && b instanceof List<?> y ? compareLists(x, y, exact)
                    : procshell.runtime.term.ListCells.compare(a, b, exact ? TermOrder::exactOrder : TermOrder::compare);
            case BITSTRING -> a instanceof byte[] || b instanceof byte[]
                    ? compareBytes(bytes(a), bytes(b)) : procshell.runtime.node.Bitstring.compare(a, b);
            default -> compareOther(a, b);
        };
    }

    private static int exactOrder(Object a, Object b) {
        return compare(a, b, true);
    }

    private static int rank(Object o) {
        if (o == null || o instanceof Boolean || o instanceof Atom) {
            return ATOM;
        }
        if (Terms.isInteger(o) || Terms.isFloat(o)) {
            return NUMBER;
        }
        if (o instanceof Ref) {
            return REFERENCE;
        }
        if (o instanceof Pid) {
            return PID;
        }
        if (o instanceof Tuple) {
            return TUPLE;
        }
        if (o instanceof Map) {
            return MAP;
        }
        if (o instanceof List || o instanceof procshell.runtime.dist.ImproperList) {
            return LIST;
        }
        if (o instanceof CharSequence || o instanceof byte[] || o instanceof procshell.runtime.node.Bitstring) {
            return BITSTRING;
        }
        return OTHER;
    }

    static String atomName(Object o) {
        if (o == null) {
            return "nil";
        }
        return o instanceof Atom atom ? atom.name() : o.toString();
    }

    private static int compareNumbers(Number a, Number b, boolean exact) {
        boolean fa = Terms.isFloat(a);
        boolean fb = Terms.isFloat(b);
        if (fa && fb) {
            return Double.compare(a.doubleValue() + 0.0, b.doubleValue() + 0.0);
        }
        if (!fa && !fb) {
            if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
                return Long.compare(a.longValue(), b.longValue());
            }
            return Terms.toBigInteger(a).compareTo(Terms.toBigInteger(b));
        }
        if (exact) {
            return fa ? 1 : -1;
        }
        // Mixed integer and float compare by exact value, as the BEAM does.
        BigDecimal x = fa ? new BigDecimal(a.doubleValue()) : new BigDecimal(Terms.toBigInteger(a));
        BigDecimal y = fb ? new BigDecimal(b.doubleValue()) : new BigDecimal(Terms.toBigInteger(b));
        return x.compareTo(y);
    }

    private static int compareRefs(Ref a, Ref b) {
        return Long.compare(a.id(), b.id());
    }

    private static int compareTuples(Tuple a, Tuple b, boolean exact) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int c = compare(a.get(i), b.get(i), exact);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareMaps(Map<?, ?> a, Map<?, ?> b, boolean exact) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        List<Map.Entry<?, ?>> ea = sortedEntries(a);
        List<Map.Entry<?, ?>> eb = sortedEntries(b);
        for (int i = 0; i < ea.size(); i++) {
            int c = compare(ea.get(i).getKey(), eb.get(i).getKey(), true);
            if (c != 0) {
                return c;
            }
        }
        for (int i = 0; i < ea.size(); i++) {
            int c = compare(ea.get(i).getValue(), eb.get(i).getValue(), exact);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareLists(List<?> a, List<?> b, boolean exact) {
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = compare(ia.next(), ib.next(), exact);
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    /** Code point order, which is also the order of the UTF-8 bytes Erlang compares. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static byte[] bytes(Object o) {
        return o instanceof byte[] b ? b : o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** Objects outside the term model: an arbitrary but consistent order. */
    private static int compareOther(Object a, Object b) {
        int c = a.getClass().getName().compareTo(b.getClass().getName());
        if (c != 0) {
            return c;
        }
        if (a.equals(b)) {
            return 0;
        }
        c = String.valueOf(a).compareTo(String.valueOf(b));
        return c != 0 ? c : Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
    }
}
