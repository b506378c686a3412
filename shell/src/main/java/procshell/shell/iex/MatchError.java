package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;

/** Elixir's MatchError: {@code ** (MatchError) no match of right hand side value: {:error, :x}}. */
public class MatchError extends RuntimeException {
    private final transient Object value;

    /** @param value the right-hand side that did not match */
    public MatchError(Object value) {
        super(null, null, false, true);
        this.value = value;
    }

    /** The value that did not match. */
    public Object value() {
        return value;
    }

    @Override
    public String getMessage() {
        return "no match of right hand side value: " + Inspect.inspect(value);
    }
}
