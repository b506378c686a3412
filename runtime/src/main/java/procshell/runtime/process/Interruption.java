package procshell.runtime.process;

/**
 * Raised in a process whose work was stopped from outside without ending the process: the shell's
 * Ctrl-C stops the input the shell process runs, and the shell process lives on with its links,
 * name and mailbox. Thrown at the process's next wait (receive, sleep, a start waiting for
 * {@code init/1}) or reduction check ({@link Reductions}).
 *
 * <p>An {@link Error}, so that typed code's {@code rescue} and {@code catch} (which catch
 * {@link Exception}s) cannot swallow it; {@code after} blocks still run.
 */
public class Interruption extends Error {
    /** @param message why the work stopped (not shown to the user: iex prints {@code ** (exit) interrupted}) */
    public Interruption(String message) {
        super(message, null, false, false);
    }
}
