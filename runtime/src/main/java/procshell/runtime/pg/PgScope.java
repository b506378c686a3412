package procshell.runtime.pg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.dist.Distribution;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/**
 * One scope of Erlang's {@code :pg} (process groups): a process registered under the scope's name
 * on every node that started it, each keeping the members of every group, its own node's and the
 * others'. It speaks OTP's pg protocol with the same scope on other nodes, BEAM or procshell:
 * {@code {:discover, peer}} when a node comes up, answered with
 * {@code {:"$gen_cast", {:sync, peer, [{group, pids}]}}}, then {@code {:join, peer, group,
 * pid_or_pids}} and {@code {:leave, peer, pid_or_pids, groups}} as members come and go. A local
 * member that exits leaves its groups; a node that goes down takes its members along. Monitors
 * ({@code :pg.monitor_scope/1}, {@code :pg.monitor/2}) get {@code {ref, :join | :leave, group,
 * pids}}.
 */
public final class PgScope {
    private static final Atom DISCOVER = Atom.of("discover");
    private static final Atom SYNC = Atom.of("sync");
    private static final Atom JOIN = Atom.of("join");
    private static final Atom LEAVE = Atom.of("leave");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");
    private static final Map<Node, Map<Atom, PgScope>> SCOPES = new ConcurrentHashMap<>();

    private final Node node;
    private final Atom scope;
    private final Map<Object, List<Pid>> local = new LinkedHashMap<>();
    private final Map<Pid, Map<Object, List<Pid>>> remote = new LinkedHashMap<>();
    private final Map<Pid, Boolean> hooked = new ConcurrentHashMap<>();
    private final Map<Ref, Pid> scopeMonitors = new LinkedHashMap<>();
    private final Map<Ref, Object[]> groupMonitors = new LinkedHashMap<>();
    private volatile Pid self;

    private PgScope(Node node, Atom scope) {
        this.node = node;
        this.scope = scope;
    }

    /**
     * Starts {@code scope} on {@code node}, as {@code :pg.start_link/1} ({@code link} true) or
     * {@code :pg.start/1}, from the process {@code caller}.
     *
     * @return {@code {:ok, pid}}, or {@code {:error, {:already_started, pid}}}
     */
    public static Tuple start(ProcessContext caller, Atom scope, boolean link) {
        Node node = caller.node();
        Pid existing = node.names().whereisPid(scope);
        if (existing != null) return Tuple.of(Atom.ERROR, Tuple.of(Atom.of("already_started"), existing));
        PgScope s = new PgScope(node, scope);
        Pid pid = node.spawn(s::serve, SpawnOptions.DEFAULT.withLink(link).withInitialCall(Tuple.of(Atom.of("pg"), Atom.of("init"), 1)));
        s.self = pid;
        try {
            node.names().register(scope, node.process(pid));
        } catch (RuntimeException e) {
            node.exit(null, pid, Atom.KILL);
            Pid holder = node.names().whereisPid(scope);
            return Tuple.of(Atom.ERROR, Tuple.of(Atom.of("already_started"), holder));
        }
        SCOPES.computeIfAbsent(node, n -> new ConcurrentHashMap<>()).put(scope, s);
        s.announce();
        return Tuple.of(Atom.OK, pid);
    }

    /** The running scope {@code scope} of {@code node}, or null when it is not started. */
    public static PgScope of(Node node, Atom scope) {
        Map<Atom, PgScope> m = SCOPES.get(node);
        PgScope s = m == null ? null : m.get(scope);
        return s != null && node.isAlive(s.self) ? s : null;
    }

    private void announce() {
        if (node.remote() instanceof Distribution d) {
            Runnable stop = d.watchNodes((peer, up) -> {
                if (up) node.send(Tuple.of(scope, peer), Tuple.of(DISCOVER, self));
                else nodeDown(peer);
            });
            LocalProcess p = node.process(self);
            if (p == null || !p.onExit(r -> stop.run())) stop.run();
            for (Atom n : d.nodes()) node.send(Tuple.of(scope, n), Tuple.of(DISCOVER, self));
        }
    }

    private void serve(ProcessContext ctx) {
        while (true) {
            Object m = ctx.receive();
            if (m instanceof Tuple t && t.isTagged(DISCOVER, 2) && t.get(1) instanceof Pid peer) discovered(peer);
            else if (m instanceof Tuple t && t.isTagged(GEN_CAST, 2) && t.get(1) instanceof Tuple c && c.isTagged(SYNC, 3)
                    && c.get(1) instanceof Pid peer && c.get(2) instanceof List<?> groups) synced(peer, groups);
            else if (m instanceof Tuple t && t.isTagged(JOIN, 4) && t.get(1) instanceof Pid peer) remoteJoin(peer, t.get(2), pids(t.get(3)));
            else if (m instanceof Tuple t && t.isTagged(LEAVE, 4) && t.get(1) instanceof Pid peer && t.get(3) instanceof List<?> gs) {
                remoteLeave(peer, pids(t.get(2)), gs);
            }
        }
    }

    // ---- the :pg API ---------------------------------------------------------------------------

    /** {@code :pg.join/3}: each pid (local ones only) joins the group, once more; {@code :ok}. */
    public Atom join(Object group, Object pidOrPids) {
        List<Pid> pids = pids(pidOrPids);
        List<Pid> peers;
        synchronized (this) {
            local.computeIfAbsent(group, g -> new ArrayList<>()).addAll(0, pids);
            peers = new ArrayList<>(remote.keySet());
            notify(JOIN, group, pids);
        }
        for (Pid p : pids) hook(p);
        for (Pid peer : peers) node.send(peer, Tuple.of(JOIN, self, group, pidOrPids));
        return Atom.OK;
    }

    /** {@code :pg.leave/3}: {@code :ok}, or {@code :not_joined} when none of the pids was in the group. */
    public Atom leave(Object group, Object pidOrPids) {
        List<Pid> pids = pids(pidOrPids);
        List<Pid> peers;
        synchronized (this) {
            List<Pid> members = local.get(group);
            if (members == null) return Atom.of("not_joined");
            List<Pid> gone = new ArrayList<>();
            for (Pid p : pids) if (members.remove(p)) gone.add(p);
            if (members.isEmpty()) local.remove(group);
            if (gone.isEmpty()) return Atom.of("not_joined");
            peers = new ArrayList<>(remote.keySet());
            notify(LEAVE, group, gone);
        }
        for (Pid peer : peers) node.send(peer, Tuple.of(LEAVE, self, pidOrPids, List.of(group)));
        return Atom.OK;
    }

    /** {@code :pg.get_members/2}: every member of the group, on every node. */
    public synchronized List<Pid> members(Object group) {
        List<Pid> out = new ArrayList<>(local.getOrDefault(group, List.of()));
        for (Map<Object, List<Pid>> groups : remote.values()) out.addAll(groups.getOrDefault(group, List.of()));
        return out;
    }

    /** {@code :pg.get_local_members/2}: the members of this node. */
    public synchronized List<Pid> localMembers(Object group) {
        return new ArrayList<>(local.getOrDefault(group, List.of()));
    }

    /** {@code :pg.which_groups/1}: the groups with members anywhere. */
    public synchronized List<Object> groups() {
        List<Object> out = new ArrayList<>(local.keySet());
        for (Map<Object, List<Pid>> groups : remote.values()) {
            for (Map.Entry<Object, List<Pid>> e : groups.entrySet()) if (!e.getValue().isEmpty() && !out.contains(e.getKey())) out.add(e.getKey());
        }
        return out;
    }

    /** {@code :pg.which_local_groups/1}. */
    public synchronized List<Object> localGroups() {
        return new ArrayList<>(local.keySet());
    }

    /** {@code :pg.monitor_scope/1}: {@code {ref, %{group => pids}}}; then join and leave messages for every group. */
    public synchronized Tuple monitorScope(Pid watcher) {
        Ref ref = node.makeRef();
        scopeMonitors.put(ref, watcher);
        Map<Object, Object> all = new LinkedHashMap<>();
        for (Object g : groups()) all.put(g, members(g));
        return Tuple.of(ref, all);
    }

    /** {@code :pg.monitor/2}: {@code {ref, pids}}; then join and leave messages for the group. */
    public synchronized Tuple monitorGroup(Pid watcher, Object group) {
        Ref ref = node.makeRef();
        groupMonitors.put(ref, new Object[] {watcher, group});
        return Tuple.of(ref, members(group));
    }

    /** {@code :pg.demonitor/2}: true when it was a monitor of this scope. */
    public synchronized boolean demonitor(Object ref) {
        return scopeMonitors.remove(ref) != null || groupMonitors.remove(ref) != null;
    }

    // ---- the protocol --------------------------------------------------------------------------

    private void discovered(Pid peer) {
        List<Object> mine = new ArrayList<>();
        boolean known;
        synchronized (this) {
            for (Map.Entry<Object, List<Pid>> e : local.entrySet()) mine.add(Tuple.of(e.getKey(), new ArrayList<>(e.getValue())));
            known = remote.containsKey(peer);
            if (!known) remote.put(peer, new LinkedHashMap<>());
        }
        node.send(peer, Tuple.of(GEN_CAST, Tuple.of(SYNC, self, mine)));
        if (!known) node.send(peer, Tuple.of(DISCOVER, self));
    }

    private synchronized void synced(Pid peer, List<?> groups) {
        Map<Object, List<Pid>> old = remote.getOrDefault(peer, Map.of());
        Map<Object, List<Pid>> now = new LinkedHashMap<>();
        for (Object o : groups) if (o instanceof Tuple t && t.size() == 2) now.put(t.get(0), pids(t.get(1)));
        for (Map.Entry<Object, List<Pid>> e : old.entrySet()) {
            if (!now.containsKey(e.getKey()) && !e.getValue().isEmpty()) notify(LEAVE, e.getKey(), e.getValue());
        }
        for (Map.Entry<Object, List<Pid>> e : now.entrySet()) {
            List<Pid> before = old.getOrDefault(e.getKey(), List.of());
            if (!before.equals(e.getValue())) notify(JOIN, e.getKey(), e.getValue());
        }
        remote.put(peer, now);
    }

    private synchronized void remoteJoin(Pid peer, Object group, List<Pid> pids) {
        Map<Object, List<Pid>> groups = remote.get(peer);
        if (groups == null) return;
        groups.computeIfAbsent(group, g -> new ArrayList<>()).addAll(0, pids);
        notify(JOIN, group, pids);
    }

    private synchronized void remoteLeave(Pid peer, List<Pid> pids, List<?> gs) {
        Map<Object, List<Pid>> groups = remote.get(peer);
        if (groups == null) return;
        for (Object g : gs) {
            List<Pid> members = groups.get(g);
            if (members == null) continue;
            for (Pid p : pids) members.remove(p);
            if (members.isEmpty()) groups.remove(g);
            notify(LEAVE, g, pids);
        }
    }

    private synchronized void nodeDown(Atom peerNode) {
        for (Pid peer : new ArrayList<>(remote.keySet())) {
            if (node.remote() == null || !peerNode.equals(node.remote().nodeOf(peer))) continue;
            for (Map.Entry<Object, List<Pid>> e : remote.remove(peer).entrySet()) {
                if (!e.getValue().isEmpty()) notify(LEAVE, e.getKey(), e.getValue());
            }
        }
    }

    /** A local member's exit: it leaves every group it was in, everywhere. */
    private void hook(Pid pid) {
        if (hooked.putIfAbsent(pid, Boolean.TRUE) != null) return;
        LocalProcess p = node.process(pid);
        if (p == null || !p.onExit(r -> exited(pid))) exited(pid);
    }

    private void exited(Pid pid) {
        hooked.remove(pid);
        List<Object> left = new ArrayList<>();
        List<Pid> peers;
        synchronized (this) {
            scopeMonitors.values().removeIf(pid::equals);
            groupMonitors.values().removeIf(w -> pid.equals(w[0]));
            for (Object g : new ArrayList<>(local.keySet())) {
                List<Pid> members = local.get(g);
                if (members.removeIf(pid::equals)) {
                    left.add(g);
                    notify(LEAVE, g, List.of(pid));
                }
                if (members.isEmpty()) local.remove(g);
            }
            peers = new ArrayList<>(remote.keySet());
        }
        if (!left.isEmpty()) for (Pid peer : peers) node.send(peer, Tuple.of(LEAVE, self, pid, left));
    }

    private void notify(Atom what, Object group, List<Pid> pids) {
        for (Map.Entry<Ref, Pid> e : scopeMonitors.entrySet()) node.send(e.getValue(), Tuple.of(e.getKey(), what, group, pids));
        for (Map.Entry<Ref, Object[]> e : groupMonitors.entrySet()) {
            if (e.getValue()[1].equals(group)) node.send(e.getValue()[0], Tuple.of(e.getKey(), what, group, pids));
        }
    }

    private static List<Pid> pids(Object pidOrPids) {
        List<Pid> out = new ArrayList<>();
        if (pidOrPids instanceof Pid p) out.add(p);
        else if (pidOrPids instanceof List<?> l) for (Object o : l) if (o instanceof Pid p) out.add(p);
        return out;
    }
}
