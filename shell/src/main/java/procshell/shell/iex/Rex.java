package procshell.shell.iex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;
import procshell.shell.eval.Values;

/**
 * The {@code rex} server of a distributed node, as OTP's {@code rpc} module runs it (a
 * gen_server registered as {@code :rex}): what other nodes' {@code :rpc.block_call},
 * {@code :rpc.sbcast} and {@code :rpc.multi_server_call} (through a name that is missing), the
 * old {@code {from, {:call, ...}}} requests and rex's {@code :features_request} reach.
 *
 * <ul>
 *   <li>{@code {:block_call, m, f, a, gl}} (a call): runs {@code apply(m, f, a)} in rex itself and
 *       replies with its value, or {@code {:badrpc, {:EXIT, reason}}};
 *   <li>{@code {:call, m, f, a, gl}} (a call): the same in a process of its own; a worker that is
 *       killed gives {@code {:badrpc, {:EXIT, reason}}};
 *   <li>{@code {:cast, m, f, a, gl}} (a cast): runs it, no reply;
 *   <li>{@code {from, {:sbcast, name, msg}}}: sends {@code msg} to the local {@code name}, answers
 *       {@code {:rex, node(), node()}} or {@code {:rex, node(), {:nonexisting_name, name}}};
 *   <li>{@code {from, {:send, name, msg}}}: sends {@code {from, msg}}, answers only a missing name;
 *   <li>{@code {from, :features_request}}: {@code {:features_reply, node(), [:erpc]}}.
 * </ul>
 * The call runs with the group leader the caller passes ({@code gl}), as the BEAM's rex runs it:
 * what it prints goes to the caller's shell.
 */
public final class Rex {
    private static final Atom REX = Atom.of("rex");
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");
    private static final Atom CALL = Atom.of("call");
    private static final Atom BLOCK_CALL = Atom.of("block_call");
    private static final Atom CAST = Atom.of("cast");
    private static final Atom SBCAST = Atom.of("sbcast");
    private static final Atom SEND = Atom.of("send");
    private static final Atom FEATURES_REQUEST = Atom.of("features_request");
    private static final Atom BADRPC = Atom.of("badrpc");
    private static final Atom EXIT = Atom.of("EXIT");

    private final Map<Ref, Tuple> workers = new HashMap<>();

    /**
     * Starts this {@code rex} on {@code node} and registers it, as kernel does on every BEAM node;
     * a node that has one keeps it. (An instance method: no function of it is for the prompt.)
     */
    public void start(Node node) {
        if (node.names().whereis(REX) != null) return;
        Pid pid = node.spawn(this::loop, SpawnOptions.DEFAULT.withInitialCall(Tuple.of(Atom.of("rpc"), Atom.of("init"), 1)));
        LocalProcess p = node.process(pid);
        if (p != null) node.names().register(REX, p);
    }

    private void loop(ProcessContext self) {
        while (true) {
            Object m = self.receive();
            if (!(m instanceof Tuple t)) continue;
            if (t.isTagged(GEN_CALL, 3) && t.get(1) instanceof Tuple from && from.size() == 2 && from.get(0) instanceof Pid) {
                call(self, from, t.get(2), false);
            } else if (t.isTagged(GEN_CAST, 2) && t.get(1) instanceof Tuple r && r.isTagged(CAST, 5) && r.get(3) instanceof List<?> a) {
                Object mod = r.get(1);
                Object fun = r.get(2);
                List<Object> args = normalized(a);
                Object gl = r.get(4);
                self.node().spawn(p -> {
                    leadBy(p, gl);
                    SpawnedCalls.executeCall(p, null, mod, fun, args);
                }, SpawnOptions.DEFAULT);
            } else if (t.isTagged(Atom.DOWN, 5) && t.get(1) instanceof Ref ref && workers.containsKey(ref)) {
                Tuple to = workers.remove(ref);
                if (!Atom.of("normal").equals(t.get(4))) reply(self, to, Tuple.of(BADRPC, Tuple.of(EXIT, t.get(4))), false);
            } else if (t.size() == 2 && t.get(0) instanceof Pid from) {
                info(self, from, t.get(1));
            }
        }
    }

    /** A gen_server call, or (old style, {@code byRex}) a {@code {from, {:call, ...}}} message. */
    private void call(ProcessContext self, Tuple from, Object request, boolean byRex) {
        if (!(request instanceof Tuple r) || r.size() != 5 || !(r.get(3) instanceof List<?> a)) return; // rex ignores the rest
        Object mod = r.get(1);
        Object fun = r.get(2);
        List<Object> args = normalized(a);
        Object gl = r.get(4);
        if (BLOCK_CALL.equals(r.get(0)) && !byRex) {
            Pid own = ProcessInfo.groupLeader(self.process());
            leadBy(self, gl);
            try {
                reply(self, from, rpcResult(SpawnedCalls.executeCall(self, null, mod, fun, args)), false);
            } finally {
                ProcessFlags.setGroupLeader(self.process(), own);
            }
        } else if (CALL.equals(r.get(0))) {
            Pid worker = self.node().spawn(p -> {
                leadBy(p, gl);
                reply(p, from, rpcResult(SpawnedCalls.executeCall(p, null, mod, fun, args)), byRex);
            }, SpawnOptions.DEFAULT);
            workers.put(self.monitor(worker), from);
        }
    }

    /** Makes the caller's group leader (when it passed a pid) the group leader of the process that runs the call. */
    private static void leadBy(ProcessContext p, Object groupLeader) {
        if (groupLeader instanceof Pid gl) ProcessFlags.setGroupLeader(p.process(), gl);
    }

    /** Messages sent to rex by {@code :rpc}'s broadcasts and rex's own peers. */
    private void info(ProcessContext self, Pid from, Object what) {
        Atom here = self.node().name();
        if (FEATURES_REQUEST.equals(what)) {
            self.send(from, Tuple.of(Atom.of("features_reply"), here, List.of(Atom.of("erpc"))));
        } else if (what instanceof Tuple w && w.isTagged(SBCAST, 3) && w.get(1) instanceof Atom name) {
            LocalProcess p = self.node().names().whereis(name);
            if (p != null) self.send(p.pid(), w.get(2));
            self.send(from, Tuple.of(REX, here, p != null ? here : Tuple.of(Atom.of("nonexisting_name"), name)));
        } else if (what instanceof Tuple w && w.isTagged(SEND, 3) && w.get(1) instanceof Atom name) {
            LocalProcess p = self.node().names().whereis(name);
            if (p != null) self.send(p.pid(), Tuple.of(from, w.get(2)));
            else self.send(from, Tuple.of(REX, here, Tuple.of(Atom.of("nonexisting_name"), name)));
        } else if (what instanceof Tuple w && w.isTagged(CALL, 5)) {
            call(self, Tuple.of(from, REX), w, true);
        }
    }

    /** As rpc's reply/2: {@code {tag, reply}} to a gen_server caller, {@code {:rex, reply}} to an old-style one. */
    private static void reply(ProcessContext self, Tuple to, Object reply, boolean byRex) {
        Pid pid = (Pid) to.get(0);
        self.send(pid, byRex ? Tuple.of(REX, reply) : Tuple.of(to.get(1), reply));
    }

    /** As rpc's execute_call/3: the value, a thrown value as it is, else {@code {:badrpc, {:EXIT, ...}}}. */
    private static Object rpcResult(Tuple outcome) {
        Atom kind = (Atom) outcome.get(1);
        return switch (kind.name()) {
            case "return", "throw" -> outcome.get(2);
            case "exit" -> Tuple.of(BADRPC, Tuple.of(EXIT, outcome.get(2)));
            default -> Tuple.of(BADRPC, Tuple.of(EXIT, Tuple.of(outcome.get(2), outcome.get(3))));
        };
    }

    private static List<Object> normalized(List<?> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) out.add(Values.normalize(a));
        return out;
    }
}
