package procshell.runtime.global;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import procshell.runtime.dist.Distribution;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/**
 * Erlang's {@code :global}: a name registry shared by every node of a cluster, guarded by a
 * cluster-wide lock. Each node holds a full copy of the names. On a distributed node the copies
 * are kept by the node's {@code global_name_server} ({@link GlobalServer}), which speaks the BEAM's
 * own protocol, so that procshell and BEAM nodes share one name space: registering takes the lock
 * {@code {:global, registrar}} on every known node (the boss first) and inserts the name on each;
 * a name goes when its process exits or its node goes down; when two partitions with a clashing
 * name join, the name's resolve method decides (by default the process on the greater node is
 * killed, as {@code :global.random_exit_name/3}).
 *
 * <p>Installed on every node as the via module {@code :global} ({@link #install}), so that
 * {@code {:global, name}} names work for GenServers and supervisors even on a lone node, where the
 * registry is this node's alone (no server, no messages).
 */
public final class Global implements ViaModule {
    private static final Atom ABORTED = Atom.of("aborted");
    private static final Atom REGISTER = Atom.of("register");
    private static final Atom REGISTER_EXT = Atom.of("register_ext");
    private static final Atom UNREGISTER = Atom.of("unregister");
    private static final Atom SYNC = Atom.of("sync");
    private static final Atom ERROR_LEVEL = Atom.of("error");

    /** A name's holder and the method that resolves a clash over it. */
    record Registration(Pid pid, Object method) {}

    private final Node node;
    private final Map<Object, Registration> names = new ConcurrentHashMap<>();
    private final GlobalLocks locks = new GlobalLocks();
    private final Map<Pid, Boolean> watched = new ConcurrentHashMap<>();
    private volatile Distribution dist;
    private volatile GlobalRegistrar registrar;

    private Global(Node node) {
        this.node = node;
    }

    /**
     * Makes {@code :global} available on {@code node} (once): as the via module {@code :global}
     * and, when the node is distributed, with its {@code global_name_server}.
     *
     * @return the node's {@code :global}
     */
    public static synchronized Global install(Node node) {
        Global g = node.registeredVia(Atom.GLOBAL) instanceof Global existing ? existing : null;
        if (g == null) {
            g = new Global(node);
            node.registerVia(Atom.GLOBAL, g);
        }
        if (g.dist == null && node.remote() instanceof Distribution d) g.distribute(d);
        return g;
    }

    /** The {@code :global} of {@code node}, installing it when needed. */
    public static Global of(Node node) {
        return install(node);
    }

    private void distribute(Distribution d) {
        GlobalServer server = new GlobalServer(node, this, d);
        Pid pid = node.spawn(server::run, SpawnOptions.DEFAULT);
        node.names().register(GenCalls.GNS, node.process(pid));
        registrar = GlobalRegistrar.start(node, server);
        dist = d;
        d.watchNodes((peer, up) -> node.send(pid, Tuple.of(Atom.of(up ? "nodeup" : "nodedown"), peer)));
        for (Atom peer : d.nodes()) node.send(pid, Tuple.of(Atom.of("nodeup"), peer));
    }

    // ---- the :global API -----------------------------------------------------------------------

    /**
     * {@code :global.register_name/2}: registers {@code name} for {@code pid} on every node, with
     * the default resolve method ({@code &:global.random_exit_name/3}).
     *
     * @return true ({@code :yes}), or false ({@code :no}) when the name is taken, the pid already
     *         has a name (logged, as the BEAM does) or is a dead local process
     */
    @Override
    public boolean registerName(Object name, Pid pid) {
        return registerName(name, pid, NameConflicts.DEFAULT);
    }

    /**
     * {@code :global.register_name/3}: as {@link #registerName(Object, Pid)}, with the method that
     * resolves a clash over the name: {@link #method} of a BEAM resolver, or a
     * {@link ResolveMethod} (other nodes store the default in its place).
     */
    public boolean registerName(Object name, Pid pid, Object method) {
        GlobalRegistrar r = registrar;
        if (r == null) {
            synchronized (this) {
                if (where(name) != null || !checkDupname(name, pid) || (!node.isRemote(pid) && !node.isAlive(pid))) return false;
                put(name, pid, method);
                watch(pid);
                return true;
            }
        }
        return (Boolean) r.transAllKnown((self, nodes) -> {
            if (where(name) != null || !checkDupname(name, pid)) return false;
            for (Atom n : nodes) {
                GenCalls.call(self, n, Tuple.of(REGISTER, name, pid, n.equals(node.name()) ? method : NameConflicts.onWire(method)));
            }
            return true;
        });
    }

    /**
     * {@code :global.register_name_external/3}: registers {@code name} for {@code pid} on every
     * known node as the BEAM's does for a process of a node that runs no {@code global} (a C node):
     * as {@link #registerName(Object, Pid, Object)}, but without checking that the pid has no other
     * name, and the name is listed by the name servers' {@code :get_names_ext}.
     *
     * @return true ({@code :yes}), or false ({@code :no}) when the name is taken
     */
    public boolean registerNameExternal(Object name, Pid pid, Object method) {
        GlobalRegistrar r = registrar;
        if (r == null) {
            synchronized (this) {
                if (where(name) != null) return false;
                put(name, pid, method);
                watch(pid);
                return true;
            }
        }
        return (Boolean) r.transAllKnown((self, nodes) -> {
            if (where(name) != null) return false;
            for (Atom n : nodes) {
                GenCalls.call(self, n, Tuple.of(REGISTER_EXT, name, pid, n.equals(node.name()) ? method : NameConflicts.onWire(method),
                        node.name()));
            }
            return true;
        });
    }

    /**
     * {@code :global.info/0}: the name server's state, as the BEAM's {@code #state{}} record
     * ({@code {:state, {:conf, connect_all, prevent_overlapping_partitions}, known, synced,
     * resolvers, syncers, node_name, locker, registrar, :no_trace, global_lock_down}}). Must be
     * called from a process.
     *
     * @return that tuple; on a node that is not distributed, the state of a server that knows no node
     */
    public Object info() {
        Distribution d = dist;
        if (d == null) {
            return Tuple.of(Atom.of("state"), Tuple.of(Atom.of("conf"), Boolean.TRUE, Boolean.TRUE), Map.of(), List.of(), List.of(),
                    List.of(), node.name(), Atom.of("undefined"), Atom.of("undefined"), Atom.of("no_trace"), Boolean.FALSE);
        }
        return GenCalls.call(ProcessContext.require(), node.name(), Atom.of("info"));
    }

    /**
     * {@code :global.disconnect/0}: leaves every connected node without telling the others (no
     * {@code :lost_connection}). Must be called from a process.
     *
     * @return the nodes left (an empty list on a node that is not distributed)
     */
    @SuppressWarnings("unchecked")
    public List<Object> disconnect() {
        if (dist == null) return List.of();
        return (List<Object>) GenCalls.call(ProcessContext.require(), node.name(), Atom.of("disconnect"));
    }

    /** The registrar's pid, or null on a node that is not distributed. */
    Pid registrarPid() {
        GlobalRegistrar r = registrar;
        return r == null ? null : r.pid();
    }

    /**
     * The BEAM's resolve method {@code &:global.<function>/3} as a term to register with.
     *
     * @param function {@code random_exit_name}, {@code random_notify_name} or {@code notify_all_name}
     */
    public static Object method(Atom function) {
        return NameConflicts.method(function);
    }

    /**
     * {@code :global.resolve_it/4}: what a BEAM node's global calls on this node over rpc
     * ({@code rpc:call(node, global, resolve_it, [method, name, pid1, pid2])}) when the clashing
     * name it resolves is held by a process here. Runs the method stored with the name, as the
     * BEAM's {@code catch Method(Name, Pid1, Pid2)}.
     *
     * @param method the method as it came over the wire, {@code &:global.random_exit_name/3} (or
     *               {@code random_notify_name}, {@code notify_all_name}); any other term resolves
     *               as the default does
     * @return the pid that keeps the name, or {@code :none}
     */
    public static Object resolveIt(Object method, Object name, Pid pid1, Pid pid2) {
        ProcessContext self = ProcessContext.require();
        Pid kept = NameConflicts.resolve(self.node(), self.self(), method, name, pid1, pid2);
        return kept == null ? Atom.of("none") : kept;
    }

    /** {@code :global.random_exit_name/3}, called by the current process: kills the process on the greater node; the other pid. */
    public static Pid randomExitName(Object name, Pid pid1, Pid pid2) {
        ProcessContext self = ProcessContext.require();
        return NameConflicts.randomExitName(self.node(), self.self(), name, pid1, pid2);
    }

    /** {@code :global.random_notify_name/3}: tells the process on the greater node of the clash; the other pid. */
    public static Pid randomNotifyName(Object name, Pid pid1, Pid pid2) {
        return NameConflicts.randomNotifyName(ProcessContext.require().node(), name, pid1, pid2);
    }

    /** {@code :global.notify_all_name/3}: tells both processes of the clash; {@code :none}. */
    public static Atom notifyAllName(Object name, Pid pid1, Pid pid2) {
        return NameConflicts.notifyAllName(ProcessContext.require().node(), name, pid1, pid2);
    }

    /** {@code :global.re_register_name/2}: registers {@code name} for {@code pid}, replacing any holder; always {@code :yes}. */
    public boolean reRegisterName(Object name, Pid pid) {
        GlobalRegistrar r = registrar;
        if (r == null) {
            synchronized (this) {
                put(name, pid, NameConflicts.DEFAULT);
                watch(pid);
                return true;
            }
        }
        r.transAllKnown((self, nodes) -> GenCalls.multiCall(self, nodes, Tuple.of(REGISTER, name, pid, NameConflicts.DEFAULT)));
        return true;
    }

    /** {@code :global.unregister_name/1}: removes {@code name} on every node; {@code :ok} whether or not it was there. */
    @Override
    public void unregisterName(Object name) {
        if (where(name) == null) return;
        GlobalRegistrar r = registrar;
        if (r == null) {
            synchronized (this) {
                Registration reg = names.get(name);
                if (reg != null) remove(name, reg.pid());
            }
            return;
        }
        r.transAllKnown((self, nodes) -> GenCalls.multiCall(self, nodes, Tuple.of(UNREGISTER, name)));
    }

    /** {@code :global.whereis_name/1}: the pid registered under {@code name}, or null for {@code :undefined}. */
    @Override
    public Pid whereisName(Object name) {
        return where(name);
    }

    /**
     * {@code :global.sync/0}: waits until this node's name server has synced with every connected
     * node (or the node went down), so that names registered elsewhere before the connection are
     * seen here once it returns. Must be called from a process.
     */
    public void sync() {
        Distribution d = dist;
        if (d == null) return;
        GenCalls.call(ProcessContext.require(), node.name(), Tuple.of(SYNC, new ArrayList<Object>(d.nodes())));
    }

    /** {@code :global.registered_names/0}: every name, in term order. */
    public List<Object> registeredNames() {
        List<Object> out = new ArrayList<>(names.keySet());
        out.sort(Inspect.TERM_ORDER);
        return out;
    }

    /**
     * {@code :global.set_lock/3}: takes the lock {@code {resource, requester}} on every node of
     * {@code nodes}, retrying (with a random back-off, as the BEAM) up to {@code retries} times.
     *
     * @param id      {@code {resource_id, lock_requester_id}}
     * @param nodes   the nodes to lock on; null for this node and every connected one
     * @param retries how often to retry; negative for {@code :infinity}
     * @return true when the lock is held on every node
     * @throws IllegalArgumentException when {@code id} is no 2-tuple
     */
    public boolean setLock(Object id, List<Atom> nodes, int retries) {
        Tuple t = lockId(id);
        ProcessContext self = ProcessContext.require();
        if (dist == null) {
            for (int times = 1; ; times++) {
                if (locks.acquire(t.get(0), t.get(1), self.self())) {
                    watch(self.self());
                    return true;
                }
                if (retries == 0) return false;
                if (retries > 0) retries--;
                LockRequests.randomSleep(times);
            }
        }
        return LockRequests.setLock(self, t, nodes == null ? allNodes() : nodes, retries);
    }

    /** {@code :global.del_lock/2}: lets go of the lock {@code id} on {@code nodes} (null: all); always true. */
    public boolean delLock(Object id, List<Atom> nodes) {
        Tuple t = lockId(id);
        ProcessContext self = ProcessContext.require();
        if (dist == null) {
            locks.release(t.get(0), t.get(1), self.self());
            return true;
        }
        return LockRequests.delLock(self, t, nodes == null ? allNodes() : nodes);
    }

    /**
     * {@code :global.trans/4}: runs {@code body} holding the lock {@code id} on {@code nodes}.
     *
     * @return what {@code body} returns, or {@code :aborted} when the lock could not be taken
     */
    public Object trans(Object id, Supplier<Object> body, List<Atom> nodes, int retries) {
        if (!setLock(id, nodes, retries)) return ABORTED;
        try {
            return body.get();
        } finally {
            delLock(id, nodes);
        }
    }

    private static Tuple lockId(Object id) {
        if (id instanceof Tuple t && t.size() == 2) return t;
        throw new IllegalArgumentException("a lock id is {resource_id, lock_requester_id}, not " + Inspect.inspect(id));
    }

    private List<Atom> allNodes() {
        List<Atom> out = new ArrayList<>();
        out.add(node.name());
        Distribution d = dist;
        if (d != null) out.addAll(d.nodes());
        return out;
    }

    // ---- this node's copy (changed by the name server, or by the caller on a lone node) --------

    /** The names, for the name server. */
    Map<Object, Registration> names() {
        return names;
    }

    /** The locks, for the name server, the locker and the lock requests. */
    GlobalLocks locks() {
        return locks;
    }

    /** The BEAM's where/1: a local holder that is dead counts as none. */
    Pid where(Object name) {
        Registration r = names.get(name);
        if (r == null) return null;
        return node.isRemote(r.pid()) || node.isAlive(r.pid()) ? r.pid() : null;
    }

    /** True when {@code pid} holds a name. */
    boolean hasNames(Pid pid) {
        for (Registration r : names.values()) if (r.pid().equals(pid)) return true;
        return false;
    }

    /** {@code [{name, pid, method}]}, what the BEAM's get_names/0 sends in an exchange. */
    List<Object> nameList() {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Object, Registration> e : names.entrySet()) {
            out.add(Tuple.of(e.getKey(), e.getValue().pid(), NameConflicts.onWire(e.getValue().method())));
        }
        return out;
    }

    void put(Object name, Pid pid, Object method) {
        Registration old = names.put(name, new Registration(pid, method));
        if (old != null && !old.pid().equals(pid)) node.events().publish(new NodeEvent.Unregistered(Atom.GLOBAL, name, old.pid()));
        if (old == null || !old.pid().equals(pid)) node.events().publish(new NodeEvent.Registered(Atom.GLOBAL, name, pid));
    }

    boolean remove(Object name, Pid pid) {
        Registration r = names.get(name);
        if (r == null || !r.pid().equals(pid) || !names.remove(name, r)) return false;
        node.events().publish(new NodeEvent.Unregistered(Atom.GLOBAL, name, pid));
        return true;
    }

    /** The BEAM's check_dupname: a pid holds one name; a second is refused with a logged error. */
    private boolean checkDupname(Object name, Pid pid) {
        List<Object> held = new ArrayList<>();
        for (Map.Entry<Object, Registration> e : names.entrySet()) if (e.getValue().pid().equals(pid)) held.add(e.getKey());
        if (held.isEmpty()) return true;
        List<Object> all = new ArrayList<>();
        all.add(name);
        all.addAll(held);
        node.events().publish(new NodeEvent.Logged(ERROR_LEVEL, "global: " + Inspect.inspect(pid) + " registered under several names: "
                + Inspect.inspect(all)));
        return false;
    }

    /** On a lone node: when a local process with names or locks exits, they go. */
    private void watch(Pid pid) {
        LocalProcess p = node.process(pid);
        if (p == null || watched.putIfAbsent(pid, Boolean.TRUE) != null) return;
        if (!p.onExit(reason -> exited(pid))) exited(pid);
    }

    private void exited(Pid pid) {
        watched.remove(pid);
        if (dist != null) return; // the name server's monitors take it from here
        synchronized (this) {
            for (Map.Entry<Object, Registration> e : names.entrySet()) {
                if (e.getValue().pid().equals(pid)) remove(e.getKey(), pid);
            }
            locks.releaseAll(pid::equals);
        }
    }
}
