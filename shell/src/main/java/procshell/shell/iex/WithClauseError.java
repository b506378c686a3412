package procshell.shell.iex;

/**
 * Elixir's {@code WithClauseError}: the value a {@code with} step gave matched neither its pattern nor any {@code else} clause.
 * iex prints {@code ** (WithClauseError) no with clause matching: <term>}.
 */
public final class WithClauseError extends ElixirTermError {
    /** @param term the term that no clause accepted */
    public WithClauseError(Object term) {
        super("no with clause matching: ", term);
    }
}
