package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.shell.iex.Rpc;

/**
 * Another node observed over rpc, with nothing installed there: a procshell node or a real BEAM
 * node. Everything is a call of the BEAM's own functions through {@code :rpc.call/5}
 * ({@code :erlang.processes/0}, {@code :erlang.process_info/1,2}, {@code :sys.get_state/2}),
 * and the kill is the exit signal {@code :kill} sent over the connection. Calls are made from a
 * process (the shell's) of a distributed node.
 */
final class RpcNode implements ObservedNode {
    /** How long one call may take, in ms, before the view says the node does not answer. */
    static final long CALL_TIMEOUT_MS = 5_000;
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Atom PROCESS_INFO = Atom.of("process_info");
    private static final Atom BADRPC = Atom.of("badrpc");
    private static final Atom NODEDOWN = Atom.of("nodedown");
    private static final Atom CURRENT_STACKTRACE = Atom.of("current_stacktrace");

    private final Atom node;

    RpcNode(Atom node) {
        this.node = node;
    }

    @Override
    public Atom name() {
        return node;
    }

    /**
     * {@code :rpc.call(node, m, f, args)}.
     *
     * @throws NodeUnreachable when the answer is {@code {:badrpc, reason}}
     */
    Object call(String module, String function, List<?> args) {
        return call(module, function, args, CALL_TIMEOUT_MS);
    }

    private Object call(String module, String function, List<?> args, long timeoutMs) {
        Object r = rpc(module, function, args, timeoutMs);
        if (r instanceof Tuple t && t.isTagged(BADRPC, 2)) throw new NodeUnreachable(node, t.get(1));
        return r;
    }

    /** {@code :rpc.call/5}, connecting first when the node is not connected (yet, or any more). */
    private Object rpc(String module, String function, List<?> args, long timeoutMs) {
        Object r = Rpc.call(node, Atom.of(module), Atom.of(function), args, timeoutMs);
        if (r instanceof Tuple t && t.isTagged(BADRPC, 2) && NODEDOWN.equals(t.get(1))
                && Boolean.TRUE.equals(procshell.shell.iex.Node.connect(node))) {
            r = Rpc.call(node, Atom.of(module), Atom.of(function), args, timeoutMs);
        }
        return r;
    }

    /** The node's processes, as {@code :erlang.processes/0} there. */
    List<Pid> processes() {
        List<Pid> out = new ArrayList<>();
        if (call("erlang", "processes", List.of()) instanceof List<?> l) for (Object o : l) if (o instanceof Pid p) out.add(p);
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Tuple> info(Pid pid) {
        return call("erlang", "process_info", List.of(pid)) instanceof List<?> l ? (List<Tuple>) l : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Tuple> info(Pid pid, List<Atom> items) {
        return call("erlang", "process_info", List.of(pid, items)) instanceof List<?> l ? (List<Tuple>) l : null;
    }

    @Override
    public StateRead state(Pid pid, long timeoutMs) {
        List<Tuple> initial = info(pid, List.of(Atom.of("initial_call")));
        if (initial == null) return StateRead.none("the process is not alive");
        if (!Tuple.of(Atom.of("proc_lib"), Atom.of("init_p"), 5).equals(initial.get(0).get(1))) {
            return StateRead.none("not an OTP process: it does not answer :sys.get_state");
        }
        Object r = rpc("sys", "get_state", List.of(pid, timeoutMs), timeoutMs + CALL_TIMEOUT_MS);
        if (!(r instanceof Tuple t && t.isTagged(BADRPC, 2))) return StateRead.of(r);
        // {:badrpc, {:EXIT, {reason, {:sys, :get_state, _}}}}
        Object why = ((Tuple) r).get(1);
        if (why instanceof Tuple exit && exit.isTagged(Atom.EXIT, 2)) why = exit.get(1);
        return StateRead.none(LocalNode.problem(why, timeoutMs));
    }

    @Override
    public List<String> stack(Pid pid) {
        Object r = call("erlang", "process_info", List.of(pid, CURRENT_STACKTRACE));
        if (!(r instanceof Tuple t) || !(t.get(1) instanceof List<?> frames)) return List.of();
        // Elixir's own words when the node runs Elixir; else the same shape without the application
        Object text = rpc("Elixir.Exception", "format_stacktrace", List.of(frames), CALL_TIMEOUT_MS);
        if (text instanceof String s) {
            List<String> out = new ArrayList<>();
            for (String line : s.split("\n")) if (!line.isBlank()) out.add(line.strip());
            return out;
        }
        List<String> out = new ArrayList<>();
        for (Object f : frames) out.add(frame(f));
        return out;
    }

    /** {@code file:line: :m.f/a} for an {@code {m, f, a, location}} frame (Elixir's format without the application). */
    static String frame(Object f) {
        if (!(f instanceof Tuple t) || t.size() != 4) return Inspect.inspect(f);
        String mfa = ProcessStack.mfa(Tuple.of(t.get(0), t.get(1), t.get(2)));
        Object file = null;
        Object line = null;
        if (t.get(3) instanceof List<?> location) {
            for (Object kv : location) {
                if (kv instanceof Tuple p && p.size() == 2 && Atom.of("file").equals(p.get(0))) file = p.get(1);
                if (kv instanceof Tuple p && p.size() == 2 && Atom.of("line").equals(p.get(0))) line = p.get(1);
            }
        }
        if (file == null) return mfa;
        String name = file instanceof List<?> chars ? charlist(chars) : String.valueOf(file);
        return name + (line != null ? ":" + line : "") + ": " + mfa;
    }

    /** A charlist's text ({@code 'gen_server.erl'}). */
    static String charlist(List<?> chars) {
        StringBuilder b = new StringBuilder();
        for (Object c : chars) if (c instanceof Integer i) b.appendCodePoint(i);
        return b.toString();
    }

    @Override
    public void kill(Pid pid) {
        ProcessContext self = ProcessContext.require();
        self.node().exit(self.self(), pid, Atom.KILL);
    }

    /** The observed node did not answer a call ({@code {:badrpc, reason}}). */
    static final class NodeUnreachable extends RuntimeException {
        NodeUnreachable(Atom node, Object reason) {
            super("the node " + node.name() + " does not answer (" + Inspect.inspect(reason) + ")");
        }
    }
}
