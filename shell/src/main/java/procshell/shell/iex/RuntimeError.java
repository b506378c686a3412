package procshell.shell.iex;

/**
 * Elixir's {@code RuntimeError}, for {@code raise RuntimeError, "message"} and
 * {@code raise(RuntimeError, message: "message")} at the prompt; iex prints
 * {@code ** (RuntimeError) message}.
 */
public class RuntimeError extends RuntimeException {

    /** The message Elixir gives a {@code RuntimeError} raised without one. */
    public static final String DEFAULT_MESSAGE = "runtime error";

    /** A RuntimeError with Elixir's default message, {@code "runtime error"}. */
    public RuntimeError() {
        this(DEFAULT_MESSAGE);
    }

    /** @param message the text iex prints after {@code ** (RuntimeError) } */
    public RuntimeError(String message) {
        super(message);
    }
}
