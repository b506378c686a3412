package procshell.shell.iex;

/**
 * Elixir's {@code BadFunctionError}: {@code f.(x)} where {@code f} is no function.
 * iex prints {@code ** (BadFunctionError) expected a function, got: <term>}.
 */
public final class BadFunctionError extends ElixirTermError {
    /** @param term the value called as a function */
    public BadFunctionError(Object term) {
        super("expected a function, got: ", term);
    }
}
