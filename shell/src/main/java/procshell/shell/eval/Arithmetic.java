package procshell.shell.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import procshell.shell.iex.ArgumentError;
import procshell.shell.iex.ArithmeticError;

/**
 * Elixir's arithmetic over the shell's numbers: integers (Integer, Long, BigInteger, Short, Byte)
 * are exact and unbounded, floats are doubles (a BigDecimal counts as a float), and an operand
 * that is not a number raises as the BEAM does. The operators reach it through
 * {@link ArithmeticExtensions}; {@code div/2}, {@code rem/2}, {@code round/1}, {@code trunc/1} and
 * {@code abs/1} through {@code Kernel}.
 */
public final class Arithmetic {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Arithmetic() {}

    /** True for the Java types that carry an Elixir integer. */
    public static boolean isInteger(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof BigInteger || o instanceof Short || o instanceof Byte;
    }

    /** True for the Java types that carry an Elixir float (Groovy's decimal literals are BigDecimals). */
    public static boolean isFloat(Object o) {
        return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
    }

    /**
     * An integer in the smallest of Integer, Long and BigInteger that holds it, so that results
     * that fit keep working where Java wants an int (list indexes, sleeps).
     */
    public static Number integer(BigInteger value) {
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) return value.intValue();
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) return value.longValue();
        return value;
    }

    /** An integer held in an int or long, promoted to the smallest type that holds it. */
    public static Number integer(long value) {
        // not a ?: of Integer and Long, which Java promotes to a Long whatever the branch
        if (value == (int) value) return Integer.valueOf((int) value);
        return Long.valueOf(value);
    }

    /** True for the integer 0 (a term for which {@link #isInteger} holds). */
    private static boolean isZero(Object n) {
        return n instanceof BigInteger b ? b.signum() == 0 : ((Number) n).longValue() == 0;
    }

    /** The value of an integer (a term for which {@link #isInteger} holds) as a BigInteger. */
    public static BigInteger big(Object n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(((Number) n).longValue());
    }

    private static boolean isNumber(Object o) {
        return isInteger(o) || isFloat(o);
    }

    /** Elixir's {@code a + b}: exact on integers (Groovy's int and long wrap around silently). */
    public static Number add(Object a, Object b) {
        if (isInteger(a) && isInteger(b)) {
            if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) return integer(r);
            }
            return integer(big(a).add(big(b)));
        }
        double[] xy = number("+", a, b);
        return floatResult("+", a, b, xy[0] + xy[1]);
    }

    /** Elixir's {@code a - b}: exact on integers. */
    public static Number subtract(Object a, Object b) {
        if (isInteger(a) && isInteger(b)) {
            if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = x - y;
                if (((x ^ y) & (x ^ r)) >= 0) return integer(r);
            }
            return integer(big(a).subtract(big(b)));
        }
        double[] xy = number("-", a, b);
        return floatResult("-", a, b, xy[0] - xy[1]);
    }

    /** Elixir's {@code a * b}: exact on integers. */
    public static Number multiply(Object a, Object b) {
        if (isInteger(a) && isInteger(b)) {
            if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return integer(lo);
            }
            return integer(big(a).multiply(big(b)));
        }
        double[] xy = number("*", a, b);
        return floatResult("*", a, b, xy[0] * xy[1]);
    }

    /**
     * Elixir's {@code a / b}: always a float ({@code 4 / 2} is {@code 2.0}), where Groovy gives a
     * BigDecimal ({@code 2}, {@code 0.3333333333}).
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not a number
     */
    public static Double divide(Object a, Object b) {
        double[] xy = number("/", a, b);
        if (xy[1] == 0.0) throw ArithmeticError.operator("/", a, b);
        return floatResult("/", a, b, xy[0] / xy[1]);
    }

    /**
     * Elixir's {@code base ** exponent} when either is a float: {@code :math.pow/2}, always a
     * float (Groovy's {@code **} turns an integral result into an integer).
     *
     * @throws ArithmeticError when the result is not a float ({@code 2.0 ** 2000}, {@code (-8) ** 0.5})
     */
    public static Double power(Number base, Number exponent) {
        double r = Math.pow(base.doubleValue(), exponent.doubleValue());
        if (Double.isInfinite(r) || Double.isNaN(r)) {
            throw ArithmeticError.at("(stdlib 4.2) :math.pow(" + procshell.shell.iex.Kernel.inspect(base) + ", "
                    + procshell.shell.iex.Kernel.inspect(exponent) + ")", "(elixir 1.14.0) lib/kernel.ex:4219: Kernel.**/2");
        }
        return r;
    }

    /** Elixir's unary {@code -a}. */
    public static Number negate(Object a) {
        if (isInteger(a)) return subtract(0, a);
        if (isFloat(a)) return -((Number) a).doubleValue();
        throw ArithmeticError.function("-", a);
    }

    /**
     * {@code div/2}: integer division truncated towards zero ({@code div(-7, 2)} is {@code -3}).
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not an integer
     */
    public static Number div(Object a, Object b) {
        if (!isInteger(a) || !isInteger(b) || isZero(b)) throw ArithmeticError.function("div", a, b);
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            // truncated as BigInteger's; only MIN / -1 leaves a long
            if (x != Long.MIN_VALUE || y != -1) return integer(x / y);
        }
        return integer(big(a).divide(big(b)));
    }

    /**
     * {@code rem/2}: the remainder of {@link #div}, with the dividend's sign ({@code rem(-7, 2)}
     * is {@code -1}).
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not an integer
     */
    public static Number rem(Object a, Object b) {
        if (!isInteger(a) || !isInteger(b) || isZero(b)) throw ArithmeticError.function("rem", a, b);
        // Java's % has the dividend's sign, as BigInteger.remainder
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) return integer(((Number) a).longValue() % ((Number) b).longValue());
        return integer(big(a).remainder(big(b)));
    }

    /**
     * {@code round/1}: the nearest integer, halves away from zero ({@code round(-2.5)} is
     * {@code -3}); an integer is returned as it is.
     *
     * @throws ArgumentError when the term is not a number
     */
    public static Number round(Object n) {
        return toInteger("round", n, RoundingMode.HALF_UP);
    }

    /**
     * {@code trunc/1}: the integer part ({@code trunc(-2.7)} is {@code -2}).
     *
     * @throws ArgumentError when the term is not a number
     */
    public static Number trunc(Object n) {
        return toInteger("trunc", n, RoundingMode.DOWN);
    }

    /**
     * {@code abs/1}: the absolute value, of the same type.
     *
     * @throws ArgumentError when the term is not a number
     */
    public static Number abs(Object n) {
        if (isInteger(n)) return integer(big(n).abs());
        if (isFloat(n)) {
            double d = ((Number) n).doubleValue();
            return d < 0 ? -d : d; // abs(-0.0) is -0.0 on the BEAM
        }
        throw notANumber("abs", n);
    }

    private static Number toInteger(String fun, Object n, RoundingMode mode) {
        if (isInteger(n)) return n instanceof BigInteger b ? integer(b) : integer(((Number) n).longValue());
        if (!isFloat(n)) throw notANumber(fun, n);
        return integer(exact(n).setScale(0, mode).toBigInteger());
    }

    /** The exact value of a float (a double's binary value, not its shortest decimal text). */
    static BigDecimal exact(Object f) {
        return f instanceof BigDecimal d ? d : new BigDecimal(((Number) f).doubleValue());
    }

    /** Both operands as doubles, or the BEAM's error for an operand that is not a number. */
    private static double[] number(String op, Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) throw ArithmeticError.operator(op, a, b);
        return new double[] {((Number) a).doubleValue(), ((Number) b).doubleValue()};
    }

    /** The BEAM has no infinities: a float result out of range raises. */
    private static Double floatResult(String op, Object a, Object b, double r) {
        if (Double.isInfinite(r) || Double.isNaN(r)) throw ArithmeticError.operator(op, a, b);
        return r;
    }

    private static ArgumentError notANumber(String fun, Object n) {
        return ArgumentError.badArgument("1st argument: not a number", ":erlang." + fun + "(" + procshell.shell.iex.Kernel.inspect(n) + ")");
    }
}
