package procshell.runtime.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A process's message queue with selective receive.
 *
 * <p>Any thread may {@link #add(Object)}; only the owning process takes. Senders append to a
 * lock-free queue and wake the owner only when it is parked; the owner moves messages it has
 * looked at but not taken to a private list, so a selective receive never scans a message twice
 * and messages it skips stay queued in arrival order, as on the BEAM.
 */
public final class Mailbox {
    /** Returned by {@link #take} when the {@code after} timeout fired. */
    public static final Object TIMEOUT = new Object() {
        @Override
        public String toString() {
            return "<receive timeout>";
        }
    };

    private final ConcurrentLinkedQueue<Object> incoming = new ConcurrentLinkedQueue<>();
    /** Messages the owner has seen and skipped, oldest first; touched by the owner only. */
    private Node saved;
    private Node savedTail;
    private int savedSize;
    private volatile Thread waiter;

    private static final class Node {
        final Object message;
        Node next;

        Node(Object message) {
            this.message = message;
        }
    }

    /** Appends a message; callable from any thread. */
    public void add(Object message) {
        incoming.offer(message);
        Thread w = waiter;
        if (w != null) LockSupport.unpark(w);
    }

    /**
     * Takes the oldest message that matches, waiting up to {@code timeoutMs}.
     *
     * @param match     chooses the message to take; {@code null} takes the oldest
     * @param timeoutMs how long to wait in ms: 0 never waits, negative waits forever (infinity)
     * @param alive     checked after every wake-up; when it fails the wait stops
     * @return the message, or {@link #TIMEOUT}
     * @throws ProcessExitedError when the owner died while waiting
     * @throws Interruption       when the owner's work was interrupted ({@link LocalProcess#interrupt})
     */
    public Object take(Predicate<Object> match, long timeoutMs, LocalProcess alive) {
        // A dead process's receive fails even when messages are queued: its code must unwind.
        alive.checkInterrupted();
        Object found = takeSaved(match);
        if (found != NO_MATCH) return found;
        Object m;
        while ((m = incoming.poll()) != null) {
            if (matches(match, m)) return m;
        }
        alive.checkAlive();
        if (timeoutMs == 0) return TIMEOUT;
        return await(match, timeoutMs, alive);
    }

    /**
     * {@link #take} once the queue had nothing that matches: parks until a message comes and
     * tests the new ones, until one matches or the timeout fires.
     *
     * <p>A method of its own, with its own loop over the queue, because of how C2 compiles it:
     * when 100,000 processes are spawned and each parks on its empty mailbox, the JIT compiles the
     * wait while the queue has always been empty after the first look, and a single loop would
     * compile "a message came" as never happening. Every one of those processes, woken later,
     * would then deoptimize its own frame (16,579 deoptimizations in the first registration round
     * of {@code bench/TablesCpu.java register 100000}). The loop here runs only after a wake-up,
     * so its profile is that of wake-ups.
     */
    private Object await(Predicate<Object> match, long timeoutMs, LocalProcess alive) {
        // Capped so that a timeout of centuries does not overflow the clock arithmetic.
        long deadline = timeoutMs > 0 ? System.nanoTime() + Math.min(TimeUnit.MILLISECONDS.toNanos(timeoutMs), Long.MAX_VALUE / 4) : 0;
        // Registered only once this wait is about to park: a reply already queued costs no timer.
        ReceiveTimer.Deadline timer = null;
        try {
            while (true) {
                if (timeoutMs > 0) {
                    if (deadline - System.nanoTime() <= 0) return TIMEOUT;
                    if (timer == null) timer = ReceiveTimer.schedule(deadline, Thread.currentThread());
                }
                waiter = Thread.currentThread();
                try {
                    if (incoming.isEmpty()) {
                        alive.markWaiting(true);
                        // A process on a platform thread of its own (the shell's) runs the processes
                        // it woke while it waits for their answer, as a carrier does (a call: two
                        // thread wake-ups fewer); a message, a kill or the deadline ends that.
                        ProcessThread helper = Scheduler.helper();
                        if (helper != null) {
                            Scheduler.helpWhileWaiting(helper, () -> incoming.isEmpty() && alive.undisturbed()
                                    && (timeoutMs <= 0 || deadline - System.nanoTime() > 0));
                        }
                        // Untimed even with a timeout: the ReceiveTimer wakes us at the deadline
                        // (a timed park would wake the JDK's delay scheduler for every call).
                        if (incoming.isEmpty()) LockSupport.park(this);
                        alive.markWaiting(false);
                    }
                } finally {
                    waiter = null;
                }
                // A kill marks the process dead, then wakes it (see wakeIfWaiting): checkAlive throws.
                // A stray interrupt is cleared, so that park blocks again instead of spinning. No branch
                // on the interrupt here: C2 would compile it as never taken, and every process killed
                // while waiting would then deoptimize its frame on its own (a million kills, a million
                // deoptimizations).
                Thread.interrupted();
                alive.checkInterrupted();
                Object m;
                while ((m = incoming.poll()) != null) {
                    if (matches(match, m)) return m;
                }
                alive.checkAlive();
            }
        } finally {
            if (timer != null) ReceiveTimer.cancel(timer);
        }
    }

    /**
     * Waits until a message is queued, taking none: what {@code Process.hibernate/3} waits for
     * before it calls its function, which then receives the message. Parks as {@link #take} does
     * (a message, a kill or an interruption wakes it), with the process shown waiting meanwhile.
     *
     * @param alive the owner, checked after every wake-up
     * @throws ProcessExitedError when the owner died while waiting
     * @throws Interruption       when the owner's work was interrupted ({@link LocalProcess#interrupt})
     */
    public void awaitMessage(LocalProcess alive) {
        alive.checkInterrupted();
        while (savedSize == 0) {
            waiter = Thread.currentThread();
            try {
                // (the waiter is published before this look: a message added after it unparks us)
                if (!incoming.isEmpty()) return;
                alive.markWaiting(true);
                LockSupport.park(this);
                alive.markWaiting(false);
            } finally {
                waiter = null;
            }
            Thread.interrupted(); // a stray interrupt: park again rather than spin (see await)
            alive.checkInterrupted();
            alive.checkAlive();
        }
    }

    /**
     * Wakes {@code thread} if it is the owner waiting in {@link #take}, as a kill does; the owner
     * then finds its process dead. An early or late wake-up is harmless: take loops.
     *
     * @return false when the owner is not waiting here (the caller interrupts it instead)
     */
    boolean wakeIfWaiting(Thread thread) {
        if (waiter != thread) return false;
        LockSupport.unpark(thread);
        return true;
    }

    /**
     * {@link #wakeIfWaiting} for a process that is dead already and wakes only to unwind: nobody
     * waits for that, so it queues behind the runnable processes without waking another core
     * ({@link Scheduler#unparkLazily}).
     */
    boolean wakeDeadIfWaiting(Thread thread) {
        if (waiter != thread) return false;
        Scheduler.unparkLazily(thread);
        return true;
    }

    /**
     * Tests a message just taken from the incoming queue; one that does not match (or makes the
     * pattern throw) is kept, in order, so a failing pattern loses no message.
     */
    private boolean matches(Predicate<Object> match, Object m) {
        if (match == null) return true;
        boolean ok = false;
        try {
            ok = match.test(m);
            return ok;
        } finally {
            if (!ok) save(m);
        }
    }

    private static final Object NO_MATCH = new Object();

    private Object takeSaved(Predicate<Object> match) {
        Node prev = null;
        for (Node n = saved; n != null; prev = n, n = n.next) {
            if (match == null || match.test(n.message)) {
                if (prev == null) saved = n.next;
                else prev.next = n.next;
                if (n == savedTail) savedTail = prev;
                savedSize--;
                return n.message;
            }
        }
        return NO_MATCH;
    }

    private void save(Object m) {
        Node n = new Node(m);
        if (savedTail == null) saved = n;
        else savedTail.next = n;
        savedTail = n;
        savedSize++;
    }

    /** The number of queued messages, as {@code Process.info(pid, :message_queue_len)}. */
    public int size() {
        return savedSize + incoming.size();
    }

    /**
     * A snapshot of the queued messages, oldest first, as {@code Process.info(pid, :messages)}.
     * Exact when called by the owner; a best effort from other threads.
     */
    public List<Object> snapshot() {
        List<Object> out = new ArrayList<>();
        for (Node n = saved; n != null; n = n.next) out.add(n.message);
        out.addAll(incoming);
        return out;
    }

}
