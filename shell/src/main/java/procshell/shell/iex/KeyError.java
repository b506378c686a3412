package procshell.shell.iex;

/**
 * Elixir's {@code KeyError}, for {@code raise KeyError, "message"} and
 * {@code raise(KeyError, message: "message")} at the prompt; iex prints
 * {@code ** (KeyError) message}.
 */
public class KeyError extends RuntimeException implements BeamFrames {
    private final java.util.List<String> frames;

    /** The message Elixir gives a {@code KeyError} raised without one. */
    public static final String DEFAULT_MESSAGE = "key nil not found";

    /** A KeyError with Elixir's default message, {@code "key nil not found"}. */
    public KeyError() {
        this(DEFAULT_MESSAGE);
    }

    /** @param message the text iex prints after {@code ** (KeyError) } */
    public KeyError(String message) {
        this(message, java.util.List.of());
    }

    /**
     * A KeyError raised by a BEAM function, which iex shows on top of the stack.
     *
     * @param message the text iex prints after {@code ** (KeyError) }
     * @param frames  the stack lines, innermost first, e.g. {@code (stdlib 4.2) :maps.get(:z, %{k: 1})}
     */
    public KeyError(String message, java.util.List<String> frames) {
        super(message);
        this.frames = java.util.List.copyOf(frames);
    }

    @Override
    public java.util.List<String> beamFrames() {
        return frames;
    }
}
