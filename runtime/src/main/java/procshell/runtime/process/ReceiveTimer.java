package procshell.runtime.process;

import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of {@code receive ... after} waits: one daemon thread wakes a waiting process
 * when its timeout passes, as the BEAM's timer wheel does.
 *
 * <p>Why not {@code LockSupport.parkNanos}: on a virtual thread the JDK schedules a task on its
 * delay scheduler for every timed park and wakes that scheduler's thread each time, a thread
 * switch on another core for every {@code GenServer.call} (whose default timeout is 5 s) even
 * though the reply comes in microseconds. Here a new deadline wakes the timer thread only when it
 * is earlier than the one that thread sleeps towards; a wait that ends before its deadline just
 * leaves the heap (no wake-up at all). The thread then wakes at most once per deadline it slept
 * towards, however many calls came and went meanwhile.
 */
final class ReceiveTimer {
    /** One registered deadline; {@link #cancel} it when the wait ends. */
    static final class Deadline {
        final long atNanos;
        final Thread waiter;
        /** Position in the heap, -1 once out of it; guarded by the timer's lock. */
        int index = -1;

        Deadline(long atNanos, Thread waiter) {
            this.atNanos = atNanos;
            this.waiter = waiter;
        }
    }

    private static final ReceiveTimer INSTANCE = new ReceiveTimer();

    private final Object lock = new Object();
    // A binary min-heap on atNanos; guarded by lock.
    private Deadline[] heap = new Deadline[64];
    private int size;
    /** The deadline the timer thread sleeps towards ({@code Long.MAX_VALUE}: none); guarded by lock. */
    private long sleepingUntil = Long.MAX_VALUE;
    private Thread thread;

    private ReceiveTimer() {}

    /**
     * Wakes {@code waiter} (with {@link LockSupport#unpark}) once {@code System.nanoTime()} reaches
     * {@code atNanos}, unless the returned deadline is cancelled first.
     */
    static Deadline schedule(long atNanos, Thread waiter) {
        return INSTANCE.add(new Deadline(atNanos, waiter));
    }

    /** Forgets a deadline whose wait is over; harmless when it has fired already. */
    static void cancel(Deadline d) {
        INSTANCE.remove(d);
    }

    private Deadline add(Deadline d) {
        Thread wake = null;
        synchronized (lock) {
            if (thread == null) thread = startThread();
            if (size == heap.length) heap = java.util.Arrays.copyOf(heap, size * 2);
            d.index = size;
            heap[size++] = d;
            siftUp(d.index);
            // Only a deadline earlier than the one the thread sleeps towards needs it awake now.
            if (sleepingUntil == Long.MAX_VALUE || d.atNanos - sleepingUntil < 0) {
                sleepingUntil = d.atNanos;
                wake = thread;
            }
        }
        if (wake != null) LockSupport.unpark(wake);
        return d;
    }

    private void remove(Deadline d) {
        synchronized (lock) {
            int i = d.index;
            if (i < 0) return;
            d.index = -1;
            Deadline last = heap[--size];
            heap[size] = null;
            if (i < size) {
                heap[i] = last;
                last.index = i;
                siftDown(i);
                if (last.index == i) siftUp(i);
            }
        }
    }

    private Thread startThread() {
        Thread t = Thread.ofPlatform().daemon().name("procshell-receive-timer").unstarted(this::run);
        t.start();
        return t;
    }

    private void run() {
        while (true) {
            long wait;
            Deadline due = null;
            synchronized (lock) {
                long now = System.nanoTime();
                if (size > 0 && heap[0].atNanos - now <= 0) {
                    due = heap[0];
                    remove(due);
                    wait = 0;
                } else {
                    sleepingUntil = size == 0 ? Long.MAX_VALUE : heap[0].atNanos;
                    wait = size == 0 ? -1 : heap[0].atNanos - now;
                }
            }
            if (due != null) {
                LockSupport.unpark(due.waiter);
            } else if (wait < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    private void siftUp(int i) {
        Deadline d = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Deadline p = heap[parent];
            if (d.atNanos - p.atNanos >= 0) break;
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = d;
        d.index = i;
    }

    private void siftDown(int i) {
        Deadline d = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Deadline c = heap[child];
            int right = child + 1;
            if (right < size && heap[right].atNanos - c.atNanos < 0) c = heap[child = right];
            if (d.atNanos - c.atNanos <= 0) break;
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = d;
        d.index = i;
    }
}
