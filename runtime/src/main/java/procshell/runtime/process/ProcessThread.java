package procshell.runtime.process;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform thread of a process spawned with {@link SpawnOptions#platformThread} (the shell's
 * evaluator), which runs the processes it wakes while it waits for their answer
 * ({@link Scheduler#helpWhileWaiting}), as the BEAM runs a callee on its caller's scheduler.
 *
 * <p>A process it wakes is queued as on any other thread (the shared queue, an idle carrier
 * woken) and also noted here, as a {@link Claim}: whichever runs it first, this thread in its
 * {@code receive} or a carrier, runs it; the other finds it taken.
 */
public final class ProcessThread extends Thread {
    /** The most claims kept: older ones only lose their chance to run here (a carrier runs them). */
    private static final int MAX_CLAIMS = 64;

    /** The processes woken from this thread, newest last; touched on this thread only. */
    private final ArrayDeque<Claim> claims = new ArrayDeque<>();
    /** True while this thread runs a woken process ({@link Scheduler#helpWhileWaiting}); this thread only. */
    boolean helping;
    /** True while its process sends a request whose answer it waits for next ({@link #answerAwaited}); this thread only. */
    boolean waitsNext;
    /**
     * The context of the process this thread runs, as {@link ProcessContext#current()} gives it:
     * kept here too, where a field read replaces the thread-local's lookup at every reduction of a
     * loop typed at the prompt; this thread only.
     */
    ProcessContext context;

    /**
     * @param body       the process's body
     * @param name       the thread's name
     * @param stackBytes the stack it reserves ({@link SpawnOptions#PLATFORM_STACK_BYTES})
     */
    public ProcessThread(Runnable body, String name, long stackBytes) {
        super(null, body, name, stackBytes, false);
        setDaemon(true);
    }

    /**
     * Runs {@code send}, a request whose answer the calling process waits for right after (a
     * {@code GenServer.call}): on a process's own platform thread, the process it wakes is left
     * for that thread to run in its wait ({@link Scheduler#helpWhileWaiting}) instead of waking an
     * idle carrier for it, whose wake-up cost the caller a futex call and found nothing to do. A
     * carrier that looks at the shared queue meanwhile may still take it; should the caller not
     * wait after all (killed first), the scheduler's monitor hands it to a carrier within a tick.
     * Elsewhere it just runs {@code send}.
     */
    public static void answerAwaited(Runnable send) {
        // (its own process's code: a process it runs meanwhile is a virtual thread)
        if (!(Thread.currentThread() instanceof ProcessThread me)) {
            send.run();
            return;
        }
        me.waitsNext = true;
        try {
            send.run();
        } finally {
            me.waitsNext = false;
        }
    }

    /** Notes a process woken from this thread; returns what to queue in its place. */
    Runnable claim(Runnable task) {
        Claim c = new Claim(task);
        if (claims.size() >= MAX_CLAIMS) claims.pollFirst();
        claims.addLast(c);
        return c;
    }

    /** The newest process woken from this thread and not yet run, or null. */
    Claim nextClaim() {
        return claims.pollLast();
    }

    /** A woken process's continuation, queued in two places: run by whoever takes it first. */
    static final class Claim extends AtomicReference<Runnable> implements Runnable {
        Claim(Runnable task) {
            super(task);
        }

        @Override
        public void run() {
            Runnable task = getAndSet(null);
            if (task != null) task.run();
        }
    }
}
