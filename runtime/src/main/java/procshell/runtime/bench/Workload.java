package procshell.runtime.bench;

import procshell.runtime.process.ProcessContext;

/**
 * One benchmark: the same work as one BEAM script of {@code bench/beam/}, run inside a process of
 * a fresh node, printing the same figure names.
 */
public interface Workload {
    /** The name used on the command line and as the BEAM script's base name, e.g. {@code spawn}. */
    String name();

    /**
     * The size the script is run with (its first argument, e.g. 1,000,000 processes for
     * {@code spawn}); {@code quick} scales it down so that the whole run stays well under a minute.
     */
    int size(boolean quick);

    /**
     * Runs the work in the calling process (a process of a node of its own) and adds its figures.
     *
     * @param self the process running the benchmark
     * @param n    the size, from {@link #size}
     * @param out  where the figures go
     * @throws Exception when the work fails (the run reports it and goes on with the next one)
     */
    void run(ProcessContext self, int n, Figures out) throws Exception;
}
