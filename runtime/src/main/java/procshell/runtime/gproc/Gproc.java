package procshell.runtime.gproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessBody;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.MatchSpec;
import procshell.runtime.table.Table;

/**
 * Ulf Wiger's gproc, the extended process registry: keys {@code {type, scope, name}} where type is
 * {@code :n} (a unique name), {@code :p} (a property, many processes may hold one), {@code :c} (a
 * counter, a property with an integer value), {@code :a} (an aggregated counter, the sum of the
 * counters of the same name), {@code :r} (a resource) or {@code :rc} (a resource counter, how
 * many processes hold the resource), and scope {@code :l} (this node) or {@code :g} (the cluster,
 * through a {@link GlobalScope}; without one, {@code :local_only}).
 *
 * <p>Every function runs in the calling process ({@link ProcessContext#require()}) and acts for
 * it, as gproc's do. The entries live in the table {@code gproc} with gproc's layout, owned by the
 * gproc server (a process registered as {@code gproc}, started on first use), which makes every
 * change and removes a process's entries when it dies. Errors are gproc's: bad arguments, a key
 * taken or not held raise {@link IllegalArgumentException} ({@code badarg}, Elixir's
 * {@code ArgumentError} "argument error").
 */
public final class Gproc {
    private static final Atom LOCAL_ONLY = Atom.of("local_only");
    private static final Atom REGISTERED = Atom.of("registered");
    private static final Map<Node, GlobalScope> GLOBAL = new WeakHashMap<>();

    private Gproc() {}

    /** gproc's {@code badarg}: Elixir's ArgumentError, "argument error". */
    static IllegalArgumentException badarg() {
        return new IllegalArgumentException("argument error");
    }

    /** Makes {@code {:via, :gproc, key}} names work on {@code node}; the first gproc call does it too. */
    public static void install(Node node) {
        node.registerVia(GprocServer.NAME, new GprocVia());
    }

    /**
     * Installs what answers global keys on {@code node} (distribution does this when the node
     * joins a cluster); null removes it, and global keys fail with {@code :local_only} again.
     */
    public static void installGlobalScope(Node node, GlobalScope scope) {
        synchronized (GLOBAL) {
            if (scope == null) GLOBAL.remove(node);
            else GLOBAL.put(node, scope);
        }
    }

    private static Object global(String function, Object... args) {
        GlobalScope g;
        synchronized (GLOBAL) {
            g = GLOBAL.get(ProcessContext.require().node());
        }
        // gproc without gproc_dist: ** (ErlangError) Erlang error: :local_only
        if (g == null) throw new ErlangError(LOCAL_ONLY);
        return g.apply(function, List.of(args));
    }

    /** The gproc server's pid, started (unlinked, as an application's) when there is none. */
    private static Pid server(ProcessContext self) {
        Node node = self.node();
        Pid pid = node.names().whereisPid(GprocServer.NAME);
        if (pid != null) return pid;
        install(node);
        Object started = GenServer.start(new GprocServer(), null, StartOptions.named(GprocServer.NAME));
        if (started instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Pid p) return p;
        if (started instanceof Tuple t && t.get(1) instanceof Tuple why && why.get(1) instanceof Pid p) return p;
        throw new IllegalStateException("the gproc server did not start: " + started);
    }

    private static Object call(Object request) {
        ProcessContext self = ProcessContext.require();
        Object reply = GenServer.call(server(self), request, -1);
        if (reply == GprocServer.BADARG) throw badarg();
        return reply;
    }

    /** The {@code gproc} table, or null before the server's first start. */
    private static Table table() {
        ProcessContext self = ProcessContext.require();
        return self.node().tables().named(GprocServer.NAME);
    }

    // ---- registering ------------------------------------------------------------------------------

    /**
     * Registers the calling process under {@code key} with gproc's default value (0 for a
     * counter, {@code :undefined} otherwise), as {@code gproc:reg/1}.
     *
     * @return true
     * @throws IllegalArgumentException badarg: a bad key, a unique key taken, a key the caller holds already
     * @throws ErlangError {@code :local_only} for a global key on a node without a {@link GlobalScope}
     */
    public static boolean reg(Object key) {
        return reg(key, GprocKey.of(key).defaultValue());
    }

    /**
     * Registers the calling process under {@code key} with {@code value}, as {@code gproc:reg/2}.
     * A counter's value must be an integer; an aggregated or resource counter takes
     * {@code :undefined} and starts at the sum (count) of its counters (resources).
     *
     * @return true
     * @throws IllegalArgumentException badarg: a bad key or value, a unique key taken, a key the caller holds already
     */
    public static boolean reg(Object key, Object value) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Boolean) global("reg", key, value);
        return (Boolean) call(new GprocServer.Reg(k, value, ProcessContext.require().self()));
    }

    /** Registers {@code pid} under a name for a via tuple, as {@code gproc:register_name/2}: false when taken. */
    static boolean registerName(Object name, Pid pid) {
        GprocKey k = GprocKey.of(name);
        if (!k.is(GprocKey.N)) throw badarg();
        if (k.global()) return Atom.YES.equals(global("register_name", name, pid));
        try {
            return (Boolean) call(new GprocServer.Reg(k, Atom.UNDEFINED, pid));
        } catch (IllegalArgumentException taken) {
            return false;
        }
    }

    /**
     * Removes the calling process's registration of {@code key}, as {@code gproc:unreg/1}.
     *
     * @return true
     * @throws IllegalArgumentException badarg when the caller does not hold {@code key}
     */
    public static boolean unreg(Object key) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Boolean) global("unreg", key);
        return (Boolean) call(new GprocServer.Unreg(k, ProcessContext.require().self()));
    }

    /**
     * Registers a unique key ({@code :n} or {@code :a}) for the caller unless someone holds it,
     * as {@code gproc:reg_or_locate/2}.
     *
     * @return {@code {pid, value}}: the caller's new registration, or the current holder's
     */
    public static Tuple regOrLocate(Object key, Object value) {
        return regOrLocate(key, value, null);
    }

    /**
     * As {@code gproc:reg_or_locate/3}: when nobody holds {@code key}, spawns {@code body} (unlinked,
     * by the gproc server) and registers the new process under it.
     *
     * @param body the new process's code, or null to register the caller
     * @return {@code {pid, value}} of the new or the current holder
     */
    public static Tuple regOrLocate(Object key, Object value, ProcessBody body) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Tuple) global("reg_or_locate", key, value);
        return (Tuple) call(new GprocServer.RegOrLocate(k, value, ProcessContext.require().self(), body));
    }

    /**
     * Hands {@code key}, held by the caller, to {@code to} (a pid or a unique key), as
     * {@code gproc:give_away/2}.
     *
     * @return the new holder's pid, or {@code :undefined} when {@code to} names no live process
     *         (the key is then unregistered)
     * @throws IllegalArgumentException badarg when the caller does not hold {@code key}
     */
    public static Object giveAway(Object key, Object to) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return global("give_away", key, to);
        if (!(to instanceof Pid)) GprocKey.of(to);
        return call(new GprocServer.GiveAway(k, to, ProcessContext.require().self()));
    }

    /** Removes every entry of the calling process, as {@code gproc:goodbye/0}; returns {@code :ok}. */
    public static Atom goodbye() {
        return (Atom) call(new GprocServer.Goodbye(ProcessContext.require().self()));
    }

    // ---- finding ----------------------------------------------------------------------------------

    /**
     * The live process holding a unique key ({@code :n}, {@code :a}, {@code :rc}), as
     * {@code gproc:where/1}.
     *
     * @return the pid, or null for gproc's {@code :undefined}
     * @throws IllegalArgumentException badarg for a non-unique key
     */
    public static Pid where(Object key) {
        GprocKey k = GprocKey.of(key);
        if (!k.unique()) throw badarg();
        if (k.global()) {
            Object r = global("where", key);
            return r instanceof Pid p ? p : null;
        }
        Table t = table();
        return t == null ? null : whereIn(t, ProcessContext.require().node(), k);
    }

    static Pid whereIn(Table table, Node node, GprocKey k) {
        if (!k.unique()) throw badarg();
        List<procshell.runtime.node.Tuple> objs = table.lookup(k.regKey(null));
        if (objs.isEmpty() || objs.get(0).size() != 3) return null;
        Pid p = (Pid) objs.get(0).get(1);
        return node.isAlive(p) ? p : null;
    }

    /**
     * The process holding a unique key, as {@code gproc:lookup_pid/1}.
     *
     * @throws IllegalArgumentException badarg when nobody holds it
     */
    public static Pid lookupPid(Object key) {
        Pid p = where(key);
        if (p == null) throw badarg();
        return p;
    }

    /**
     * The live processes holding {@code key}, in pid order, as {@code gproc:lookup_pids/1}: one
     * at most for a unique key, any number for a property, counter or resource.
     */
    public static List<Pid> lookupPids(Object key) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return castList(global("lookup_pids", key));
        List<Pid> out = new ArrayList<>();
        Node node = ProcessContext.require().node();
        for (Tuple entry : entries(k)) {
            Pid p = (Pid) entry.get(0);
            if (node.isAlive(p)) out.add(p);
        }
        return out;
    }

    /**
     * The value registered under a unique key, as {@code gproc:lookup_value/1}.
     *
     * @throws IllegalArgumentException badarg for a non-unique key or a key nobody holds
     */
    public static Object lookupValue(Object key) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return global("lookup_value", key);
        if (!k.unique()) throw badarg();
        List<Tuple> e = entries(k);
        if (e.isEmpty()) throw badarg();
        return e.get(0).get(1);
    }

    /** The {@code {pid, value}} pairs registered under {@code key}, in pid order, as {@code gproc:lookup_values/1}. */
    public static List<Tuple> lookupValues(Object key) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return castList(global("lookup_values", key));
        Node node = ProcessContext.require().node();
        List<Tuple> out = new ArrayList<>();
        for (Tuple entry : entries(k)) if (node.isAlive((Pid) entry.get(0))) out.add(entry);
        return out;
    }

    /** The {@code {pid, value}} of every registration object of {@code k}, in the table's order. */
    private static List<Tuple> entries(GprocKey k) {
        Table t = table();
        if (t == null) return List.of();
        Object second = k.unique() ? k.type() : MatchSpec.ANY;
        Object head = Tuple.of(Tuple.of(k.term(), second), Atom.of("$1"), Atom.of("$2"));
        List<Tuple> out = new ArrayList<>();
        Object body = Tuple.of(Tuple.of(Atom.of("$1"), Atom.of("$2")));
        for (Object o : t.select(List.of(Tuple.of(head, List.of(), List.of(body))))) out.add((Tuple) o);
        return out;
    }

    /**
     * The value {@code pid}'s registration of {@code key} holds, as {@code gproc:get_value/2}.
     *
     * @throws IllegalArgumentException badarg when {@code pid} does not hold {@code key}
     */
    public static Object getValue(Object key, Pid pid) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return global("get_value", key, pid);
        Table t = table();
        if (t != null) {
            List<Tuple> objs = t.lookup(k.regKey(pid));
            if (!objs.isEmpty() && objs.get(0).size() == 3 && pid.equals(objs.get(0).get(1))) return objs.get(0).get(2);
        }
        throw badarg();
    }

    /** The value of the caller's registration of {@code key}, as {@code gproc:get_value/1}. */
    public static Object getValue(Object key) {
        return getValue(key, ProcessContext.require().self());
    }

    /**
     * Changes the value of the caller's registration, as {@code gproc:set_value/2}; a counter's
     * change feeds its aggregated counter.
     *
     * @return true
     * @throws IllegalArgumentException badarg when the caller does not hold {@code key}, or a counter's value is no integer
     */
    public static boolean setValue(Object key, Object value) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Boolean) global("set_value", key, value);
        return (Boolean) call(new GprocServer.SetValue(k, value, ProcessContext.require().self()));
    }

    /**
     * Adds to the caller's counter (or integer-valued name), as {@code gproc:update_counter/2}:
     * {@code incr} is an integer, {@code {incr, threshold, setvalue}} as in {@code :ets.update_counter/3},
     * or a list of those; the aggregated counter follows.
     *
     * @return the new value, or a list of the successive values for a list of updates
     * @throws IllegalArgumentException badarg when the caller holds no such counter
     */
    public static Object updateCounter(Object key, Object incr) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return global("update_counter", key, incr);
        return call(new GprocServer.UpdateCounter(k, incr, ProcessContext.require().self()));
    }

    /**
     * Resets the caller's counter to the value it was registered with, as {@code gproc:reset_counter/1}.
     *
     * @return {@code {value_before, value_now}}
     */
    public static Tuple resetCounter(Object key) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Tuple) global("reset_counter", key);
        return (Tuple) call(new GprocServer.ResetCounter(k, ProcessContext.require().self()));
    }

    // ---- messages ---------------------------------------------------------------------------------

    /**
     * Sends {@code message} to the holder of a unique key, or to every holder of a property,
     * counter or resource, as {@code gproc:send/2}.
     *
     * @return the message
     * @throws IllegalArgumentException badarg when a unique key has no holder
     */
    public static Object send(Object key, Object message) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return global("send", key, message);
        Node node = ProcessContext.require().node();
        if (k.unique()) {
            List<Tuple> e = entries(k);
            if (e.isEmpty()) throw badarg();
            node.send(e.get(0).get(0), message);
            return message;
        }
        for (Pid p : lookupPids(key)) node.send(p, message);
        return message;
    }

    /**
     * Waits until someone registers a unique key, as {@code gproc:await/2}.
     *
     * @param timeoutMs ms to wait (more than 0), or negative for {@code :infinity}
     * @return {@code {pid, value}}
     * @throws ErlangError {@code :timeout} when nobody registered it in time
     * @throws IllegalArgumentException badarg for a non-unique key or a timeout of 0
     */
    public static Tuple await(Object key, long timeoutMs) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Tuple) global("await", key, timeoutMs < 0 ? Atom.INFINITY : timeoutMs);
        if (!k.unique() || timeoutMs == 0) throw badarg();
        Table t = table();
        if (t != null) {
            List<Tuple> objs = t.lookup(k.regKey(null));
            if (!objs.isEmpty() && objs.get(0).size() == 3) return Tuple.of(objs.get(0).get(1), objs.get(0).get(2));
        }
        Ref ref = nbWait(key);
        ProcessContext self = ProcessContext.require();
        Object msg = self.receive(m -> m instanceof Tuple w && w.isTagged(GprocServer.NAME, 4) && ref.equals(w.get(1))
                && REGISTERED.equals(w.get(2)), timeoutMs);
        if (msg == Mailbox.TIMEOUT) {
            cancelWait(key, ref);
            throw new ErlangError(Atom.TIMEOUT);
        }
        Tuple reg = (Tuple) ((Tuple) msg).get(3);
        return Tuple.of(reg.get(1), reg.get(2));
    }

    /**
     * Asks to be told when someone registers a unique key, as {@code gproc:nb_wait/1}: the caller
     * gets {@code {:gproc, ref, :registered, {key, pid, value}}} (at once when it is registered).
     *
     * @return the reference in that message
     */
    public static Ref nbWait(Object key) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Ref) global("nb_wait", key);
        if (!k.unique()) throw badarg();
        return (Ref) call(new GprocServer.Await(k, ProcessContext.require().self()));
    }

    /** Cancels a wait started with {@link #nbWait}, as {@code gproc:cancel_wait/2}; returns {@code :ok}. */
    public static Atom cancelWait(Object key, Ref ref) {
        GprocKey k = GprocKey.of(key);
        if (k.global()) return (Atom) global("cancel_wait", key, ref);
        return (Atom) call(new GprocServer.CancelWait(k, ref, ProcessContext.require().self()));
    }

    // ---- looking around ---------------------------------------------------------------------------

    /**
     * What gproc knows of a process, as {@code gproc:info(pid, :gproc)}: {@code {:gproc, [{key, value}]}},
     * its registrations in key order.
     */
    public static Tuple info(Pid pid) {
        List<Tuple> out = new ArrayList<>();
        Table t = table();
        if (t != null) {
            Object head = Tuple.of(Tuple.of(pid, Atom.of("$1")), MatchSpec.ANY);
            for (Object key : t.select(List.of(Tuple.of(head, List.of(), List.of(Atom.of("$1")))))) {
                GprocKey k = GprocKey.of(key);
                List<Tuple> objs = t.lookup(k.regKey(pid));
                if (!objs.isEmpty() && objs.get(0).size() == 3 && pid.equals(objs.get(0).get(1))) out.add(Tuple.of(key, objs.get(0).get(2)));
            }
        }
        return Tuple.of(GprocServer.NAME, out);
    }

    /** {@link #select(Object, Object)} over every type and scope, as {@code gproc:select/1}. */
    public static List<Object> select(Object pattern) {
        return select(Atom.of("all"), pattern);
    }

    /**
     * Runs a match specification over the registrations seen as {@code {key, pid, value}}, as
     * {@code gproc:select/2}; {@code context} narrows it to a scope and/or type ({@code :all},
     * {@code :l}, {@code :n}, {@code :names}, {@code :props}, {@code {:l, :p}}, ...).
     *
     * <pre>{@code Gproc.select(List.of(Tuple.of(Tuple.of(Tuple.of(P, L, ANY), Atom.of("$1"), ANY), List.of(), List.of(Atom.of("$1")))))}</pre>
     *
     * @return what the bodies return, in key order
     * @throws IllegalArgumentException badarg for an unknown context or a bad match specification
     */
    public static List<Object> select(Object context, Object pattern) {
        Table t = table();
        List<?> spec = GprocSelect.rewrite(context, pattern);
        return t == null ? List.of() : t.select(spec);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object o) {
        return (List<T>) o;
    }
}
