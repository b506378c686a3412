package procshell.runtime.node;

/**
 * A unique reference, as returned by {@code make_ref/0} and {@code Process.monitor/1}; printed
 * {@code #Reference<0.1.2.3>}.
 */
public final class Ref {
    private final Node node;
    private final long id;

    /**
     * Rebuilds a reference of {@code node} from its id; new references come from
     * {@link Node#makeRef()}. The distribution uses this for a reference of ours coming back.
     */
    public Ref(Node node, long id) {
        this.node = node;
        this.id = id;
    }

    /** The node that made this reference. */
    public Node node() {
        return node;
    }

    /** The reference's sequence number within its node. */
    public long id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Ref r && r.id == id && r.node == node);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    /** {@code #Reference<0.a.b.c>}, the BEAM's shape, derived from the sequence number. */
    @Override
    public String toString() {
        long a = (id >>> 32) & 0xffffffffL;
        long b = id & 0xffffffffL;
        return "#Reference<0." + node.creation() + "." + a + "." + b + ">";
    }
}
