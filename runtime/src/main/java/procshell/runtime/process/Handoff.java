package procshell.runtime.process;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One value handed once to one waiting process, as a starter waits for {@code init/1}'s answer
 * ({@code proc_lib}'s ack). The first {@link #complete} wins; later ones are ignored.
 *
 * <p>A wait with a timeout uses the runtime's {@link ReceiveTimer} rather than a timed park,
 * which on a virtual thread wakes the JDK's delay scheduler's thread for every wait (every
 * supervisor restart waits for its child's {@code init/1}).
 */
public final class Handoff {
    private static final Object NONE = new Object();

    private final AtomicReference<Object> value = new AtomicReference<>(NONE);
    private volatile Thread waiter;

    /**
     * Hands over {@code v} and wakes the waiter, unless a value was handed over already.
     *
     * @return true when this call handed the value over
     */
    public boolean complete(Object v) {
        if (!value.compareAndSet(NONE, v)) return false;
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
        return true;
    }

    /** True once a value has been handed over. */
    public boolean isDone() {
        return value.get() != NONE;
    }

    /**
     * Waits for the value; called by the process {@code self}, whose kill (or Ctrl-C) ends the wait.
     *
     * @param timeoutMs how long to wait in ms; negative waits forever
     * @return the value, or null when the timeout passed first
     * @throws ProcessExitedError when {@code self} died while waiting
     * @throws Interruption       when its work was interrupted ({@link LocalProcess#interrupt})
     */
    public Object await(long timeoutMs, LocalProcess self) {
        Object v = value.get();
        if (v != NONE) return v;
        long deadline = System.nanoTime() + Math.min(TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs)), Long.MAX_VALUE / 4);
        ReceiveTimer.Deadline timer = null;
        waiter = Thread.currentThread();
        try {
            while ((v = value.get()) == NONE) {
                if (timeoutMs >= 0) {
                    if (deadline - System.nanoTime() <= 0) return null;
                    if (timer == null) timer = ReceiveTimer.schedule(deadline, Thread.currentThread());
                }
                // the shell's process runs the new process's init/1 itself meanwhile (a start: two
                // thread wake-ups fewer), as it runs a callee while it waits in receive
                ProcessThread helper = Scheduler.helper();
                if (helper != null) {
                    Scheduler.helpWhileWaiting(helper, () -> value.get() == NONE && self.undisturbed()
                            && (timeoutMs < 0 || deadline - System.nanoTime() > 0));
                }
                if (value.get() == NONE) LockSupport.park(this);
                // A kill interrupts a process that does not wait in receive: clear the flag (so
                // park blocks again) and let the process's own check decide.
                Thread.interrupted();
                self.checkInterrupted();
            }
            return v;
        } finally {
            waiter = null;
            if (timer != null) ReceiveTimer.cancel(timer);
        }
    }
}
