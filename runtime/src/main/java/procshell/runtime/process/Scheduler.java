package procshell.runtime.process;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's scheduler of processes, as the BEAM's: one carrier thread per core, and a process
 * woken by another process runs next on the waker's carrier, without waking any other core.
 *
 * <p>Why not the JDK's own virtual-thread scheduler: its ForkJoinPool wakes an idle carrier for
 * every task pushed onto an empty queue, so each message to a waiting process (a call, each half
 * of a ping-pong) costs a thread wake-up on the other core, which finds nothing to do (the
 * sender parks a moment later and its carrier runs the receiver itself) and goes back to sleep:
 * {@code signalWork} and {@code deactivate} led the profile of a call. Here, as on the BEAM, the
 * woken process waits in its waker's {@link Carrier#next} slot (Go calls it {@code runnext}), and
 * the other cores are woken only when work piles up: a second process woken before the first has
 * run, a process woken from outside any carrier (a timer, a socket, the shell's own thread), or a
 * slot that the {@link #watch monitor} finds waiting behind a process that has not given up its
 * carrier for a tick (1 ms).
 *
 * <p>A process that never yields (Java code that calls nothing of the runtime, a blocking file
 * read) keeps its carrier, as a NIF keeps a BEAM scheduler. The monitor sees a carrier that has
 * run the same process for {@value #HOG_TICKS} ticks while others wait, and starts another
 * carrier; carriers beyond one per core end after {@value #RETIRE_MS} ms without work. So no
 * number of such loops stops the node (up to {@value #MAX_CARRIERS} carriers).
 *
 * <p>Signal order is untouched: the scheduler decides only when a woken process runs, never the
 * order of the messages in its mailbox.
 *
 * <p>The JDK offers no public API for a virtual-thread scheduler: {@link #factory()} reaches the
 * one the JDK's own tests use, which needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}
 * (the launcher and the test JVMs give it). Without it processes run on the JDK's scheduler,
 * with {@link Carriers}' spare carriers.
 */
public final class Scheduler implements Executor {
    /** Ticks of the monitor ({@value #TICK_NS} ns) a carrier may run one process while others wait. */
    static final int HOG_TICKS = 10;
    /** How often the monitor looks while processes come and go. */
    static final long TICK_NS = 1_000_000;
    /** How often it looks otherwise (every carrier idle, or held by one process with nothing waiting). */
    static final long IDLE_TICK_NS = 20_000_000;
    /**
     * How long the monitor sleeps when every carrier is idle and nothing is queued, unless a carrier
     * leaving idle wakes it first (a safety net only: that wake-up is what ends its sleep).
     */
    static final long ASLEEP_NS = 1_000_000_000;
    /** How long a carrier beyond one per core may stay idle before it ends. */
    static final long RETIRE_MS = 2_000;
    /** The most carriers the monitor starts. */
    static final int MAX_CARRIERS = 256;
    /** Every how many processes run from its own slot a carrier looks at the shared queue first. */
    static final int FAIR_EVERY = 61;
    /** Every how many tasks a busy carrier lets one killed process unwind ({@link #unwinding}). */
    static final int UNWIND_EVERY = 64;

    private static final MethodHandle CURRENT_CARRIER;
    private static final Constructor<?> BUILDER;
    private static final VarHandle NEXT;
    private static final VarHandle IDLE;

    static {
        MethodHandle carrier = null;
        Constructor<?> builder = null;
        try {
            Method m = Thread.class.getDeclaredMethod("currentCarrierThread");
            m.setAccessible(true);
            Constructor<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder").getDeclaredConstructor(Executor.class);
            c.setAccessible(true);
            carrier = MethodHandles.lookup().unreflect(m);
            builder = c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not opened to us (no --add-opens), or another JDK: the JDK's scheduler it is
        }
        CURRENT_CARRIER = carrier;
        BUILDER = builder;
        try {
            // The class that VirtualThread.run asks for once a thread's task has returned: when C2
            // compiles run() while 100,000 processes are spawned and none has ended yet, the class
            // is not loaded and the compiled run() traps there, so each of those processes would
            // deoptimize its own frame as it ends (1,700 of them in `TablesCpu register 100000`).
            Class.forName("jdk.internal.event.VirtualThreadEndEvent");
        } catch (ClassNotFoundException | LinkageError another) {
            // another JDK: nothing to load ahead
        }
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            NEXT = l.findVarHandle(Carrier.class, "next", Runnable.class);
            IDLE = l.findVarHandle(Carrier.class, "idle", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static volatile Scheduler instance;

    private final int base;
    private final ConcurrentLinkedQueue<Runnable> shared = new ConcurrentLinkedQueue<>();
    /**
     * Killed processes woken only to unwind ({@link #unparkLazily}): their links, monitors and
     * names are handled already, nobody waits for them, so they run when a carrier has nothing
     * else, and one every {@value #UNWIND_EVERY} tasks of a busy carrier (their stacks are memory).
     * Behind the shared queue they held up the processes that do wait: the Registry partition or
     * the {@code trap_exit} process taking the {@code {:EXIT, ...}} messages of a mass kill ran
     * only after every victim queued before it had unwound.
     */
    private final ConcurrentLinkedQueue<Runnable> unwinding = new ConcurrentLinkedQueue<>();
    private final Object carriersLock = new Object();
    /** Copy on write, under {@link #carriersLock}. */
    private volatile Carrier[] carriers = new Carrier[0];
    private int carrierNumber;
    /**
     * True while the monitor sleeps for want of anything to watch (every carrier idle, nothing
     * queued): a carrier that leaves idle wakes it ({@link #leftIdle}). An idle node made the
     * monitor tick 50 times a second, each tick a wake-up of a core.
     */
    private volatile boolean monitorAsleep;
    private final Thread monitor;

    private Scheduler(int base) {
        this.base = base;
        synchronized (carriersLock) {
            for (int i = 0; i < base; i++) addCarrier();
        }
        monitor = Thread.ofPlatform().daemon().name("procshell-scheduler").start(this::watch);
    }

    /** True when this JVM lets the runtime schedule its processes itself (see the class comment). */
    public static boolean available() {
        return BUILDER != null && CURRENT_CARRIER != null;
    }

    /**
     * The factory of process threads: virtual threads on this scheduler when {@link #available()},
     * else on the JDK's.
     */
    public static ThreadFactory factory() {
        if (!available()) return Thread.ofVirtual().factory();
        try {
            return ((Thread.Builder.OfVirtual) BUILDER.newInstance(get())).factory();
        } catch (ReflectiveOperationException e) {
            return Thread.ofVirtual().factory();
        }
    }

    /** The scheduler, started on first use with one carrier per core. */
    static Scheduler get() {
        Scheduler s = instance;
        if (s == null) {
            synchronized (Scheduler.class) {
                s = instance;
                if (s == null) instance = s = new Scheduler(Runtime.getRuntime().availableProcessors());
            }
        }
        return s;
    }

    /**
     * True when no process of this runtime's scheduler runs or waits to run: every carrier parked
     * for want of work, none with a next process, the shared queue empty (killed processes that
     * only unwind aside: their exits are processed). A look of a few fields per carrier, however
     * many processes wait, for the shell's settling between inputs. False when processes run on
     * the JDK's scheduler instead ({@link #available()}), where nothing is known; true when no
     * process was ever started.
     */
    public static boolean idle() {
        if (!available()) return false;
        Scheduler s = instance;
        if (s == null) return true;
        if (!s.shared.isEmpty()) return false;
        for (Carrier c : s.carriers) if (!c.idle || c.next != null) return false;
        return s.shared.isEmpty(); // (again: the monitor may have moved a carrier's next there meanwhile)
    }

    /** The carriers running now (for tests): {@link #baseCarriers()}, and those the monitor added. */
    int carrierCount() {
        return carriers.length;
    }

    /** The carriers a node starts with: one per core. */
    public static int baseCarriers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Schedules a virtual thread's continuation ({@code runContinuation}); the JDK calls this when
     * the thread starts, is unparked, or yields. Never blocks.
     */
    @Override
    public void execute(Runnable task) {
        Thread t = currentCarrier();
        if (t instanceof Carrier c && c.scheduler == this && c.lazyFor != null && c.lazyFor == Thread.currentThread()) {
            // unparkLazily: behind every process that waits for something, and no core woken for
            // it (the monitor wakes an idle one should it wait a whole tick)
            unwinding.offer(task);
            return;
        }
        if (t instanceof Carrier c && c.scheduler == this && Thread.currentThread() != t) {
            // A process woke another: the woken one runs next here, once the waker parks or yields
            // (a call, a ping-pong: the waker waits for the answer at once). The one it replaces has
            // waited already: to the shared queue, where an idle core may take it.
            Runnable old = (Runnable) NEXT.getAndSet(c, task);
            if (old == null) return;
            task = old;
        } else if (t instanceof Carrier c && c.scheduler == this) {
            // The carrier itself, after a yield (or a wake-up that came while parking): to the back of
            // the queue. This carrier looks there next, so no one else needs waking for it.
            shared.offer(task);
            return;
        }
        if (HELPS && t instanceof ProcessThread pt && !(pt.helping && Thread.currentThread() == pt)) {
            // Woken by the process of that thread, or by one it runs meanwhile (not a process it
            // runs yielding): that thread may run it itself once it waits (helpWhileWaiting).
            task = pt.claim(task);
            if (pt.waitsNext && Thread.currentThread() == pt) {
                shared.offer(task);
                return;
            }
        }
        shared.offer(task);
        wakeIdle();
    }

    /**
     * True when the calling thread is a process running on this runtime's scheduler, where a yield
     * goes to the back of the shared queue (so {@link Reductions} needs no other fairness).
     */
    static boolean runsCurrentThread() {
        return CURRENT_CARRIER != null && Thread.currentThread().isVirtual() && currentCarrier() instanceof Carrier;
    }

    /**
     * At the end of a process's time slice on this scheduler: true when nothing else waits to run
     * (the calling carrier's {@link Carrier#next} slot, the shared queue and the queue of
     * {@link #unwinding} processes are empty), so the process may keep its carrier for another
     * slice instead of yielding it (an unmount and a remount: about 1.3 us a slice of ~7 us in a
     * tight loop). The carrier then counts a task started, as a yield would have, so that the
     * {@link #watch monitor} does not take it for a hog when work comes. False off this scheduler
     * or when anything waits: the caller yields then, as the BEAM's scheduler switches process
     * at the end of a slice only when another is runnable.
     */
    static boolean keepsCarrier() {
        if (CURRENT_CARRIER == null || !Thread.currentThread().isVirtual() || !(currentCarrier() instanceof Carrier c)) return false;
        Scheduler s = c.scheduler;
        if (c.next != null || !s.shared.isEmpty() || !s.unwinding.isEmpty()) return false;
        c.started++; // (this carrier's thread: the process runs on it)
        return true;
    }

    /**
     * Runs the processes the calling {@link ProcessThread} woke, newest first, while
     * {@code waitGoesOn} holds: for a process on a platform thread of its own (the shell's
     * evaluator) waiting in {@code receive}. A process woken from outside the carriers waits in
     * the shared queue for a carrier (one is woken for it), and its answer wakes the waiting
     * thread again: a {@code GenServer.call} from the shell cost two thread wake-ups, 25-30 us in a
     * VM (10,000 {@code Agent.update}s in a script: 220-340 ms, the BEAM's 24). Run here, the
     * callee answers on its caller's thread, as on the BEAM it runs on its caller's scheduler;
     * each runs until it waits or yields, as on a carrier, and one that yields goes back to the
     * shared queue: only what the waiter woke runs here, never a loop that merely yields.
     *
     * <p>Only where a process that blocks in a {@code synchronized} block does not keep its
     * carrier (JDK 24+): one that did would block the waiting process with it.
     *
     * @param me         the calling thread ({@link #helper})
     * @param waitGoesOn tested before each process: false once the wait is over (a message came,
     *                   the waiter was killed or interrupted, its deadline passed)
     */
    static void helpWhileWaiting(ProcessThread me, java.util.function.BooleanSupplier waitGoesOn) {
        me.helping = true;
        try {
            ProcessThread.Claim c;
            while (waitGoesOn.getAsBoolean() && (c = me.nextClaim()) != null) {
                try {
                    c.run();
                } catch (Throwable e) {
                    // a continuation does not throw; the waiter must survive one that would
                }
            }
        } finally {
            me.helping = false;
        }
    }

    /** See {@link #helpWhileWaiting}: the JDK's virtual threads no longer pinned by monitors. */
    private static final boolean HELPS = Runtime.version().feature() >= 24;

    /**
     * The calling thread when it may run the processes it woke while it waits
     * ({@link #helpWhileWaiting}), else null: asked before a wait builds its condition, so that
     * the waits of every other process (a million parked ones) allocate nothing for it.
     */
    static ProcessThread helper() {
        return HELPS && Thread.currentThread() instanceof ProcessThread me ? me : null;
    }

    /**
     * Unparks {@code thread} as {@link LockSupport#unpark} does, but when called by a process on
     * this scheduler a woken process goes to the queue of {@link #unwinding} processes, without
     * taking the caller's {@link Carrier#next} slot or waking another core: for a killed process,
     * which wakes only to unwind. A kill loop (a supervisor shutting down its children, {@code registry_unique}
     * killing 10,000 processes, a start followed by a kill) otherwise woke the other core for each
     * victim, whose unwinding nobody waits for.
     */
    static void unparkLazily(Thread thread) {
        Thread me = Thread.currentThread();
        if (CURRENT_CARRIER != null && me.isVirtual() && currentCarrier() instanceof Carrier c) {
            // No park between here and the unpark: the caller stays on this carrier meanwhile.
            c.lazyFor = me;
            try {
                LockSupport.unpark(thread);
            } finally {
                c.lazyFor = null;
            }
        } else {
            LockSupport.unpark(thread);
        }
    }

    private static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wakes one idle carrier, if any; false when every carrier is busy. */
    private boolean wakeIdle() {
        for (Carrier c : carriers) {
            if (c.idle && IDLE.compareAndSet(c, true, false)) {
                LockSupport.unpark(c);
                return true;
            }
        }
        return false;
    }

    /** Under {@link #carriersLock}. */
    private void addCarrier() {
        Carrier c = new Carrier(this, "procshell-carrier-" + (++carrierNumber));
        Carrier[] now = carriers;
        Carrier[] grown = java.util.Arrays.copyOf(now, now.length + 1);
        grown[now.length] = c;
        carriers = grown;
        c.start();
    }

    /** Removes an idle carrier beyond one per core; false (and it stays) when it is needed. */
    private boolean retire(Carrier c) {
        synchronized (carriersLock) {
            Carrier[] now = carriers;
            if (now.length <= base) return false;
            Carrier[] less = new Carrier[now.length - 1];
            int j = 0;
            for (Carrier x : now) if (x != c && j < less.length) less[j++] = x;
            carriers = less;
            return true;
        }
    }

    /**
     * The monitor: every tick, hands a {@link Carrier#next} slot that waited a whole tick to the
     * shared queue, wakes an idle carrier for queued work, and starts a carrier when every one is
     * held by a process that has not yielded for {@value #HOG_TICKS} ticks while work waits. While
     * every carrier is idle and nothing is queued it sleeps until a carrier leaves idle.
     */
    private void watch() {
        while (true) {
            boolean busy = false;
            boolean allStuck = true;
            boolean allIdle = true;
            for (Carrier c : carriers) {
                long ran = c.started;
                Runnable n = c.next;
                boolean idle = c.idle;
                if (!idle || n != null) allIdle = false;
                // Ticks are fast while processes come and go; a carrier held by one loop (or a
                // blocking read) with nothing waiting behind it needs no fast ticks.
                if (!idle && (ran != c.seenStarted || n != null)) busy = true;
                if (n != null && n == c.seenNext && ran == c.seenStarted && NEXT.compareAndSet(c, n, null)) shared.offer(n);
                c.stuckTicks = !idle && ran == c.seenStarted ? c.stuckTicks + 1 : 0;
                if (c.stuckTicks < HOG_TICKS) allStuck = false;
                c.seenStarted = ran;
                c.seenNext = c.next;
            }
            boolean waiting = !shared.isEmpty() || !unwinding.isEmpty();
            if (waiting) busy = true;
            if (waiting && !wakeIdle() && allStuck) {
                synchronized (carriersLock) {
                    if (carriers.length < MAX_CARRIERS) addCarrier();
                }
            }
            if (allIdle && !waiting) {
                sleepWhileIdle();
                continue;
            }
            LockSupport.parkNanos(this, busy ? TICK_NS : IDLE_TICK_NS);
        }
    }

    /**
     * The monitor's sleep while nothing runs. Published before the second look, as a carrier
     * leaving idle publishes that before it looks whether the monitor sleeps: one of the two sees
     * the other, so no carrier runs unwatched.
     */
    private void sleepWhileIdle() {
        monitorAsleep = true;
        boolean idle = shared.isEmpty() && unwinding.isEmpty();
        for (Carrier c : carriers) if (!c.idle || c.next != null) idle = false;
        if (idle) LockSupport.parkNanos(this, ASLEEP_NS);
        monitorAsleep = false;
    }

    /** True while the monitor sleeps for want of anything to watch (for tests). */
    boolean monitorSleeps() {
        return monitorAsleep;
    }

    /** Called by a carrier that leaves idle (its {@code idle} read false since): wakes the monitor if it sleeps. */
    private void leftIdle() {
        if (monitorAsleep) LockSupport.unpark(monitor);
    }

    /** A carrier: a platform thread that runs the continuations of processes, one at a time. */
    static final class Carrier extends Thread {
        final Scheduler scheduler;
        /** The process to run next, woken by the one running now; see {@link Scheduler#execute}. */
        volatile Runnable next;
        /** True while parked for want of work; a waker sets it false before unparking. */
        volatile boolean idle;
        /** The process whose current unpark is lazy ({@link Scheduler#unparkLazily}); set and read on this carrier only. */
        Thread lazyFor;
        /** Counts the tasks started (written by this carrier only), for the monitor. */
        volatile long started;
        // The monitor's own view, touched by the monitor thread only.
        long seenStarted = -1;
        Runnable seenNext;
        int stuckTicks;
        private int fromSlot;
        private int sinceUnwind;

        Carrier(Scheduler scheduler, String name) {
            super(null, null, name, 0, false);
            this.scheduler = scheduler;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                Runnable task = take();
                if (task == null) {
                    if (!awaitWork()) return;
                    scheduler.leftIdle();
                    continue;
                }
                started++;
                try {
                    task.run();
                } catch (Throwable e) {
                    // a continuation does not throw; a carrier must survive one that would
                }
            }
        }

        /**
         * Its own slot first, but the shared queue every {@value Scheduler#FAIR_EVERY} tasks; killed
         * processes to unwind last, but one every {@value Scheduler#UNWIND_EVERY} tasks.
         */
        private Runnable take() {
            if (++sinceUnwind >= UNWIND_EVERY) {
                sinceUnwind = 0;
                Runnable dead = scheduler.unwinding.poll();
                if (dead != null) return dead;
            }
            if (++fromSlot >= FAIR_EVERY) {
                fromSlot = 0;
                Runnable queued = scheduler.shared.poll();
                if (queued != null) return queued;
            }
            Runnable mine = (Runnable) NEXT.getAndSet(this, null);
            if (mine != null) return mine;
            fromSlot = 0;
            Runnable queued = scheduler.shared.poll();
            return queued != null ? queued : scheduler.unwinding.poll();
        }

        /** Parks until woken for work; false when this carrier retired instead. */
        private boolean awaitWork() {
            idle = true;
            // Published before looking: a task queued after this look finds us idle and wakes us.
            if (!scheduler.shared.isEmpty() || next != null || !scheduler.unwinding.isEmpty()) {
                IDLE.compareAndSet(this, true, false); // if it fails, a waker's unpark is pending: harmless
                return true;
            }
            long since = System.nanoTime();
            while (idle) {
                LockSupport.parkNanos(this, RETIRE_MS * 1_000_000);
                if (idle && System.nanoTime() - since >= RETIRE_MS * 1_000_000 && IDLE.compareAndSet(this, true, false)) {
                    if (scheduler.retire(this)) {
                        if (!scheduler.shared.isEmpty() || !scheduler.unwinding.isEmpty()) scheduler.wakeIdle();
                        return false;
                    }
                    return true;
                }
            }
            return true;
        }
    }
}
