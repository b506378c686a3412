package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;

/**
 * A term thrown with Elixir's {@code throw/1}: not an exception in Elixir, so iex prints it as
 * {@code ** (throw) :ball}. Caught by {@code catch}-style code as this type; {@link #value()} is
 * the thrown term. Where it ends a process uncaught it is the BEAM's error {@code {:nocatch, value}}
 * (the shell's printing and crash reports say so).
 */
@ElixirName("throw")
public class ThrownValue extends RuntimeException {
    private final transient Object value;

    /**
     * @param value the thrown term (with the stack where it was thrown: a throw nothing catches
     *              ends its process with {@code {{:nocatch, value}, stacktrace}})
     */
    public ThrownValue(Object value) {
        super(null, null, false, true);
        this.value = value;
    }

    /** The thrown term. */
    public Object value() {
        return value;
    }

    /** The term as iex prints it after {@code ** (throw) }. */
    @Override
    public String getMessage() {
        return Inspect.inspect(value);
    }
}
