package procshell.shell.iex;

/**
 * Elixir's {@code ArgumentError}, for {@code raise ArgumentError, "message"} and
 * {@code raise(ArgumentError, message: "message")} at the prompt; iex prints
 * {@code ** (ArgumentError) message}.
 */
public class ArgumentError extends IllegalArgumentException implements BeamFrames {
    private final java.util.List<String> frames;

    /** The message Elixir gives a {@code ArgumentError} raised without one. */
    public static final String DEFAULT_MESSAGE = "argument error";

    /** How OTP 25 begins the message of a BIF's {@code :badarg} with its error info. */
    public static final String BIF_WORDS = "errors were found at the given arguments";

    /** A ArgumentError with Elixir's default message, {@code "argument error"}. */
    public ArgumentError() {
        this(DEFAULT_MESSAGE);
    }

    /** @param message the text iex prints after {@code ** (ArgumentError) } */
    public ArgumentError(String message) {
        this(message, java.util.List.of());
    }

    /**
     * An ArgumentError raised by a BEAM function, which iex shows as the top stack lines.
     *
     * @param message the text iex prints after {@code ** (ArgumentError) }
     * @param frames  the stack lines, e.g. {@code :erlang.send(:nobody, :hi)}
     */
    public ArgumentError(String message, java.util.List<String> frames) {
        super(message);
        this.frames = java.util.List.copyOf(frames);
    }

    /**
     * The BEAM's {@code :badarg} of an Erlang function, without details: {@code ** (ArgumentError)
     * argument error}, and a process it ends dies with {@code {:badarg, stacktrace}}, where
     * {@code raise ArgumentError} gives the struct.
     */
    public static ArgumentError badarg() {
        ArgumentError e = new ArgumentError();
        e.bif = true;
        return e;
    }

    private boolean bif;

    /**
     * True when the BEAM raised this error as {@code :badarg} ({@link #badarg}, {@link #badArgument}),
     * not Elixir code with {@code raise ArgumentError}.
     */
    public boolean isBadarg() {
        return bif || getMessage() != null && getMessage().startsWith(BIF_WORDS);
    }

    /**
     * The ArgumentError of a BEAM built-in that rejects an argument, as OTP 25 words it:
     * {@code errors were found at the given arguments:}, an empty line, {@code   * 1st argument:
     * not a number}, then the call as the stack line.
     *
     * @param problem e.g. {@code 1st argument: not a number}
     * @param frames  the call, e.g. {@code :erlang.round(:a)}, then any frames iex shows below it
     */
    public static ArgumentError badArgument(String problem, String... frames) {
        return new ArgumentError(BIF_WORDS + ":\n\n  * " + problem + "\n", java.util.List.of(frames));
    }

    /**
     * {@code e}, an error a BEAM function raised, with {@code frames} as the stack lines iex shows
     * for it (the call, e.g. {@code (stdlib 4.2) :ets.lookup(:nope, 1)}); one that has its lines
     * already is returned as it is. A {@code :badarg} stays one: a bare Java
     * IllegalArgumentException with the BEAM's {@code argument error} stands for a BIF's, and a
     * process it ends dies with {@code {:badarg, stacktrace}}, not the struct.
     */
    public static IllegalArgumentException withFrames(IllegalArgumentException e, java.util.List<String> frames) {
        if (e instanceof BeamFrames f && !f.beamFrames().isEmpty()) return e;
        ArgumentError out = new ArgumentError(e.getMessage(), frames);
        out.bif = e instanceof ArgumentError a ? a.bif : e.getMessage() == null || DEFAULT_MESSAGE.equals(e.getMessage());
        return out;
    }

    @Override
    public java.util.List<String> beamFrames() {
        return frames;
    }
}
