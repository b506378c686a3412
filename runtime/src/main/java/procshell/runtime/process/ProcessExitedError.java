package procshell.runtime.process;

import procshell.runtime.inspect.Inspect;

/**
 * Thrown inside a process's own thread once that process is dead (killed by an exit signal while
 * its code still runs), so that its code unwinds: every runtime call a dead process makes fails
 * with it. It is an {@link Error} so that user code catching {@link Exception} cannot swallow it.
 */
public final class ProcessExitedError extends Error {
    private final transient Object reason;

    /** @param reason the reason the process died with */
    public ProcessExitedError(Object reason) {
        super(null, null, false, false);
        this.reason = reason;
    }

    /** The reason the process died with, e.g. {@code :killed}. */
    public Object reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return "process exited: " + Inspect.inspect(reason);
    }
}
