package procshell.runtime.gproc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessBody;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.MatchSpec;
import procshell.runtime.table.Protection;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableOptions;
import procshell.runtime.table.TableType;
import procshell.runtime.table.TermCompare;
import procshell.runtime.table.TermCopy;

/**
 * The gproc server: a GenServer registered as {@code gproc} that owns the {@code gproc} table
 * (a public named ordered_set, as gproc's) and makes every change to it, so that changes are
 * serialized as gproc's server serializes unique registrations. It monitors every process that
 * holds an entry or waits for a name (marking it with a {@code {{pid, :l}}} object, as gproc
 * does) and, on its {@code :DOWN}, removes its entries, updates the aggregated counters its
 * counters fed, and drops its waits. Readers ({@link Gproc#where}, lookups, select) read the
 * table directly.
 *
 * <p>Layout, as gproc's: {@code {{key, type}, pid, value}} for a unique key (n, a, rc),
 * {@code {{key, pid}, pid, value}} for the others, a reverse entry {@code {{pid, key}, opts}}
 * per registration ({@code [{:initial, v}]} for counters and resources), and
 * {@code {{key, :n}, [{waiter, ref}]}} while processes await a name.
 */
final class GprocServer extends GenServer {
    static final Atom NAME = Atom.of("gproc");
    static final Object BADARG = new Object() {
        @Override
        public String toString() {
            return "badarg";
        }
    };
    private static final Atom REPLY = Atom.of("reply");
    private static final Atom NOREPLY = Atom.of("noreply");
    private static final Atom INITIAL = Atom.of("initial");
    private static final Atom REGISTERED = Atom.of("registered");

    record Reg(GprocKey key, Object value, Pid pid) {}
    record Unreg(GprocKey key, Pid pid) {}
    record SetValue(GprocKey key, Object value, Pid pid) {}
    record UpdateCounter(GprocKey key, Object incr, Pid pid) {}
    record ResetCounter(GprocKey key, Pid pid) {}
    record Await(GprocKey key, Pid pid) {}
    record CancelWait(GprocKey key, Ref ref, Pid pid) {}
    record GiveAway(GprocKey key, Object to, Pid pid) {}
    record Goodbye(Pid pid) {}
    record RegOrLocate(GprocKey key, Object value, Pid pid, ProcessBody spawn) {}

    private final Map<Pid, Ref> monitors = new HashMap<>();
    private Table table;
    private Node node;

    @Override
    public Atom module() {
        return NAME;
    }

    @Override
    public Object init(Object arg) {
        ProcessContext self = ProcessContext.require();
        node = self.node();
        table = node.tables().create(NAME, new TableOptions(TableType.ORDERED_SET, Protection.PUBLIC, true, true, true, null));
        return Tuple.of(Atom.OK, null);
    }

    @Override
    public Object handleCall(Object request, Tuple from, Object state) {
        Object reply;
        try {
            reply = handle(request);
        } catch (ExitException exit) {
            throw exit;
        } catch (RuntimeException bad) {
            // A request that cannot be served fails its caller with badarg, never the server that
            // holds everyone's entries.
            reply = BADARG;
        }
        return Tuple.of(REPLY, reply, state);
    }

    private Object handle(Object request) {
        return switch (request) {
            case Reg r -> reg(r.key(), r.value(), r.pid()) ? Boolean.TRUE : BADARG;
            case Unreg u -> holds(u.key(), u.pid()) ? remove(u.key(), u.pid(), true) : BADARG;
            case SetValue s -> setValue(s.key(), s.value(), s.pid());
            case UpdateCounter u -> updateCounter(u.key(), u.incr(), u.pid());
            case ResetCounter r -> resetCounter(r.key(), r.pid());
            case Await a -> await(a.key(), a.pid());
            case CancelWait c -> cancelWait(c.key(), c.ref(), c.pid());
            case GiveAway g -> giveAway(g.key(), g.to(), g.pid());
            case Goodbye g -> goodbye(g.pid());
            case RegOrLocate r -> regOrLocate(r);
            default -> BADARG;
        };
    }

    @Override
    public Object handleInfo(Object message, Object state) {
        if (message instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && t.get(3) instanceof Pid pid) {
            monitors.remove(pid);
            processIsDown(pid);
            return Tuple.of(NOREPLY, state);
        }
        return super.handleInfo(message, state);
    }

    // ---- registering ----------------------------------------------------------------------------

    private boolean reg(GprocKey key, Object value, Pid pid) {
        if (!validValue(key, value)) return false;
        if (!node.isAlive(pid)) return false;
        Tuple regKey = key.regKey(pid);
        if (key.unique()) {
            List<Tuple> current = table.lookup(regKey);
            if (!current.isEmpty() && current.get(0).size() == 3) return false;
            Object initial = key.is(GprocKey.A) ? sumOf(key, GprocKey.C) : key.is(GprocKey.RC) ? countOf(key) : value;
            table.insert(Tuple.of(regKey, pid, initial));
            table.insertNew(Tuple.of(key.revKey(pid), List.of()));
            if (!current.isEmpty()) notifyWaiters(key, current.get(0), pid, initial);
        } else {
            boolean counts = key.is(GprocKey.C) || key.is(GprocKey.R);
            Object opts = counts ? List.of(Tuple.of(INITIAL, value)) : List.of();
            if (!table.insertNew(List.of(Tuple.of(regKey, pid, value), Tuple.of(key.revKey(pid), opts)))) return false;
            if (key.is(GprocKey.C)) addToAggregate(key, value);
            if (key.is(GprocKey.R)) addToAggregate(key, 1);
        }
        ensureMonitor(pid);
        if (node.events().active()) node.events().publish(new NodeEvent.Registered(NAME, key.term(), pid));
        return true;
    }

    private static boolean validValue(GprocKey key, Object value) {
        if (key.is(GprocKey.C)) return TermCompare.isInteger(value);
        if (key.is(GprocKey.A) || key.is(GprocKey.RC)) return Atom.UNDEFINED.equals(value);
        return true;
    }

    /** Sends the waiters of a name (a {@code {{key, :n}, waiters}} object) {@code {:gproc, ref, :registered, {key, pid, value}}}. */
    private void notifyWaiters(GprocKey key, Tuple waiters, Pid pid, Object value) {
        if (!(waiters.get(1) instanceof List<?> list)) return;
        for (Object w : list) {
            Tuple waiter = (Tuple) w;
            Pid wpid = (Pid) waiter.get(0);
            node.send(wpid, Tuple.of(NAME, waiter.get(1), REGISTERED, Tuple.of(key.term(), pid, value)));
            if (!wpid.equals(pid)) table.delete(key.revKey(wpid));
        }
    }

    private void ensureMonitor(Pid pid) {
        if (monitors.containsKey(pid) || pid.equals(ProcessContext.require().self())) return;
        table.insert(Tuple.of(Tuple.of(pid, GprocKey.L)));
        monitors.put(pid, ProcessContext.require().monitor(pid));
    }

    /** True when {@code pid} holds {@code key}. */
    private boolean holds(GprocKey key, Pid pid) {
        List<Tuple> objs = table.lookup(key.regKey(pid));
        return !objs.isEmpty() && objs.get(0).size() == 3 && pid.equals(objs.get(0).get(1));
    }

    /** Removes {@code pid}'s registration of {@code key} with its reverse entry; feeds the aggregates. */
    private Object remove(GprocKey key, Pid pid, boolean event) {
        Tuple regKey = key.regKey(pid);
        List<Tuple> objs = table.take(regKey);
        table.delete(key.revKey(pid));
        if (!objs.isEmpty()) {
            Object value = objs.get(0).get(2);
            if (key.is(GprocKey.C)) addToAggregate(key, negate(value));
            if (key.is(GprocKey.R)) addToAggregate(key, -1);
        }
        if (event && node.events().active()) node.events().publish(new NodeEvent.Unregistered(NAME, key.term(), pid));
        return Boolean.TRUE;
    }

    // ---- values and counters ----------------------------------------------------------------------

    private Object setValue(GprocKey key, Object value, Pid pid) {
        if (!holds(key, pid)) return BADARG;
        if ((key.is(GprocKey.C) || key.is(GprocKey.A)) && !TermCompare.isInteger(value)) return BADARG;
        if (key.is(GprocKey.RC)) return BADARG;
        Tuple regKey = key.regKey(pid);
        Object old = table.lookup(regKey).get(0).get(2);
        table.insert(Tuple.of(regKey, pid, value));
        if (key.is(GprocKey.C)) addToAggregate(key, add(value, negate(old)));
        return Boolean.TRUE;
    }

    private Object updateCounter(GprocKey key, Object incr, Pid pid) {
        if (!(key.is(GprocKey.C) || key.is(GprocKey.N)) || !holds(key, pid)) return BADARG;
        Tuple regKey = key.regKey(pid);
        Object value = table.lookup(regKey).get(0).get(2);
        if (!TermCompare.isInteger(value)) return BADARG;
        List<Object> results = new ArrayList<>();
        Object current = value;
        for (Object op : incr instanceof List<?> l ? l : List.of(incr)) {
            current = applyIncrement(current, op);
            if (current == BADARG) return BADARG;
            results.add(current);
        }
        table.insert(Tuple.of(regKey, pid, current));
        if (key.is(GprocKey.C)) addToAggregate(key, add(current, negate(value)));
        return incr instanceof List<?> ? results : current;
    }

    /** One update as {@code :ets.update_counter/3} does it: an increment, or {@code {incr, threshold, setvalue}}. */
    private static Object applyIncrement(Object value, Object op) {
        if (TermCompare.isInteger(op)) return add(value, op);
        if (op instanceof Tuple t && t.size() == 3 && TermCompare.isInteger(t.get(0)) && TermCompare.isInteger(t.get(1))
                && TermCompare.isInteger(t.get(2))) {
            Object next = add(value, t.get(0));
            int sign = big(t.get(0)).signum();
            if (sign > 0 && TermCompare.compare(next, t.get(1)) > 0) return TermCopy.of(t.get(2));
            if (sign < 0 && TermCompare.compare(next, t.get(1)) < 0) return TermCopy.of(t.get(2));
            return next;
        }
        return BADARG;
    }

    private Object resetCounter(GprocKey key, Pid pid) {
        if (!key.is(GprocKey.C) || !holds(key, pid)) return BADARG;
        Object current = table.lookup(key.regKey(pid)).get(0).get(2);
        Object initial = 0;
        List<Tuple> rev = table.lookup(key.revKey(pid));
        if (!rev.isEmpty() && rev.get(0).get(1) instanceof List<?> opts) {
            for (Object o : opts) if (o instanceof Tuple t && t.isTagged(INITIAL, 2)) initial = t.get(1);
        }
        Object now = updateCounter(key, add(initial, negate(current)), pid);
        return Tuple.of(current, now);
    }

    /** Adds {@code delta} to the aggregated counter (or resource counter) that {@code key} feeds, if one is registered. */
    private void addToAggregate(GprocKey key, Object delta) {
        Tuple aggKey = key.aggregate().regKey(null);
        List<Tuple> objs = table.lookup(aggKey);
        if (objs.isEmpty() || objs.get(0).size() != 3) return;
        Tuple agg = objs.get(0);
        Object total = TermCompare.isInteger(agg.get(2)) ? agg.get(2) : 0;
        table.insert(Tuple.of(aggKey, agg.get(1), add(total, delta)));
    }

    /** The sum of the values of the registered {@code type} entries with {@code key}'s scope and name (an aggregated counter's start). */
    private Object sumOf(GprocKey key, Atom type) {
        Object sum = 0;
        for (Object v : table.select(entriesOf(type, key))) if (TermCompare.isInteger(v)) sum = add(sum, v);
        return sum;
    }

    private Object countOf(GprocKey key) {
        return table.select(entriesOf(GprocKey.R, key)).size();
    }

    private static List<Tuple> entriesOf(Atom type, GprocKey key) {
        return List.of(Tuple.of(Tuple.of(Tuple.of(Tuple.of(type, key.scope(), key.name()), MatchSpec.ANY), MatchSpec.ANY, Atom.of("$1")),
                List.of(), List.of(Atom.of("$1"))));
    }

    private static Object add(Object a, Object b) {
        return TermCopy.of(big(a).add(big(b)));
    }

    private static Object negate(Object a) {
        return TermCopy.of(big(a).negate());
    }

    private static BigInteger big(Object n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(((Number) n).longValue());
    }

    // ---- waiting --------------------------------------------------------------------------------

    private Object await(GprocKey key, Pid pid) {
        Ref ref = node.makeRef();
        Tuple regKey = key.regKey(pid);
        List<Tuple> objs = table.lookup(regKey);
        if (!objs.isEmpty() && objs.get(0).size() == 3) {
            Tuple reg = objs.get(0);
            node.send(pid, Tuple.of(NAME, ref, REGISTERED, Tuple.of(key.term(), reg.get(1), reg.get(2))));
            return ref;
        }
        List<Object> waiters = new ArrayList<>();
        if (!objs.isEmpty() && objs.get(0).get(1) instanceof List<?> l) waiters.addAll(l);
        waiters.add(0, Tuple.of(pid, ref));
        table.insert(List.of(Tuple.of(regKey, waiters), Tuple.of(key.revKey(pid), List.of())));
        ensureMonitor(pid);
        return ref;
    }

    private Object cancelWait(GprocKey key, Ref ref, Pid pid) {
        removeWaiter(key, pid, ref);
        return Atom.OK;
    }

    /** Drops {@code pid}'s waits for {@code key} (all of them when {@code ref} is null). */
    private void removeWaiter(GprocKey key, Pid pid, Ref ref) {
        Tuple regKey = key.regKey(pid);
        List<Tuple> objs = table.lookup(regKey);
        if (objs.isEmpty() || objs.get(0).size() != 2 || !(objs.get(0).get(1) instanceof List<?> l)) return;
        List<Object> left = new ArrayList<>();
        for (Object w : l) {
            Tuple waiter = (Tuple) w;
            if (!(pid.equals(waiter.get(0)) && (ref == null || ref.equals(waiter.get(1))))) left.add(w);
        }
        if (left.isEmpty()) table.delete(regKey);
        else table.insert(Tuple.of(regKey, left));
        boolean stillWaits = false;
        for (Object w : left) stillWaits |= pid.equals(((Tuple) w).get(0));
        if (!stillWaits) table.delete(key.revKey(pid));
    }

    // ---- owners -----------------------------------------------------------------------------------

    private Object giveAway(GprocKey key, Object to, Pid pid) {
        if (!holds(key, pid)) return BADARG;
        Pid target = to instanceof Pid p ? p : Gproc.whereIn(table, node, GprocKey.of(to));
        if (pid.equals(target)) return pid;
        Object value = table.lookup(key.regKey(pid)).get(0).get(2);
        if (target == null || !node.isAlive(target)) {
            remove(key, pid, true);
            return Atom.UNDEFINED;
        }
        if (!key.unique() && table.member(key.regKey(target))) return BADARG;
        Object opts = table.lookup(key.revKey(pid)).get(0).get(1);
        table.delete(key.revKey(pid));
        if (!key.unique()) table.delete(key.regKey(pid));
        table.insert(List.of(Tuple.of(key.regKey(target), target, value), Tuple.of(key.revKey(target), opts)));
        ensureMonitor(target);
        if (node.events().active()) {
            node.events().publish(new NodeEvent.Unregistered(NAME, key.term(), pid));
            node.events().publish(new NodeEvent.Registered(NAME, key.term(), target));
        }
        return target;
    }

    private Object goodbye(Pid pid) {
        Ref ref = monitors.remove(pid);
        if (ref != null) ProcessContext.require().demonitor(ref, true);
        processIsDown(pid);
        return Atom.OK;
    }

    private Object regOrLocate(RegOrLocate r) {
        GprocKey key = r.key();
        if (!key.is(GprocKey.N) && !key.is(GprocKey.A)) return BADARG;
        List<Tuple> objs = table.lookup(key.regKey(r.pid()));
        if (!objs.isEmpty() && objs.get(0).size() == 3 && node.isAlive((Pid) objs.get(0).get(1))) {
            return Tuple.of(objs.get(0).get(1), objs.get(0).get(2));
        }
        Pid owner = r.spawn() == null ? r.pid() : ProcessContext.require().spawn(r.spawn());
        if (!reg(key, r.value(), owner)) return BADARG;
        return Tuple.of(owner, table.lookup(key.regKey(owner)).get(0).get(2));
    }

    /** Removes everything of a process that is gone (or said goodbye), as gproc's {@code process_is_down/1}. */
    private void processIsDown(Pid pid) {
        table.delete(Tuple.of(pid, GprocKey.L));
        Tuple revPattern = Tuple.of(Tuple.of(pid, Atom.of("$1")), MatchSpec.ANY);
        for (Object k : table.select(List.of(Tuple.of(revPattern, List.of(), List.of(Atom.of("$1")))))) {
            GprocKey key = GprocKey.of(k);
            if (holds(key, pid)) remove(key, pid, true);
            else if (key.unique()) removeWaiter(key, pid, null);
            table.delete(key.revKey(pid));
        }
    }
}
