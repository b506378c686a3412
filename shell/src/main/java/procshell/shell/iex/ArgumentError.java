package procshell.shell.iex;

/**
 * Elixir's {@code ArgumentError}, for {@code raise ArgumentError, "message"} and
 * {@code raise(ArgumentError, message: "message")} at the prompt; iex prints
 * {@code ** (ArgumentError) message}.
 */
public class ArgumentError extends IllegalArgumentException {

    /** The message Elixir gives a {@code ArgumentError} raised without one. */
    public static final String DEFAULT_MESSAGE = "argument error";

    /** A ArgumentError with Elixir's default message, {@code "argument error"}. */
    public ArgumentError() {
        this(DEFAULT_MESSAGE);
    }

    /** @param message the text iex prints after {@code ** (ArgumentError) } */
    public ArgumentError(String message) {
        super(message);
    }
}
