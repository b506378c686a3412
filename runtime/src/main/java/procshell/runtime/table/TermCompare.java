package procshell.runtime.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.term.ListCells;

/**
 * Erlang's term comparisons over the runtime's Java terms, as match specifications need them:
 * exact equality ({@code =:=}, which tells {@code 1} from {@code 1.0}), arithmetic equality
 * ({@code ==}) and the standard term order
 * ({@code number < atom < reference < fun < pid < tuple < map < list < bitstring}).
 *
 * <p>Integers compare by value whatever their Java type ({@code Integer}, {@code Long},
 * {@code BigInteger}); {@code nil}, {@code true} and {@code false} ({@code null} and
 * {@link Boolean}) are atoms.
 */
public final class TermCompare {
    private static final int NUMBER = 0, ATOM = 1, REFERENCE = 2, FUN = 3, PID = 5, TUPLE = 6, MAP = 7, LIST = 9,
            BITSTRING = 10;

    private TermCompare() {}

    /** {@code a =:= b}: same type and value, deeply; {@code 1 =:= 1.0} is false. */
    public static boolean exactEquals(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Number x && b instanceof Number y) {
            boolean ix = isInteger(x), iy = isInteger(y);
            if (ix != iy) return false;
            return ix ? compareIntegers(x, y) == 0 : x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Tuple x && b instanceof Tuple y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!exactEquals(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            Iterator<?> i = x.iterator(), j = y.iterator();
            while (i.hasNext()) if (!exactEquals(i.next(), j.next())) return false;
            return true;
        }
        if (a instanceof ImproperList x && b instanceof ImproperList y) {
            return exactEquals(x.elements(), y.elements()) && exactEquals(x.tail(), y.tail());
        }
        if (a instanceof Map<?, ?> && b instanceof Map<?, ?>) return compare(a, b, true) == 0;
        if (a instanceof CharSequence && b instanceof CharSequence) return a.toString().equals(b.toString());
        return a.equals(b);
    }

    /** {@code a == b}: as {@link #exactEquals} but numbers compare by value ({@code 1 == 1.0}). */
    public static boolean equal(Object a, Object b) {
        return compare(a, b) == 0;
    }

    /** The term order: negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(Object a, Object b) {
        return compare(a, b, false);
    }

    /** True for the Java types that carry an Erlang integer. */
    public static boolean isInteger(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof BigInteger || o instanceof Short
                || o instanceof Byte;
    }

    /** True for the Java types that carry an Erlang float. */
    public static boolean isFloat(Object o) {
        return o instanceof Double || o instanceof Float;
    }

    private static int compare(Object a, Object b, boolean exact) {
        if (a == b) return 0;
        int ra = rank(a), rb = rank(b);
        if (ra != rb) return Integer.compare(ra, rb);
        return switch (ra) {
            case NUMBER -> compareNumbers((Number) a, (Number) b, exact);
            case ATOM -> atomName(a).compareTo(atomName(b));
            case REFERENCE -> Long.compare(((Ref) a).id(), ((Ref) b).id());
            case PID -> ((Pid) a).compareTo((Pid) b);
            case TUPLE -> compareTuples((Tuple) a, (Tuple) b, exact);
            case MAP -> compareMaps((Map<?, ?>) a, (Map<?, ?>) b, exact);
            case LIST -> a instanceof List<?> x && b instanceof List<?> y ? compareLists(x, y, exact)
                    : ListCells.compare(a, b, exact ? TermCompare::exactOrder : TermCompare::compare);
            case BITSTRING -> compareBinaries(a, b);
            default -> a.equals(b) ? 0 : Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
        };
    }

    private static int rank(Object o) {
        if (o == null || o instanceof Atom || o instanceof Boolean) return ATOM;
        if (o instanceof Number) return NUMBER;
        if (o instanceof Ref) return REFERENCE;
        if (o instanceof Pid) return PID;
        if (o instanceof Tuple) return TUPLE;
        if (o instanceof Map<?, ?>) return MAP;
        if (o instanceof List<?> || o instanceof ImproperList) return LIST;
        if (o instanceof CharSequence || o instanceof byte[] || o instanceof procshell.runtime.node.Bitstring) return BITSTRING;
        return FUN;
    }

    private static int exactOrder(Object a, Object b) {
        return compare(a, b, true);
    }

    private static String atomName(Object o) {
        if (o == null) return "nil";
        if (o instanceof Boolean b) return b.toString();
        return ((Atom) o).name();
    }

    private static int compareNumbers(Number a, Number b, boolean exact) {
        boolean ia = isInteger(a), ib = isInteger(b);
        if (ia && ib) return compareIntegers(a, b);
        if (!ia && !ib) return Double.compare(a.doubleValue(), b.doubleValue());
        int c = toDecimal(a).compareTo(toDecimal(b));
        // Under exact comparison an integer and an equal float still differ: integers sort first.
        return c != 0 || !exact ? c : (ia ? -1 : 1);
    }

    private static int compareIntegers(Number a, Number b) {
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) return Long.compare(a.longValue(), b.longValue());
        return toBig(a).compareTo(toBig(b));
    }

    private static BigInteger toBig(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    private static BigDecimal toDecimal(Number n) {
        if (isInteger(n)) return new BigDecimal(toBig(n));
        return new BigDecimal(n.doubleValue());
    }

    private static int compareTuples(Tuple a, Tuple b, boolean exact) {
        if (a.size() != b.size()) return Integer.compare(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            int c = compare(a.get(i), b.get(i), exact);
            if (c != 0) return c;
        }
        return 0;
    }

    /** Maps: by size, then by keys in term order, then by values in key order. */
    private static int compareMaps(Map<?, ?> a, Map<?, ?> b, boolean exact) {
        if (a.size() != b.size()) return Integer.compare(a.size(), b.size());
        List<Map.Entry<?, ?>> ea = sorted(a), eb = sorted(b);
        for (int i = 0; i < ea.size(); i++) {
            int c = compare(ea.get(i).getKey(), eb.get(i).getKey(), true);
            if (c != 0) return c;
        }
        for (int i = 0; i < ea.size(); i++) {
            int c = compare(ea.get(i).getValue(), eb.get(i).getValue(), exact);
            if (c != 0) return c;
        }
        return 0;
    }

    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> m) {
        List<Map.Entry<?, ?>> out = new ArrayList<>(m.entrySet());
        out.sort((x, y) -> compare(x.getKey(), y.getKey(), true));
        return out;
    }

    private static int compareLists(List<?> a, List<?> b, boolean exact) {
        Iterator<?> i = a.iterator(), j = b.iterator();
        while (i.hasNext() && j.hasNext()) {
            int c = compare(i.next(), j.next(), exact);
            if (c != 0) return c;
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    /** Binaries byte by byte (UTF-8 order is code point order), bitstrings bit by bit. */
    private static int compareBinaries(Object a, Object b) {
        if (a instanceof byte[] || b instanceof byte[]) return java.util.Arrays.compareUnsigned(bytes(a), bytes(b));
        return procshell.runtime.node.Bitstring.compare(a, b);
    }

    private static byte[] bytes(Object o) {
        return o instanceof byte[] b ? b : procshell.runtime.node.Bitstring.bytes(o);
    }
}
