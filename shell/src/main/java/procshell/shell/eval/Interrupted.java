package procshell.shell.eval;

/**
 * What a loop in typed code throws once its thread was interrupted: by Ctrl-C (printed as iex's
 * {@code ** (exit) interrupted}) or by a kill of the process running it. An {@link Error}, so that
 * typed code's {@code catch (e)} (which catches {@link Exception}s) cannot swallow it: a killed
 * process's loop unwinds and its thread ends, as a killed BEAM process stops at once.
 */
public final class Interrupted extends Error {
    /** @param message the text Groovy's {@code @ThreadInterrupt} check passes */
    public Interrupted(String message) {
        super(message, null, false, false);
    }
}
