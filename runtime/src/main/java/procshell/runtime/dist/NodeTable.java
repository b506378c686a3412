package procshell.runtime.dist;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;

/**
 * The local node's table of node incarnations it has heard of, as the BEAM's node table: each
 * {@code (name, creation)} gets a small index, printed first in a remote pid
 * ({@code #PID<3.110.0>}); index 0 is the local node. Translates pids and references between
 * their wire form and the runtime's objects.
 */
public final class NodeTable {
    /** One known incarnation of a node. */
    public record Entry(Atom name, int creation) {}

    private final Node local;
    private final Map<Entry, Integer> indexes = new ConcurrentHashMap<>();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** @param local the node whose table this is */
    public NodeTable(Node local) {
        this.local = local;
        entries.add(new Entry(local.name(), local.creation()));
        indexes.put(entries.get(0), 0);
    }

    /** The local node. */
    public Node local() {
        return local;
    }

    /** The index of {@code (name, creation)}, assigned on first sight; 0 for the local node. */
    public int index(Atom name, int creation) {
        Entry e = new Entry(name, creation);
        Integer i = indexes.get(e);
        if (i != null) return i;
        synchronized (this) {
            return indexes.computeIfAbsent(e, k -> {
                entries.add(k);
                return entries.size() - 1;
            });
        }
    }

    /** The incarnation at {@code index}, or null when there is none. */
    public Entry entry(int index) {
        return index >= 0 && index < entries.size() ? entries.get(index) : null;
    }

    /** The name of the node {@code pid} lives on, as {@code node/1}; null for an index nobody assigned. */
    public Atom nodeOf(Pid pid) {
        Entry e = entry(pid.nodeIndex());
        return e == null ? null : e.name();
    }

    /**
     * The pid for a wire pid: the local process's own pid when it is ours, else a remote pid.
     *
     * @throws TermFormatException when id or serial do not fit 32 bits
     */
    public Pid pid(Atom node, long id, long serial, int creation) {
        int index = index(node, creation);
        return local.pid(index, id, (int) serial);
    }

    /**
     * The reference for a wire reference: this node's own {@link Ref} when it made it, else a
     * {@link RemoteRef}.
     */
    public Object ref(Atom node, int creation, int[] ids) {
        int index = index(node, creation);
        if (index == 0 && ids.length == 3 && ids[2] == 0) {
            return new Ref(local, (Integer.toUnsignedLong(ids[1]) << 32) | Integer.toUnsignedLong(ids[0]));
        }
        return new RemoteRef(node, creation, ids, index);
    }

    /** The wire words of a local reference: low and high halves of its id, then 0. */
    static int[] idsOf(Ref ref) {
        return new int[] {(int) ref.id(), (int) (ref.id() >>> 32), 0};
    }
}
