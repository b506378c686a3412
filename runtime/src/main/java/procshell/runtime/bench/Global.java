package procshell.runtime.bench;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;

/** Whether {@code :global} names work on a node yet (another part of the runtime provides them). */
final class Global {
    private Global() {}

    /** Null when {@code {:global, name}} works on {@code node}, else why not (one word). */
    static String missing(Node node) {
        try {
            node.via(Atom.GLOBAL);
            return null;
        } catch (IllegalArgumentException e) {
            return "global_not_in_runtime";
        }
    }
}
