package procshell.runtime.dist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/**
 * The links and monitors that cross from this node to others: which local process is linked to
 * which remote pid, which remote process monitors which local one, which local process monitors
 * what remotely. Local processes tell of their exit through {@link LocalProcess#onExit}; a lost
 * connection turns every link and monitor towards that node into {@code :noconnection}.
 */
final class RemoteLinks {
    private static final Atom NOCONNECTION = Atom.of("noconnection");

    /** What a local process has towards other nodes. */
    private static final class Remotes {
        final Set<Pid> links = new HashSet<>();
        /** Remote watchers: monitor ref to {watcher pid, the target as the watcher named it}. */
        final Map<Object, Object[]> watchers = new HashMap<>();
    }

    /** A monitor a local process holds on something of another node. */
    private record Watch(Pid watcher, Object target, Atom node) {}

    private final Distribution dist;
    private final Node node;
    private final ConcurrentHashMap<Pid, Remotes> locals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Ref, Watch> watches = new ConcurrentHashMap<>();

    RemoteLinks(Distribution dist) {
        this.dist = dist;
        this.node = dist.table().local();
    }

    /**
     * The record of a live local process, hooked to its exit; null when it is dead (its exit then
     * is {@code p.exitReason()}).
     */
    private Remotes remotesOf(LocalProcess p) {
        Remotes r = locals.get(p.pid());
        if (r != null) return r;
        Remotes fresh = new Remotes();
        r = locals.putIfAbsent(p.pid(), fresh);
        if (r != null) return r;
        if (!p.onExit(reason -> exited(p.pid(), reason))) {
            locals.remove(p.pid(), fresh);
            return null;
        }
        return fresh;
    }

    private void exited(Pid pid, Object reason) {
        Remotes r = locals.remove(pid);
        if (r == null) return;
        List<Pid> links;
        List<Map.Entry<Object, Object[]>> watchers;
        synchronized (r) {
            links = new ArrayList<>(r.links);
            watchers = new ArrayList<>(r.watchers.entrySet());
            r.links.clear();
            r.watchers.clear();
        }
        for (Pid remote : links) dist.sendSignal(dist.nodeOf(remote), Tuple.of(ControlOp.EXIT, pid, remote, reason));
        for (Map.Entry<Object, Object[]> w : watchers) {
            Pid watcher = (Pid) w.getValue()[0];
            dist.sendSignal(dist.nodeOf(watcher), Tuple.of(ControlOp.MONITOR_P_EXIT, w.getValue()[1], watcher, w.getKey(), reason));
        }
    }

    // ---- from local processes ------------------------------------------------------------------

    /** {@code Process.link(remote)} by {@code self}. */
    void link(LocalProcess self, Pid remote) {
        Atom peer = dist.nodeOf(remote);
        Remotes r = remotesOf(self);
        if (r == null) return;
        if (peer == null || !dist.ensureConnected(peer)) {
            LocalProcess.exitSignal(self, remote, NOCONNECTION, true);
            return;
        }
        synchronized (r) {
            if (!r.links.add(remote)) return;
        }
        dist.sendControl(peer, Tuple.of(ControlOp.LINK, self.pid(), remote));
    }

    /** {@code Process.unlink(remote)} by {@code self}. */
    void unlink(LocalProcess self, Pid remote) {
        Remotes r = locals.get(self.pid());
        if (r == null) return;
        synchronized (r) {
            if (!r.links.remove(remote)) return;
        }
        Connection c = dist.connection(dist.nodeOf(remote));
        if (c == null) return;
        if (c.unlinkId()) c.send(Tuple.of(ControlOp.UNLINK_ID, dist.nextUnlinkId(), self.pid(), remote), Connection.NO_MESSAGE);
        else c.send(Tuple.of(ControlOp.UNLINK, self.pid(), remote), Connection.NO_MESSAGE);
    }

    /** {@code Process.monitor(target)} by {@code self}: target is a remote pid or {@code {name, node}}. */
    Ref monitor(LocalProcess self, Object target) {
        Ref ref = node.makeRef();
        Atom peer = target instanceof Pid p ? dist.nodeOf(p) : (Atom) ((Tuple) target).get(1);
        Object wireTarget = target instanceof Pid ? target : ((Tuple) target).get(0);
        if (peer == null || !dist.ensureConnected(peer)) {
            self.deliver(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, target, NOCONNECTION));
            return ref;
        }
        watches.put(ref, new Watch(self.pid(), target, peer));
        dist.sendControl(peer, Tuple.of(ControlOp.MONITOR_P, self.pid(), wireTarget, ref));
        return ref;
    }

    /** {@code Process.demonitor(ref)} by {@code self}; false when no such remote monitor is active. */
    boolean demonitor(LocalProcess self, Ref ref) {
        Watch w = watches.get(ref);
        if (w == null || !w.watcher().equals(self.pid()) || !watches.remove(ref, w)) return false;
        Object wireTarget = w.target() instanceof Pid ? w.target() : ((Tuple) w.target()).get(0);
        dist.sendControl(w.node(), Tuple.of(ControlOp.DEMONITOR_P, self.pid(), wireTarget, ref));
        return true;
    }

    /**
     * A spawn this node requested came up linked to {@code self}: the link is in place at both ends
     * without a LINK of ours (the other node made it when it spawned); false when {@code self} is
     * dead (the caller then unlinks).
     */
    boolean adoptLink(LocalProcess self, Pid remote) {
        Remotes r = remotesOf(self);
        if (r == null) return false;
        synchronized (r) {
            r.links.add(remote);
        }
        return true;
    }

    /** A spawn this node requested came up monitored: its DOWN comes to {@code watcher} under {@code ref}. */
    void adoptMonitor(Ref ref, Pid watcher, Pid target) {
        watches.put(ref, new Watch(watcher, target, dist.nodeOf(target)));
    }

    // ---- from other nodes ----------------------------------------------------------------------

    /** LINK from a remote process to a local one. */
    void linked(Pid remote, Pid local) {
        LocalProcess p = node.process(local);
        Remotes r = p == null ? null : remotesOf(p);
        if (r == null) {
            dist.sendControl(dist.nodeOf(remote), Tuple.of(ControlOp.EXIT, local, remote, Atom.NOPROC));
            return;
        }
        synchronized (r) {
            r.links.add(remote);
        }
    }

    /** UNLINK or UNLINK_ID from a remote process. */
    void unlinked(Pid remote, Pid local) {
        Remotes r = locals.get(local);
        if (r == null) return;
        synchronized (r) {
            r.links.remove(remote);
        }
    }

    /** EXIT over a link: acts only while the link is in place, which it consumes. */
    void linkExit(Pid remote, Pid local, Object reason) {
        Remotes r = locals.get(local);
        if (r == null) return;
        synchronized (r) {
            if (!r.links.remove(remote)) return;
        }
        LocalProcess p = node.process(local);
        if (p != null) LocalProcess.exitSignal(p, remote, reason, true);
    }

    /** MONITOR_P from a remote watcher on a local pid or registered name. */
    void monitored(Pid watcher, Object target, Object ref) {
        LocalProcess p = target instanceof Pid pid ? node.process(pid)
                : target instanceof Atom name ? node.names().whereis(name) : null;
        Remotes r = p == null ? null : remotesOf(p);
        if (r == null) {
            dist.sendControl(dist.nodeOf(watcher), Tuple.of(ControlOp.MONITOR_P_EXIT, target, watcher, ref, Atom.NOPROC));
            return;
        }
        synchronized (r) {
            r.watchers.put(ref, new Object[] {watcher, target});
        }
    }

    /** DEMONITOR_P from a remote watcher. */
    void demonitored(Object target, Object ref) {
        Pid pid = target instanceof Pid p ? p : target instanceof Atom name ? node.names().whereisPid(name) : null;
        Remotes r = pid == null ? null : locals.get(pid);
        if (r == null) return;
        synchronized (r) {
            r.watchers.remove(ref);
        }
    }

    /** MONITOR_P_EXIT: a remote target of a local watcher exited. */
    void monitorFired(Object ref, Object reason) {
        if (!(ref instanceof Ref r)) return;
        Watch w = watches.remove(r);
        if (w == null) return;
        LocalProcess p = node.process(w.watcher());
        if (p != null) p.deliver(Tuple.of(Atom.DOWN, r, Atom.PROCESS, w.target(), reason));
    }

    /** The connection to {@code peer} is gone: every link and monitor towards it fires {@code :noconnection}. */
    void nodeDown(Atom peer) {
        for (Map.Entry<Ref, Watch> e : watches.entrySet()) {
            if (e.getValue().node().equals(peer) && watches.remove(e.getKey(), e.getValue())) {
                LocalProcess p = node.process(e.getValue().watcher());
                if (p != null) p.deliver(Tuple.of(Atom.DOWN, e.getKey(), Atom.PROCESS, e.getValue().target(), NOCONNECTION));
            }
        }
        for (Map.Entry<Pid, Remotes> e : locals.entrySet()) {
            List<Pid> broken = new ArrayList<>();
            Remotes r = e.getValue();
            synchronized (r) {
                for (Pid remote : r.links) if (peer.equals(dist.nodeOf(remote))) broken.add(remote);
                r.links.removeAll(broken);
                r.watchers.values().removeIf(w -> peer.equals(dist.nodeOf((Pid) w[0])));
            }
            LocalProcess p = node.process(e.getKey());
            if (p != null) for (Pid remote : broken) LocalProcess.exitSignal(p, remote, NOCONNECTION, true);
        }
    }

    /** The remote pids {@code local} is linked to, for {@code Process.info(pid, :links)}. */
    List<Pid> linksOf(Pid local) {
        Remotes r = locals.get(local);
        if (r == null) return List.of();
        synchronized (r) {
            return new ArrayList<>(r.links);
        }
    }
}
