package procshell.shell.elixir.reader;

/**
 * Elixir's {@code SyntaxError} or {@code TokenMissingError}, as {@code Code.string_to_quoted!/2}
 * raises them: a kind (the exception module's name), a file, line and column, the description,
 * and the message {@code Exception.message/1} gives (with the source snippet and caret where
 * Elixir shows one).
 */
public final class ElixirSyntaxError extends RuntimeException {
    private final String kind;
    private final String file;
    private final int line;
    private final int column;
    private final String description;

    ElixirSyntaxError(String kind, String file, int line, int column, String description, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
        this.description = description;
    }

    /** "SyntaxError" or "TokenMissingError". */
    public String kind() {
        return kind;
    }

    /** The file name given to the reader ({@code "iex"} at the prompt). */
    public String file() {
        return file;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error, 0 when Elixir gives none. */
    public int column() {
        return column;
    }

    /** What follows {@code file:line:column: } in the message, e.g. {@code syntax error before: ')'}. */
    public String description() {
        return description;
    }

    /** True when the input ended too early (a missing terminator, an unfinished expression): iex would continue it. */
    public boolean incomplete() {
        return kind.equals("TokenMissingError");
    }
}
