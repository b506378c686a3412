package procshell.runtime.global;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * The {@code gen_server} messages {@code :global} exchanges with the {@code global_name_server} of
 * each node, procshell's or the BEAM's: calls ({@code {:"$gen_call", {pid, tag}, request}},
 * answered {@code {tag, reply}}), multi-calls and casts ({@code {:"$gen_cast", request}}).
 */
final class GenCalls {
    /** The name of the global name server on every node. */
    static final Atom GNS = Atom.of("global_name_server");
    static final Atom GEN_CALL = Atom.of("$gen_call");
    static final Atom GEN_CAST = Atom.of("$gen_cast");
    /** What {@link #call} gives when the server's node or process is gone before it answered. */
    static final Object NO_REPLY = new Object();

    private GenCalls() {}

    /**
     * {@code gen_server:call({global_name_server, node}, request, :infinity)} from {@code self}.
     *
     * @return the reply, or {@link #NO_REPLY} when the server is down (DOWN of its monitor)
     */
    static Object call(ProcessContext self, Atom node, Object request) {
        Node local = self.node();
        Ref ref;
        Object target;
        if (node.equals(local.name())) {
            Pid pid = local.whereis(GNS);
            if (pid == null) return NO_REPLY;
            ref = self.monitor(pid);
            target = pid;
        } else {
            if (local.remote() == null) return NO_REPLY;
            target = Tuple.of(GNS, node);
            ref = local.remote().monitor(self.process(), target);
        }
        local.send(target, Tuple.of(GEN_CALL, Tuple.of(self.self(), ref), request));
        Object m = self.receive(x -> x instanceof Tuple t
                && ((t.size() == 2 && ref.equals(t.get(0))) || (t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))), -1);
        if (m instanceof Tuple t && t.size() == 2) {
            self.demonitor(ref, true);
            return t.get(1);
        }
        return NO_REPLY;
    }

    /**
     * {@code gen_server:multi_call(nodes, global_name_server, request)}: asks each node in turn.
     *
     * @return {@code {node, reply}} for each node that answered, in the order of {@code nodes}
     */
    static List<Tuple> multiCall(ProcessContext self, List<Atom> nodes, Object request) {
        List<Tuple> replies = new ArrayList<>();
        for (Atom n : nodes) {
            Object r = call(self, n, request);
            if (r != NO_REPLY) replies.add(Tuple.of(n, r));
        }
        return replies;
    }

    /** {@code gen_server:cast({global_name_server, node}, request)}: never fails. */
    static void cast(Node local, Atom node, Object request) {
        send(local, node, Tuple.of(GEN_CAST, request));
    }

    /** Sends a plain message to {@code {global_name_server, node}}; a node that cannot be reached is ignored. */
    static void send(Node local, Atom node, Object message) {
        try {
            if (node.equals(local.name())) {
                Pid pid = local.whereis(GNS);
                if (pid != null) local.send(pid, message);
            } else if (local.remote() != null) {
                local.send(Tuple.of(GNS, node), message);
            }
        } catch (RuntimeException ignored) {
            // as erlang:send to a name on a node that is gone: nothing happens
        }
    }

    /** {@code gen_server:reply(from, reply)}: {@code from} is the call's {@code {pid, tag}}. */
    static void reply(Node local, Tuple from, Object reply) {
        try {
            local.send(from.get(0), Tuple.of(from.get(1), reply));
        } catch (RuntimeException ignored) {
            // the caller's node is gone
        }
    }
}
