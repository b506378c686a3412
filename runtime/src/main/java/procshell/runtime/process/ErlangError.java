package procshell.runtime.process;

import procshell.runtime.inspect.Inspect;

/**
 * An Erlang error with a term reason that has no better Java exception, as
 * {@code :erlang.error(reason)}; Elixir prints it {@code ** (ErlangError) Erlang error: :noproc}.
 * Bad arguments use {@link IllegalArgumentException} (Elixir's ArgumentError) instead.
 */
public class ErlangError extends RuntimeException {
    private final transient Object reason;

    /** @param reason the error term, e.g. {@code :noproc} */
    public ErlangError(Object reason) {
        super(null, null, false, true);
        this.reason = reason;
    }

    /** The error term. */
    public Object reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return "Erlang error: " + Inspect.inspect(reason);
    }
}
