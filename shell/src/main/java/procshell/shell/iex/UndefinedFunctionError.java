package procshell.shell.iex;

/**
 * Elixir's UndefinedFunctionError, e.g.
 * {@code function :gproc.reg/1 is undefined (module :gproc is not available)}.
 */
public class UndefinedFunctionError extends RuntimeException {
    /** @param message the full message as Elixir words it */
    public UndefinedFunctionError(String message) {
        super(message, null, false, true);
    }
}
