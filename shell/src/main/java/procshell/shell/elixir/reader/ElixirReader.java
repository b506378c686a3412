package procshell.shell.elixir.reader;

/**
 * Reads Elixir source into Elixir's quoted form, as {@code Code.string_to_quoted!/2} of Elixir
 * 1.14 does: atoms are {@link procshell.runtime.node.Atom}s, nodes are 3-tuples
 * {@code {name, meta, args}} ({@link procshell.runtime.node.Tuple}), lists are Java lists, nil is
 * null, and so on (see the contract).
 */
public final class ElixirReader {
    private ElixirReader() {
    }

    /**
     * Code.string_to_quoted!/2: the quoted form of {@code source}, a {@code {:__block__, [], [...]}}
     * when it holds several expressions.
     *
     * @param file the file name the error messages give ({@code "iex"} at the prompt)
     * @throws ElixirSyntaxError Elixir's SyntaxError or TokenMissingError, with Elixir's message
     */
    public static Object read(String source, String file) {
        return read(source, file, 1);
    }

    /**
     * As {@link #read(String, String)}, the source's first line being {@code line}: iex reads the
     * n-th prompt's input from line n, so its errors say {@code iex:n:col} and number the snippet n.
     *
     * @throws ElixirSyntaxError Elixir's SyntaxError or TokenMissingError, with Elixir's message
     */
    public static Object read(String source, String file, int line) {
        try {
            return new Parser(Tokenizer.strict(source, line), source).grammar();
        } catch (SyntaxProblem problem) {
            throw problem.toError(source, file, line);
        }
    }

    /**
     * True when {@code source} is unfinished the way iex continues on {@code ...(n)>}: a missing
     * terminator ({@code end}, {@code )}, a quote, a heredoc), or an expression cut short at the end
     * (a trailing binary operator or comma) — Elixir's TokenMissingError.
     */
    public static boolean isIncomplete(String source) {
        try {
            new Parser(Tokenizer.strict(source), source).grammar();
            return false;
        } catch (SyntaxProblem problem) {
            return problem.missing;
        }
    }
}
