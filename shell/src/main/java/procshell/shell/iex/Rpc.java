package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;

/**
 * Erlang's {@code :rpc} at the prompt, as OTP 25 builds it on {@code :erpc}: the same calls, with
 * failures as values ({@code {:badrpc, reason}}) instead of exceptions.
 */
@Doc("""
    Remote procedure calls: call/4,5, block_call/4,5, cast/4, multicall/3,4,5,
    server_call/4, abcast/2,3, sbcast/2,3, multi_server_call/2,3.

    ## Examples

        ps> :rpc.call(:node1@localhost, :erlang, :node, [])
        :node1@localhost
        ps> :rpc.call(:nobody@localhost, :erlang, :node, [])
        {:badrpc, :nodedown}
    """)
@ElixirName(":rpc")
public final class Rpc {
    private static final Atom BADRPC = Atom.of("badrpc");
    private static final Atom EXIT = Atom.of("EXIT");
    private static final Atom ERPC = Atom.of("erpc");
    private static final Atom EXCEPTION = Atom.of("exception");
    private static final Atom SIGNAL = Atom.of("signal");
    private static final Atom REX = Atom.of("rex");
    private static final Atom BLOCK_CALL = Atom.of("block_call");

    private Rpc() {}

    /** {@code :rpc.call/4}: the result, or {@code {:badrpc, reason}}. */
    @Doc("""
        Evaluates apply(module, function, args) on node: the result, or {:badrpc, reason}
        ({:badrpc, :nodedown} when the node cannot be reached).

        ## Examples

            ps> :rpc.call(:node1@localhost, :erlang, :node, [])
            :node1@localhost
        """)
    public static Object call(Object node, Object module, Object function, Object args) {
        return call(node, module, function, args, Atom.INFINITY);
    }

    /** {@code :rpc.call/5}: {@code {:badrpc, :timeout}} after {@code timeout} ms. */
    @Doc("""
        Like call/4; {:badrpc, :timeout} when no answer comes within timeout ms.
        """)
    public static Object call(Object node, Object module, Object function, Object args, Object timeout) {
        try {
            Object r = Erpc.call(node, module, function, args, timeout);
            return r instanceof Tuple t && t.isTagged(EXIT, 2) ? Tuple.of(BADRPC, t) : r;
        } catch (ThrownValue t) {
            return t.value() instanceof Tuple x && x.isTagged(EXIT, 2) ? Tuple.of(BADRPC, x) : t.value();
        } catch (ExitException e) {
            return rpcifyExit(e);
        } catch (ErlangError e) {
            return rpcifyError(e);
        }
    }

    /** {@code :rpc.block_call/4}: {@link #block_call(Object, Object, Object, Object, Object)} without a timeout. */
    @Doc("""
        Evaluates apply(module, function, args) inside the rex server of node (which
        serves nothing else meanwhile): the result, or {:badrpc, reason}.
        """)
    public static Object block_call(Object node, Object module, Object function, Object args) {
        return block_call(node, module, function, args, Atom.INFINITY);
    }

    /**
     * {@code :rpc.block_call/5}: a call to the node's {@code rex} server,
     * {@code {:block_call, m, f, args, group_leader}}; its answer, {@code {:badrpc, :nodedown}},
     * {@code {:badrpc, :timeout}} or {@code {:badrpc, {:EXIT, reason}}}.
     */
    @Doc("""
        Like block_call/4; {:badrpc, :timeout} when no answer comes within timeout ms.
        """)
    public static Object block_call(Object node, Object module, Object function, Object args, Object timeout) {
        Atom n = Args.bifAtom(node, "1st");
        if (!(args instanceof List<?>)) throw new ArgumentError("argument error");
        Tuple request = Tuple.of(BLOCK_CALL, Erpc.moduleAtom(module), function, args, Process.group_leader());
        try {
            return procshell.runtime.otp.GenServer.call(Tuple.of(REX, n), request, Options.timeout(timeout, -1));
        } catch (ExitException e) {
            Object r = e.reason() instanceof Tuple t && t.size() == 2 ? t.get(0) : e.reason();
            if (r instanceof Tuple t && t.isTagged(Atom.of("nodedown"), 2)) return Tuple.of(BADRPC, Atom.of("nodedown"));
            if (Atom.of("timeout").equals(r)) return Tuple.of(BADRPC, r);
            return Tuple.of(BADRPC, Tuple.of(EXIT, e.reason()));
        }
    }

    /**
     * {@code :rpc.server_call/4}: sends {@code {self(), msg}} to {@code name} on {@code node} and
     * waits for {@code {reply_wrapper, node, reply}}: the reply, or {@code {:error, :nodedown}} when
     * the name or the node goes away first.
     */
    @Doc("""
        Sends {self(), msg} to the process registered as name on node and waits for
        {reply_wrapper, node, reply}: reply, or {:error, :nodedown} when there is no
        such process or node.
        """)
    public static Object server_call(Object node, Object name, Object replyWrapper, Object msg) {
        Atom n = Args.bifAtom(node, "1st");
        Atom to = Args.bifAtom(name, "2nd");
        ProcessContext self = ProcessContext.require();
        procshell.runtime.node.Ref ref = Process.monitor(Tuple.of(to, n));
        Kernel.send(Tuple.of(to, n), Tuple.of(self.self(), Values.normalize(msg)));
        Object m = self.receive(x -> x instanceof Tuple t && ((t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))
                || (t.size() == 3 && java.util.Objects.equals(replyWrapper, t.get(0)) && n.equals(t.get(1)))), -1);
        Tuple t = (Tuple) m;
        if (t.isTagged(Atom.DOWN, 5)) return Tuple.of(Atom.ERROR, Atom.of("nodedown"));
        Process.demonitor(ref, List.of(Atom.of("flush")));
        return t.get(2);
    }

    /** {@code :rpc.abcast/2}: sends {@code msg} to {@code name} on this node and every connected one. */
    @Doc("""
        Sends msg to the process registered as name on this node and every connected
        one, without waiting; returns :abcast.
        """)
    public static Atom abcast(Object name, Object msg) {
        return abcast(allNodes(), name, msg);
    }

    /** {@code :rpc.abcast/3}: sends {@code msg} to {@code name} on each of {@code nodes}; {@code :abcast}. */
    @Doc("""
        Sends msg to the process registered as name on each of nodes; returns :abcast.
        """)
    public static Atom abcast(Object nodes, Object name, Object msg) {
        Atom to = Args.bifAtom(name, "2nd");
        for (Object n : (List<?>) nodes) {
            try {
                Kernel.send(Tuple.of(to, n), msg);
            } catch (RuntimeException ignored) {
                // as rpc: a node or name that cannot be sent to is skipped
            }
        }
        return Atom.of("abcast");
    }

    /** {@code :rpc.sbcast/2}: {@link #sbcast(Object, Object, Object)} on this node and every connected one. */
    @Doc("""
        Sends msg to name on this node and every connected one through their rex
        servers: {good_nodes, bad_nodes}, bad where the name or node is missing.
        """)
    public static Tuple sbcast(Object name, Object msg) {
        return sbcast(allNodes(), name, msg);
    }

    /**
     * {@code :rpc.sbcast/3}: asks each node's {@code rex} to send {@code msg} to {@code name}:
     * {@code {good_nodes, bad_nodes}}.
     */
    @Doc("""
        Sends msg to name on each of nodes through their rex servers:
        {good_nodes, bad_nodes}.
        """)
    public static Tuple sbcast(Object nodes, Object name, Object msg) {
        Atom to = Args.bifAtom(name, "2nd");
        return gathered(nodes, REX, Tuple.of(Atom.of("sbcast"), to, msg), REX);
    }

    /** {@code :rpc.multi_server_call/2}: on this node and every connected one. */
    @Doc("""
        Sends {self(), msg} to name on this node and every connected one and gathers
        their {name, node, reply} answers: {replies, bad_nodes}.
        """)
    public static Tuple multi_server_call(Object name, Object msg) {
        return multi_server_call(allNodes(), name, msg);
    }

    /**
     * {@code :rpc.multi_server_call/3}: sends {@code {self(), msg}} to {@code name} on each node and
     * gathers the {@code {name, node, reply}} answers: {@code {replies, bad_nodes}}.
     */
    @Doc("""
        Sends {self(), msg} to name on each of nodes and gathers their
        {name, node, reply} answers: {replies, bad_nodes}.
        """)
    public static Tuple multi_server_call(Object nodes, Object name, Object msg) {
        Atom to = Args.bifAtom(name, "2nd");
        return gathered(nodes, to, msg, to);
    }

    /** As rpc's send_nodes and rec_nodes: monitors and messages out, answers in the nodes' reverse order. */
    private static Tuple gathered(Object nodes, Atom to, Object msg, Atom wrapper) {
        ProcessContext self = ProcessContext.require();
        List<Tuple> monitors = new ArrayList<>();
        for (Object n : (List<?>) nodes) {
            if (!(n instanceof Atom node)) continue;
            monitors.add(Tuple.of(node, Process.monitor(Tuple.of(to, node))));
            Kernel.send(Tuple.of(to, node), Tuple.of(self.self(), msg));
        }
        List<Object> bad = new ArrayList<>();
        List<Object> replies = new ArrayList<>();
        for (int i = monitors.size() - 1; i >= 0; i--) {
            Atom node = (Atom) monitors.get(i).get(0);
            Object ref = monitors.get(i).get(1);
            Tuple m = (Tuple) self.receive(x -> x instanceof Tuple t && ((t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))
                    || (t.size() == 3 && node.equals(t.get(1)) && (wrapper.equals(t.get(0)) || REX.equals(t.get(0))))), -1);
            if (m.isTagged(Atom.DOWN, 5)) {
                bad.add(0, node);
                continue;
            }
            Process.demonitor(ref, List.of(Atom.of("flush")));
            if (REX.equals(m.get(0)) && m.get(2) instanceof Tuple r && r.isTagged(Atom.of("nonexisting_name"), 2)) bad.add(0, node);
            else replies.add(0, m.get(2));
        }
        return Tuple.of(replies, bad);
    }

    /** {@code :rpc.cast/4}: runs it there; always {@code true}. */
    @Doc("""
        Evaluates apply(module, function, args) on node without waiting; returns true.
        """)
    public static boolean cast(Object node, Object module, Object function, Object args) {
        Erpc.cast(node, Erpc.moduleAtom(module), function, args);
        return true;
    }

    /** {@code :rpc.multicall/3}: on this node and every connected one. */
    @Doc("""
        Calls the function on this node and every connected one: {results, bad_nodes}.
        """)
    public static Tuple multicall(Object module, Object function, Object args) {
        return multicall(allNodes(), module, function, args, Atom.INFINITY);
    }

    /** {@code :rpc.multicall/4}: {@code multicall(nodes, m, f, a)} or {@code multicall(m, f, a, timeout)}. */
    @Doc("""
        multicall(nodes, module, function, args) or multicall(module, function, args, timeout).
        """)
    public static Tuple multicall(Object a, Object b, Object c, Object d) {
        if (a instanceof List<?>) return multicall(a, b, c, d, Atom.INFINITY);
        return multicall(allNodes(), a, b, c, d);
    }

    /**
     * {@code :rpc.multicall/5}: {@code {results, bad_nodes}}: results in the nodes' order, the
     * nodes that could not be reached or did not answer in time apart.
     */
    @Doc("""
        Calls the function on the nodes: {results, bad_nodes}, the nodes that cannot be
        reached or do not answer in time apart.

        ## Examples

            ps> :rpc.multicall([node(), :nobody@localhost], :erlang, :node, [])
            {[:node1@localhost], [:nobody@localhost]}
        """)
    public static Tuple multicall(Object nodes, Object module, Object function, Object args, Object timeout) {
        List<Object> results = Erpc.multicall(nodes, Erpc.moduleAtom(module), function, args, timeout);
        List<Object> ok = new ArrayList<>();
        List<Object> bad = new ArrayList<>();
        List<?> ns = (List<?>) nodes;
        for (int i = 0; i < results.size(); i++) {
            Tuple r = (Tuple) results.get(i);
            Object v = r.get(1);
            if (Atom.OK.equals(r.get(0))) ok.add(v instanceof Tuple t && t.isTagged(EXIT, 2) ? Tuple.of(BADRPC, t) : v);
            else if (Atom.ERROR.equals(r.get(0)) && v instanceof Tuple e && e.isTagged(ERPC, 2)
                    && (Atom.of("timeout").equals(e.get(1)) || Atom.of("noconnection").equals(e.get(1)))) bad.add(ns.get(i));
            else if (Atom.ERROR.equals(r.get(0))) ok.add(rpcifyError(new ErlangError(v)));
            else if (Atom.of("exit").equals(r.get(0))) ok.add(rpcifyExit(new ExitException(v)));
            else ok.add(v);
        }
        return Tuple.of(ok, bad);
    }

    private static List<Object> allNodes() {
        List<Object> out = new ArrayList<>();
        out.add(ProcessContext.require().node().name());
        out.addAll(Node.list());
        return out;
    }

    private static Object rpcifyExit(ExitException e) {
        Object r = e.reason();
        if (r instanceof Tuple t && t.size() == 2 && (EXCEPTION.equals(t.get(0)) || SIGNAL.equals(t.get(0)))) {
            return Tuple.of(BADRPC, Tuple.of(EXIT, t.get(1)));
        }
        throw e;
    }

    private static Object rpcifyError(ErlangError e) {
        Object r = e.reason();
        if (r instanceof Tuple t && t.size() == 3 && EXCEPTION.equals(t.get(0))) return Tuple.of(BADRPC, Tuple.of(EXIT, Tuple.of(t.get(1), t.get(2))));
        if (r instanceof Tuple t && t.isTagged(ERPC, 2)) {
            Object why = t.get(1);
            if (Atom.of("badarg").equals(why)) throw new IllegalArgumentException("argument error");
            if (Atom.of("noconnection").equals(why)) return Tuple.of(BADRPC, Atom.of("nodedown"));
            if (Atom.of("timeout").equals(why) || Atom.of("notsup").equals(why)) return Tuple.of(BADRPC, why);
            return Tuple.of(BADRPC, Tuple.of(EXIT, why));
        }
        throw e;
    }
}
