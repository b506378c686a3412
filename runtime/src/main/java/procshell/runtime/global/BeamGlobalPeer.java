package procshell.runtime.global;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/**
 * The {@code global_name_server} a BEAM node's {@code :global} talks to on every node it connects
 * to. Its connect protocol opens with {@code {:init_connect, {vsn, tag}, node, init_msg}}; until
 * the other node answers, {@code :global.sync/0} on the BEAM waits for it, forever. This node
 * answers {@code {:in_sync, node(), true}}, which ends the BEAM's wait and its locker for this node:
 * the BEAM then holds this node synced, with no names exchanged (procshell's own {@code :global}
 * keeps its names among procshell nodes).
 */
final class BeamGlobalPeer {
    /** The name the BEAM's global server has on every node. */
    static final Atom NAME = Atom.of("global_name_server");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom INIT_CONNECT = Atom.of("init_connect");
    private static final Atom IN_SYNC = Atom.of("in_sync");

    private BeamGlobalPeer() {}

    /** Starts the server on {@code node}, registered as {@code global_name_server}. */
    static Pid start(Node node) {
        Pid pid = node.spawn(BeamGlobalPeer::serve, SpawnOptions.DEFAULT);
        node.names().register(NAME, node.process(pid));
        return pid;
    }

    private static void serve(ProcessContext self) {
        while (true) {
            Object m = self.receive();
            if (m instanceof Tuple t && t.isTagged(GEN_CAST, 2) && t.get(1) instanceof Tuple c && c.isTagged(INIT_CONNECT, 4)
                    && c.get(2) instanceof Atom peer) {
                self.node().send(Tuple.of(NAME, peer), Tuple.of(GEN_CAST, Tuple.of(IN_SYNC, self.node().name(), Boolean.TRUE)));
            } else if (m instanceof Tuple t && t.isTagged(GEN_CALL, 3) && t.get(1) instanceof Tuple from && from.size() == 2
                    && from.get(0) instanceof Pid caller) {
                // nothing of the name exchange is kept here: a call gets an empty answer rather than none
                self.node().send(caller, Tuple.of(from.get(1), java.util.List.of()));
            }
        }
    }
}
