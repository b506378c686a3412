package procshell.shell.iex;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Elixir's {@code ArithmeticError}, as iex prints a bad operand of an arithmetic operator or
 * function: the expression in Elixir's notation, then the BEAM function as the stack line.
 *
 * <pre>
 * ** (ArithmeticError) bad argument in arithmetic expression: 1 / 0
 *     :erlang./(1, 0)
 * ** (ArithmeticError) bad argument in arithmetic expression: div(7, 0)
 *     :erlang.div(7, 0)
 * </pre>
 */
@ElixirName("ArithmeticError")
public final class ArithmeticError extends ArithmeticException implements BeamFrames {
    private final List<String> frames;

    private static final String DEFAULT_MESSAGE = "bad argument in arithmetic expression";

    /** {@code raise ArithmeticError}: Elixir's default message, no stack line. */
    public ArithmeticError() {
        this(DEFAULT_MESSAGE);
    }

    /** {@code raise ArithmeticError, message}: no stack line. */
    public ArithmeticError(String message) {
        this(message, new String[0]);
    }

    private ArithmeticError(String message, String... frames) {
        super(message);
        this.frames = List.of(frames);
    }

    /**
     * Elixir's {@code Exception.message/1} of this error: without the expression that iex's blame
     * appends ({@code bad argument in arithmetic expression} for {@code div(1, 0)}).
     */
    public String exceptionMessage() {
        String m = getMessage();
        return m.startsWith(DEFAULT_MESSAGE + ": ") && !frames.isEmpty() ? DEFAULT_MESSAGE : m;
    }

    /**
     * The error for the infix operator {@code op} ({@code +}, {@code -}, {@code *}, {@code /}):
     * {@code 1 + :a}, stack line {@code :erlang.+(1, :a)}.
     */
    public static ArithmeticError operator(String op, Object left, Object right) {
        return new ArithmeticError(DEFAULT_MESSAGE + ": " + Kernel.inspect(left) + " " + op + " " + Kernel.inspect(right),
                ":erlang." + op + "(" + args(left, right) + ")");
    }

    /**
     * The error for the function {@code fun} of the {@code :erlang} module: {@code div(7, 0)},
     * stack line {@code :erlang.div(7, 0)}; a unary operator reads {@code -(:a)}.
     */
    public static ArithmeticError function(String fun, Object... args) {
        String list = args(args);
        return new ArithmeticError(DEFAULT_MESSAGE + ": " + fun + "(" + list + ")", ":erlang." + fun + "(" + list + ")");
    }

    /**
     * The error of an Elixir function the compiler inlines into an {@code :erlang} one: the message
     * names the call as written ({@code Bitwise.band(1, :a)}), the stack line the BEAM's
     * ({@code :erlang.band(1, :a)}).
     *
     * @param written the function as written, e.g. {@code Bitwise.band}
     * @param erlang  the {@code :erlang} function it is, e.g. {@code band}
     */
    public static ArithmeticError inlined(String written, String erlang, Object... args) {
        String list = args(args);
        return new ArithmeticError(DEFAULT_MESSAGE + ": " + written + "(" + list + ")", ":erlang." + erlang + "(" + list + ")");
    }

    /**
     * The error of a BEAM function that iex prints without the expression: {@code :math.sqrt(-1)}
     * gives {@code bad argument in arithmetic expression}, stack line
     * {@code (stdlib 4.2) :math.sqrt(-1)}.
     *
     * @param frames the stack lines, innermost first
     */
    public static ArithmeticError at(String... frames) {
        return new ArithmeticError(DEFAULT_MESSAGE, frames);
    }

    private static String args(Object... args) {
        return Arrays.stream(args).map(Kernel::inspect).collect(Collectors.joining(", "));
    }

    @Override
    public List<String> beamFrames() {
        return frames;
    }
}
