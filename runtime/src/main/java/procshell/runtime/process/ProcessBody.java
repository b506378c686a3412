package procshell.runtime.process;

/**
 * The code a process runs, as the function given to {@code spawn/1}. Returning ends the process
 * with reason {@code :normal}; throwing {@link ExitException} ends it with that reason; any other
 * throwable ends it with {@code {exception, stacktrace}} and a crash report.
 */
@FunctionalInterface
public interface ProcessBody {
    /**
     * Runs the process.
     *
     * @param self the running process's own handle ({@code self()}, receive, link, ...)
     * @throws Exception any failure, which becomes the process's exit reason
     */
    void run(ProcessContext self) throws Exception;

    /**
     * Called, on the process's own thread, instead of {@link #run} when the process was killed
     * before its code started: on the BEAM such a process never runs. Code that waits for the
     * process to report back (a starter waiting for {@code init/1}) learns here that it never
     * will. By default nothing.
     *
     * @param reason the reason the process died with, e.g. {@code :killed}
     */
    default void exitedBeforeStart(Object reason) {}
}
