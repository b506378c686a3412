package procshell.runtime.dist;

import procshell.runtime.node.Atom;

/**
 * A port of another node, as a (V4_|NEW_)PORT_EXT brought it. procshell has no ports of its own;
 * it only carries these through unchanged.
 *
 * @param node     the node the port lives on
 * @param id       the port number
 * @param creation that node's creation
 */
public record ExternalPort(Atom node, long id, int creation) {
    /** {@code #Port<node.id>}. */
    @Override
    public String toString() {
        return "#Port<" + node.name() + "." + id + ">";
    }
}
