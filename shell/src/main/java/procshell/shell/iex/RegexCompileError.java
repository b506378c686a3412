package procshell.shell.iex;

/**
 * Elixir's Regex.CompileError, raised by {@code Regex.compile!/2} and a {@code ~r} sigil whose
 * pattern does not compile: {@code missing ) at position 1}.
 */
@ElixirName("Regex.CompileError")
public class RegexCompileError extends RuntimeException {
    /** @param message Elixir's message, e.g. {@code "missing ) at position 1"} */
    public RegexCompileError(String message) {
        super(message, null, false, true);
    }
}
