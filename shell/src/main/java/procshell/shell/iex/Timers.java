package procshell.shell.iex;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * The BEAM's timers behind {@code Process.send_after/3}: a message sent later, by reference, that
 * {@code Process.cancel_timer/1} can stop and {@code Process.read_timer/1} can read. One daemon
 * thread schedules every node's timers; a timer whose node is gone sends nothing.
 */
final class Timers {
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "procshell-timers");
        t.setDaemon(true);
        return t;
    });
    private static final Map<Ref, Timer> TIMERS = new ConcurrentHashMap<>();

    /** A pending timer; whoever removes it from the table (firing or cancelling) decides its fate. */
    private static final class Timer {
        final long deadlineNanos;
        volatile ScheduledFuture<?> future;

        Timer(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }
    }

    private Timers() {}

    /** Schedules {@code message} to {@code dest} in {@code ms} milliseconds; the timer's reference. */
    static Ref sendAfter(Node node, Object dest, Object message, long ms) {
        return schedule(node, dest, ref -> message, ms);
    }

    /**
     * As {@code :erlang.start_timer/3}: {@code {:timeout, ref, message}} sent to {@code dest} in
     * {@code ms} milliseconds; the timer's reference.
     */
    static Ref startTimer(Node node, Object dest, Object message, long ms) {
        return schedule(node, dest, ref -> Tuple.of(Atom.TIMEOUT, ref, message), ms);
    }

    private static Ref schedule(Node node, Object dest, java.util.function.Function<Ref, Object> message, long ms) {
        Ref ref = node.makeRef();
        Timer timer = new Timer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms));
        // In the table before it is scheduled: a timer of 0 ms may fire at once.
        TIMERS.put(ref, timer);
        timer.future = SCHEDULER.schedule(() -> {
            if (TIMERS.remove(ref) == null) return;
            try {
                node.send(dest, message.apply(ref));
            } catch (RuntimeException ignored) {
                // a name nobody holds any more: the BEAM drops the message too
            }
        }, Math.max(0, ms), TimeUnit.MILLISECONDS);
        return ref;
    }

    /** Stops a timer: the ms it had left, or false when it already fired or never was. */
    static Object cancel(Ref ref) {
        Timer t = TIMERS.remove(ref);
        if (t == null) return Boolean.FALSE;
        ScheduledFuture<?> f = t.future;
        if (f != null) f.cancel(false);
        return remaining(t);
    }

    /** The ms a timer has left, or false when it already fired or never was. */
    static Object read(Ref ref) {
        Timer t = TIMERS.get(ref);
        return t == null ? Boolean.FALSE : remaining(t);
    }

    private static Object remaining(Timer t) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(t.deadlineNanos - System.nanoTime()));
    }
}
