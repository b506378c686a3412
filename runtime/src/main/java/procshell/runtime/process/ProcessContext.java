package procshell.runtime.process;

import java.util.function.Predicate;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * The running process's view of itself: {@code self()}, {@code receive}, {@code send},
 * {@code link}, {@code monitor}, {@code trap_exit}, {@code exit/1}. A process body receives its
 * context; code deeper down finds it with {@link #current()}.
 */
public final class ProcessContext {
    private static final ThreadLocal<ProcessContext> CURRENT = new ThreadLocal<>();

    private final LocalProcess process;
    /** Reductions left in this time slice ({@link Reductions}); touched by the owner only. */
    int reductionsLeft = Reductions.BUDGET;
    /** The exit signals this process is sending as a cascade; made on its first signal. */
    private SignalCascade signalCascade;

    ProcessContext(LocalProcess process) {
        this.process = process;
    }

    /** Binds a context to the current thread; the node does this when a process starts. */
    public static ProcessContext bind(LocalProcess process) {
        ProcessContext ctx = new ProcessContext(process);
        set(ctx);
        return ctx;
    }

    private static void set(ProcessContext ctx) {
        if (Thread.currentThread() instanceof ProcessThread t) t.context = ctx;
        if (ctx == null) CURRENT.remove();
        else CURRENT.set(ctx);
    }

    /**
     * Binds a running process's own context to the current thread, so that this thread acts as
     * that process until {@link #unbind()}: a process lending itself to another thread for a
     * while (the shell's evaluator, which runs an input on the thread that read it). The process's
     * own thread must not run meanwhile, and {@link LocalProcess#bindThread} must name this thread,
     * so that kills and interrupts reach it.
     *
     * @param context the context the process's own thread was given
     */
    public static void lend(ProcessContext context) {
        set(context);
    }

    /** Unbinds the current thread's context. */
    public static void unbind() {
        set(null);
    }

    /** The context of the process running on this thread, or null on a thread that is no process. */
    public static ProcessContext current() {
        // (a process's own platform thread keeps it in a field: read at every reduction)
        return Thread.currentThread() instanceof ProcessThread t ? t.context : CURRENT.get();
    }

    /**
     * The context of the process running on this thread.
     *
     * @throws IllegalStateException when this thread runs no process
     */
    public static ProcessContext require() {
        ProcessContext c = current();
        if (c == null) throw new IllegalStateException("not called from a process (no self())");
        return c;
    }

    /** This process's {@link SignalCascade}, made on first use; called by its own thread only. */
    SignalCascade signalCascade() {
        SignalCascade c = signalCascade;
        if (c == null) signalCascade = c = new SignalCascade();
        return c;
    }

    /** This process's pid, as {@code self()}. */
    public Pid self() {
        return process.pid();
    }

    /** The node this process lives on. */
    public Node node() {
        return process.node();
    }

    /** The node's record of this process. */
    public LocalProcess process() {
        return process;
    }

    /** Waits for the oldest message, forever, as {@code receive do m -> m end}. */
    public Object receive() {
        Object m = process.mailbox().take(null, -1, process);
        process.bumpReductions();
        return m;
    }

    /**
     * Waits for the oldest message, as {@code receive do m -> m after ms -> ... end}.
     *
     * @param timeoutMs ms to wait; 0 polls; negative waits forever
     * @return the message or {@link Mailbox#TIMEOUT}
     */
    public Object receive(long timeoutMs) {
        Object m = process.mailbox().take(null, timeoutMs, process);
        process.bumpReductions();
        return m;
    }

    /**
     * Selective receive: waits for the oldest message that {@code match} accepts; others stay
     * queued in order.
     *
     * @param match     the pattern, as a predicate
     * @param timeoutMs ms to wait; 0 polls; negative waits forever
     * @return the message or {@link Mailbox#TIMEOUT}
     */
    public Object receive(Predicate<Object> match, long timeoutMs) {
        Object m = process.mailbox().take(match, timeoutMs, process);
        process.bumpReductions();
        return m;
    }

    /**
     * Sends a message, as {@code send/2}.
     *
     * @param dest a pid, a registered name, {@code {name, node}} or a via tuple
     * @return the message
     * @throws IllegalArgumentException when a name is not registered
     */
    public Object send(Object dest, Object message) {
        process.checkAlive();
        return process.node().send(dest, message);
    }

    /**
     * Links to a process, as {@code Process.link/1}.
     *
     * @throws ErlangError with reason {@code :noproc} when the process does not exist and this
     *         process does not trap exits (a trapping one gets {@code {:EXIT, pid, :noproc}})
     */
    public void link(Pid pid) {
        process.checkAlive();
        if (process.node().isRemote(pid)) {
            process.node().remote().link(process, pid);
            return;
        }
        LocalProcess other = process.node().process(pid);
        if (other != null && process.tryLink(other)) return;
        // The process is gone (or died while we linked): link/1 on a local dead pid.
        process.checkAlive();
        if (!process.trapsExits()) throw new ErlangError(Atom.NOPROC);
        process.deliver(Tuple.of(Atom.EXIT, pid, Atom.NOPROC));
    }

    /** Removes a link, as {@code Process.unlink/1}; unlinking a dead or unlinked pid is fine. */
    public void unlink(Pid pid) {
        process.checkAlive();
        if (process.node().isRemote(pid)) process.node().remote().unlink(process, pid);
        else process.unlinkPid(pid);
    }

    /**
     * Monitors a process, as {@code Process.monitor/1}; a dead pid gives an immediate
     * {@code {:DOWN, ref, :process, pid, :noproc}}.
     *
     * @return the monitor reference
     */
    public Ref monitor(Pid pid) {
        process.checkAlive();
        if (process.node().isRemote(pid)) return process.node().remote().monitor(process, pid);
        return process.monitor(process.node().process(pid), pid);
    }

    /**
     * Removes a monitor, as {@code Process.demonitor/2}.
     *
     * @param flush also drop a {@code {:DOWN, ref, ...}} message already queued
     * @return true when the monitor was still active
     */
    public boolean demonitor(Ref ref, boolean flush) {
        process.checkAlive();
        boolean localActive = process.demonitor(ref);
        boolean active = localActive;
        if (!active && process.node().remote() != null) active = process.node().remote().demonitor(process, ref);
        // An active local monitor removed here has queued no DOWN (an exit removes it first, under
        // the same lock, before queuing one): only the other cases need the mailbox scan.
        if (flush && !localActive) {
            process.mailbox().take(m -> m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)), 0, process);
        }
        return active;
    }

    /**
     * Sets {@code trap_exit}, as {@code Process.flag(:trap_exit, on)}.
     *
     * @return the previous value
     */
    public boolean trapExit(boolean on) {
        process.checkAlive();
        return process.setTrapExit(on);
    }

    /**
     * Ends this process with {@code reason}, as {@code exit/1}: throws, so that the body unwinds.
     *
     * @throws ExitException always
     */
    public ExitException exit(Object reason) {
        throw new ExitException(reason);
    }

    /**
     * Sends an exit signal from this process, as {@code Process.exit/2}.
     *
     * @return true, as the BEAM does
     */
    public boolean exit(Pid pid, Object reason) {
        process.checkAlive();
        boolean result = process.node().exit(self(), pid, reason);
        // exit(self(), reason) that ends this process (or a link cascade that reached it) does not
        // return, as on the BEAM.
        process.checkAlive();
        return result;
    }

    /** Spawns a process, as {@code spawn/1}. */
    public Pid spawn(ProcessBody body) {
        process.checkAlive();
        return process.node().spawn(body, SpawnOptions.DEFAULT);
    }

    /** Spawns a process monitored by this one, as {@code spawn_monitor/1}; returns {@code {pid, ref}}. */
    public Tuple spawnMonitor(ProcessBody body) {
        process.checkAlive();
        return process.node().spawnMonitor(body, SpawnOptions.DEFAULT);
    }

    /** Spawns a process linked to this one, as {@code spawn_link/1}. */
    public Pid spawnLink(ProcessBody body) {
        process.checkAlive();
        return process.node().spawn(body, SpawnOptions.LINK);
    }
}
