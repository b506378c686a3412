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
    private final String warnings;
    private final java.util.List<String> frames;

    /**
     * @param line        the line in the input (1 for the first)
     * @param description what Elixir says after {@code iex:LINE: }
     */
    public CompileError(int line, String description) {
        this(line, description, "", java.util.List.of());
    }

    /**
     * {@code undefined function name/arity (there is no such import)}: a call of a name nothing
     * local, imported or special defines with that arity.
     *
     * @param line the call's line in the input
     */
    static CompileError undefinedFunction(int line, String name, int arity) {
        return new CompileError(line, "undefined function " + name + "/" + arity + " (there is no such import)");
    }

    /**
     * An error Elixir's compiler raises from inside its own code, which iex shows as stack lines.
     *
     * @param frames the stack lines, e.g. {@code (stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3}
     */
    CompileError(int line, String description, java.util.List<String> frames) {
        this(line, description, "", frames);
    }

    private CompileError(int line, String description, String warnings, java.util.List<String> frames) {
        super("iex:" + Math.max(line, 1) + ": " + description, null, false, false);
        this.line = Math.max(line, 1);
        this.description = description;
        this.warnings = warnings;
        this.frames = java.util.List.copyOf(frames);
    }

    /** The stack lines iex prints under the error (Elixir's compiler's own frames); empty for none. */
    public java.util.List<String> frames() {
        return frames;
    }

    /** The same error, printed after a compiler warning (e.g. a name expanded to a call). */
    CompileError after(String warning) {
        return new CompileError(line, description, warnings + warning + "\n\n", frames);
    }

    /** The warnings Elixir prints before this error, each followed by an empty line; empty for none. */
    public String warnings() {
        return warnings;
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
