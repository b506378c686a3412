package procshell.shell.iex;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import procshell.runtime.node.Node;
import procshell.runtime.process.ProcessContext;

/**
 * State a module keeps for each node, as the BEAM keeps it per node ({@code :persistent_term}'s
 * store, {@code Application}'s environment): made on first use by a process of the node, gone with
 * the node.
 *
 * @param <T> the state's type
 */
final class PerNode<T> {
    private final Map<Node, T> states = new WeakHashMap<>();
    private final Supplier<T> initial;

    /** @param initial makes a node's state the first time one of its processes asks */
    PerNode(Supplier<T> initial) {
        this.initial = initial;
    }

    /**
     * The calling process's node's state.
     *
     * @throws IllegalStateException when not called from a process
     */
    T get() {
        Node node = ProcessContext.require().node();
        synchronized (states) {
            return states.computeIfAbsent(node, n -> initial.get());
        }
    }
}
