package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;

/** Elixir's BadMapError: {@code ** (BadMapError) expected a map, got: 1}. */
public class BadMapError extends RuntimeException {

    /** @param term what was given where a map was expected */
    public BadMapError(Object term) {
        super("expected a map, got: " + Inspect.inspect(term));
        this.term = term;
    }

    private final transient Object term;

    /** What was given where a map was expected (the BEAM's error is {@code {:badmap, term}}). */
    public Object term() {
        return term;
    }
}
