package procshell.shell.eval;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.codehaus.groovy.runtime.typehandling.NumberMath;

import procshell.shell.iex.ArithmeticError;

/**
 * Groovy extension methods for {@code a / b} in typed code: a division by zero raises Elixir's
 * {@link ArithmeticError} naming its operands ({@code bad argument in arithmetic expression: 1 / 0},
 * stack line {@code :erlang./(1, 0)}), as the BEAM's {@code //2} does; any other division is
 * Groovy's.
 */
public final class ArithmeticExtensions {
    private ArithmeticExtensions() {}

    /** {@code left / right} with an integer divisor. */
    public static Number div(Number left, Integer right) {
        return divide(left, right);
    }

    /** {@code left / right} with a long divisor. */
    public static Number div(Number left, Long right) {
        return divide(left, right);
    }

    /** {@code left / right} with a big integer divisor. */
    public static Number div(Number left, BigInteger right) {
        return divide(left, right);
    }

    /** {@code left / right} with a decimal divisor. */
    public static Number div(Number left, BigDecimal right) {
        return divide(left, right);
    }

    /** {@code left / right} with a float divisor. */
    public static Number div(Number left, Double right) {
        return divide(left, right);
    }

    private static Number divide(Number left, Number right) {
        if (right.doubleValue() == 0.0) throw new ArithmeticError(left, right);
        return NumberMath.divide(left, right);
    }
}
