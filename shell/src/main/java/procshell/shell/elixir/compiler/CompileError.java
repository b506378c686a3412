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
    private final boolean atModuleEnd;

    /**
     * @param line        the line in the input (1 for the first)
     * @param description what Elixir says after {@code iex:LINE: }
     */
    public CompileError(int line, String description) {
        this(line, description, "", java.util.List.of(), false);
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
        this(line, description, "", frames, false);
    }

    /**
     * {@code undefined function name/arity (expected Mod to define such a function or for it to be
     * imported, but none are available)}: Elixir finds it once the whole module is expanded
     * (elixir_locals), so the module's warnings come first ({@link #atModuleEnd}).
     *
     * @param frames the stack lines of Elixir's check
     */
    static CompileError undefinedLocal(int line, String name, int arity, String module, java.util.List<String> frames) {
        return new CompileError(line, "undefined function " + name + "/" + arity + " (expected " + module
                + " to define such a function or for it to be imported, but none are available)", "", frames, true);
    }

    private CompileError(int line, String description, String warnings, java.util.List<String> frames, boolean atModuleEnd) {
        super("iex:" + Math.max(line, 1) + ": " + description, null, false, false);
        this.line = Math.max(line, 1);
        this.description = description;
        this.warnings = warnings;
        this.frames = java.util.List.copyOf(frames);
        this.atModuleEnd = atModuleEnd;
    }

    /**
     * True when Elixir raises it after expanding the whole module, having printed the module's
     * warnings (an unused variable) first; other errors stop the expansion where they are.
     */
    public boolean atModuleEnd() {
        return atModuleEnd;
    }

    /** The stack lines iex prints under the error (Elixir's compiler's own frames); empty for none. */
    public java.util.List<String> frames() {
        return frames;
    }

    /** The same error, printed after a compiler warning (e.g. a name expanded to a call). */
    CompileError after(String warning) {
        return new CompileError(line, description, warnings + warning + "\n\n", frames, atModuleEnd);
    }

    /** The same error with other stack lines (where Elixir's compiler raises it from). */
    CompileError withFrames(java.util.List<String> frames) {
        return new CompileError(line, description, warnings, frames, atModuleEnd);
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
