package procshell.shell.iex;

/**
 * Elixir's {@code CondClauseError}: no condition of a {@code cond} was truthy. iex prints
 * {@code ** (CondClauseError) no cond clause evaluated to a truthy value}.
 */
public final class CondClauseError extends RuntimeException {
    /** The error, with Elixir's message. */
    public CondClauseError() {
        super("no cond clause evaluated to a truthy value", null, false, true);
    }
}
