package procshell.shell.iex;

import java.util.List;

/**
 * Elixir's {@code ArithmeticError} for a division by zero, as iex prints {@code 1/0}:
 *
 * <pre>
 * ** (ArithmeticError) bad argument in arithmetic expression: 1 / 0
 *     :erlang./(1, 0)
 * </pre>
 */
@ElixirName("ArithmeticError")
public final class ArithmeticError extends ArithmeticException implements BeamFrames {
    private final transient Object left;
    private final transient Object right;

    /** The error for {@code left / right}. */
    public ArithmeticError(Object left, Object right) {
        super("bad argument in arithmetic expression: " + Kernel.inspect(left) + " / " + Kernel.inspect(right));
        this.left = left;
        this.right = right;
    }

    @Override
    public List<String> beamFrames() {
        return List.of(":erlang./(" + Kernel.inspect(left) + ", " + Kernel.inspect(right) + ")");
    }
}
