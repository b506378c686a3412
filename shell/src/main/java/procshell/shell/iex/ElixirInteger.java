package procshell.shell.iex;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procshell.runtime.node.Tuple;
import procshell.shell.eval.Arithmetic;

/**
 * Elixir's {@code Integer} module at the prompt ({@code Integer.to_string(42)}); the shell's
 * translation sends {@code Integer.fun(...)} here when {@code fun} is not a static method of
 * {@code java.lang.Integer}. Integers are exact and unbounded.
 */
@Doc("""
    Functions for working with integers (exact and unbounded, as on the BEAM).
    """)
@ElixirName("Integer")
public final class ElixirInteger {
    private static final Pattern INTEGER_PREFIX = Pattern.compile("^[+-]?\\d+");

    private ElixirInteger() {}

    /**
     * The integer's text in base 10, as {@code Integer.to_string/1}.
     *
     * @throws ArgumentError when the argument is not an integer
     */
    @Doc("""
        Returns the text of an integer, in base 10 or the given base (2 to 36, letters in
        upper case).

        ## Examples

            ps> Integer.to_string(123)
            "123"
            ps> Integer.to_string(255, 16)
            "FF"
        """)
    public static String to_string(Object integer) {
        if (!Arithmetic.isInteger(integer)) throw notAnInteger("1st argument: not an integer", integer);
        return Arithmetic.big(integer).toString();
    }

    /**
     * The integer's text in a base, as {@code Integer.to_string/2}.
     *
     * @param base 2 to 36
     * @throws ArgumentError when the integer is not one or the base is out of range
     */
    public static String to_string(Object integer, Object base) {
        if (!Arithmetic.isInteger(integer)) throw notAnInteger("1st argument: not an integer", integer, base);
        if (!Arithmetic.isInteger(base) || Arithmetic.big(base).compareTo(BigInteger.TWO) < 0 || Arithmetic.big(base).compareTo(BigInteger.valueOf(36)) > 0) {
            throw notAnInteger("2nd argument: not an integer in the range 2 through 36", integer, base);
        }
        return Arithmetic.big(integer).toString(Arithmetic.big(base).intValue()).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The integer at the start of a string and the rest, as {@code Integer.parse/1}:
     * {@code {12, "abc"}} for {@code "12abc"}, {@code :error} when it does not start with one.
     */
    @Doc("""
        Parses an integer at the start of a string; returns {integer, rest} or :error.

        ## Examples

            ps> Integer.parse("12abc")
            {12, "abc"}
            ps> Integer.parse("abc")
            :error
        """)
    public static Object parse(Object text) {
        return parsePrefix(INTEGER_PREFIX, text, digits -> Arithmetic.integer(new BigInteger(digits)));
    }

    /** {@code {value, rest}} for the text's prefix that the pattern matches, else {@code :error}. */
    static Object parsePrefix(Pattern prefix, Object text, java.util.function.Function<String, Object> value) {
        String s = String.valueOf(text);
        Matcher m = prefix.matcher(s);
        if (!m.find()) return Kernel._atom_("error");
        return Tuple.of(value.apply(m.group()), s.substring(m.end()));
    }

    /**
     * The modulo, with the divisor's sign, as {@code Integer.mod/2} ({@code rem/2} has the
     * dividend's).
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not an integer
     */
    @Doc("""
        Computes the modulo of an integer division; the result has the sign of the divisor.

        ## Examples

            ps> Integer.mod(-5, 2)
            1
            ps> Integer.mod(5, -2)
            -1
        """)
    public static Number mod(Object dividend, Object divisor) {
        BigInteger r = Arithmetic.big(Arithmetic.rem(dividend, divisor));
        BigInteger d = Arithmetic.big(divisor);
        return Arithmetic.integer(r.signum() != 0 && r.signum() != d.signum() ? r.add(d) : r);
    }

    /**
     * Integer division rounded towards negative infinity, as {@code Integer.floor_div/2}
     * ({@code div/2} truncates towards zero).
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not an integer
     */
    @Doc("""
        Performs a floored integer division (rounded towards negative infinity).

        ## Examples

            ps> Integer.floor_div(-5, 2)
            -3
            ps> Integer.floor_div(5, 2)
            2
        """)
    public static Number floor_div(Object dividend, Object divisor) {
        BigInteger q = Arithmetic.big(Arithmetic.div(dividend, divisor));
        boolean inexact = Arithmetic.big(Arithmetic.rem(dividend, divisor)).signum() != 0;
        boolean negative = Arithmetic.big(dividend).signum() * Arithmetic.big(divisor).signum() < 0;
        return Arithmetic.integer(inexact && negative ? q.subtract(BigInteger.ONE) : q);
    }

    private static ArgumentError notAnInteger(String problem, Object... args) {
        StringBuilder frame = new StringBuilder(":erlang.integer_to_binary(");
        for (int i = 0; i < args.length; i++) frame.append(i > 0 ? ", " : "").append(Kernel.inspect(args[i]));
        return ArgumentError.badArgument(problem, frame.append(')').toString());
    }
}
