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
        ElixirString.str(text, "Integer", "parse", 2);
        return parsePrefix(INTEGER_PREFIX, text, digits -> Arithmetic.integer(new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits)));
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

    private static BigInteger integer(Object n, String function, int arity) {
        if (!Arithmetic.isInteger(n)) throw new FunctionClauseError("Integer." + function, arity);
        return Arithmetic.big(n);
    }

    /** The digits in a base (default 10), as {@code Integer.digits/2}; a negative number's digits are negative. */
    @Doc("Returns the ordered digits of the integer in the base (default 10).")
    public static java.util.List<Object> digits(Object integer) {
        return digits(integer, 10);
    }

    /** As {@code Integer.digits/2}. */
    public static java.util.List<Object> digits(Object integer, Object base) {
        BigInteger n = integer(integer, "digits", 2);
        BigInteger b = integer(base, "digits", 2);
        if (b.compareTo(BigInteger.TWO) < 0) throw new FunctionClauseError("Integer.digits", 2);
        java.util.LinkedList<Object> out = new java.util.LinkedList<>();
        if (n.signum() == 0) out.add(0);
        while (n.signum() != 0) {
            BigInteger[] qr = n.divideAndRemainder(b);
            out.addFirst(Arithmetic.integer(qr[1]));
            n = qr[0];
        }
        return new java.util.ArrayList<>(out);
    }

    /** The integer of digits in a base (default 10), as {@code Integer.undigits/2}. */
    @Doc("Returns the integer represented by the ordered digits in the base (default 10).")
    public static Number undigits(Object digits) {
        return undigits(digits, 10);
    }

    /** As {@code Integer.undigits/2}; ArgumentError for a digit out of the base. */
    public static Number undigits(Object digits, Object base) {
        BigInteger b = integer(base, "undigits", 2);
        if (!(digits instanceof java.util.List<?> l) || b.compareTo(BigInteger.TWO) < 0) throw new FunctionClauseError("Integer.undigits", 2);
        BigInteger n = BigInteger.ZERO;
        for (Object d : l) {
            BigInteger digit = integer(d, "undigits", 2);
            if (digit.compareTo(b) >= 0) throw new ArgumentError("invalid digit " + digit + " in base " + b);
            n = n.multiply(b).add(digit);
        }
        return Arithmetic.integer(n);
    }

    /** The greatest common divisor (non-negative), as {@code Integer.gcd/2}. */
    @Doc("Returns the greatest common divisor of the two integers.")
    public static Number gcd(Object a, Object b) {
        return Arithmetic.integer(integer(a, "gcd", 2).gcd(integer(b, "gcd", 2)));
    }

    /** {@code {gcd, m, n}} with {@code gcd = a*m + b*n}, as {@code Integer.extended_gcd/2}. */
    @Doc("Returns the extended greatest common divisor: {gcd, m, n} with gcd = a*m + b*n.")
    public static Tuple extended_gcd(Object a, Object b) {
        BigInteger x = integer(a, "extended_gcd", 2);
        BigInteger y = integer(b, "extended_gcd", 2);
        BigInteger oldR = x, r = y, oldS = BigInteger.ONE, s = BigInteger.ZERO, oldT = BigInteger.ZERO, t = BigInteger.ONE;
        while (r.signum() != 0) {
            BigInteger q = oldR.divide(r);
            BigInteger tmp = r;
            r = oldR.subtract(q.multiply(r));
            oldR = tmp;
            tmp = s;
            s = oldS.subtract(q.multiply(s));
            oldS = tmp;
            tmp = t;
            t = oldT.subtract(q.multiply(t));
            oldT = tmp;
        }
        if (oldR.signum() < 0) {
            oldR = oldR.negate();
            oldS = oldS.negate();
            oldT = oldT.negate();
        }
        return Tuple.of(Arithmetic.integer(oldR), Arithmetic.integer(oldS), Arithmetic.integer(oldT));
    }

    /** {@code base ** exponent} for a non-negative exponent, as {@code Integer.pow/2}. */
    @Doc("Computes base raised to the (non-negative) exponent.")
    public static Number pow(Object base, Object exponent) {
        BigInteger b = integer(base, "pow", 2);
        BigInteger e = integer(exponent, "pow", 2);
        if (e.signum() < 0) throw new ArithmeticError();
        return Arithmetic.integer(b.pow(e.intValueExact()));
    }

    /** The text as a charlist, as {@code Integer.to_charlist/1}. */
    @Doc("Returns a charlist of the integer's text (in the base, if given).")
    public static java.util.List<Object> to_charlist(Object integer) {
        return ElixirString.to_charlist(to_string(integer));
    }

    /** As {@code Integer.to_charlist/2} in a base. */
    public static java.util.List<Object> to_charlist(Object integer, Object base) {
        return ElixirString.to_charlist(to_string(integer, base));
    }

    /** As {@code Integer.parse/2} in a base from 2 to 36; ArgumentError for another base. */
    public static Object parse(Object text, Object base) {
        if (!Arithmetic.isInteger(base) || Arithmetic.big(base).compareTo(BigInteger.TWO) < 0
                || Arithmetic.big(base).compareTo(BigInteger.valueOf(36)) > 0) {
            throw new ArgumentError("invalid base " + Kernel.inspect(base));
        }
        int radix = Arithmetic.big(base).intValue();
        String s = ElixirString.str(text, "Integer", "parse", 2);
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int start = i;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0 && s.charAt(i) < 128) i++;
        if (i == start) return Kernel._atom_("error");
        String digits = s.substring(0, i);
        return Tuple.of(Arithmetic.integer(new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits, radix)), s.substring(i));
    }

    private static ArgumentError notAnInteger(String problem, Object... args) {
        StringBuilder frame = new StringBuilder(":erlang.integer_to_binary(");
        for (int i = 0; i < args.length; i++) frame.append(i > 0 ? ", " : "").append(Kernel.inspect(args[i]));
        return ArgumentError.badArgument(problem, frame.append(')').toString());
    }
}
