package procshell.runtime.dist;

import java.util.Arrays;

import procshell.runtime.node.Atom;

/**
 * A reference made by another node (or another incarnation of this one), as a
 * NEWER_REFERENCE_EXT brought it: compared by node, creation and id words, re-encoded unchanged.
 * A reply tag of a remote {@code GenServer.call} is one.
 */
public final class RemoteRef {
    private final Atom node;
    private final int creation;
    private final int[] ids;
    private final int nodeIndex;

    /**
     * @param node      the node that made it
     * @param creation  that node's creation
     * @param ids       the id words, 1 to 5, least significant first as on the wire
     * @param nodeIndex the index this node prints for {@code node} (see {@link NodeTable})
     */
    public RemoteRef(Atom node, int creation, int[] ids, int nodeIndex) {
        this.node = node;
        this.creation = creation;
        this.ids = ids.clone();
        this.nodeIndex = nodeIndex;
    }

    /** The node that made this reference. */
    public Atom node() {
        return node;
    }

    /** That node's creation. */
    public int creation() {
        return creation;
    }

    /** The id words, as on the wire. */
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteRef r && r.creation == creation && r.node.equals(node) && Arrays.equals(r.ids, ids);
    }

    @Override
    public int hashCode() {
        return node.hashCode() * 31 + Arrays.hashCode(ids);
    }

    /** {@code #Reference<12.1.2.3>}: the node's index, then the id words, most significant first. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("#Reference<").append(nodeIndex);
        for (int i = ids.length - 1; i >= 0; i--) b.append('.').append(Integer.toUnsignedLong(ids[i]));
        return b.append('>').toString();
    }
}
