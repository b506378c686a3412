package procshell.shell.elixir.reader;

/**
 * A syntax error found while tokenizing or parsing, before it is given a file and a message:
 * where it is, Elixir's description, and whether Elixir prints the source snippet under it.
 * Elixir's {@code elixir_errors:parse_error/5} decides the exception kind and the snippet; this
 * mirrors that decision in {@link #toError}.
 */
final class SyntaxProblem extends RuntimeException {
    final int line;
    final int column;
    final String description;
    final boolean missing;
    final boolean snippet;

    SyntaxProblem(int line, int column, String description, boolean missing, boolean snippet) {
        super(description, null, false, false);
        this.line = line;
        this.column = column;
        this.description = description;
        this.missing = missing;
        this.snippet = snippet;
    }

    /** An error whose token is empty (end of input): a TokenMissingError, with snippet. */
    static SyntaxProblem missing(int line, int column, String description) {
        return new SyntaxProblem(line, column, description, true, true);
    }

    /** A SyntaxError whose message Elixir shows with the snippet. */
    static SyntaxProblem withSnippet(int line, int column, String description) {
        return new SyntaxProblem(line, column, description, false, true);
    }

    /** A SyntaxError whose message Elixir shows without the snippet. */
    static SyntaxProblem plain(int line, int column, String description) {
        return new SyntaxProblem(line, column, description, false, false);
    }

    ElixirSyntaxError toError(String source, String file, int startLine) {
        String head = file + ":" + line + ":" + (column == 0 ? "" : column + ":") + " " + description;
        String shown = snippet && column != 0 ? snippet(source, startLine) : null;
        String message = shown == null ? head : head + "\n" + shown;
        return new ElixirSyntaxError(missing ? "TokenMissingError" : "SyntaxError", file, line, column,
                description, message);
    }

    /** Exception.format_snippet/2: the error's source line with a caret under the column. */
    private String snippet(String source, int startLine) {
        String[] lines = source.split("\n", -1);
        int index = line - startLine;
        if (index < 0 || index >= lines.length) {
            return null;
        }
        String content = lines[index];
        if (content.strip().isEmpty()) {
            return null;
        }
        String number = Integer.toString(line);
        String placeholder = " ".repeat(Math.max(number.length(), 2));
        String padding = number.length() < 2 ? " " : "";
        return " " + placeholder + " |\n"
                + " " + padding + number + " | " + content + "\n"
                + " " + placeholder + " | " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
