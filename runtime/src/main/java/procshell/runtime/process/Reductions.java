package procshell.runtime.process;

/**
 * Reductions, as the BEAM counts them: code that computes (a function entered, a loop turned) calls
 * {@link #check()} once per step; every {@value #BUDGET} steps the process has used its time slice,
 * and its virtual thread yields its carrier to the other runnable processes, as the BEAM's scheduler
 * preempts a process after its reductions. So no process starves the others, a killed process stops
 * at its next check and the shell's Ctrl-C stops any computation.
 *
 * <p>The compiler emits a check at every function and {@code fn} entry and every loop back-edge of
 * the code it generates; the runtime's own long loops (Enum over a range) call {@link #tick()}.
 */
public final class Reductions {
    /** The steps in one time slice: the BEAM's {@code CONTEXT_REDS}. */
    public static final int BUDGET = 4000;

    private Reductions() {}

    /**
     * Counts one reduction of the calling thread's process. At the end of its time slice (every
     * {@value #BUDGET} reductions) the process yields its carrier, and stops when its thread was
     * interrupted: throws {@link ProcessExitedError} in a process that was killed and the
     * {@link Interruption} of a process whose work was interrupted ({@link LocalProcess#interrupt}),
     * and {@link procshell.runtime.node.SystemLimitException} when the node's memory is nearly full
     * ({@link HeapGuard}). So a killed or interrupted process stops within one time slice, as the
     * BEAM handles an exit signal when the process is next scheduled.
     *
     * <p>The common case is one thread-local read and a decrement, small enough for the JIT to
     * inline into the compiled code; the rest is {@link #endOfSlice}.
     *
     * @return true when the thread was interrupted and no process claims it (code running outside
     *         any process, or an interrupt nobody asked for): the caller then stops its work
     */
    public static boolean check() {
        return check(ProcessContext.current());
    }

    /**
     * {@link #check()} with the calling thread's process context already at hand
     * ({@link ProcessContext#current()}, read once where a loop starts): compiled code that turns
     * a loop millions of times reads it once per call instead of once per turn (on a virtual
     * thread, a thread-local lookup a turn).
     *
     * @param ctx the calling thread's process context, or null outside any process
     * @return as {@link #check()}
     */
    public static boolean check(ProcessContext ctx) {
        if (ctx != null && --ctx.reductionsLeft > 0) return false;
        return endOfSlice(ctx);
    }

    /** The end of a time slice (or a check outside any process): interrupts, memory, yield. */
    private static boolean endOfSlice(ProcessContext ctx) {
        if (Thread.currentThread().isInterrupted()) return interrupted();
        if (ctx == null) return false;
        ctx.reductionsLeft = BUDGET;
        ctx.process().addReductions(BUDGET);
        if (HeapGuard.full()) {
            throw new procshell.runtime.node.SystemLimitException("the node's memory is full: more than " + HeapGuard.FULL_PERCENT
                    + "% of the JVM heap's " + HeapGuard.maxMegabytes() + " MB of long-lived data is in use after a collection;"
                    + " this process was building more");
        }
        // The end of the time slice: other runnable processes take the carrier. On the runtime's
        // Scheduler a yield goes to the back of the shared queue. On the JDK's, a yield puts the
        // process back in its carrier's own queue when that holds other work, so processes spinning
        // on every carrier (twice as many as carriers) would never let in one woken from outside
        // (a new process, a reply): every FAIR_EVERY-th slice it parks a moment instead, which
        // puts it in the scheduler's shared queue, behind those waiting there. A process on a
        // platform thread of its own (the shell's) shares no carrier: the OS's scheduler shares the
        // cores among it and the carriers, so it neither parks (a park sleeps the kernel's timer
        // slack, 73 us here) nor yields (a system call, 1.4 us, every 4,000 reductions): a module's
        // loop run from the prompt spent 40-50% of its time in the one and 15% in the other.
        // On the runtime's Scheduler a process keeps its carrier when nothing else waits to run.
        Thread me = Thread.currentThread();
        if (!me.isVirtual() || Scheduler.keepsCarrier()) return false; // (interrupts were looked at above)
        if ((ctx.process().reductions() / BUDGET) % FAIR_EVERY == 0 && !Scheduler.runsCurrentThread()) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000);
        } else {
            Thread.yield();
        }
        return Thread.currentThread().isInterrupted() && interrupted();
    }

    /** Every how many time slices a process goes to the back of the scheduler's shared queue. */
    static final int FAIR_EVERY = 8;

    /**
     * {@link #check()} for the runtime's loops: counts one reduction and throws where
     * {@code check} would return true.
     *
     * @throws Interruption       when the thread was interrupted
     * @throws ProcessExitedError when the process was killed
     */
    public static void tick() {
        if (check()) throw new Interruption("interrupted");
    }

    private static boolean interrupted() {
        ProcessContext ctx = ProcessContext.current();
        if (ctx == null) return true;
        ctx.process().checkAlive();
        Thread.interrupted(); // consumed here: the interruption thrown now is the answer to it
        ctx.process().checkInterrupted();
        return true;
    }

    /**
     * {@code elements}, walked with one reduction ({@link #tick()}) per element: for the runtime's
     * loops over elements it computes rather than holds (a range), which may run for a long time.
     */
    public static <T> Iterable<T> counted(Iterable<T> elements) {
        return () -> new java.util.Iterator<T>() {
            private final java.util.Iterator<T> it = elements.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                tick();
                return it.next();
            }
        };
    }
}
