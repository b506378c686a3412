package procshell.shell.eval;

import java.math.BigDecimal;
import java.math.BigInteger;

import procshell.runtime.node.Atom;

/**
 * Groovy extension methods that give the arithmetic operators Elixir's meaning, in typed code and
 * in classes alike (see {@link Arithmetic}). Groovy's operators differ in three ways a person
 * who knows iex would notice, and each is decided here, at the operator:
 * <ul>
 *   <li>{@code /} gives a BigDecimal ({@code 4 / 2} is {@code 2}); Elixir's always gives a float
 *       ({@code 2.0}), and a zero divisor raises {@code ArithmeticError} ({@code :erlang./(1, 0)});
 *   <li>{@code +}, {@code -}, {@code *} on ints and longs wrap around silently; Elixir's integers
 *       are unbounded, so these overloads promote to Long or BigInteger (a result that fits an int
 *       stays an Integer: GenServer state arithmetic such as {@code state + 1} is unchanged);
 *   <li>a float result out of range is Infinity in Groovy; the BEAM raises.
 * </ul>
 * An operand that is not a number raises {@code ArithmeticError} as on the BEAM ({@code 1 / :a},
 * {@code :a * 2}). Strings and lists keep Groovy's {@code +} and {@code *} (concatenation,
 * repetition), which typed Groovy code relies on.
 */
public final class ArithmeticExtensions {
    private ArithmeticExtensions() {}

    // ---- / : always a float -------------------------------------------------------------------

    /** {@code left / right}: a float, as Elixir's {@code //2}. */
    public static Number div(Number left, Integer right) {
        return Arithmetic.divide(left, right);
    }

    /** {@code left / right}: a float. */
    public static Number div(Number left, Long right) {
        return Arithmetic.divide(left, right);
    }

    /** {@code left / right}: a float. */
    public static Number div(Number left, BigInteger right) {
        return Arithmetic.divide(left, right);
    }

    /** {@code left / right}: a float. */
    public static Number div(Number left, BigDecimal right) {
        return Arithmetic.divide(left, right);
    }

    /** {@code left / right}: a float. */
    public static Number div(Number left, Double right) {
        return Arithmetic.divide(left, right);
    }

    /** {@code left / right} with a divisor that is not a number: Elixir's ArithmeticError. */
    public static Number div(Number left, Object right) {
        return Arithmetic.divide(left, right);
    }

    // ---- + - * on ints and longs: exact -------------------------------------------------------

    /** {@code left + right}, exact. */
    public static Number plus(Integer left, Integer right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left + right}, exact. */
    public static Number plus(Integer left, Long right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left + right}, exact. */
    public static Number plus(Long left, Integer right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left + right}, exact. */
    public static Number plus(Long left, Long right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left - right}, exact. */
    public static Number minus(Integer left, Integer right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left - right}, exact. */
    public static Number minus(Integer left, Long right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left - right}, exact. */
    public static Number minus(Long left, Integer right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left - right}, exact. */
    public static Number minus(Long left, Long right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left * right}, exact. */
    public static Number multiply(Integer left, Integer right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code left * right}, exact. */
    public static Number multiply(Integer left, Long right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code left * right}, exact. */
    public static Number multiply(Long left, Integer right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code left * right}, exact. */
    public static Number multiply(Long left, Long right) {
        return Arithmetic.multiply(left, right);
    }

    // ---- ** : a float unless both are integers ---------------------------------------------------

    /** {@code base ** exponent} with a float base: a float ({@code 2.0 ** 3} is {@code 8.0}, Groovy's is 8). */
    public static Number power(Double base, Number exponent) {
        return Arithmetic.power(base, exponent);
    }

    /** {@code base ** exponent} with a float exponent: a float ({@code 4 ** 0.5} is {@code 2.0}). */
    public static Number power(Number base, Double exponent) {
        return Arithmetic.power(base, exponent);
    }

    /** {@code base ** exponent} with a float base and an int exponent (exact types: see the floats below). */
    public static Number power(Double base, Integer exponent) {
        return Arithmetic.power(base, exponent);
    }

    // ---- floats: no infinities on the BEAM -----------------------------------------------------
    // Exact parameter types: given (Double, Double) alone, Groovy would convert an int operand to a
    // double first, and the error would show 1.0e308 * 10.0 where iex shows 1.0e308 * 10.

    /** {@code left + right}; raises ArithmeticError outside the float range. */
    public static Number plus(Double left, Double right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left + right}; raises ArithmeticError outside the float range. */
    public static Number plus(Double left, Integer right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left + right}; raises ArithmeticError outside the float range. */
    public static Number plus(Integer left, Double right) {
        return Arithmetic.add(left, right);
    }

    /** {@code left - right}; raises ArithmeticError outside the float range. */
    public static Number minus(Double left, Double right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left - right}; raises ArithmeticError outside the float range. */
    public static Number minus(Double left, Integer right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left - right}; raises ArithmeticError outside the float range. */
    public static Number minus(Integer left, Double right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code left * right}; raises ArithmeticError outside the float range. */
    public static Number multiply(Double left, Double right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code left * right}; raises ArithmeticError outside the float range. */
    public static Number multiply(Double left, Integer right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code left * right}; raises ArithmeticError outside the float range. */
    public static Number multiply(Integer left, Double right) {
        return Arithmetic.multiply(left, right);
    }

    // ---- operands that are not numbers ---------------------------------------------------------

    /** {@code 1 + :a}: Elixir's ArithmeticError. */
    public static Number plus(Number left, Object right) {
        return Arithmetic.add(left, right);
    }

    /** {@code 1 - :a}: Elixir's ArithmeticError. */
    public static Number minus(Number left, Object right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code 1 * :a}: Elixir's ArithmeticError. */
    public static Number multiply(Number left, Object right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code 1 + "x"}: Elixir's ArithmeticError where Groovy would concatenate. */
    public static Number plus(Number left, String right) {
        return Arithmetic.add(left, right);
    }

    /** {@code :a + 1}: Elixir's ArithmeticError. */
    public static Number plus(Atom left, Object right) {
        return Arithmetic.add(left, right);
    }

    /** {@code :a - 1}: Elixir's ArithmeticError. */
    public static Number minus(Atom left, Object right) {
        return Arithmetic.subtract(left, right);
    }

    /** {@code :a * 1}: Elixir's ArithmeticError. */
    public static Number multiply(Atom left, Object right) {
        return Arithmetic.multiply(left, right);
    }

    /** {@code :a / 1}: Elixir's ArithmeticError. */
    public static Number div(Atom left, Object right) {
        return Arithmetic.divide(left, right);
    }

    /** {@code -:a}: Elixir's ArithmeticError. */
    public static Number negative(Atom operand) {
        return Arithmetic.negate(operand);
    }
}
