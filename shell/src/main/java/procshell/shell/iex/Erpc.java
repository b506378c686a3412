package procshell.shell.iex;

import java.util.List;

import groovy.lang.Closure;

import procshell.runtime.dist.Distribution;
import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * Erlang's {@code :erpc} at the prompt: calls a function on another node and returns its result,
 * or raises what it raised, as the BEAM's erpc does it: a spawn request for
 * {@code :erpc.execute_call/4} on that node, monitored, whose exit reason carries the outcome. So a
 * procshell node calls a BEAM node's functions, and the other way round.
 */
@Doc("""
    Enhanced remote procedure call: call/4,5, cast/4, send_request/4, receive_response/1,2,
    wait_response/1,2, multicall/4,5.

    ## Examples

        ps> :erpc.call(:node1@localhost, :erlang, :node, [])
        :node1@localhost
    """)
@ElixirName(":erpc")
public final class Erpc {
    private static final Atom ERPC = Atom.of("erpc");
    private static final Atom RETURN = Atom.of("return");
    private static final Atom THROW = Atom.of("throw");
    private static final Atom EXIT = Atom.of("exit");
    private static final Atom ERROR = Atom.of("error");
    private static final Atom EXCEPTION = Atom.of("exception");
    private static final Atom SIGNAL = Atom.of("signal");
    private static final Atom SPAWN_REPLY = Atom.of("spawn_reply");
    private static final Atom NOCONNECTION = Atom.of("noconnection");
    private static final Atom TIMEOUT = Atom.of("timeout");
    private static final Atom BADARG = Atom.of("badarg");

    private Erpc() {}

    /** {@code :erpc.call/4}: waits as long as it takes. */
    @Doc("""
        Evaluates apply(module, function, args) on node and returns its result; raises what it
        raised, as {:exception, reason, stacktrace} for an error.

        ## Examples

            ps> :erpc.call(:node1@localhost, String, :upcase, ["abc"])
            "ABC"
        """)
    public static Object call(Object node, Object module, Object function, Object args) {
        return call(node, module, function, args, Atom.INFINITY);
    }

    /** {@code :erpc.call/5}: {@code {:erpc, :timeout}} after {@code timeout} ms. */
    @Doc("""
        Like call/4, raising {:erpc, :timeout} when no answer comes within timeout ms.
        """)
    public static Object call(Object node, Object module, Object function, Object args, Object timeout) {
        return receive_response(send_request(node, module, function, args), timeout);
    }

    /** {@code :erpc.call/2}: a fun of no arguments, run on this node only (a fun of the shell cannot travel). */
    @Doc("""
        Calls a fun of no arguments on node. A fun typed in this shell runs only on this node.
        """)
    public static Object call(Object node, Object fun) {
        return call(node, fun, Atom.INFINITY);
    }

    /** {@code :erpc.call/3}. */
    @Doc("""
        Like call/2, with a timeout in ms.
        """)
    public static Object call(Object node, Object fun, Object timeout) {
        if (!(fun instanceof Closure<?>)) throw new ErlangError(Tuple.of(ERPC, BADARG));
        return call(node, Atom.of("erlang"), Atom.of("apply"), List.of(fun, List.of()), timeout);
    }

    /** {@code :erpc.cast/4}: runs it there, reporting nothing back; {@code :ok}. */
    @Doc("""
        Evaluates apply(module, function, args) on node, reporting nothing back; returns :ok.

        ## Examples

            ps> :erpc.cast(:node1@localhost, IO, :puts, ["hi"])
            :ok
        """)
    public static Atom cast(Object node, Object mod, Object function, Object args) {
        check(node, mod, function, args);
        Object module = moduleAtom(mod);
        ProcessContext self = ProcessContext.require();
        if (node.equals(self.node().name())) {
            self.node().spawn(p -> new SpawnedCalls().run(p, ERPC, Atom.of("execute_cast"), List.of(module, function, args)));
        } else if (self.node().remote() instanceof Distribution d) {
            d.spawnRequest(self.process(), (Atom) node, ERPC, Atom.of("execute_cast"), List.of(module, function, args),
                    List.of(Tuple.of(Atom.of("reply"), Atom.of("no"))));
        }
        return Atom.OK;
    }

    /**
     * {@code :erpc.send_request/4}: starts the call and returns its request id
     * ({@code [result_ref | request_ref]}) for {@link #receive_response}.
     */
    @Doc("""
        Starts apply(module, function, args) on node and returns a request id for
        receive_response/1,2 and wait_response/1,2.
        """)
    public static Object send_request(Object node, Object mod, Object function, Object args) {
        check(node, mod, function, args);
        Object module = moduleAtom(mod);
        ProcessContext self = ProcessContext.require();
        Ref res = self.node().makeRef();
        List<Object> callArgs = List.of(res, module, function, args);
        Object req;
        if (node.equals(self.node().name()) || !(self.node().remote() instanceof Distribution)) {
            req = RemoteSpawn.spawn(node, ERPC, Atom.of("execute_call"), callArgs, false, true) instanceof Tuple t ? t.get(1) : null;
        } else {
            req = ((Distribution) self.node().remote()).spawnRequest(self.process(), (Atom) node, ERPC, Atom.of("execute_call"), callArgs,
                    List.of(Tuple.of(Atom.of("reply"), Atom.of("error_only")), Atom.of("monitor")));
        }
        return new ImproperList(List.of(res), req);
    }

    /** {@code :erpc.receive_response/1}. */
    @Doc("""
        Waits for the answer to send_request/4 and returns it, or raises as call/4 does.
        """)
    public static Object receive_response(Object requestId) {
        return receive_response(requestId, Atom.INFINITY);
    }

    /** {@code :erpc.receive_response/2}: the result of a request, as {@link #call} gives it. */
    @Doc("""
        Like receive_response/1, raising {:erpc, :timeout} after timeout ms.
        """)
    public static Object receive_response(Object requestId, Object timeout) {
        if (!(requestId instanceof ImproperList id) || id.elements().size() != 1 || !(id.tail() instanceof Ref req)) {
            throw new ErlangError(Tuple.of(ERPC, BADARG));
        }
        Object res = id.elements().get(0);
        ProcessContext self = ProcessContext.require();
        Object m = self.receive(msg -> msg instanceof Tuple t && ((t.isTagged(SPAWN_REPLY, 4) && req.equals(t.get(1)))
                || (t.isTagged(Atom.DOWN, 5) && req.equals(t.get(1)))), Options.timeout(timeout, -1));
        if (m == Mailbox.TIMEOUT) {
            self.demonitor(req, true);
            throw new ErlangError(Tuple.of(ERPC, TIMEOUT));
        }
        Tuple t = (Tuple) m;
        if (t.isTagged(SPAWN_REPLY, 4)) throw new ErlangError(Tuple.of(ERPC, t.get(3)));
        return result(res, t.get(4));
    }

    /** {@code :erpc.wait_response/2}: {@code {:response, result}}, or {@code :no_response} after the timeout. */
    @Doc("""
        Waits up to timeout ms: {:response, result}, or :no_response.
        """)
    public static Object wait_response(Object requestId, Object timeout) {
        try {
            return Tuple.of(Atom.of("response"), receive_response(requestId, timeout));
        } catch (ErlangError e) {
            if (Tuple.of(ERPC, TIMEOUT).equals(e.reason())) return Atom.of("no_response");
            throw e;
        }
    }

    /** {@code :erpc.wait_response/1}: polls. */
    @Doc("""
        Polls for the answer: {:response, result}, or :no_response.
        """)
    public static Object wait_response(Object requestId) {
        return wait_response(requestId, 0);
    }

    /** {@code :erpc.multicall/4}: {@code [{:ok, result} | {class, reason}]}, one per node, in order. */
    @Doc("""
        Calls the function on every node: a list of {:ok, result} or {class, reason},
        in the nodes' order.
        """)
    public static List<Object> multicall(Object nodes, Object module, Object function, Object args) {
        return multicall(nodes, module, function, args, Atom.INFINITY);
    }

    /** {@code :erpc.multicall/5}. */
    @Doc("""
        Like multicall/4, with a timeout in ms for all the calls together.
        """)
    public static List<Object> multicall(Object nodes, Object module, Object function, Object args, Object timeout) {
        if (!(nodes instanceof List<?> ns)) throw new ErlangError(Tuple.of(ERPC, BADARG));
        List<Object> ids = new java.util.ArrayList<>();
        for (Object n : ns) ids.add(send_request(n, module, function, args));
        long deadline = Options.timeout(timeout, -1) < 0 ? -1 : System.nanoTime() / 1_000_000 + Options.timeout(timeout, -1);
        List<Object> out = new java.util.ArrayList<>();
        for (Object id : ids) {
            long left = deadline < 0 ? -1 : Math.max(0, deadline - System.nanoTime() / 1_000_000);
            out.add(outcome(() -> receive_response(id, left < 0 ? Atom.INFINITY : left)));
        }
        return out;
    }

    /** One call's outcome as multicall reports it: {@code {:ok, value}}, {@code {:throw | :exit | :error, reason}}. */
    static Tuple outcome(java.util.function.Supplier<Object> call) {
        try {
            return Tuple.of(Atom.OK, call.get());
        } catch (ThrownValue t) {
            return Tuple.of(THROW, t.value());
        } catch (ExitException e) {
            return Tuple.of(EXIT, e.reason());
        } catch (ErlangError e) {
            return Tuple.of(ERROR, e.reason());
        }
    }

    /** What erpc's caller makes of the spawned process's exit reason. */
    static Object result(Object res, Object reason) {
        if (reason instanceof Tuple t && t.size() >= 3 && res.equals(t.get(0))) {
            if (t.size() == 3 && RETURN.equals(t.get(1))) return t.get(2);
            if (t.size() == 3 && THROW.equals(t.get(1))) throw new ThrownValue(t.get(2));
            if (t.size() == 3 && EXIT.equals(t.get(1))) throw new ExitException(Tuple.of(EXCEPTION, t.get(2)));
            if (t.size() == 4 && ERROR.equals(t.get(1))) throw new ErlangError(Tuple.of(EXCEPTION, t.get(2), t.get(3)));
            if (t.size() == 3 && ERROR.equals(t.get(1))) throw new ErlangError(t.get(2));
        }
        if (NOCONNECTION.equals(reason)) throw new ErlangError(Tuple.of(ERPC, NOCONNECTION));
        throw new ExitException(Tuple.of(SIGNAL, reason));
    }

    /** A module as an atom: a module typed at the prompt may come as its class. */
    static Object moduleAtom(Object module) {
        return module instanceof Class<?> c ? IexSession.current().modules().atomOf(c) : module;
    }

    private static void check(Object node, Object module, Object function, Object args) {
        if (!(node instanceof Atom) || !(moduleAtom(module) instanceof Atom) || !(function instanceof Atom) || !(args instanceof List<?>)) {
            throw new ErlangError(Tuple.of(ERPC, BADARG));
        }
    }
}
