package procshell.shell.eval;

import procshell.runtime.process.Interruption;

/**
 * What typed code throws at a reduction check once its thread was interrupted and no process claims
 * the interrupt (code evaluated outside any process, as in tests): printed as iex's
 * {@code ** (exit) interrupted}. In a process, a Ctrl-C raises the runtime's {@link Interruption}
 * itself and a kill {@link procshell.runtime.process.ProcessExitedError}.
 */
public final class Interrupted extends Interruption {
    /** @param message the text the generated check passes */
    public Interrupted(String message) {
        super(message);
    }
}
