package procshell.shell.iex;

import java.util.Map;
import java.util.WeakHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.SpawnOptions;

/**
 * The group leader every process of a node reports ({@code Process.group_leader/0},
 * {@code Process.info(pid, :group_leader)}): an I/O server process, as iex's group process,
 * started the first time someone asks for it. It answers the Erlang I/O protocol's
 * {@code {:io_request, from, ref, request}} with {@code {:io_reply, ref, :ok}}, writing the
 * characters of a {@code put_chars} request to the shell's output.
 */
final class GroupLeader {
    private static final Map<Node, Pid> LEADERS = new WeakHashMap<>();
    private static final Atom IO_REQUEST = Atom.of("io_request");

    private GroupLeader() {}

    /** The node's group leader, started now if it was not. */
    static synchronized Pid of(Node node) {
        Pid pid = LEADERS.get(node);
        if (pid != null && node.isAlive(pid)) return pid;
        pid = node.spawn(self -> {
            while (true) {
                Object m = self.receive();
                if (m instanceof Tuple t && t.isTagged(IO_REQUEST, 4) && t.get(1) instanceof Pid from) {
                    write(node, t.get(3));
                    self.send(from, Tuple.of(Atom.of("io_reply"), t.get(2), Atom.OK));
                }
            }
        }, SpawnOptions.DEFAULT.withInitialCall(Tuple.of(Atom.of("group"), Atom.of("server"), 3)));
        LEADERS.put(node, pid);
        return pid;
    }

    private static void write(Node node, Object request) {
        if (!(request instanceof Tuple r) || !Atom.of("put_chars").equals(r.get(0))) return;
        Object chars = r.get(r.size() - 1);
        java.io.PrintWriter out = IexSession.of(node).out();
        if (out == null) return;
        out.print(chars instanceof String s ? s : StringChars.text(chars));
        out.flush();
    }
}
