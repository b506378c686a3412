package procshell.runtime.table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * The functions a match specification's guards and bodies may call, as ERTS's
 * {@code db_match_compile} allows them: type tests ({@code is_atom}, ...), {@code element},
 * {@code hd}, {@code tl}, {@code length}, {@code map_get}, {@code is_map_key}, sizes, arithmetic,
 * bit operations, comparisons ({@code =:=}, {@code ==}, {@code <}, ...), boolean operators and
 * {@code self()}. A failure (a bad argument, a missing key) throws {@link Failure}: in a guard it
 * makes the clause fail, in a body it gives {@code :EXIT}, as ETS does. {@code andalso} and
 * {@code orelse} short-circuit, so {@link MatchSpec} evaluates them itself.
 */
final class MatchFunctions {
    /** A call that failed (badarg, badarith, function_clause). */
    static final class Failure extends RuntimeException {
        Failure() {
            super(null, null, false, false);
        }
    }

    private static final Failure FAILURE = new Failure();

    private static final Set<String> ARITY_0 = Set.of("self", "node");
    private static final Set<String> ARITY_1 = Set.of("is_atom", "is_float", "is_integer", "is_list", "is_number",
            "is_pid", "is_port", "is_reference", "is_tuple", "is_map", "is_binary", "is_function", "is_boolean",
            "abs", "hd", "tl", "length", "map_size", "round", "size", "byte_size", "bit_size", "tuple_size", "trunc",
            "float", "node", "not", "bnot", "-", "+");
    private static final Set<String> ARITY_2 = Set.of("element", "map_get", "is_map_key", "and", "or", "xor",
            "andalso", "orelse", "+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", ">", ">=",
            "<", "=<", "=:=", "==", "=/=", "/=", "min", "max", "is_function");

    private MatchFunctions() {}

    /** True when {@code name/arity} may be called in a match specification. */
    static boolean exists(String name, int arity) {
        return switch (arity) {
            case 0 -> ARITY_0.contains(name);
            case 1 -> ARITY_1.contains(name);
            case 2 -> ARITY_2.contains(name);
            default -> false;
        };
    }

    /** Calls {@code name} with evaluated arguments. */
    static Object apply(String name, Object[] a) {
        if (a.length == 0) return nullary(name);
        if (a.length == 1) return unary(name, a[0]);
        return binary(name, a[0], a[1]);
    }

    private static Object nullary(String name) {
        ProcessContext c = ProcessContext.current();
        if (c == null) throw FAILURE;
        return "self".equals(name) ? c.self() : c.node().name();
    }

    private static Object unary(String name, Object x) {
        return switch (name) {
            case "is_atom" -> x == null || x instanceof Atom || x instanceof Boolean;
            case "is_boolean" -> x instanceof Boolean;
            case "is_float" -> TermCompare.isFloat(x);
            case "is_integer" -> TermCompare.isInteger(x);
            case "is_number" -> x instanceof Number;
            case "is_list" -> x instanceof List<?>;
            case "is_pid" -> x instanceof Pid;
            case "is_port" -> false;
            case "is_reference" -> x instanceof Ref;
            case "is_tuple" -> x instanceof Tuple;
            case "is_map" -> x instanceof Map<?, ?>;
            case "is_binary" -> x instanceof CharSequence || x instanceof byte[] || procshell.runtime.node.Bitstring.isBinary(x);
            case "is_function" -> x instanceof java.util.function.Function<?, ?> || x instanceof Runnable;
            case "abs" -> TermCompare.isInteger(x) ? TermCopy.of(big(x).abs()) : Math.abs(dbl(x));
            case "hd" -> list(x).isEmpty() ? fail() : list(x).get(0);
            case "tl" -> list(x).isEmpty() ? fail() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list(x).subList(1, list(x).size())));
            case "length" -> list(x).size();
            case "map_size" -> map(x).size();
            case "tuple_size" -> tuple(x).size();
            case "byte_size" -> bytes(x);
            case "bit_size" -> bytes(x) * 8;
            case "size" -> x instanceof Tuple t ? t.size() : bytes(x);
            case "round" -> TermCompare.isInteger(x) ? x
                    : TermCopy.of(new BigDecimal(dbl(x)).setScale(0, RoundingMode.HALF_UP).toBigInteger());
            case "trunc" -> TermCompare.isInteger(x) ? x : TermCopy.of(new BigDecimal(dbl(x)).toBigInteger());
            case "float" -> dbl(x);
            case "node" -> x instanceof Pid p ? p.node().name() : x instanceof Ref r ? r.node().name() : fail();
            case "not" -> !bool(x);
            case "bnot" -> TermCopy.of(big(x).not());
            case "-" -> TermCompare.isInteger(x) ? TermCopy.of(big(x).negate()) : -dbl(x);
            case "+" -> x instanceof Number ? x : fail();
            default -> fail();
        };
    }

    private static Object binary(String name, Object x, Object y) {
        return switch (name) {
            case "element" -> {
                Tuple t = tuple(y);
                int i = index(x);
                yield i >= 1 && i <= t.size() ? t.get(i - 1) : fail();
            }
            case "map_get" -> map(y).containsKey(TermCopy.of(x)) ? map(y).get(TermCopy.of(x)) : fail();
            case "is_map_key" -> map(y).containsKey(TermCopy.of(x));
            case "is_function" -> unary("is_function", x);
            case "and" -> bool(x) & bool(y);
            case "or" -> bool(x) | bool(y);
            case "xor" -> bool(x) ^ bool(y);
            case "+", "-", "*", "/" -> arith(name, x, y);
            case "div" -> TermCopy.of(big(x).divide(nonZero(y)));
            case "rem" -> TermCopy.of(big(x).remainder(nonZero(y)));
            case "band" -> TermCopy.of(big(x).and(big(y)));
            case "bor" -> TermCopy.of(big(x).or(big(y)));
            case "bxor" -> TermCopy.of(big(x).xor(big(y)));
            case "bsl" -> TermCopy.of(big(x).shiftLeft(index(y)));
            case "bsr" -> TermCopy.of(big(x).shiftRight(index(y)));
            case ">" -> TermCompare.compare(x, y) > 0;
            case ">=" -> TermCompare.compare(x, y) >= 0;
            case "<" -> TermCompare.compare(x, y) < 0;
            case "=<" -> TermCompare.compare(x, y) <= 0;
            case "==" -> TermCompare.compare(x, y) == 0;
            case "/=" -> TermCompare.compare(x, y) != 0;
            case "=:=" -> TermCompare.exactEquals(x, y);
            case "=/=" -> !TermCompare.exactEquals(x, y);
            case "min" -> TermCompare.compare(x, y) <= 0 ? x : y;
            case "max" -> TermCompare.compare(x, y) >= 0 ? x : y;
            default -> fail();
        };
    }

    private static Object arith(String op, Object x, Object y) {
        if (!(x instanceof Number) || !(y instanceof Number)) throw FAILURE;
        if ("/".equals(op)) {
            double d = dbl(y);
            if (d == 0) throw FAILURE;
            return dbl(x) / d;
        }
        if (TermCompare.isInteger(x) && TermCompare.isInteger(y)) {
            BigInteger a = big(x), b = big(y);
            return TermCopy.of(switch (op) {
                case "+" -> a.add(b);
                case "-" -> a.subtract(b);
                default -> a.multiply(b);
            });
        }
        double a = dbl(x), b = dbl(y);
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            default -> a * b;
        };
    }

    /** True for {@code true}; false for {@code false}; a failure for anything else. */
    static boolean bool(Object x) {
        if (x instanceof Boolean b) return b;
        throw FAILURE;
    }

    private static Object fail() {
        throw FAILURE;
    }

    private static BigInteger big(Object x) {
        if (!TermCompare.isInteger(x)) throw FAILURE;
        return x instanceof BigInteger b ? b : BigInteger.valueOf(((Number) x).longValue());
    }

    private static BigInteger nonZero(Object x) {
        BigInteger b = big(x);
        if (b.signum() == 0) throw FAILURE;
        return b;
    }

    private static double dbl(Object x) {
        if (!(x instanceof Number n)) throw FAILURE;
        return n.doubleValue();
    }

    private static int index(Object x) {
        if (!TermCompare.isInteger(x)) throw FAILURE;
        BigInteger b = big(x);
        if (b.bitLength() > 31) throw FAILURE;
        return b.intValue();
    }

    private static List<?> list(Object x) {
        if (x instanceof List<?> l) return l;
        throw FAILURE;
    }

    private static Map<?, ?> map(Object x) {
        if (x instanceof Map<?, ?> m) return m;
        throw FAILURE;
    }

    private static Tuple tuple(Object x) {
        if (x instanceof Tuple t) return t;
        throw FAILURE;
    }

    private static int bytes(Object x) {
        if (x instanceof CharSequence cs) return cs.toString().getBytes(StandardCharsets.UTF_8).length;
        if (x instanceof byte[] b) return b.length;
        if (x instanceof procshell.runtime.node.Bitstring b) return b.byteLength();
        throw FAILURE;
    }
}
