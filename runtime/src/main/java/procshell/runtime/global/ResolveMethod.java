package procshell.runtime.global;

import procshell.runtime.node.Pid;

/**
 * A resolve method given as a function of this node (a shell fn), for
 * {@code :global.register_name/3}: called as {@code method.(name, pid1, pid2)} when two
 * partitions that join hold {@code name} for two processes, on the node that resolves.
 */
@FunctionalInterface
public interface ResolveMethod {
    /**
     * @return the pid that keeps the name, or anything else ({@code :none}) for neither
     */
    Object resolve(Object name, Pid pid1, Pid pid2);

    /**
     * The term that stands for this method on other nodes (a shell fn that can go as an
     * {@code erl_eval} fun), or null when it cannot travel: other nodes then store the default,
     * {@code &:global.random_exit_name/3}.
     */
    default Object onWire() {
        return null;
    }
}
