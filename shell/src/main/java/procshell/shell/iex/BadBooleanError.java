package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;

/**
 * Elixir's {@code BadBooleanError}: the left side of {@code and} or {@code or} was no boolean.
 * iex prints {@code ** (BadBooleanError) expected a boolean on left-side of "and", got: 1}.
 */
public final class BadBooleanError extends RuntimeException {
    /**
     * @param operator {@code and} or {@code or}
     * @param term     the left side's value
     */
    public BadBooleanError(String operator, Object term) {
        super("expected a boolean on left-side of \"" + operator + "\", got: " + Inspect.inspect(term), null, false, true);
        this.operator = operator;
        this.term = term;
    }

    private final String operator;
    private final transient Object term;

    /** {@code and} or {@code or} (the BEAM's error is {@code {:badbool, operator, term}}). */
    public String operator() {
        return operator;
    }

    /** The left side's value. */
    public Object term() {
        return term;
    }
}
