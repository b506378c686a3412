package procshell.runtime.process;

import procshell.runtime.inspect.Inspect;

/**
 * An exit raised in the current process, as Erlang's {@code exit/1} and as the exits that
 * {@code GenServer.call/3} raises ({@code {:noproc, {GenServer, :call, [...]}}},
 * {@code {:timeout, ...}}). Uncaught, it ends the process with {@link #reason()}.
 */
public class ExitException extends RuntimeException {
    private final transient Object reason;

    /** @param reason the exit reason term, e.g. {@code :normal} or {@code {:noproc, {...}}} */
    public ExitException(Object reason) {
        this(reason, false);
    }

    /**
     * @param reason    the exit reason term
     * @param withStack true to keep where it was raised (an {@code exit/1} a person's code calls,
     *                  whose frames a task's crash report shows); the runtime's own exits keep none
     */
    public ExitException(Object reason, boolean withStack) {
        super(null, null, false, withStack);
        this.reason = reason;
    }

    /** The exit reason term. */
    public Object reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return Inspect.inspect(reason);
    }
}
