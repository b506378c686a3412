package procshell.shell.iex;

import procshell.runtime.inspect.Inspect;

/**
 * An Elixir exception whose message is a fixed text followed by the inspected term that failed,
 * as {@code WithClauseError}'s {@code no with clause matching: :err}. The subclasses name the
 * exception; the term is inspected only when the message is shown.
 */
public abstract class ElixirTermError extends RuntimeException {
    private final transient Object term;
    private final String prefix;

    /**
     * @param prefix the text before the term, e.g. {@code "no with clause matching: "}
     * @param term   the term that failed
     */
    protected ElixirTermError(String prefix, Object term) {
        super(null, null, false, true);
        this.prefix = prefix;
        this.term = term;
    }

    /** The term that failed. */
    public Object term() {
        return term;
    }

    @Override
    public String getMessage() {
        return prefix + Inspect.inspect(term);
    }
}
