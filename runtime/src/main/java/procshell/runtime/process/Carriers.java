package procshell.runtime.process;

/**
 * Makes sure the JDK's virtual-thread scheduler, when processes run on it (the runtime's own
 * {@link Scheduler} is not available), has carrier threads to spare. The BEAM preempts a busy process after its reductions; a virtual thread is never
 * preempted: code that loops without calling the runtime keeps its carrier until it returns, and
 * keeps it even once its process was killed (its exit is processed by the killer at once, but
 * Java cannot stop a thread that ignores interruption). With one carrier per core, as the JDK
 * gives by default, as many such loops as cores stop every other process of the node.
 *
 * <p>So, unless {@code jdk.virtualThreadScheduler.parallelism} is set, the scheduler gets twice
 * as many carriers as cores, at least 4: a few runaway loops leave the rest of the node running.
 * This takes effect only before the JVM creates its first virtual thread; {@link
 * procshell.runtime.node.Node} calls it when it is first used.
 */
public final class Carriers {
    /** The JDK's system property for the number of carrier threads. */
    public static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private Carriers() {}

    /**
     * Sets {@value #PARALLELISM} to {@code max(2 × cores, 4)} unless it is set already, when
     * processes run on the JDK's scheduler.
     *
     * @return the number of carriers processes start with: those asked for (or already set), or
     *         {@link Scheduler#baseCarriers()} when processes run on the runtime's scheduler
     */
    public static synchronized int ensureHeadroom() {
        // The runtime's own scheduler starts carriers when loops hold them (see Scheduler).
        if (Scheduler.available()) return Scheduler.baseCarriers();
        String set = System.getProperty(PARALLELISM);
        if (set != null) {
            try {
                return Integer.parseInt(set.trim());
            } catch (NumberFormatException e) {
                return Runtime.getRuntime().availableProcessors();
            }
        }
        int carriers = Math.max(2 * Runtime.getRuntime().availableProcessors(), 4);
        System.setProperty(PARALLELISM, Integer.toString(carriers));
        return carriers;
    }
}
