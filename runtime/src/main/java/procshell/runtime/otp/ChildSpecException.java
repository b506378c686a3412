package procshell.runtime.otp;

import procshell.runtime.inspect.Inspect;

/**
 * An invalid child specification, carrying OTP's reason term (e.g. {@code :missing_id} or
 * {@code {:invalid_restart_type, :forever}}), as {@code supervisor:check_childspec/2} returns it.
 * Supervisors turn it into {@code {:error, reason}} (start_child) or
 * {@code {:error, {:start_spec, reason}}} (start_link); as an exception it is Elixir's
 * ArgumentError.
 */
public final class ChildSpecException extends IllegalArgumentException {
    private final transient Object reason;

    /** @param reason the OTP reason term */
    public ChildSpecException(Object reason) {
        super(null, null);
        this.reason = reason;
    }

    /** The OTP reason term. */
    public Object reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return "invalid child specification: " + Inspect.inspect(reason);
    }
}
