package procshell.shell.iex;

/**
 * Elixir's {@code FunctionClauseError} for a shell module's function called with arguments none
 * of its clauses accepts ({@code Float.round(1)}); iex prints
 * {@code ** (FunctionClauseError) no function clause matching in Float.round/1}. The arguments
 * and attempted clauses that iex lists below that line are not reproduced.
 */
@ElixirName("FunctionClauseError")
public final class FunctionClauseError extends RuntimeException {
    /**
     * @param function the function as Elixir names it, e.g. {@code Float.round}
     * @param arity    the number of arguments it was called with
     */
    public FunctionClauseError(String function, int arity) {
        super("no function clause matching in " + function + "/" + arity);
    }
}
