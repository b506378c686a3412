package procshell.runtime.global;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import procshell.runtime.dist.Distribution;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/**
 * Erlang's {@code :global}: a name registry shared by every node of a cluster, guarded by a
 * cluster-wide lock. Each node holds a full copy of the names; registering takes the lock
 * {@code {:global, self()}} on every node, checks the name, and tells every node. A name goes
 * when its process exits or its node goes down; when two clusters with a clashing name join,
 * the BEAM's default resolver keeps the process on the node with the smaller name and kills the
 * other.
 *
 * <p>Installed on every node as the via module {@code :global} ({@link #install}), so that
 * {@code {:global, name}} names work for GenServers and supervisors even on a lone node. On a
 * distributed node, a process registered as {@code procshell_global} keeps the copies in step;
 * nodes without it (a plain BEAM node) are left out of the registry.
 */
public final class Global implements ViaModule {
    /** The registered name of the process that keeps this node's copy in step with the others. */
    public static final Atom SERVER = Atom.of("procshell_global");
    private static final Atom LOCK = Atom.of("lock");
    private static final Atom UNLOCK = Atom.of("unlock");
    private static final Atom UNLOCK_ALL = Atom.of("unlock_all");
    private static final Atom REGISTER = Atom.of("register");
    private static final Atom UNREGISTER = Atom.of("unregister");
    private static final Atom SYNC = Atom.of("sync");
    private static final Atom NAMES = Atom.of("names");
    private static final Atom ABORTED = Atom.of("aborted");
    private static final Atom INFO = Atom.of("info");
    private static final long REPLY_TIMEOUT_MS = 5_000;

    private final Node node;
    private final Map<Object, Pid> names = new ConcurrentHashMap<>();
    private final GlobalLocks locks = new GlobalLocks();
    private final Map<Pid, Boolean> watched = new ConcurrentHashMap<>();
    private volatile Distribution dist;

    private Global(Node node) {
        this.node = node;
    }

    /**
     * Makes {@code :global} available on {@code node} (once): as the via module {@code :global}
     * and, when the node is distributed, with its {@code procshell_global} process.
     *
     * @return the node's {@code :global}
     */
    public static synchronized Global install(Node node) {
        Global g;
        try {
            g = node.via(Atom.GLOBAL) instanceof Global existing ? existing : null;
        } catch (IllegalArgumentException e) {
            g = null;
        }
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
        dist = d;
        Pid server = node.spawn(this::serve, SpawnOptions.DEFAULT);
        node.names().register(SERVER, node.process(server));
        BeamGlobalPeer.start(node);
        d.watchNodes((peer, up) -> {
            if (up) node.send(Tuple.of(SERVER, peer), Tuple.of(SYNC, node.name(), snapshot()));
            else nodeDown(peer);
        });
    }

    // ---- the :global API -----------------------------------------------------------------------

    /**
     * {@code :global.register_name/2}: registers {@code name} for {@code pid} on every node.
     *
     * @return true ({@code :yes}), or false ({@code :no}) when the name is taken or the pid is a
     *         dead local process
     */
    @Override
    public boolean registerName(Object name, Pid pid) {
        return register(name, pid, false);
    }

    /** {@code :global.re_register_name/2}: registers {@code name} for {@code pid}, replacing any holder; always {@code :yes}. */
    public boolean reRegisterName(Object name, Pid pid) {
        return register(name, pid, true);
    }

    private boolean register(Object name, Pid pid, boolean replace) {
        Boolean done = (Boolean) transAll(() -> {
            Pid holder = names.get(name);
            if (holder != null && !replace) return false;
            if (!node.isRemote(pid) && !node.isAlive(pid)) return false;
            put(name, pid);
            broadcast(peer -> callServer(peer, REGISTER, name, pid));
            return true;
        });
        return done;
    }

    /** {@code :global.unregister_name/1}: removes {@code name} on every node; {@code :ok} whether or not it was there. */
    @Override
    public void unregisterName(Object name) {
        transAll(() -> {
            Pid pid = names.get(name);
            if (pid != null) {
                remove(name, pid);
                broadcast(peer -> node.send(Tuple.of(SERVER, peer), Tuple.of(UNREGISTER, name, pid)));
            }
            return null;
        });
    }

    /** {@code :global.whereis_name/1}: the pid registered under {@code name}, or null for {@code :undefined}. */
    @Override
    public Pid whereisName(Object name) {
        return names.get(name);
    }

    /**
     * {@code :global.sync/0}: asks every connected node for its names and merges them into this
     * node's copy (clashes resolved as on a join), so that names registered elsewhere before the
     * connection are seen here once it returns. Must be called from a process.
     */
    public void sync() {
        Distribution d = dist;
        if (d == null) return;
        for (Atom peer : d.nodes()) {
            if (callServer(peer, NAMES) instanceof List<?> theirs) merge(theirs);
        }
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
        List<Atom> on = nodes == null ? allNodes() : sorted(nodes);
        Pid holder = ProcessContext.require().self();
        for (int attempt = 0; retries < 0 || attempt <= retries; attempt++) {
            List<Atom> taken = new ArrayList<>();
            boolean all = true;
            for (Atom n : on) {
                if (lockOn(n, t.get(0), t.get(1), holder)) taken.add(n);
                else {
                    all = false;
                    break;
                }
            }
            if (all) return true;
            for (Atom n : taken) unlockOn(n, t.get(0), t.get(1), holder);
            backOff(attempt);
        }
        return false;
    }

    /** {@code :global.del_lock/2}: lets go of the lock {@code id} on {@code nodes} (null: all); always true. */
    public boolean delLock(Object id, List<Atom> nodes) {
        Tuple t = lockId(id);
        Pid holder = ProcessContext.require().self();
        for (Atom n : nodes == null ? allNodes() : sorted(nodes)) unlockOn(n, t.get(0), t.get(1), holder);
        return true;
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

    private Object transAll(Supplier<Object> body) {
        if (dist == null || ProcessContext.current() == null) {
            synchronized (this) {
                return body.get();
            }
        }
        return trans(Tuple.of(Atom.GLOBAL, ProcessContext.require().self()), body, null, -1);
    }

    private static Tuple lockId(Object id) {
        if (id instanceof Tuple t && t.size() == 2) return t;
        throw new IllegalArgumentException("a lock id is {resource_id, lock_requester_id}, not " + Inspect.inspect(id));
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 8 + Math.min(attempt, 20) * 25));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new procshell.runtime.process.ProcessExitedError(Atom.KILLED);
        }
    }

    // ---- this node's copy ----------------------------------------------------------------------

    private void put(Object name, Pid pid) {
        Pid old = names.put(name, pid);
        if (old != null && !old.equals(pid)) node.events().publish(new NodeEvent.Unregistered(Atom.GLOBAL, name, old));
        if (!pid.equals(old)) node.events().publish(new NodeEvent.Registered(Atom.GLOBAL, name, pid));
        watch(pid);
    }

    private void remove(Object name, Pid pid) {
        if (names.remove(name, pid)) node.events().publish(new NodeEvent.Unregistered(Atom.GLOBAL, name, pid));
    }

    /** A local process with names: when it exits, its names go everywhere. */
    private void watch(Pid pid) {
        LocalProcess p = node.process(pid);
        if (p == null || watched.putIfAbsent(pid, Boolean.TRUE) != null) return;
        if (!p.onExit(reason -> exited(pid))) exited(pid);
    }

    private void exited(Pid pid) {
        watched.remove(pid);
        for (Map.Entry<Object, Pid> e : names.entrySet()) {
            if (e.getValue().equals(pid)) {
                remove(e.getKey(), pid);
                broadcast(peer -> node.send(Tuple.of(SERVER, peer), Tuple.of(UNREGISTER, e.getKey(), pid)));
            }
        }
        locks.releaseAll(pid::equals);
        broadcast(peer -> node.send(Tuple.of(SERVER, peer), Tuple.of(UNLOCK_ALL, pid)));
    }

    private void nodeDown(Atom peer) {
        Distribution d = dist;
        for (Map.Entry<Object, Pid> e : names.entrySet()) {
            if (peer.equals(d.nodeOf(e.getValue()))) remove(e.getKey(), e.getValue());
        }
        locks.releaseAll(p -> peer.equals(d.nodeOf(p)));
    }

    private List<Object> snapshot() {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Object, Pid> e : names.entrySet()) out.add(Tuple.of(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Merges another node's names into ours; a name held by two processes keeps the one on the
     * node with the smaller name, and the node owning the other kills it, as
     * {@code :global.random_exit_name/3} does.
     */
    private void merge(List<?> theirs) {
        for (Object o : theirs) {
            if (!(o instanceof Tuple t) || t.size() != 2 || !(t.get(1) instanceof Pid pid)) continue;
            Object name = t.get(0);
            Pid mine = names.get(name);
            if (mine == null || mine.equals(pid)) {
                if (mine == null) put(name, pid);
                continue;
            }
            boolean keepMine = nodeName(mine).compareTo(nodeName(pid)) <= 0;
            Pid loser = keepMine ? pid : mine;
            if (!keepMine) put(name, pid);
            if (!node.isRemote(loser)) {
                node.events().publish(new NodeEvent.Logged(INFO, "global: Name conflict terminating "
                        + Inspect.inspect(Tuple.of(name, loser))));
                node.exit(null, loser, Atom.KILL);
            }
        }
    }

    private String nodeName(Pid pid) {
        Atom n = node.isRemote(pid) ? dist.nodeOf(pid) : node.name();
        return n == null ? "" : n.name();
    }

    // ---- talking to the other nodes ------------------------------------------------------------

    private List<Atom> allNodes() {
        List<Atom> out = new ArrayList<>();
        out.add(node.name());
        if (dist != null) out.addAll(dist.nodes());
        return sorted(out);
    }

    private static List<Atom> sorted(List<Atom> nodes) {
        List<Atom> out = new ArrayList<>(nodes);
        out.sort(null);
        return out;
    }

    private void broadcast(java.util.function.Consumer<Atom> each) {
        Distribution d = dist;
        if (d == null) return;
        for (Atom peer : d.nodes()) each.accept(peer);
    }

    private boolean lockOn(Atom n, Object resource, Object requester, Pid holder) {
        if (n.equals(node.name())) {
            boolean ok = locks.acquire(resource, requester, holder);
            if (ok) watch(holder);
            return ok;
        }
        Object r = callServer(n, LOCK, resource, requester, holder);
        // A node without procshell_global (a plain BEAM node) takes no part: it does not refuse.
        return r == null || Boolean.TRUE.equals(r);
    }

    private void unlockOn(Atom n, Object resource, Object requester, Pid holder) {
        // Waits for the answer, as del_lock does: once it returns, the lock is free on that node.
        if (n.equals(node.name())) locks.release(resource, requester, holder);
        else callServer(n, UNLOCK, resource, requester, holder);
    }

    /**
     * Asks {@code peer}'s {@code procshell_global} {@code {op, ref, self(), args...}} and waits for
     * its {@code {ref, answer}}.
     *
     * @return the answer, or null when that node has no such process, goes down or is silent
     */
    private Object callServer(Atom peer, Atom op, Object... args) {
        ProcessContext self = ProcessContext.require();
        Ref ref = node.remote().monitor(self.process(), Tuple.of(SERVER, peer));
        Object[] msg = new Object[args.length + 3];
        msg[0] = op;
        msg[1] = ref;
        msg[2] = self.self();
        System.arraycopy(args, 0, msg, 3, args.length);
        node.send(Tuple.of(SERVER, peer), Tuple.of(msg));
        Object m = self.receive(x -> x instanceof Tuple t
                && ((t.size() == 2 && ref.equals(t.get(0))) || (t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))), REPLY_TIMEOUT_MS);
        self.demonitor(ref, true);
        return m != Mailbox.TIMEOUT && m instanceof Tuple t && t.size() == 2 ? t.get(1) : null;
    }

    /** {@code procshell_global}: applies what the other nodes ask of this node's copy. */
    private void serve(ProcessContext self) {
        while (true) {
            Object m = self.receive();
            try {
                handle(m);
            } catch (RuntimeException e) {
                // a malformed request from another node must not stop the registry
            }
        }
    }

    private void handle(Object m) {
        if (!(m instanceof Tuple t) || t.size() == 0) return;
        Object op = t.get(0);
        if (LOCK.equals(op) && t.size() == 6) {
            boolean ok = locks.acquire(t.get(3), t.get(4), (Pid) t.get(5));
            node.send(t.get(2), Tuple.of(t.get(1), ok));
        } else if (UNLOCK.equals(op) && t.size() == 6) {
            locks.release(t.get(3), t.get(4), (Pid) t.get(5));
            node.send(t.get(2), Tuple.of(t.get(1), Atom.OK));
        } else if (UNLOCK_ALL.equals(op) && t.size() == 2) {
            locks.releaseAll(t.get(1)::equals);
        } else if (REGISTER.equals(op) && t.size() == 5) {
            Pid pid = (Pid) t.get(4);
            put(t.get(3), pid);
            node.send(t.get(2), Tuple.of(t.get(1), Atom.OK));
        } else if (UNREGISTER.equals(op) && t.size() == 3) {
            remove(t.get(1), (Pid) t.get(2));
        } else if (NAMES.equals(op) && t.size() == 3) {
            node.send(t.get(2), Tuple.of(t.get(1), snapshot()));
        } else if (SYNC.equals(op) && t.size() == 3 && t.get(2) instanceof List<?> theirs) {
            merge(theirs);
        }
    }
}
