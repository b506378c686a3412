package procshell.runtime.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.trace.TraceHook;
import procshell.runtime.trace.Tracing;

/**
 * A node's record of one live (or just dead) local process: its mailbox, links, monitors,
 * registered name, flags and exit handling.
 *
 * <p>Exit signals follow the BEAM: a link signal with reason {@code :normal} is ignored by a
 * process that does not trap exits; any other reason kills it, unless it traps exits, in which
 * case the signal arrives as {@code {:EXIT, from, reason}}; {@code Process.exit(pid, :kill)}
 * cannot be trapped and ends the process with {@code :killed}.
 *
 * <p>A process is dead for everyone the moment its exit is processed: it leaves the process
 * table, loses its name, its links and monitors fire, even if its thread is still unwinding.
 * That thread is woken (interrupted, unless it waits in receive) and every runtime call it makes afterwards throws
 * {@link ProcessExitedError}.
 */
public final class LocalProcess {
    private final Node node;
    private final Pid pid;
    private final Mailbox mailbox = new Mailbox();
    private final Tuple initialCall;
    /** Written by the owner only (one plain add per message); observers read it racily. */
    private long reductions;
    private volatile Thread thread;
    private volatile boolean trapExit;
    private volatile boolean dead;
    private volatile boolean waiting;
    private volatile Object exitReason;
    private volatile java.util.Set<Ref> droppedReplies;
    private volatile Interruption pendingInterruption;

    /**
     * The linked processes. Concurrent, because a process that links to this one adds itself
     * without this one's lock (a Registry partition is linked by every process that registers:
     * under its lock, the registering carriers spun on it); this process's own changes and its
     * exit's snapshot are made under its lock. Null before the first link and once dead.
     */
    private volatile ConcurrentHashMap<Pid, LocalProcess> links;
    /**
     * The processes monitoring this one, by monitor reference: concurrent like {@link #links}, for
     * the same reason (a GenServer called by two processes was monitored by both under its lock).
     */
    private volatile ConcurrentHashMap<Ref, LocalProcess> monitoredBy;
    // Guarded by this (registeredName written under it, read without it).
    private Map<Ref, LocalProcess> monitors;
    private volatile Atom registeredName;
    private Map<Object, Object> dictionary;
    private List<java.util.function.Consumer<Object>> exitHooks;
    private List<java.util.function.Consumer<Object>> portHooks;

    /**
     * Creates the record; {@link Node} does this when it spawns.
     *
     * @param node        the owning node
     * @param pid         the new pid
     * @param initialCall {@code {module, function, arity}} or null
     * @param trapExit    initial {@code trap_exit} flag
     */
    public LocalProcess(Node node, Pid pid, Tuple initialCall, boolean trapExit) {
        this.node = node;
        this.pid = pid;
        this.initialCall = initialCall;
        this.trapExit = trapExit;
    }

    /** This process's pid. */
    public Pid pid() {
        return pid;
    }

    /** The node this process lives on. */
    public Node node() {
        return node;
    }

    /** This process's mailbox. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** Binds the thread that runs this process; woken or interrupted when the process is killed. */
    public synchronized void bindThread(Thread t) {
        this.thread = t;
    }

    /** The thread running this process, or null before it starts. */
    public Thread thread() {
        return thread;
    }

    /** False once the exit of this process has been processed. */
    public boolean isAlive() {
        return !dead;
    }

    /** The exit reason, or null while alive. */
    public Object exitReason() {
        return exitReason;
    }

    /**
     * Throws {@link ProcessExitedError} when this process is dead; called by every runtime
     * operation a process makes on itself.
     */
    public void checkAlive() {
        if (dead) throw new ProcessExitedError(exitReason);
    }

    /**
     * Stops the work this process is doing without ending it, as the shell's Ctrl-C stops an input:
     * {@code interruption} is thrown in this process at its next wait ({@code receive}, a start
     * waiting for {@code init/1}) or reduction check ({@link Reductions}); its links, monitors,
     * name and mailbox stay as they are.
     *
     * @param interruption what to throw there
     * @return false when this process is dead
     */
    public boolean interrupt(Interruption interruption) {
        synchronized (this) {
            if (dead) return false;
            pendingInterruption = interruption;
            Thread t = thread;
            if (t != null && t != Thread.currentThread() && !mailbox.wakeIfWaiting(t)) t.interrupt();
        }
        return true;
    }

    /** True while this process is alive with no interruption pending: a wait of it may go on. */
    boolean undisturbed() {
        return !dead && pendingInterruption == null;
    }

    /**
     * As {@link #checkAlive()}, then throws (once) the interruption {@link #interrupt} asked for;
     * called by the process itself where it waits or checks its reductions.
     *
     * @throws ProcessExitedError when this process is dead
     * @throws Interruption       when its work was interrupted
     */
    public void checkInterrupted() {
        checkAlive();
        Interruption i = pendingInterruption;
        if (i != null) {
            pendingInterruption = null;
            throw i;
        }
    }

    /**
     * Forgets an interruption that came too late to stop anything; returns it, or null. The shell
     * calls this between inputs, so that a Ctrl-C racing the end of one does not stop the next.
     */
    public Interruption clearInterruption() {
        Interruption i = pendingInterruption;
        pendingInterruption = null;
        return i;
    }

    static {
        // Let the JIT see checkAlive throw before it compiles the receive loop that calls it after
        // every wake-up: a branch never taken in the profile is compiled as a trap, and a trap in a
        // frame parked before the first kill deoptimizes that frame alone, for each killed process.
        LocalProcess dummy = new LocalProcess(null, null, null, false);
        dummy.dead = true;
        for (int i = 0; i < 20_000; i++) {
            try {
                dummy.checkAlive();
            } catch (ProcessExitedError expected) {
                // as intended
            }
        }
    }

    /** The {@code trap_exit} flag. */
    public boolean trapsExits() {
        return trapExit;
    }

    /**
     * Sets {@code trap_exit}, as {@code Process.flag(:trap_exit, value)}.
     *
     * @return the previous value
     */
    public boolean setTrapExit(boolean on) {
        boolean old = trapExit;
        trapExit = on;
        return old;
    }

    /**
     * Marks the process as waiting (parked in receive, or sleeping, as {@code Process.sleep/1}) or
     * running again, for {@link #status()}; called by the process itself.
     */
    public void markWaiting(boolean on) {
        waiting = on;
    }

    /**
     * True when {@link #status()} is {@code :waiting} (parked in receive or asleep, and not dead),
     * without looking up the atom: for a caller that polls every process (the shell's settling).
     */
    public boolean isWaiting() {
        return waiting && !dead;
    }

    /** {@code :waiting} when parked in receive or asleep, else {@code :running}; {@code :exiting} once dead. */
    public Atom status() {
        if (dead) return Atom.of("exiting");
        return waiting ? Atom.of("waiting") : Atom.of("running");
    }

    /** The {@code {module, function, arity}} this process started in, or null. */
    public Tuple initialCall() {
        return initialCall;
    }

    /**
     * Counts one unit of work (a received message), reported as reductions. Called by the owning
     * process only, so a plain add suffices.
     */
    public void bumpReductions() {
        reductions++;
    }

    /** Counts {@code n} reductions of computation ({@link Reductions}' budget); owner only. */
    public void addReductions(int n) {
        reductions += n;
    }

    /**
     * Units of work done so far (messages received, and {@link Reductions}' time slices of
     * computation), as {@code Process.info(pid, :reductions)};
     * from another thread a possibly slightly stale figure, read without a lock.
     */
    public long reductions() {
        return reductions;
    }

    /**
     * How many links, monitors (both ways) and dictionary entries this process holds, for a memory
     * estimate: read without the lock, so from another thread a best-effort figure.
     */
    public int bookkeepingEntries() {
        Map<?, ?> l = links, m = monitors, b = monitoredBy, d = dictionary;
        return (l == null ? 0 : l.size()) + (m == null ? 0 : m.size()) + (b == null ? 0 : b.size()) + (d == null ? 0 : d.size());
    }

    /** Delivers a message; dropped silently when this process is dead, as on the BEAM. */
    public void deliver(Object message) {
        if (dead) return;
        java.util.Set<Ref> dropped = droppedReplies;
        if (dropped != null && message instanceof Tuple t && t.size() == 2 && procshell.runtime.dist.ImproperList.replyRef(t.get(0)) instanceof Ref r && dropped.remove(r)) {
            return; // a reply to a call that already timed out
        }
        TraceHook trace = Tracing.hook();
        if (trace != null) trace.message(pid, message);
        mailbox.add(message);
    }

    /**
     * Drops the reply {@code {ref, reply}} to a call that gave up waiting, should it still come, as
     * OTP 24+ does by deactivating the call's alias: a late reply never reaches the mailbox. A
     * reply already queued is removed by the caller itself.
     */
    public void dropReplyTo(Ref ref) {
        java.util.Set<Ref> dropped = droppedReplies;
        if (dropped == null) {
            synchronized (this) {
                if (droppedReplies == null) droppedReplies = java.util.concurrent.ConcurrentHashMap.newKeySet();
                dropped = droppedReplies;
            }
        }
        dropped.add(ref);
    }

    // ---- names --------------------------------------------------------------------------------

    /** The locally registered name, or null (read without the lock). */
    public Atom registeredName() {
        return registeredName;
    }

    /**
     * Records a registered name; the node's name table calls this under its own rules.
     *
     * @return false when this process is dead or already has a name
     */
    public synchronized boolean claimName(Atom name) {
        if (dead || registeredName != null) return false;
        registeredName = name;
        return true;
    }

    /** Forgets the registered name if it is {@code name}. */
    public synchronized void releaseName(Atom name) {
        if (name.equals(registeredName)) registeredName = null;
    }

    // ---- dictionary ---------------------------------------------------------------------------

    /** Puts into the process dictionary, as {@code Process.put/2}; returns the old value or null. */
    public synchronized Object dictionaryPut(Object key, Object value) {
        if (dictionary == null) dictionary = new LinkedHashMap<>();
        return dictionary.put(key, value);
    }

    /** Reads the process dictionary, as {@code Process.get/1}. */
    public synchronized Object dictionaryGet(Object key) {
        return dictionary == null ? null : dictionary.get(key);
    }

    /** Removes a key from the process dictionary, as {@code Process.delete/1}; returns its value or null. */
    public synchronized Object dictionaryRemove(Object key) {
        return dictionary == null ? null : dictionary.remove(key);
    }

    /** A copy of the process dictionary, as {@code Process.get/0}. */
    public synchronized Map<Object, Object> dictionary() {
        return dictionary == null ? Map.of() : new LinkedHashMap<>(dictionary);
    }

    // ---- links --------------------------------------------------------------------------------

    /**
     * Links this process and {@code other}, as {@code Process.link/1} called by this process.
     * Linking to a dead process delivers an exit signal with reason {@code :noproc} instead.
     */
    public void link(LocalProcess other) {
        if (tryLink(other)) return;
        if (dead) {
            // We are dead: our exit already ran, so the other end gets our exit signal now.
            if (!other.dead) exitSignal(other, pid, exitReason, true);
        } else {
            exitSignal(this, other.pid, Atom.NOPROC, true);
        }
    }

    /**
     * Links this process and {@code other} when both are alive. Either end's exit signals the
     * other exactly once: this side is added under this process's lock, the other side without
     * the other's lock (see {@link #links}); should either end die meanwhile, its exit may have
     * taken its snapshot of links without this link, so the signal it would have sent is sent
     * here, and the receiving side's link, consumed by whichever signal comes first, makes sure
     * only one acts. As on the BEAM, a process dying while the link is made gives either its
     * reason or nothing more (the link was not made): the call came while both were alive.
     *
     * @return false (and no link) when either process is dead
     */
    public boolean tryLink(LocalProcess other) {
        if (other == this) return !dead;
        synchronized (this) {
            if (dead || other.dead) return false;
            linkMap().put(other.pid, other);
        }
        ConcurrentHashMap<Pid, LocalProcess> theirs = other.dead ? null : other.linkMap();
        if (theirs != null) theirs.put(pid, this);
        // Volatile reads after the puts: an exit that set its flag later iterates a map holding them.
        if (other.dead) signal(this, other.pid, other.exitReason, true, other);
        if (dead) signal(other, pid, exitReason, true, this);
        TraceHook trace = Tracing.hook();
        if (trace != null) trace.linked(pid, other.pid);
        return true;
    }

    private static final java.lang.invoke.VarHandle LINKS;

    static {
        try {
            LINKS = java.lang.invoke.MethodHandles.lookup().findVarHandle(LocalProcess.class, "links", ConcurrentHashMap.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** This process's link map, made on first use (by this process or a linker); null once dead. */
    @SuppressWarnings("unchecked")
    private ConcurrentHashMap<Pid, LocalProcess> linkMap() {
        ConcurrentHashMap<Pid, LocalProcess> m = links;
        if (m != null || dead) return m;
        ConcurrentHashMap<Pid, LocalProcess> fresh = new ConcurrentHashMap<>(4);
        return LINKS.compareAndSet(this, null, fresh) ? fresh : links;
    }

    /** Removes the link both ways, as {@code Process.unlink/1}. */
    public void unlink(LocalProcess other) {
        removeLink(other);
        other.removeLink(this);
    }

    /**
     * Removes the link to the process with this pid, as {@code Process.unlink/1}, even when that
     * process has just died: once this returns, the link has no effect on this process any more.
     */
    public void unlinkPid(Pid other) {
        LocalProcess found;
        synchronized (this) {
            Map<Pid, LocalProcess> m = links;
            found = m == null ? null : m.remove(other);
        }
        if (found != null) found.removeLink(this);
    }

    private void removeLink(LocalProcess other) {
        Map<Pid, LocalProcess> m = links;
        if (m != null) m.remove(other.pid, other);
    }

    /** The pids this process is linked to, as {@code Process.info(pid, :links)}. */
    public synchronized List<Pid> links() {
        List<Pid> out = new ArrayList<>();
        Map<Pid, LocalProcess> m = links;
        if (m != null && !dead) out.addAll(m.keySet());
        return out;
    }

    // ---- monitors -----------------------------------------------------------------------------

    /**
     * Makes this process monitor {@code target}, as {@code Process.monitor/1}. When the target is
     * already dead the {@code {:DOWN, ref, :process, pid, :noproc}} message arrives at once.
     *
     * @param target    the monitored process, or null when the pid names no live process
     * @param targetPid the pid as given, for the DOWN message
     * @return the monitor reference
     */
    public Ref monitor(LocalProcess target, Pid targetPid) {
        Ref ref = node.makeRef();
        boolean live = false;
        if (target != null) {
            // This side under this process's lock, the target's without its lock (as tryLink does).
            synchronized (this) {
                live = !target.dead && !dead;
                if (live) {
                    if (monitors == null) monitors = new HashMap<>(4);
                    monitors.put(ref, target);
                }
            }
            if (live) {
                ConcurrentHashMap<Ref, LocalProcess> theirs = target.dead ? null : target.watcherMap();
                if (theirs != null) theirs.put(ref, this);
                // Volatile reads after the put: a target that died meanwhile may have taken its
                // watchers without this one, so its DOWN is queued here, once (see fireDown).
                if (target.dead) fireDown(ref, target.pid, target.exitReason);
                if (dead && theirs != null) theirs.remove(ref, this);
            }
        }
        if (!live) deliver(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, targetPid, Atom.NOPROC));
        return ref;
    }

    /**
     * Queues {@code {:DOWN, ref, :process, pid, reason}} if this process still holds the monitor:
     * it leaves the table as the DOWN is queued, both under this process's lock, so the monitor
     * fires once, and a concurrent demonitor either wins (no DOWN) or finds it queued.
     */
    private void fireDown(Ref ref, Pid of, Object reason) {
        synchronized (this) {
            if (monitors != null && monitors.remove(ref) != null) {
                deliver(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, of, reason));
            }
        }
    }

    private static final java.lang.invoke.VarHandle MONITORED_BY;

    static {
        try {
            MONITORED_BY = java.lang.invoke.MethodHandles.lookup().findVarHandle(LocalProcess.class, "monitoredBy", ConcurrentHashMap.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The map of this process's watchers, made on first use; null once dead. */
    @SuppressWarnings("unchecked")
    private ConcurrentHashMap<Ref, LocalProcess> watcherMap() {
        ConcurrentHashMap<Ref, LocalProcess> m = monitoredBy;
        if (m != null || dead) return m;
        ConcurrentHashMap<Ref, LocalProcess> fresh = new ConcurrentHashMap<>(4);
        return MONITORED_BY.compareAndSet(this, null, fresh) ? fresh : monitoredBy;
    }

    /**
     * Removes a monitor this process holds, as {@code Process.demonitor/1}. Once this returns, no
     * {@code :DOWN} message for {@code ref} can arrive any more: either it is already queued (the
     * monitor had fired; returns false) or it never will be.
     *
     * @return true when the monitor was active
     */
    public boolean demonitor(Ref ref) {
        LocalProcess target;
        synchronized (this) {
            target = monitors == null ? null : monitors.remove(ref);
        }
        if (target == null) return false;
        Map<Ref, LocalProcess> theirs = target.monitoredBy;
        if (theirs != null) theirs.remove(ref);
        return true;
    }

    /** The pids this process monitors, as {@code Process.info(pid, :monitors)}. */
    public synchronized List<Pid> monitoredPids() {
        List<Pid> out = new ArrayList<>();
        if (monitors != null) for (LocalProcess p : monitors.values()) out.add(p.pid);
        return out;
    }

    /** The pids monitoring this process, as {@code Process.info(pid, :monitored_by)}. */
    public synchronized List<Pid> monitoredBy() {
        List<Pid> out = new ArrayList<>();
        Map<Ref, LocalProcess> m = monitoredBy;
        if (m != null && !dead) for (LocalProcess p : m.values()) out.add(p.pid);
        return out;
    }

    /**
     * Runs {@code hook} with the exit reason once this process's exit is processed, after its
     * links and monitors; the distribution uses it for links and monitors that cross nodes.
     *
     * @return false, and nothing registered, when this process is dead already
     */
    public synchronized boolean onExit(java.util.function.Consumer<Object> hook) {
        if (dead) return false;
        if (exitHooks == null) exitHooks = new ArrayList<>(1);
        exitHooks.add(hook);
        return true;
    }

    /**
     * Runs {@code closer} with the exit reason when this process exits, before its links and
     * monitors are signalled, as the BEAM closes the ports a process owns: a socket whose owner
     * died is closed by the time a supervisor hears of the death (and restarts a listener on the
     * same port).
     *
     * @return false, and nothing registered, when this process is dead already
     */
    public synchronized boolean onExitClosePort(java.util.function.Consumer<Object> closer) {
        if (dead) return false;
        if (portHooks == null) portHooks = new ArrayList<>(1);
        portHooks.add(closer);
        return true;
    }

    /** Forgets a hook given to {@link #onExit} or {@link #onExitClosePort} (a socket closed, or handed to another process). */
    public synchronized void removeExitHook(java.util.function.Consumer<Object> hook) {
        if (exitHooks != null) exitHooks.remove(hook);
        if (portHooks != null) portHooks.remove(hook);
    }

    // ---- exits --------------------------------------------------------------------------------

    /**
     * Sends an exit signal to {@code target}, as a link does when its other end dies
     * ({@code link == true}) or as {@code Process.exit(target, reason)} does ({@code link == false}).
     *
     * @param target the process receiving the signal
     * @param from   the pid the signal comes from
     * @param reason the exit reason
     * @param link   true for a link's signal: {@code :kill} then is an ordinary, trappable reason
     */
    public static void exitSignal(LocalProcess target, Pid from, Object reason, boolean link) {
        signal(target, from, reason, link, null);
    }

    /**
     * Sends an exit signal; {@code viaLink}, when given, is the dying process whose link carries
     * the signal: the signal then only acts if {@code target} still holds that link (consuming it),
     * so that once {@code unlink} has returned the link has no effect any more, as on the BEAM.
     */
    private static void signal(LocalProcess target, Pid from, Object reason, boolean link, LocalProcess viaLink) {
        SignalCascade cascade = SignalCascade.current();
        if (cascade.running) {
            // Already processing a cascade on this thread: queue instead of recursing. Signals that
            // kill go first and trapped ones (which become {:EXIT, ...} messages) last, so that a
            // supervisor learns of a death only once everything that dies with it is dead and has
            // let go of its names: on the BEAM the cascade is that quick too.
            Runnable r = () -> target.handleExitSignal(from, reason, link, viaLink);
            if (target.trapExit && !(!link && Atom.KILL.equals(reason))) cascade.pending.addLast(r);
            else cascade.pending.addFirst(r);
            return;
        }
        cascade.running = true;
        // The whole cascade counts as one exit in progress: a signal still queued here has not
        // reached its target's mailbox, though the process it announces has left the tables.
        Node counted = target.node;
        counted.exitProcessing();
        try {
            target.handleExitSignal(from, reason, link, viaLink);
            Runnable next;
            while ((next = cascade.pending.poll()) != null) next.run();
        } finally {
            cascade.pending.clear();
            cascade.running = false;
            counted.exitProcessed();
        }
    }

    private void handleExitSignal(Pid from, Object reason, boolean link, LocalProcess viaLink) {
        Exit exit;
        // Decided under this process's lock, atomically with unlink and with the flag it acts on.
        synchronized (this) {
            if (dead) return;
            Map<Pid, LocalProcess> m = links;
            if (viaLink != null && (m == null || !m.remove(viaLink.pid, viaLink))) return; // unlinked meanwhile
            if (!link && Atom.KILL.equals(reason)) {
                exit = markDead(Atom.KILLED);
            } else if (trapExit) {
                deliver(Tuple.of(Atom.EXIT, from, reason));
                return;
            } else if (Atom.NORMAL.equals(reason)) {
                if (link || !pid.equals(from)) return;
                exit = markDead(Atom.NORMAL);
            } else {
                exit = markDead(reason);
            }
        }
        TraceHook trace = Tracing.hook();
        if (trace != null) trace.exitSignal(from, pid, reason);
        finishExit(exit);
    }

    /** What {@link #markDead} took from a dying process, for {@link #finishExit}. */
    private record Exit(Object reason, Map<Pid, LocalProcess> links, Map<Ref, LocalProcess> watchers,
                        Map<Ref, LocalProcess> watched, Atom name) {}

    /**
     * Processes this process's exit: marks it dead, removes it from the node's tables, fires its
     * links and monitors, publishes the exit and interrupts its thread.
     *
     * @param reason the exit reason
     * @return false when the process was already dead
     */
    public boolean terminate(Object reason) {
        Exit exit;
        synchronized (this) {
            if (dead) return false;
            exit = markDead(reason);
        }
        finishExit(exit);
        return true;
    }

    /** The first half of an exit, under this process's lock: from now on it is dead for everyone. */
    private Exit markDead(Object reason) {
        // Counted before anyone can see this process dead, until finishExit has signalled
        // everyone: between the two it is in no table, yet its supervisor has not heard of it.
        node.exitProcessing();
        exitReason = reason;
        dead = true;
        // The links after the flag: a linker that puts itself in after this sees the flag and
        // signals itself (tryLink); one that put itself in before is in this snapshot.
        @SuppressWarnings("unchecked")
        Map<Pid, LocalProcess> linked = (Map<Pid, LocalProcess>) LINKS.getAndSet(this, null);
        @SuppressWarnings("unchecked")
        Map<Ref, LocalProcess> watchers = (Map<Ref, LocalProcess>) MONITORED_BY.getAndSet(this, null);
        Exit exit = new Exit(reason, linked, watchers, monitors, registeredName);
        monitors = null;
        registeredName = null;
        // Under the lock, so that a thread leaving the process (Node.detach) can clear the flag
        // knowing no interrupt of ours is still to come.
        Thread t = thread;
        if (t != null && t != Thread.currentThread() && !mailbox.wakeDeadIfWaiting(t)) t.interrupt();
        return exit;
    }

    /**
     * The second half of an exit, without this process's lock: tables, ports, links, monitors,
     * event; counted by {@link Node#exitsInProgress()} until done.
     */
    private void finishExit(Exit exit) {
        try {
            signalExit(exit);
        } finally {
            node.exitProcessed();
        }
    }

    private void signalExit(Exit exit) {
        Object reason = exit.reason();
        node.processExited(this, exit.name());
        List<java.util.function.Consumer<Object>> ports;
        synchronized (this) {
            ports = portHooks; // none can be added once dead
            portHooks = null;
        }
        runHooks(ports, reason);
        // Links before monitors, as the BEAM does: a process that both links and monitors (a
        // GenServer starter) has the {:EXIT, ...} message queued once its :DOWN arrives.
        if (exit.links() != null) {
            for (LocalProcess l : exit.links().values()) signal(l, pid, reason, true, this);
        }
        if (exit.watched() != null) {
            for (Map.Entry<Ref, LocalProcess> e : exit.watched().entrySet()) {
                Map<Ref, LocalProcess> theirs = e.getValue().monitoredBy;
                if (theirs != null) theirs.remove(e.getKey());
            }
        }
        if (exit.watchers() != null) {
            for (Map.Entry<Ref, LocalProcess> e : exit.watchers().entrySet()) {
                // The monitor fires once (fireDown); demonitor with :flush removes a queued DOWN.
                e.getValue().fireDown(e.getKey(), pid, reason);
            }
        }
        List<java.util.function.Consumer<Object>> hooks;
        synchronized (this) {
            hooks = exitHooks; // no hook can be added once dead
            exitHooks = null;
        }
        runHooks(hooks, reason);
        node.events().publishExit(pid, exit.name(), reason);
    }

    private static void runHooks(List<java.util.function.Consumer<Object>> hooks, Object reason) {
        if (hooks == null) return;
        for (java.util.function.Consumer<Object> h : hooks) {
            try {
                h.accept(reason);
            } catch (RuntimeException e) {
                // one failing hook (a socket that would not close) must not stop the others
            }
        }
    }

    @Override
    public String toString() {
        return "LocalProcess" + pid;
    }
}
