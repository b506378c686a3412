package procshell.shell.iex;

import java.util.StringJoiner;

/**
 * Collects the problems a BEAM built-in finds with its arguments and raises them together as
 * OTP 25 does, one line per bad argument:
 * <pre>
 * errors were found at the given arguments:
 *
 *   * 1st argument: not an integer
 *   * 2nd argument: not a tuple
 * </pre>
 * with the call ({@code :erlang.element(:a, :b)}) as iex's stack line.
 */
final class BifErrors {
    private final String call;
    private final Object[] args;
    private final StringJoiner problems = new StringJoiner("\n  * ");
    private boolean any;

    /**
     * @param call the function as Erlang names it, e.g. {@code :erlang.element}
     * @param args the arguments it was called with
     */
    BifErrors(String call, Object... args) {
        this.call = call;
        this.args = args;
    }

    /** Notes that the argument at 1-based {@code position} is bad when {@code bad} holds; returns this. */
    BifErrors check(boolean bad, int position, String what) {
        if (bad) {
            problems.add(ordinal(position) + " argument: " + what);
            any = true;
        }
        return this;
    }

    /** Raises the problems noted so far, if any. */
    void raise() {
        if (any) throw error();
    }

    /** The error for the problems noted so far (at least one). */
    ArgumentError error() {
        return ErlangArgs.badarg(call, problems.toString(), args);
    }

    /** Raises one problem at once. */
    ArgumentError fail(int position, String what) {
        return check(true, position, what).error();
    }

    /** {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 4th}. */
    static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
