package procshell.shell.iex;

import java.util.List;

import procshell.runtime.dist.Distribution;
import procshell.runtime.node.Atom;
import procshell.runtime.process.ProcessContext;

/** Erlang's {@code :net_kernel} at the prompt: watching nodes come and go, connecting to one. */
@Doc("""
    The network kernel: monitor_nodes/1,2 and connect_node/1.

    ## Examples

        ps> :net_kernel.monitor_nodes(true)
        :ok
        ps> flush()
        {:nodeup, :node1@localhost}
    """)
@ElixirName(":net_kernel")
public final class NetKernel {
    private NetKernel() {}

    /** {@code :net_kernel.monitor_nodes/1}: {@code {:nodeup, node}} / {@code {:nodedown, node}} messages; {@code :ok}. */
    @Doc("""
        With true, the caller receives {:nodeup, node} and {:nodedown, node} as nodes
        connect and disconnect; false turns one subscription off. Returns :ok.
        """)
    public static Atom monitor_nodes(Object flag) {
        return monitor_nodes(flag, List.of());
    }

    /**
     * {@code :net_kernel.monitor_nodes/2}: with options ({@code node_type: :visible},
     * {@code nodedown_reason: true}) the messages carry an info list:
     * {@code {:nodeup, node, [node_type: :visible]}}.
     *
     * @return {@code :ok}, or {@code :error} for a flag that is no boolean or options that are no list
     */
    @Doc("""
        Like monitor_nodes/1; with options (node_type: :visible, nodedown_reason: true) the
        messages are {:nodeup, node, info} and {:nodedown, node, info}.
        """)
    public static Atom monitor_nodes(Object flag, Object options) {
        if (!(flag instanceof Boolean on) || !(options instanceof List<?> opts)) return Atom.ERROR;
        ProcessContext self = ProcessContext.require();
        if (on) NodeMonitors.monitorNodes(self.process(), dist(self), opts);
        else NodeMonitors.cancel(self.self(), List.copyOf(opts));
        return Atom.OK;
    }

    /** {@code :net_kernel.connect_node/1}: as {@code Node.connect/1}. */
    @Doc("""
        Connects to node, as Node.connect/1.
        """)
    public static Object connect_node(Object node) {
        return Node.connect(node);
    }

    static Distribution dist(ProcessContext self) {
        return self.node().remote() instanceof Distribution d ? d : null;
    }
}
