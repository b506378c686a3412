package procshell.shell.iex;

/**
 * Elixir's {@code KeyError}, for {@code raise KeyError, "message"} and
 * {@code raise(KeyError, message: "message")} at the prompt; iex prints
 * {@code ** (KeyError) message}.
 */
public class KeyError extends RuntimeException {

    /** The message Elixir gives a {@code KeyError} raised without one. */
    public static final String DEFAULT_MESSAGE = "key nil not found";

    /** A KeyError with Elixir's default message, {@code "key nil not found"}. */
    public KeyError() {
        this(DEFAULT_MESSAGE);
    }

    /** @param message the text iex prints after {@code ** (KeyError) } */
    public KeyError(String message) {
        super(message);
    }
}
