package procshell.runtime.node;

/**
 * A process identifier, printed {@code #PID<0.123.0>} (node index, number, serial).
 *
 * <p>Numbers are never reused while a node lives. A local pid created by its node points at
 * the process it names; a pid rebuilt from text ({@code pid("0.123.0")}) for a number that the
 * node no longer knows names no process and behaves as a dead pid does.
 */
public final class Pid implements Comparable<Pid> {
    private final Node node;
    private final int nodeIndex;
    private final long number;
    private final int serial;

    /**
     * Creates a pid. Only a {@link Node} creates pids of its own processes.
     *
     * @param node      the node the process lives on
     * @param nodeIndex the index printed first: 0 for the local node, another for a remote one
     * @param number    the process number, unique while the node lives
     * @param serial    the serial, printed last
     */
    public Pid(Node node, int nodeIndex, long number, int serial) {
        this.node = node;
        this.nodeIndex = nodeIndex;
        this.number = number;
        this.serial = serial;
    }

    /** The node this pid belongs to. */
    public Node node() {
        return node;
    }

    /** The first printed field: 0 for a process of the node printing it. */
    public int nodeIndex() {
        return nodeIndex;
    }

    /** The process number, the middle field. */
    public long number() {
        return number;
    }

    /** The serial, the last field. */
    public int serial() {
        return serial;
    }

    @Override
    public boolean equals(Object o) {
        return this == o
                || (o instanceof Pid p && p.number == number && p.serial == serial && p.nodeIndex == nodeIndex
                        && p.node == node);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number) * 31 + serial;
    }

    @Override
    public int compareTo(Pid o) {
        int c = Integer.compare(nodeIndex, o.nodeIndex);
        if (c == 0) c = Integer.compare(serial, o.serial);
        return c != 0 ? c : Long.compare(number, o.number);
    }

    /** {@code #PID<0.123.0>}, as iex prints it. */
    @Override
    public String toString() {
        return "#PID<" + nodeIndex + "." + number + "." + serial + ">";
    }
}
