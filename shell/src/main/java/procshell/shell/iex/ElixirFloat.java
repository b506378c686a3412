package procshell.shell.iex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import procshell.runtime.inspect.Inspect;
import procshell.shell.eval.Arithmetic;

/**
 * Elixir's {@code Float} module at the prompt ({@code Float.round(3.14159, 2)}); the shell's
 * translation sends {@code Float.fun(...)} here when {@code fun} is not a static method of
 * {@code java.lang.Float}. Floats are doubles; rounding works on a float's exact binary value, as
 * Elixir's does ({@code Float.round(2.675, 2)} is {@code 2.67}: 2.675 is really 2.67499999...).
 */
@Doc("""
    Functions for working with floating-point numbers (IEEE doubles).
    """)
@ElixirName("Float")
public final class ElixirFloat {
    private static final Pattern FLOAT_PREFIX = Pattern.compile("^[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private ElixirFloat() {}

    /**
     * The float rounded to an integral value, halves away from zero, as {@code Float.round/1}.
     *
     * @throws FunctionClauseError when the argument is not a float
     */
    @Doc("""
        Rounds a float to the given number of decimal digits (0 to 15); halves are rounded
        away from zero, on the float's exact binary value.

        ## Examples

            ps> Float.round(5.5674, 2)
            5.57
            ps> Float.round(5.5)
            6.0
        """)
    public static double round(Object number) {
        return round(number, 0);
    }

    /**
     * The float rounded to {@code precision} decimal digits, as {@code Float.round/2}.
     *
     * @param precision 0 to 15
     * @throws FunctionClauseError when the first argument is not a float
     * @throws ArgumentError when the precision is out of 0..15
     */
    public static double round(Object number, Object precision) {
        return scaled("round", number, precision, RoundingMode.HALF_UP);
    }

    /**
     * The least integral float (or decimal with {@code precision} digits) not below the float,
     * as {@code Float.ceil/1,2}.
     *
     * @throws FunctionClauseError when the first argument is not a float
     * @throws ArgumentError when the precision is out of 0..15
     */
    @Doc("""
        Rounds a float up (towards positive infinity) to the given number of decimal digits.

        ## Examples

            ps> Float.ceil(34.25)
            35.0
            ps> Float.ceil(-56.5)
            -56.0
        """)
    public static double ceil(Object number) {
        return ceil(number, 0);
    }

    /** {@code Float.ceil/2}; see {@link #ceil(Object)}. */
    public static double ceil(Object number, Object precision) {
        return scaled("ceil", number, precision, RoundingMode.CEILING);
    }

    /**
     * The greatest integral float (or decimal with {@code precision} digits) not above the
     * float, as {@code Float.floor/1,2}.
     *
     * @throws FunctionClauseError when the first argument is not a float
     * @throws ArgumentError when the precision is out of 0..15
     */
    @Doc("""
        Rounds a float down (towards negative infinity) to the given number of decimal digits.

        ## Examples

            ps> Float.floor(34.25)
            34.0
            ps> Float.floor(-56.5)
            -57.0
        """)
    public static double floor(Object number) {
        return floor(number, 0);
    }

    /** {@code Float.floor/2}; see {@link #floor(Object)}. */
    public static double floor(Object number, Object precision) {
        return scaled("floor", number, precision, RoundingMode.FLOOR);
    }

    private static double scaled(String fun, Object number, Object precision, RoundingMode mode) {
        if (!Arithmetic.isFloat(number) || !Arithmetic.isInteger(precision)) {
            throw new FunctionClauseError("Float." + fun, 2);
        }
        long digits = ((Number) precision).longValue();
        if (digits < 0 || digits > 15) {
            throw new ArgumentError("precision " + precision + " is out of valid range of 0..15");
        }
        double value = ((Number) number).doubleValue();
        // Integral results keep the sign of zero as :math.ceil/floor do (Float.ceil(-0.5) is -0.0).
        if (digits == 0 && mode == RoundingMode.CEILING) return Math.ceil(value);
        if (digits == 0 && mode == RoundingMode.FLOOR) return Math.floor(value);
        BigDecimal exact = number instanceof BigDecimal d ? d : new BigDecimal(value);
        return exact.setScale((int) digits, mode).doubleValue();
    }

    /**
     * The shortest text that reads back as the same float, as {@code Float.to_string/1}.
     *
     * @throws FunctionClauseError when the argument is not a float
     */
    @Doc("""
        Returns the shortest text that reads back as the same float.

        ## Examples

            ps> Float.to_string(7.0)
            "7.0"
            ps> Float.to_string(1.0e10)
            "1.0e10"
        """)
    public static String to_string(Object number) {
        if (!Arithmetic.isFloat(number)) throw new FunctionClauseError("Float.to_string", 1);
        return Inspect.floatToString(((Number) number).doubleValue());
    }

    /**
     * The float at the start of a string and the rest, as {@code Float.parse/1}:
     * {@code {1.5, "abc"}} for {@code "1.5abc"}, {@code :error} when it does not start with one.
     */
    @Doc("""
        Parses a float at the start of a string; returns {float, rest} or :error.

        ## Examples

            ps> Float.parse("1.5abc")
            {1.5, "abc"}
            ps> Float.parse("x")
            :error
        """)
    public static Object parse(Object text) {
        ElixirString.str(text, "Float", "parse_unsigned", 1);
        Object r = ElixirInteger.parsePrefix(FLOAT_PREFIX, text, Double::parseDouble);
        // a text beyond the largest float is no float, as :erlang.binary_to_float says
        return r instanceof procshell.runtime.node.Tuple t && Double.isInfinite((Double) t.get(0)) ? Kernel._atom_("error") : r;
    }

    /** The text as a charlist, as {@code Float.to_charlist/1}. */
    @Doc("Returns a charlist of the float's shortest text.")
    public static java.util.List<Object> to_charlist(Object number) {
        if (!Arithmetic.isFloat(number)) throw new FunctionClauseError("Float.to_charlist", 1);
        return ElixirString.to_charlist(to_string(number));
    }

    /** {@code {numerator, denominator}} of the float's exact value, as {@code Float.ratio/1}. */
    @Doc("Returns the float as an exact fraction {numerator, denominator}.")
    public static procshell.runtime.node.Tuple ratio(Object number) {
        if (!Arithmetic.isFloat(number)) throw new FunctionClauseError("Float.ratio", 1);
        BigDecimal exact = new BigDecimal(((Number) number).doubleValue());
        java.math.BigInteger num = exact.unscaledValue();
        java.math.BigInteger den = java.math.BigInteger.ONE;
        if (exact.scale() > 0) den = java.math.BigInteger.TEN.pow(exact.scale());
        else num = num.multiply(java.math.BigInteger.TEN.pow(-exact.scale()));
        java.math.BigInteger g = num.gcd(den);
        if (g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) den = java.math.BigInteger.ONE;
        return procshell.runtime.node.Tuple.of(Arithmetic.integer(num), Arithmetic.integer(den));
    }

    /** The smallest finite float, as {@code Float.min_finite/0}. */
    @Doc("Returns the smallest finite float.")
    public static double min_finite() {
        return -Double.MAX_VALUE;
    }

    /** The largest finite float, as {@code Float.max_finite/0}. */
    @Doc("Returns the largest finite float.")
    public static double max_finite() {
        return Double.MAX_VALUE;
    }

    /** {@code base ** exponent}, as {@code Float.pow/2}; ArithmeticError on overflow. */
    @Doc("Computes the float base raised to the exponent.")
    public static double pow(Object base, Object exponent) {
        if (!Arithmetic.isFloat(base) || !(exponent instanceof Number)) throw new FunctionClauseError("Float.pow", 2);
        double r = Math.pow(((Number) base).doubleValue(), ((Number) exponent).doubleValue());
        if (Double.isNaN(r) || Double.isInfinite(r)) throw new ArithmeticError();
        return r;
    }
}
