package procshell.runtime.node;

import procshell.runtime.process.LocalProcess;

/**
 * What a {@link Node} asks of its distribution (the {@code procshell.runtime.dist} package) for
 * pids, names and monitors of other nodes. A node that is not distributed has none, and a remote
 * pid then behaves as a dead one.
 */
public interface RemoteNodes {
    /**
     * Sends to a pid of another node, as {@code send/2}; dropped silently when the node cannot be
     * reached, as on the BEAM.
     *
     * @param from the sending process, or null when no process sends
     */
    void send(Pid from, Pid to, Object message);

    /** Sends to {@code {name, node}} of another node, as {@code send({name, node}, message)}. */
    void send(Pid from, Atom name, Atom node, Object message);

    /** Sends an exit signal to a pid of another node, as {@code Process.exit/2}. */
    void exit(Pid from, Pid to, Object reason);

    /**
     * Links a local process to a pid of another node, as {@code Process.link/1}; when the node
     * cannot be reached the process gets the exit signal {@code :noconnection}.
     */
    void link(LocalProcess self, Pid remote);

    /** Removes a link to a pid of another node, as {@code Process.unlink/1}. */
    void unlink(LocalProcess self, Pid remote);

    /**
     * Monitors a pid or a {@code {name, node}} of another node, as {@code Process.monitor/1}: the
     * {@code {:DOWN, ref, :process, target, reason}} comes when it exits, {@code :noproc} when it
     * does not exist and {@code :noconnection} when its node is or goes out of reach.
     */
    Ref monitor(LocalProcess self, Object target);

    /**
     * Removes a monitor this node's distribution holds, as {@code Process.demonitor/1}.
     *
     * @return false when {@code ref} is no active remote monitor of {@code self}
     */
    boolean demonitor(LocalProcess self, Ref ref);

    /** The name of the node a pid belongs to, as {@code node/1}; null when unknown. */
    Atom nodeOf(Pid pid);
}
