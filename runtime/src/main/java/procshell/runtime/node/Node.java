package procshell.runtime.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import procshell.runtime.event.EventBus;
import procshell.runtime.names.NameTable;
import procshell.runtime.names.ViaModule;
import procshell.runtime.process.Carriers;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessBody;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;
import procshell.runtime.process.ProcessThread;
import procshell.runtime.process.SpawnOptions;
import procshell.runtime.table.Tables;

/**
 * A node: a process table, a local name table, an atom table, via modules and an event feed.
 * The shell runs one; tests create their own.
 *
 * <p>Processes run on virtual threads (optionally a platform thread), so a node holds a million
 * idle processes cheaply. Pid numbers count up from 1 and are never reused while the node lives.
 */
public final class Node {
    static {
        // Before any process (virtual thread) exists: spare carriers for runaway loops.
        Carriers.ensureHeadroom();
    }

    private final Atom name;
    private final int creation;
    /** Thread-safe and shared: a builder per spawn would be garbage per process. */
    private static final java.util.concurrent.ThreadFactory VIRTUAL_THREADS = procshell.runtime.process.Scheduler.factory();

    private final AtomicLong nextPid = new AtomicLong(1);
    private final AtomicLong nextRef = new AtomicLong(1);
    /** Exits whose links and monitors are still being signalled (see {@link #exitsInProgress()}). */
    private final AtomicInteger exitsInProgress = new AtomicInteger();
    private final ConcurrentHashMap<Long, LocalProcess> processes = new ConcurrentHashMap<>();
    private final EventBus events = new EventBus();
    private final NameTable names = new NameTable(events);
    private final AtomTable atoms;
    private final Map<Atom, ViaModule> viaModules = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<Atom, ViaModule> viaFallback;
    private final Tables tables = new Tables(this);
    private volatile String haltedWith;
    private volatile RemoteNodes remote;

    /** A node named {@code nonode@nohost}, as an iex started without {@code --sname}. */
    public Node() {
        this("nonode@nohost", AtomTable.DEFAULT_LIMIT);
    }

    /**
     * Creates a node.
     *
     * @param name      the node name, e.g. {@code "node1@localhost"}
     * @param atomLimit the atom table's size (the BEAM's default is {@link AtomTable#DEFAULT_LIMIT})
     */
    public Node(String name, int atomLimit) {
        this.atoms = new AtomTable(atomLimit, () -> halt("no more index entries in atom_tab (max=" + atomLimit + ")"));
        this.name = atoms.intern(name);
        this.creation = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        for (String a : BootAtoms.NAMES) atoms.intern(a);
    }

    /** The node's name, as {@code Node.self()}. */
    public Atom name() {
        return name;
    }

    /** A number that tells this incarnation of the node from others with the same name. */
    public int creation() {
        return creation;
    }

    /** The node's atom table. */
    public AtomTable atoms() {
        return atoms;
    }

    /** The node's local name table ({@code Process.register/2}). */
    public NameTable names() {
        return names;
    }

    /** The node's event feed. */
    public EventBus events() {
        return events;
    }

    /** The node's ETS-like tables ({@code :ets.new/2}, {@code :ets.all/0}). */
    public Tables tables() {
        return tables;
    }

    /** A new unique reference, as {@code make_ref/0}. */
    public Ref makeRef() {
        return new Ref(this, nextRef.getAndIncrement());
    }

    /** The distribution, set when the node is started with a name ({@code --sname}); null otherwise. */
    public RemoteNodes remote() {
        return remote;
    }

    /** Installs (or, with null, removes) the distribution that reaches other nodes. */
    public void setRemote(RemoteNodes remote) {
        this.remote = remote;
    }

    /** True when {@code pid} belongs to another node this node can reach through its distribution. */
    public boolean isRemote(Pid pid) {
        return pid.nodeIndex() != 0 && remote != null && pid.node() == this;
    }

    // ---- processes ----------------------------------------------------------------------------

    /**
     * Spawns a process, as {@code spawn/1} or {@code :erlang.spawn_opt/2}.
     *
     * @param body    the code to run
     * @param options link, trap_exit, thread kind, initial call
     * @return the new pid
     * @throws IllegalStateException when {@code link} is asked from a thread that is no process
     */
    public Pid spawn(ProcessBody body, SpawnOptions options) {
        return (Pid) spawn(body, options, false).get(0);
    }

    /**
     * Spawns a process monitored by the calling one, as {@code spawn_monitor/1}: the monitor is in
     * place before the new process runs, so its {@code :DOWN} (never {@code :noproc}) always comes.
     *
     * @return {@code {pid, ref}}
     * @throws IllegalStateException when called from a thread that is no process
     */
    public Tuple spawnMonitor(ProcessBody body, SpawnOptions options) {
        return spawn(body, options, true);
    }

    private Tuple spawn(ProcessBody body, SpawnOptions options, boolean monitor) {
        ProcessContext parent = ProcessContext.current();
        if (options.link() && parent == null) throw new IllegalStateException("spawn_link needs a calling process");
        if (monitor && parent == null) throw new IllegalStateException("spawn_monitor needs a calling process");
        if (haltedWith != null) throw new IllegalStateException("the node " + name.name() + " is down: " + haltedWith);
        if (parent != null) parent.process().checkAlive();
        long number = nextPid.getAndIncrement();
        Pid pid = new Pid(this, 0, number, 0);
        LocalProcess p = new LocalProcess(this, pid, options.initialCall(), options.trapExit());
        processes.put(number, p);
        if (options.link()) parent.process().link(p);
        Ref ref = monitor ? parent.process().monitor(p, pid) : null;
        Runnable run = () -> run(p, body);
        Thread t = options.platformThread()
                ? new ProcessThread(run, "procshell-" + pid, SpawnOptions.PLATFORM_STACK_BYTES)
                : VIRTUAL_THREADS.newThread(run);
        p.bindThread(t);
        events.publishSpawn(pid, parent == null ? null : parent.self());
        t.start();
        return monitor ? Tuple.of(pid, ref) : Tuple.of(pid);
    }

    /** Spawns with default options, as {@code spawn/1}. */
    public Pid spawn(ProcessBody body) {
        return spawn(body, SpawnOptions.DEFAULT);
    }

    private void run(LocalProcess p, ProcessBody body) {
        ProcessContext ctx = ProcessContext.bind(p);
        Object reason = Atom.NORMAL;
        try {
            if (!p.isAlive()) {
                reason = null; // its exit is processed already
                body.exitedBeforeStart(p.exitReason());
                return;
            }
            body.run(ctx);
        } catch (ExitException e) {
            reason = e.reason();
        } catch (ProcessExitedError e) {
            // Normally this process was killed and its exit is processed already; if it is still
            // alive (the error came from elsewhere), it ends with the error's reason.
            reason = p.isAlive() ? e.reason() : null;
        } catch (Throwable t) {
            if (p.isAlive()) {
                reason = ErrorReason.of(t);
                events.publishCrash(Atom.PROCESS, p.pid(), Map.of("exception", t));
            }
        } finally {
            if (reason != null) p.terminate(reason);
            ProcessContext.unbind();
        }
    }

    /**
     * Makes the calling thread a process of this node (for tests, and for code that must act as a
     * process without being spawned). Call {@link #detach()} from the same thread when done.
     *
     * @return the new process's context
     */
    public ProcessContext attach() {
        long number = nextPid.getAndIncrement();
        Pid pid = new Pid(this, 0, number, 0);
        LocalProcess p = new LocalProcess(this, pid, null, false);
        p.bindThread(Thread.currentThread());
        processes.put(number, p);
        events.publishSpawn(pid, null);
        return ProcessContext.bind(p);
    }

    /** Ends the calling thread's attached process with {@code :normal} and unbinds it. */
    public void detach() {
        ProcessContext ctx = ProcessContext.current();
        if (ctx != null) {
            ctx.process().terminate(Atom.NORMAL);
            // A kill interrupts under the process's lock while the thread is bound; once unbound,
            // no interrupt can come, so clearing the flag now clears any a kill left.
            ctx.process().bindThread(null);
            ProcessContext.unbind();
            Thread.interrupted();
        }
    }

    /** Called by a process's exit: leaves the process table and the name table. */
    public void processExited(LocalProcess p, Atom registeredName) {
        processes.remove(p.pid().number(), p);
        if (registeredName != null) names.removeIfOwned(registeredName, p);
    }

    /**
     * How many exits are being processed right now: a process that is dead for everyone (gone from
     * the process table) but whose links and monitors have not all been signalled yet. Zero means
     * every exit so far has reached its linked and monitoring processes' mailboxes.
     */
    public int exitsInProgress() {
        return exitsInProgress.get();
    }

    /**
     * Counts an exit (or a cascade of exit signals) as being processed, until the matching
     * {@link #exitProcessed()}; {@link LocalProcess} calls these around its exit.
     */
    public void exitProcessing() {
        exitsInProgress.incrementAndGet();
    }

    /** Ends what {@link #exitProcessing()} began. */
    public void exitProcessed() {
        exitsInProgress.decrementAndGet();
    }

    /** The live local process for {@code pid}, or null. */
    public LocalProcess process(Pid pid) {
        if (pid == null || pid.node() != this || pid.nodeIndex() != 0) return null;
        LocalProcess p = processes.get(pid.number());
        return p != null && p.isAlive() && p.pid().serial() == pid.serial() ? p : null;
    }

    /** True when {@code pid} names a live local process, as {@code Process.alive?/1}. */
    public boolean isAlive(Pid pid) {
        return process(pid) != null;
    }

    /** The pids of all live processes, oldest first, as {@code Process.list/0}. */
    public List<Pid> processes() {
        List<Pid> out = new ArrayList<>(processes.size());
        for (LocalProcess p : processes.values()) if (p.isAlive()) out.add(p.pid());
        out.sort(null);
        return out;
    }

    /** The live process records, unordered (for observers). */
    public Collection<LocalProcess> processRecords() {
        return processes.values();
    }

    /** The number of live processes, as {@code :erlang.system_info(:process_count)}. */
    public int processCount() {
        return processes.size();
    }

    /**
     * The pid for printed fields {@code <index.number.serial>}, as {@code pid/3}: the live
     * process's pid when there is one, otherwise a pid that names no process.
     *
     * @throws IllegalArgumentException for negative fields
     */
    public Pid pid(int nodeIndex, long number, int serial) {
        if (nodeIndex < 0 || number < 0 || serial < 0) throw new IllegalArgumentException("invalid pid fields");
        if (nodeIndex == 0) {
            LocalProcess p = processes.get(number);
            if (p != null && p.pid().serial() == serial) return p.pid();
        }
        return new Pid(this, nodeIndex, number, serial);
    }

    // ---- signals ------------------------------------------------------------------------------

    /**
     * Sends a message, as {@code send/2}.
     *
     * @param dest a pid, a registered atom, {@code {atom, node}} or {@code {:via, module, name}}
     * @return the message
     * @throws IllegalArgumentException when an atom or {@code {atom, node}} names no process
     *         (Elixir's ArgumentError), or the destination is not a destination
     */
    public Object send(Object dest, Object message) {
        if (dest instanceof Pid pid) {
            if (isRemote(pid)) {
                remote.send(sender(), pid, message);
                return message;
            }
            LocalProcess p = process(pid);
            if (p != null) p.deliver(message);
            return message;
        }
        if (dest instanceof Atom a) {
            LocalProcess p = names.whereis(a);
            if (p == null) throw new IllegalArgumentException(invalidDestination());
            p.deliver(message);
            return message;
        }
        if (dest instanceof Tuple t) {
            if (t.isTagged(Atom.VIA, 3) && t.get(1) instanceof Atom module) {
                via(module).send(t.get(2), message);
                return message;
            }
            if (t.size() == 2 && t.get(0) instanceof Atom a && name.equals(t.get(1))) return send(a, message);
            RemoteNodes r = remote;
            if (r != null && t.size() == 2 && t.get(0) instanceof Atom a && t.get(1) instanceof Atom other) {
                r.send(sender(), a, other, message);
                return message;
            }
        }
        throw new IllegalArgumentException(invalidDestination());
    }

    private static Pid sender() {
        ProcessContext ctx = ProcessContext.current();
        return ctx == null ? null : ctx.self();
    }

    private static String invalidDestination() {
        return "errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n";
    }

    /**
     * Sends an exit signal, as {@code Process.exit/2}: {@code :kill} cannot be trapped and ends the
     * process with {@code :killed}; {@code :normal} is ignored by a non-trapping process other than
     * the sender; a dead or unknown pid is ignored.
     *
     * @param from   the sending process (shown in {@code {:EXIT, from, reason}})
     * @param target the process to signal
     * @param reason the reason
     * @return true
     */
    public boolean exit(Pid from, Pid target, Object reason) {
        if (isRemote(target)) {
            remote.exit(from, target, reason);
            return true;
        }
        LocalProcess p = process(target);
        if (p != null) LocalProcess.exitSignal(p, from, reason, false);
        return true;
    }

    // ---- names --------------------------------------------------------------------------------

    /** Makes {@code module} usable in {@code {:via, module, name}} tuples. */
    public void registerVia(Atom module, ViaModule implementation) {
        viaModules.put(module, implementation);
    }

    /**
     * Sets what stands for a module no via implementation was {@linkplain #registerVia registered}
     * for, as the BEAM calls {@code module:whereis_name/1} (and the others) whatever the module:
     * the shell calls the module's own functions, which raise Elixir's
     * {@code UndefinedFunctionError} when the module or the function is not there.
     *
     * @param modules the via module of a module atom, or null to refuse unknown modules again
     */
    public void setViaModules(java.util.function.Function<Atom, ViaModule> modules) {
        this.viaFallback = modules;
    }

    /**
     * The via module registered for {@code module}, else the one {@link #setViaModules} gives.
     *
     * @throws IllegalArgumentException when there is neither
     */
    public ViaModule via(Atom module) {
        ViaModule v = viaModules.get(module);
        if (v != null) return v;
        java.util.function.Function<Atom, ViaModule> fallback = viaFallback;
        if (fallback != null) return fallback.apply(module);
        throw new IllegalArgumentException("module " + module + " is not available as a via module"
                + " (it must provide register_name/2, unregister_name/1, whereis_name/1 and send/2)");
    }

    /** The via implementation registered for {@code module} ({@link #registerVia}), or null. */
    public ViaModule registeredVia(Atom module) {
        return viaModules.get(module);
    }

    /**
     * Resolves a process name as {@code GenServer.whereis/1} does: a pid, a local atom,
     * {@code {atom, node}} or {@code {:via, module, name}}.
     *
     * @return the pid, or null when nothing is registered under the name
     */
    public Pid whereis(Object nameOrPid) {
        if (nameOrPid instanceof Pid p) return p;
        if (nameOrPid instanceof Atom a) return names.whereisPid(a);
        if (nameOrPid instanceof Tuple t) {
            if (t.isTagged(Atom.VIA, 3) && t.get(1) instanceof Atom module) return via(module).whereisName(t.get(2));
            if (t.size() == 2 && t.get(0) instanceof Atom a && name.equals(t.get(1))) return names.whereisPid(a);
        }
        return null;
    }

    /** Kills every process of this node (for tests and shell exit). */
    public void shutdown() {
        for (LocalProcess p : List.copyOf(processes.values())) p.terminate(Atom.KILLED);
    }

    /**
     * Stops the node as the BEAM stops a VM that hit a fatal limit (the atom table, for one):
     * publishes {@link procshell.runtime.event.NodeEvent.Halted} with the BEAM's message, then
     * kills every process. Spawning on a halted node fails.
     *
     * @param message what the BEAM prints, e.g. {@code no more index entries in atom_tab (max=1048576)}
     */
    public void halt(String message) {
        synchronized (this) {
            if (haltedWith != null) return;
            haltedWith = message;
        }
        events.publish(new procshell.runtime.event.NodeEvent.Halted(message));
        shutdown();
    }

    /** The message the node halted with, or null while it runs. */
    public String haltedWith() {
        return haltedWith;
    }

    @Override
    public String toString() {
        return name.name();
    }
}
