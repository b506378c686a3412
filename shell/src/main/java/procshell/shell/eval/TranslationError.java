package procshell.shell.eval;

/**
 * An input that Elixir would reject before running it and that the shell's translation
 * ({@link IexSyntax#translate}) can tell is malformed, e.g. {@code receive do msg end}
 * (Elixir's {@code ** (CompileError) iex:1: expected -> clauses for :do in "receive"}). Thrown
 * before anything of the input runs, so the input has no effect and the bindings stay.
 */
public final class TranslationError extends RuntimeException {
    private final String elixirName;
    private final int line;
    private final int column;

    /**
     * @param elixirName the Elixir exception name iex prints: {@code "CompileError"} or {@code "SyntaxError"}
     * @param line       the line of the input (1 for its first) that Elixir names
     * @param column     the column (1 for the first) that Elixir names, 0 when it names none
     * @param message    Elixir's message, without the {@code iex:LINE:COLUMN: } prefix
     */
    public TranslationError(String elixirName, int line, int column, String message) {
        super(message, null, false, false);
        this.elixirName = elixirName;
        this.line = line;
        this.column = column;
    }

    /** The Elixir exception name: {@code CompileError} or {@code SyntaxError}. */
    public String elixirName() {
        return elixirName;
    }

    /** The line within the input, 1 for its first line. */
    public int line() {
        return line;
    }

    /** The column within the line, 1 for its first; 0 when Elixir names no column. */
    public int column() {
        return column;
    }
}
