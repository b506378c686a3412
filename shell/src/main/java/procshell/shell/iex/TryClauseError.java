package procshell.shell.iex;

/**
 * Elixir's {@code TryClauseError}: the value of a {@code try} body matched no clause of its {@code else}.
 * iex prints {@code ** (TryClauseError) no try clause matching: <term>}.
 */
public final class TryClauseError extends ElixirTermError {
    /** @param term the term that no clause accepted */
    public TryClauseError(Object term) {
        super("no try clause matching: ", term);
    }
}
