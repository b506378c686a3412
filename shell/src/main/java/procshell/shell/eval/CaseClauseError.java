package procshell.shell.eval;

import procshell.runtime.inspect.Inspect;

/** Elixir's CaseClauseError: {@code ** (CaseClauseError) no case clause matching: {:error, 2}}. */
public class CaseClauseError extends RuntimeException {
    private final transient Object term;

    /** @param term the value no clause of the case matched */
    public CaseClauseError(Object term) {
        super(null, null, false, true);
        this.term = term;
    }

    /** The value no clause matched. */
    public Object term() {
        return term;
    }

    @Override
    public String getMessage() {
        return "no case clause matching: " + Inspect.inspect(term);
    }
}
