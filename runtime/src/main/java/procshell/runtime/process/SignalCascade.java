package procshell.runtime.process;

import java.util.ArrayDeque;

/**
 * The exit signals one thread is processing as a cascade (a kill whose victim's links carry
 * further signals): {@link LocalProcess} runs the first signal at once and queues those it
 * causes, instead of recursing. One per process that sends exit signals (kept in its
 * {@link ProcessContext}, so a loop of kills allocates nothing for it), one per other thread.
 */
final class SignalCascade {
    private static final ThreadLocal<SignalCascade> OTHER_THREADS = ThreadLocal.withInitial(SignalCascade::new);

    /** Signals caused by the one being processed, in the order they are to be processed. */
    final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    /** True while this thread processes a cascade. */
    boolean running;

    /** The calling thread's cascade. */
    static SignalCascade current() {
        ProcessContext ctx = ProcessContext.current();
        return ctx != null ? ctx.signalCascade() : OTHER_THREADS.get();
    }
}
