package procshell.shell.iex;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import procshell.shell.eval.Arithmetic;

/**
 * Erlang's {@code :math} module at the prompt: every function takes integers or floats and returns
 * a float ({@code :math.pow(2, 10)} is {@code 1024.0}). A result outside the floats (no
 * infinities, no NaN on the BEAM) raises {@code ArithmeticError} with the call as its stack line,
 * an argument that is not a number {@code ArgumentError}, as OTP 25 does.
 */
@Doc("""
    The :math module: mathematical functions on floats.
    """)
@ElixirName(":math")
public final class ErlangMath {
    private ErlangMath() {}

    /** The number pi, as {@code :math.pi/0}. */
    @Doc("""
        Returns the ratio of a circle's circumference to its diameter.

        ## Examples

            ps> :math.pi()
            3.141592653589793
        """)
    public static double pi() {
        return Math.PI;
    }

    /**
     * The square root, as {@code :math.sqrt/1}.
     *
     * @throws ArithmeticError for a negative number
     */
    @Doc("""
        Returns the square root of a number.

        ## Examples

            ps> :math.sqrt(2)
            1.4142135623730951
        """)
    public static double sqrt(Object x) {
        return apply("sqrt", Math::sqrt, x);
    }

    /**
     * {@code x} raised to {@code y}, as {@code :math.pow/2}.
     *
     * @throws ArithmeticError when the result is not a float (too large, or undefined)
     */
    @Doc("""
        Returns x raised to the power y, as a float.

        ## Examples

            ps> :math.pow(2, 10)
            1024.0
        """)
    public static double pow(Object x, Object y) {
        return apply("pow", Math::pow, x, y);
    }

    /** e raised to {@code x}, as {@code :math.exp/1}. */
    @Doc("""
        Returns e raised to the power x.

        ## Examples

            ps> :math.exp(0)
            1.0
        """)
    public static double exp(Object x) {
        return apply("exp", Math::exp, x);
    }

    /**
     * The natural logarithm, as {@code :math.log/1}.
     *
     * @throws ArithmeticError for zero or a negative number
     */
    @Doc("""
        Returns the natural logarithm of a number.

        ## Examples

            ps> :math.log(1)
            0.0
        """)
    public static double log(Object x) {
        return apply("log", Math::log, x);
    }

    /** The base-2 logarithm, as {@code :math.log2/1}. */
    @Doc("""
        Returns the base-2 logarithm of a number.

        ## Examples

            ps> :math.log2(8)
            3.0
        """)
    public static double log2(Object x) {
        // exact for powers of two, as C's log2 is (Java has no log2; log(v)/log(2) can be off by an ulp)
        return apply("log2", v -> v > 0 && v == Math.scalb(1.0, Math.getExponent(v)) ? Math.getExponent(v)
                : Math.log(v) / Math.log(2), x);
    }

    /** The base-10 logarithm, as {@code :math.log10/1}. */
    @Doc("""
        Returns the base-10 logarithm of a number.

        ## Examples

            ps> :math.log10(1000)
            3.0
        """)
    public static double log10(Object x) {
        return apply("log10", Math::log10, x);
    }

    /** The sine of an angle in radians, as {@code :math.sin/1}. */
    @Doc("""
        Returns the sine of an angle in radians.
        """)
    public static double sin(Object x) {
        return apply("sin", Math::sin, x);
    }

    /** The cosine of an angle in radians, as {@code :math.cos/1}. */
    @Doc("""
        Returns the cosine of an angle in radians.
        """)
    public static double cos(Object x) {
        return apply("cos", Math::cos, x);
    }

    /** The tangent of an angle in radians, as {@code :math.tan/1}. */
    @Doc("""
        Returns the tangent of an angle in radians.
        """)
    public static double tan(Object x) {
        return apply("tan", Math::tan, x);
    }

    /** The greatest integral float not above {@code x}, as {@code :math.floor/1}. */
    @Doc("""
        Rounds a number down to an integral float.

        ## Examples

            ps> :math.floor(-1.5)
            -2.0
        """)
    public static double floor(Object x) {
        return apply("floor", Math::floor, x);
    }

    /** The least integral float not below {@code x}, as {@code :math.ceil/1}. */
    @Doc("""
        Rounds a number up to an integral float.

        ## Examples

            ps> :math.ceil(1.2)
            2.0
        """)
    public static double ceil(Object x) {
        return apply("ceil", Math::ceil, x);
    }

    /**
     * The float remainder of {@code x / y}, with {@code x}'s sign, as {@code :math.fmod/2}.
     *
     * @throws ArithmeticError for a zero divisor
     */
    @Doc("""
        Returns the float remainder of x / y, with the sign of x.

        ## Examples

            ps> :math.fmod(7, 2)
            1.0
        """)
    public static double fmod(Object x, Object y) {
        return apply("fmod", (a, b) -> a % b, x, y);
    }

    private static double apply(String fun, DoubleUnaryOperator f, Object x) {
        return checked(fun, f.applyAsDouble(number(fun, 0, x)), x);
    }

    private static double apply(String fun, DoubleBinaryOperator f, Object x, Object y) {
        return checked(fun, f.applyAsDouble(number(fun, 0, x, y), number(fun, 1, x, y)), x, y);
    }

    private static double number(String fun, int index, Object... args) {
        if (!Arithmetic.isInteger(args[index]) && !Arithmetic.isFloat(args[index])) {
            throw ArgumentError.badArgument((index == 0 ? "1st" : "2nd") + " argument: not a number", frame(fun, args));
        }
        return ((Number) args[index]).doubleValue();
    }

    private static double checked(String fun, double result, Object... args) {
        if (Double.isNaN(result) || Double.isInfinite(result)) throw ArithmeticError.at(frame(fun, args));
        return result;
    }

    private static String frame(String fun, Object... args) {
        StringBuilder s = new StringBuilder("(stdlib 4.2) :math.").append(fun).append('(');
        for (int i = 0; i < args.length; i++) s.append(i > 0 ? ", " : "").append(Kernel.inspect(args[i]));
        return s.append(')').toString();
    }
}
