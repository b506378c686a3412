package procshell.shell.iex;

import java.util.List;

import procshell.runtime.dist.Distribution;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.ProcessContext;

/**
 * Elixir's {@code Node} module at the prompt: the node's name, its connections to other nodes
 * (over the Erlang distribution protocol, so a real Elixir node can join too) and
 * {@code Node.ping/1}.
 */
@Doc("""
    Functions related to VM nodes: Node.self/0, Node.alive?/0, Node.list/0, Node.connect/1,
    Node.disconnect/1, Node.ping/1.

    A node is distributed when procshell starts with --sname or --name (and a cookie from
    --cookie or ~/.erlang.cookie); two such shells, or a shell and an Elixir node, form a cluster
    with Node.connect/1.

    ## Examples

        ps> Node.connect(:node1@localhost)
        true
        ps> Node.list()
        [:node1@localhost]
    """)
public final class Node {
    private static final Atom IGNORED = Atom.of("ignored");

    private Node() {}

    private static procshell.runtime.node.Node local() {
        return ProcessContext.require().node();
    }

    private static Distribution dist() {
        return local().remote() instanceof Distribution d ? d : null;
    }

    /** The name of this node, as {@code Node.self/0}: {@code :nonode@nohost} when not distributed. */
    @Doc("""
        Returns the current node: its name, or :nonode@nohost when the node is not alive.

        ## Examples

            ps> Node.self()
            :node1@localhost
        """)
    public static Atom self() {
        return local().name();
    }

    /** True when this node is distributed, as {@code Node.alive?/0}. */
    @Doc("""
        Returns true if the local node is alive, that is, it was started with --sname or --name.

        ## Examples

            ps> Node.alive?()
            false
        """)
    public static boolean alive_qm() {
        return dist() != null;
    }

    /** The connected nodes, as {@code Node.list/0}. */
    @Doc("""
        Returns the list of the nodes this node is connected to, sorted by name.

        ## Examples

            ps> Node.list()
            [:node1@localhost]
        """)
    public static List<Atom> list() {
        Distribution d = dist();
        return d == null ? List.of() : d.nodes();
    }

    /**
     * Connects to a node, as {@code Node.connect/1}.
     *
     * @return true when connected, false when the node cannot be reached or refuses (another
     *         cookie), {@code :ignored} when this node is not distributed
     */
    @Doc("""
        Establishes a connection to node: true when connected, false when it cannot be reached or
        refuses (a different cookie), :ignored when the local node is not alive.

        Connections are transitive: the new node also connects to every node the other one knows.

        ## Examples

            ps> Node.connect(:node1@localhost)
            true
        """)
    public static Object connect(Object name) {
        Distribution d = dist();
        if (name == null) return d == null ? IGNORED : false; // the atom nil: no node has that name
        Atom node = Args.bifAtom(name, "1st");
        return d == null ? IGNORED : d.connect(node);
    }

    /**
     * Disconnects from a node, as {@code Node.disconnect/1}: links and monitors towards it fire
     * with {@code :noconnection}.
     *
     * @return true when it was connected, false otherwise, {@code :ignored} when not distributed
     */
    @Doc("""
        Forces the disconnection of a node. Links and monitors towards its processes fire with
        :noconnection. Returns true, false when not connected, :ignored when the local node is not
        alive.

        ## Examples

            ps> Node.disconnect(:node1@localhost)
            true
        """)
    public static Object disconnect(Object name) {
        Atom node = Args.bifAtom(name, "1st");
        Distribution d = dist();
        return d == null ? IGNORED : d.disconnect(node);
    }

    /** Pings a node, as {@code Node.ping/1}: {@code :pong} when it answers, else {@code :pang}. */
    @Doc("""
        Tries to connect to node and asks whether it accepts us: :pong if so, :pang otherwise.

        ## Examples

            ps> Node.ping(:node1@localhost)
            :pong
            ps> Node.ping(:nobody@localhost)
            :pang
        """)
    public static Atom ping(Object name) {
        Atom node = Args.bifAtom(name, "1st");
        Distribution d = dist();
        if (d == null) return node.equals(local().name()) ? Atom.of("pong") : Atom.of("pang");
        return d.ping(node);
    }

    /** {@code Node.spawn/4}: runs {@code module.function(args...)} on {@code node}; its pid. */
    @Doc("""
        Returns the pid of a new process started by applying module.function(args) on node.
        A node that cannot be reached gives a pid that exits with :noconnection at once.

        ## Examples

            ps> Node.spawn(:node1@localhost, IO, :puts, ["hi"])
            #PID<12345.120.0>
        """)
    public static Object spawn(Object node, Object module, Object function, Object args) {
        return RemoteSpawn.spawn(node, Erpc.moduleAtom(module), function, args, false, false);
    }

    /** {@code Node.spawn_link/4}: as {@link #spawn(Object, Object, Object, Object)}, linked to the caller. */
    @Doc("""
        Like spawn/4, the new process linked to the caller.
        """)
    public static Object spawn_link(Object node, Object module, Object function, Object args) {
        return RemoteSpawn.spawn(node, Erpc.moduleAtom(module), function, args, true, false);
    }

    /** {@code Node.spawn_monitor/4}: {@code {pid, ref}}, the caller monitoring it. */
    @Doc("""
        Like spawn/4, the caller monitoring the new process: {pid, ref}.
        """)
    public static Object spawn_monitor(Object node, Object module, Object function, Object args) {
        return RemoteSpawn.spawn(node, Erpc.moduleAtom(module), function, args, false, true);
    }

    /** {@code Node.spawn/2}: a fun of the shell runs on this node only; another node cannot run it. */
    @Doc("""
        Spawns fun on node. A fun typed in this shell runs only on this node: another node
        cannot run it.
        """)
    public static Object spawn(Object node, Object fun) {
        return RemoteSpawn.spawn(node, Atom.of("erlang"), Atom.of("apply"), List.of(fun, List.of()), false, false);
    }

    /** {@code Node.spawn_link/2}. */
    @Doc("""
        Like spawn/2, linked to the caller.
        """)
    public static Object spawn_link(Object node, Object fun) {
        return RemoteSpawn.spawn(node, Atom.of("erlang"), Atom.of("apply"), List.of(fun, List.of()), true, false);
    }

    /** {@code Node.spawn_monitor/2}. */
    @Doc("""
        Like spawn/2, monitored by the caller: {pid, ref}.
        """)
    public static Object spawn_monitor(Object node, Object fun) {
        return RemoteSpawn.spawn(node, Atom.of("erlang"), Atom.of("apply"), List.of(fun, List.of()), false, true);
    }

    /**
     * {@code Node.monitor/2}: with true, the caller gets {@code {:nodedown, node}} once when that
     * node goes (at once when it cannot be reached); false removes one such monitor. Always true.
     */
    @Doc("""
        Monitors the status of the node: with true the caller receives {:nodedown, node} when the
        connection to it is lost (at once when it cannot be reached); false turns one monitor off.

        ## Examples

            ps> Node.monitor(:node1@localhost, true)
            true
        """)
    public static boolean monitor(Object node, Object flag) {
        Atom n = Args.bifAtom(node, "1st");
        ProcessContext self = ProcessContext.require();
        if (Boolean.TRUE.equals(flag)) NodeMonitors.monitorNode(self.process(), dist(), n);
        else NodeMonitors.cancel(self.self(), n);
        return true;
    }

    /** The node a pid lives on, as {@code node/1}. */
    static Atom of(Pid pid) {
        if (pid.nodeIndex() == 0) return local().name();
        Distribution d = dist();
        Atom n = d == null ? null : d.nodeOf(pid);
        return n == null ? Atom.of("nonode@nohost") : n;
    }
}
