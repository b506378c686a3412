package procshell.shell.iex;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Arithmetic;

/**
 * Erlang's {@code :timer} (OTP 25's {@code timer.erl}): {@code sleep/1}, {@code tc/1,2,3}, the
 * unit helpers, and timers that send, apply, exit or kill later or at intervals. Timer references
 * have the BEAM's shapes: {@code {:instant, ref}} for a time of 0, {@code {:send_local, ref}} for
 * a message to a local process (an {@code :erlang.send_after/3} timer), {@code {:once, ref}} and
 * {@code {:interval, ref}} for the others, each run by a small process of its own. Bad arguments
 * give {@code {:error, :badarg}}, as the Erlang module does.
 */
@Doc("""
    The :timer module: sleep/1, tc/1,2,3 (microseconds and value), send_after,
    apply_after, send_interval, apply_interval, exit_after, kill_after, cancel,
    seconds/minutes/hours/hms.
    """)
@ElixirName(":timer")
public final class ErlangTimer {
    private static final Atom OK = Atom.of("ok");
    private static final Atom CANCEL = Atom.of("cancel");
    private static final Tuple BADARG = Tuple.of(Atom.of("error"), Atom.of("badarg"));
    /** The processes that run {@code :once} and {@code :interval} timers, by their reference. */
    private static final Map<Ref, Pid> RUNNERS = new ConcurrentHashMap<>();

    private ErlangTimer() {}

    private static boolean validTime(Object t) {
        return ErlangArgs.isInt(t) && Arithmetic.big(t).signum() >= 0;
    }

    // ---- waiting and measuring ------------------------------------------------------------------

    /** {@code timer:sleep/1}: waits ms (or forever for {@code :infinity}); :ok. */
    @Doc("""
        Suspends the calling process for the milliseconds (or :infinity); returns :ok.
        """)
    public static Atom sleep(Object ms) throws InterruptedException {
        if (Atom.INFINITY.equals(ms)) {
            ProcessContext.require().receive(m -> false, -1);
            return OK;
        }
        if (!validTime(ms)) throw new procshell.runtime.process.ErlangError(Atom.of("timeout_value"));
        long t = ErlangArgs.clamp(ms);
        if (t > 0) ProcessContext.require().receive(m -> false, t);
        return OK;
    }

    /**
     * {@code timer:sleep/1} for a number: Groovy would otherwise call its own {@code sleep(long)}
     * on the class instead of this function.
     */
    public static Atom sleep(long ms) throws InterruptedException {
        return sleep((Object) Arithmetic.integer(ms));
    }

    /** {@code timer:tc/1}: {@code {microseconds, value}} of calling the fun. */
    @Doc("""
        Calls the function and returns {microseconds, value}.
        """)
    public static Tuple tc(Object fun) {
        long start = System.nanoTime();
        Object v = Ops.apply(fun);
        return Tuple.of(Arithmetic.integer((System.nanoTime() - start) / 1000), v);
    }

    /** {@code timer:tc/2}: as tc/1 with the arguments. */
    public static Tuple tc(Object fun, Object args) {
        long start = System.nanoTime();
        Object v = Ops.apply(fun, ((List<?>) args).toArray());
        return Tuple.of(Arithmetic.integer((System.nanoTime() - start) / 1000), v);
    }

    /** {@code timer:tc/3}: as tc/1 with {@code apply(module, function, args)}. */
    public static Tuple tc(Object module, Object function, Object args) {
        long start = System.nanoTime();
        Object v = Kernel.apply(module, function, args);
        return Tuple.of(Arithmetic.integer((System.nanoTime() - start) / 1000), v);
    }

    // ---- units ----------------------------------------------------------------------------------

    /** {@code timer:seconds/1}: ms in seconds. */
    @Doc("""
        Returns the milliseconds in the seconds.
        """)
    public static Number seconds(Object s) {
        return Arithmetic.multiply(1000, s);
    }

    /** {@code timer:minutes/1}. */
    @Doc("""
        Returns the milliseconds in the minutes.
        """)
    public static Number minutes(Object m) {
        return Arithmetic.multiply(60_000, m);
    }

    /** {@code timer:hours/1}. */
    @Doc("""
        Returns the milliseconds in the hours.
        """)
    public static Number hours(Object h) {
        return Arithmetic.multiply(3_600_000, h);
    }

    /** {@code timer:hms/3}: ms in hours, minutes and seconds. */
    @Doc("""
        Returns the milliseconds in hours, minutes and seconds.
        """)
    public static Number hms(Object h, Object m, Object s) {
        return Arithmetic.add(Arithmetic.add(hours(h), minutes(m)), seconds(s));
    }

    /** {@code timer:now_diff/2}: microseconds between two {@code {mega, secs, micro}} timestamps. */
    @Doc("""
        Returns the microseconds from timestamp t1 to t2 ({mega, secs, micro}).
        """)
    public static Number now_diff(Object t2, Object t1) {
        Tuple a = (Tuple) t2, b = (Tuple) t1;
        Number mega = Arithmetic.subtract(a.get(0), b.get(0));
        Number secs = Arithmetic.add(Arithmetic.multiply(mega, 1_000_000), Arithmetic.subtract(a.get(1), b.get(1)));
        return Arithmetic.add(Arithmetic.multiply(secs, 1_000_000), Arithmetic.subtract(a.get(2), b.get(2)));
    }

    // ---- timers ---------------------------------------------------------------------------------

    private static ProcessContext ctx() {
        return ProcessContext.require();
    }

    /** {@code timer:send_after/2}: the message to the caller after ms. */
    @Doc("""
        Sends the message to the caller (or to a pid or name) after the milliseconds;
        {:ok, tref} or {:error, :badarg}.
        """)
    public static Tuple send_after(Object ms, Object message) {
        return send_after(ms, ctx().self(), message);
    }

    /** {@code timer:send_after/3}: {@code {:ok, tref}} or {@code {:error, :badarg}}. */
    public static Tuple send_after(Object ms, Object dest, Object message) {
        Object d = IexSession.current().modules().nameTerm(dest);
        if (!validTime(ms) || !(d instanceof Pid) && !(d instanceof Atom)) return BADARG;
        long t = ErlangArgs.clamp(ms);
        if (t == 0) {
            ctx().node().send(d, message);
            return ok("instant", ctx().node().makeRef());
        }
        if (d instanceof Pid) return ok("send_local", Timers.sendAfter(ctx().node(), d, message, t));
        return ok("once", runner(t, false, () -> ctx().node().send(d, message)));
    }

    /** {@code timer:apply_after/4}: {@code apply(module, function, args)} in a new process after ms. */
    @Doc("""
        Calls apply(module, function, args) in a new process after the milliseconds;
        {:ok, tref} or {:error, :badarg}.
        """)
    public static Tuple apply_after(Object ms, Object module, Object function, Object args) {
        if (!validTime(ms) || !(module instanceof Atom) || !(function instanceof Atom) || !(args instanceof List<?>)) return BADARG;
        long t = ErlangArgs.clamp(ms);
        Runnable call = () -> ctx().spawn(self -> Kernel.apply(module, function, args));
        if (t == 0) {
            call.run();
            return ok("instant", ctx().node().makeRef());
        }
        return ok("once", runner(t, false, call));
    }

    /** {@code timer:send_interval/2}: the message to the caller every ms. */
    @Doc("""
        Sends the message to the caller (or to a pid or name) every milliseconds, until
        cancelled or the caller dies; {:ok, tref}.
        """)
    public static Tuple send_interval(Object ms, Object message) {
        return send_interval(ms, ctx().self(), message);
    }

    /** {@code timer:send_interval/3}. */
    public static Tuple send_interval(Object ms, Object dest, Object message) {
        Object d = IexSession.current().modules().nameTerm(dest);
        if (!validTime(ms) || !(d instanceof Pid) && !(d instanceof Atom)) return BADARG;
        return ok("interval", runner(ErlangArgs.clamp(ms), true, () -> ctx().node().send(d, message)));
    }

    /** {@code timer:apply_interval/4}: {@code apply(module, function, args)} in a new process every ms. */
    @Doc("""
        Calls apply(module, function, args) in a new process every milliseconds; {:ok, tref}.
        """)
    public static Tuple apply_interval(Object ms, Object module, Object function, Object args) {
        if (!validTime(ms) || !(module instanceof Atom) || !(function instanceof Atom) || !(args instanceof List<?>)) return BADARG;
        return ok("interval", runner(ErlangArgs.clamp(ms), true, () -> ctx().spawn(self -> Kernel.apply(module, function, args))));
    }

    /** {@code timer:exit_after/2}: the caller exits with the reason after ms. */
    @Doc("""
        Sends an exit signal with the reason to the caller (or a pid) after the milliseconds.
        """)
    public static Tuple exit_after(Object ms, Object reason) {
        return exit_after(ms, ctx().self(), reason);
    }

    /** {@code timer:exit_after/3}. */
    public static Tuple exit_after(Object ms, Object pid, Object reason) {
        Object target = IexSession.current().modules().nameTerm(pid);
        if (!validTime(ms)) return BADARG;
        // a name or anything else is accepted; the exit is sent, as OTP's exit/2, when the time comes
        return ok("once", runner(ErlangArgs.clamp(ms), false, () -> {
            if (target instanceof Pid p) ctx().exit(p, reason);
            else if (ctx().node().whereis(target) instanceof Pid p) ctx().exit(p, reason);
        }));
    }

    /** {@code timer:kill_after/1,2}: the caller (or pid) killed after ms. */
    @Doc("""
        Kills the caller (or a pid) after the milliseconds.
        """)
    public static Tuple kill_after(Object ms) {
        return exit_after(ms, ctx().self(), Atom.KILL);
    }

    /** {@code timer:kill_after/2}. */
    public static Tuple kill_after(Object ms, Object pid) {
        return exit_after(ms, pid, Atom.KILL);
    }

    /** {@code timer:cancel/1}: {@code {:ok, :cancel}}, or {@code {:error, :badarg}} for no timer reference. */
    @Doc("""
        Cancels a timer: {:ok, :cancel}, or {:error, :badarg} for no timer reference.
        """)
    public static Tuple cancel(Object tref) {
        if (!(tref instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Atom kind) || !(t.get(1) instanceof Ref ref)) return BADARG;
        switch (kind.name()) {
            case "instant":
                break;
            case "send_local":
                Timers.cancel(ref);
                break;
            case "once", "interval":
                Pid runner = RUNNERS.remove(ref);
                if (runner != null) ctx().node().send(runner, CANCEL);
                break;
            default:
                return BADARG;
        }
        return Tuple.of(OK, CANCEL);
    }

    private static Tuple ok(String kind, Ref ref) {
        return Tuple.of(OK, Tuple.of(Atom.of(kind), ref));
    }

    /**
     * A process that runs {@code action} after ms (every ms when {@code repeat}) until it is sent
     * {@code :cancel}; an interval stops too when its creator dies, as OTP links them.
     */
    private static Ref runner(long ms, boolean repeat, Runnable action) {
        Ref ref = ctx().node().makeRef();
        Pid owner = ctx().self();
        Pid pid = ctx().spawn(self -> {
            try {
                do {
                    if (self.receive(ms) != Mailbox.TIMEOUT) return;
                    if (repeat && !self.node().isAlive(owner)) return;
                    action.run();
                } while (repeat);
            } finally {
                RUNNERS.remove(ref);
            }
        });
        RUNNERS.put(ref, pid);
        return ref;
    }
}
