package procshell.shell.elixir.compiler;

/**
 * Which Elixir line each generated Groovy line comes from, so that a stack line of compiled code
 * names the input's line as iex does ({@code iex:8: MyApp.Srv.handle_call/3}). While compiling, the
 * line of the node being compiled is remembered; each generated statement ends with a
 * {@code //@LINE} comment; {@link #table} reads them back from the finished source.
 */
public final class SourceLines {
    private static final String MARK = " //@";
    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[1]);

    private SourceLines() {}

    /** The node being compiled is on this Elixir line (0: unknown, keep the last one). */
    static void at(int line) {
        if (line > 0) CURRENT.get()[0] = line;
    }

    /** Forgets the line: a new input starts. */
    static void reset() {
        CURRENT.get()[0] = 0;
    }

    /** A generated statement, marked with the Elixir line it comes from. */
    static String mark(String statement) {
        int line = CURRENT.get()[0];
        return line == 0 || statement.indexOf('\n') >= 0 || statement.contains(MARK) ? statement : statement + MARK + line;
    }

    /**
     * A generated statement marked with a line of its own choosing: a function's FunctionClauseError
     * is on the line of its {@code def}, wherever its clauses end.
     */
    static String markedAt(String statement, int line) {
        return line > 0 ? statement + MARK + line : statement;
    }

    /**
     * The Elixir line of every line of a generated Groovy source.
     *
     * @param groovy the compiled input's source
     * @return an array indexed by Groovy line (from 1): the Elixir line, or the nearest marked
     *         line above it; 0 before any marked line
     */
    public static int[] table(String groovy) {
        String[] lines = groovy.split("\n", -1);
        int[] out = new int[lines.length + 1];
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            int k = lines[i].lastIndexOf(MARK);
            if (k >= 0) {
                try {
                    last = Integer.parseInt(lines[i].substring(k + MARK.length()).strip());
                } catch (NumberFormatException ignored) {
                    // a string that happens to hold the mark: keep the last line
                }
            }
            out[i + 1] = last;
        }
        return out;
    }
}
