package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The process behind an {@link Agent}, as Elixir's {@code Agent.Server}: the state is the value;
 * {@code {:get, fun}}, {@code {:update, fun}} and {@code {:get_and_update, fun}} calls and
 * {@code {:cast, fun}} casts run the function on it (a closure, or an {@code {m, f, a}} tuple
 * given the state first).
 */
final class AgentServer extends procshell.runtime.otp.GenServer {
    static final Atom GET = Atom.of("get");
    static final Atom UPDATE = Atom.of("update");
    static final Atom GET_AND_UPDATE = Atom.of("get_and_update");
    static final Atom CAST = Atom.of("cast");
    private static final Atom REPLY = Atom.of("reply");
    private static final Atom NOREPLY = Atom.of("noreply");

    @Override
    public Object init(Object fun) {
        return Tuple.of(Atom.OK, Funs.run(fun));
    }

    @Override
    public Object handleCall(Object request, Tuple from, Object state) {
        Tuple r = (Tuple) request;
        Object fun = r.get(1);
        // one method per clause of Agent.Server.handle_call/3: a crash's stacktrace names its line
        if (GET.equals(r.get(0))) return get(fun, state);
        if (UPDATE.equals(r.get(0))) return update(fun, state);
        return getAndUpdate(fun, state);
    }

    private static Object get(Object fun, Object state) {
        return Tuple.of(REPLY, Funs.run(fun, state), state);
    }

    private static Object update(Object fun, Object state) {
        return Tuple.of(REPLY, Atom.OK, Funs.run(fun, state));
    }

    private static Object getAndUpdate(Object fun, Object state) {
        Object result = Funs.run(fun, state);
        if (result instanceof Tuple t && t.size() == 2) return Tuple.of(REPLY, t.get(0), t.get(1));
        return Tuple.of(Atom.of("stop"), Tuple.of(Atom.of("bad_return_value"), result), state);
    }

    @Override
    public Object handleCast(Object request, Object state) {
        return Tuple.of(NOREPLY, Funs.run(((Tuple) request).get(1), state));
    }

    @Override
    public Atom module() {
        return Atom.module("Agent.Server");
    }
}
