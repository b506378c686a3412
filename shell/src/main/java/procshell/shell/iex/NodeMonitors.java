package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.dist.Distribution;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/**
 * The node monitors processes hold, as the BEAM keeps them: {@code Node.monitor(node, true)} (one
 * {@code {:nodedown, node}} per call, when that node goes) and
 * {@code :net_kernel.monitor_nodes(true, opts)} (a {@code {:nodeup, node}} and
 * {@code {:nodedown, node}} for every node that comes and goes, with an info list when options
 * were given). Each call adds one; each {@code false} removes one; a process's exit removes all.
 */
final class NodeMonitors {
    private static final Atom NODEUP = Atom.of("nodeup");
    private static final Atom NODEDOWN = Atom.of("nodedown");
    private static final Atom NODE_TYPE = Atom.of("node_type");
    private static final Atom NODEDOWN_REASON = Atom.of("nodedown_reason");

    /** One subscription: removes itself from the distribution when run. */
    private record Subscription(Object key, Runnable cancel) {}

    private static final Map<Pid, List<Subscription>> BY_PROCESS = new ConcurrentHashMap<>();

    private NodeMonitors() {}

    /** {@code Node.monitor(node, true)}: {@code {:nodedown, node}} once, at once when it cannot be reached. */
    static void monitorNode(LocalProcess p, Distribution d, Atom node) {
        if (d == null || !d.connect(node)) {
            p.deliver(Tuple.of(NODEDOWN, node));
            return;
        }
        Subscription[] self = new Subscription[1];
        Runnable cancel = d.watchNodes((peer, up) -> {
            if (!up && peer.equals(node) && remove(p.pid(), self[0])) p.deliver(Tuple.of(NODEDOWN, node));
        });
        self[0] = new Subscription(node, cancel);
        add(p, self[0]);
        if (!d.nodes().contains(node) && remove(p.pid(), self[0])) p.deliver(Tuple.of(NODEDOWN, node)); // it went meanwhile
    }

    /** {@code :net_kernel.monitor_nodes(true, opts)}. */
    static void monitorNodes(LocalProcess p, Distribution d, List<?> opts) {
        boolean info = !opts.isEmpty();
        boolean reason = opts.contains(Tuple.of(NODEDOWN_REASON, Boolean.TRUE)) || opts.contains(NODEDOWN_REASON);
        Runnable cancel = d == null ? () -> { } : d.watchNodes((peer, up) -> {
            if (!info) {
                p.deliver(Tuple.of(up ? NODEUP : NODEDOWN, peer));
                return;
            }
            List<Object> details = new ArrayList<>();
            if (!up && reason) details.add(Tuple.of(NODEDOWN_REASON, Atom.of("connection_closed")));
            details.add(Tuple.of(NODE_TYPE, Atom.of("visible")));
            p.deliver(Tuple.of(up ? NODEUP : NODEDOWN, peer, details));
        });
        add(p, new Subscription(List.copyOf(opts), cancel));
    }

    /** Removes one subscription made with {@code key} (a node, or the options of monitor_nodes). */
    static void cancel(Pid pid, Object key) {
        List<Subscription> subs = BY_PROCESS.get(pid);
        if (subs == null) return;
        synchronized (subs) {
            for (Subscription s : subs) {
                if (s.key().equals(key)) {
                    subs.remove(s);
                    s.cancel().run();
                    return;
                }
            }
        }
    }

    private static void add(LocalProcess p, Subscription s) {
        List<Subscription> subs = BY_PROCESS.computeIfAbsent(p.pid(), k -> {
            p.onExit(reason -> {
                List<Subscription> gone = BY_PROCESS.remove(p.pid());
                if (gone != null) synchronized (gone) {
                    gone.forEach(x -> x.cancel().run());
                }
            });
            return new ArrayList<>();
        });
        synchronized (subs) {
            subs.add(s);
        }
    }

    private static boolean remove(Pid pid, Subscription s) {
        List<Subscription> subs = BY_PROCESS.get(pid);
        if (subs == null || s == null) return false;
        synchronized (subs) {
            if (!subs.remove(s)) return false;
        }
        s.cancel().run();
        return true;
    }
}
