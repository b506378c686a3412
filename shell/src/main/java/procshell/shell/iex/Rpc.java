package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;

/**
 * Erlang's {@code :rpc} at the prompt, as OTP 25 builds it on {@code :erpc}: the same calls, with
 * failures as values ({@code {:badrpc, reason}}) instead of exceptions.
 */
@Doc("""
    Remote procedure calls: call/4,5, block_call/4,5, cast/4, multicall/3,4,5.

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

    /** {@code :rpc.block_call/4}: as {@link #call}. */
    @Doc("""
        As call/4.
        """)
    public static Object block_call(Object node, Object module, Object function, Object args) {
        return call(node, module, function, args);
    }

    /** {@code :rpc.block_call/5}. */
    @Doc("""
        As call/5.
        """)
    public static Object block_call(Object node, Object module, Object function, Object args, Object timeout) {
        return call(node, module, function, args, timeout);
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
