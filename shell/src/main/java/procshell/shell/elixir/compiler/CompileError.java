package procshell.shell.elixir.compiler;

import procshell.shell.iex.ElixirName;

/**
 * Elixir's {@code CompileError}, raised while compiling an input: an undefined variable or
 * function, a construct used where Elixir forbids it. iex prints
 * {@code ** (CompileError) iex:1: undefined function foo/0 (there is no such import)}.
 */
@ElixirName("CompileError")
public final class CompileError extends RuntimeException {
    private final int line;
    private final String description;

    /**
     * @param line        the line in the input (1 for the first)
     * @param description what Elixir says after {@code iex:LINE: }
     */
    public CompileError(int line, String description) {
        super("iex:" + Math.max(line, 1) + ": " + description, null, false, false);
        this.line = Math.max(line, 1);
        this.description = description;
    }

    /** The line in the input, from 1. */
    public int line() {
        return line;
    }

    /** The error without its {@code iex:LINE: } prefix. */
    public String description() {
        return description;
    }
}
