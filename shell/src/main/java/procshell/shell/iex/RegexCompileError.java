package procshell.shell.iex;

/**
 * Elixir's Regex.CompileError, raised by {@code Regex.compile!/2} and a {@code ~r} sigil whose
 * pattern does not compile: {@code missing ) at position 1}.
 */
@ElixirName("Regex.CompileError")
public class RegexCompileError extends RuntimeException implements BeamFrames {
    private final java.util.List<String> frames;

    /**
     * @param message Elixir's message, e.g. {@code "missing ) at position 1"}
     * @param frames  the stack lines iex shows, e.g. {@code (elixir 1.14.0) lib/regex.ex:231: Regex.compile!/2}
     */
    public RegexCompileError(String message, java.util.List<String> frames) {
        super(message, null, false, true);
        this.frames = java.util.List.copyOf(frames);
    }

    @Override
    public java.util.List<String> beamFrames() {
        return frames;
    }
}
