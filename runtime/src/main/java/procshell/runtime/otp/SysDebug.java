package procshell.runtime.otp;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;

/**
 * A server's side of OTP's system messages ({@link Sys} is the caller's): what a GenServer answers
 * between two of its messages, and the debug options {@code :sys} turns on: suspension, tracing
 * (each event published as {@link NodeEvent.SysTraced}) and statistics. One per server, made at
 * its first system message; a server nobody asked about has none.
 */
final class SysDebug {
    private static final Atom OK = Atom.OK;
    private static final Atom IN = Atom.of("in");
    private static final Atom OUT = Atom.of("out");
    private static final Atom NOREPLY = Atom.of("noreply");
    private static final Atom CONTINUE = Atom.of("continue");
    private static final Atom RUNNING = Atom.of("running");
    private static final Atom SUSPENDED = Atom.of("suspended");
    private static final Atom ERROR = Atom.ERROR;
    private static final Atom GET = Atom.of("get");

    private boolean suspended;
    private boolean trace;
    private Statistics statistics;

    /** Counted from {@code :sys.statistics(server, true)} on. */
    private static final class Statistics {
        final LocalDateTime start = LocalDateTime.now();
        final long reductions;
        long in;
        long out;

        Statistics(long reductions) {
            this.reductions = reductions;
        }
    }

    /** True while suspended: the server then takes system messages (and its parent's exit) only. */
    boolean suspended() {
        return suspended;
    }

    /** True when events are traced or counted: the server reports them ({@link #in}, {@link #out}, ...). */
    boolean watching() {
        return trace || statistics != null;
    }

    /**
     * Answers one system request (replying to {@code from}) and returns the server's state after it:
     * the same but for {@code replace_state}. {@code {:terminate, reason}} is the server's own.
     */
    Object handle(GenServer server, ProcessContext self, Tuple from, Object request, Object state) {
        Object reply;
        Object after = state;
        if (Sys.GET_STATE.equals(request)) {
            reply = server.reportedState(state); // a supervisor's is OTP's state record
        } else if (Sys.GET_STATUS.equals(request)) {
            reply = status(server, self, state);
        } else if (request instanceof Tuple t && t.isTagged(Sys.REPLACE_STATE, 2) && t.get(1) instanceof UnaryOperator<?> f) {
            @SuppressWarnings("unchecked")
            UnaryOperator<Object> update = (UnaryOperator<Object>) f;
            try {
                after = update.apply(state);
                reply = after;
            } catch (ExitException e) {
                reply = new Sys.CallbackFailed(Atom.EXIT, e.reason());
            } catch (ProcessExitedError e) {
                throw e;
            } catch (Throwable e) {
                // (the shell tells a throw/1 from a raise: it knows its own exceptions)
                reply = new Sys.CallbackFailed(ERROR, e);
            }
        } else if (Sys.SUSPEND.equals(request)) {
            suspended = true;
            reply = OK;
        } else if (Sys.RESUME.equals(request)) {
            suspended = false;
            reply = OK;
        } else if (request instanceof Tuple t && t.isTagged(Sys.TRACE, 2)) {
            trace = Boolean.TRUE.equals(t.get(1));
            reply = OK;
        } else if (request instanceof Tuple t && t.isTagged(Sys.STATISTICS, 2)) {
            reply = statistics(self, t.get(1));
        } else {
            reply = Tuple.of(ERROR, Atom.of("unknown_system_msg"));
        }
        GenServer.reply(from, reply);
        return after;
    }

    private Object statistics(ProcessContext self, Object flag) {
        if (Boolean.TRUE.equals(flag)) {
            if (statistics == null) statistics = new Statistics(self.process().reductions());
            return OK;
        }
        if (Boolean.FALSE.equals(flag)) {
            statistics = null;
            return OK;
        }
        if (!GET.equals(flag)) return Tuple.of(ERROR, Atom.of("unknown_debug"));
        if (statistics == null) return Tuple.of(OK, Atom.of("no_statistics"));
        List<Object> figures = List.of(
                Tuple.of(Atom.of("start_time"), dateTime(statistics.start)),
                Tuple.of(Atom.of("current_time"), dateTime(LocalDateTime.now())),
                Tuple.of(Atom.of("reductions"), self.process().reductions() - statistics.reductions),
                Tuple.of(Atom.of("messages_in"), statistics.in),
                Tuple.of(Atom.of("messages_out"), statistics.out));
        return Tuple.of(OK, figures);
    }

    private static Tuple dateTime(LocalDateTime t) {
        return Tuple.of(Tuple.of((long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth()),
                Tuple.of((long) t.getHour(), (long) t.getMinute(), (long) t.getSecond()));
    }

    /** {@code :sys.get_status/1}'s answer, as gen_server's {@code format_status}. */
    private Object status(GenServer server, ProcessContext self, Object state) {
        List<Object> dictionary = new ArrayList<>();
        self.process().dictionary().forEach((k, v) -> dictionary.add(Tuple.of(k instanceof String s ? Atom.of(s) : k, v)));
        Atom shown = suspended ? SUSPENDED : RUNNING;
        Object name = server.name() instanceof Atom a ? a.name() : pidText(self.self());
        List<Object> misc = new ArrayList<>(List.of(
                Tuple.of(Atom.of("header"), charlist("Status for generic server " + name)),
                Tuple.of(Atom.of("data"), List.of(
                        Tuple.of(charlist("Status"), shown),
                        Tuple.of(charlist("Parent"), server.parent()),
                        Tuple.of(charlist("Logged events"), List.of()))),
                Tuple.of(Atom.of("data"), List.of(Tuple.of(charlist("State"), server.reportedState(state))))));
        Atom callback = server.supervisorCallback();
        if (callback != null) misc.add(Tuple.of(Atom.of("supervisor"), List.of(Tuple.of(charlist("Callback"), callback))));
        Object parent = server.parent();
        return Tuple.of(Atom.of("status"), self.self(), Tuple.of(Atom.of("module"), Atom.of("gen_server")),
                List.of(dictionary, shown, parent == null ? self.self() : parent, List.of(), misc));
    }

    /** {@code <0.104.0>}, as {@code :erlang.pid_to_list/1}. */
    private static String pidText(Pid pid) {
        return pid.toString().substring("#PID".length());
    }

    private static List<Object> charlist(String s) {
        List<Object> out = new ArrayList<>(s.length());
        s.codePoints().forEach(c -> out.add((long) c));
        return out;
    }

    /** The server took {@code message} ({@code {:"$gen_call", from, request}} for a call). */
    void in(ProcessContext self, Object name, Object message) {
        if (statistics != null) statistics.in++;
        if (trace) publish(self, name, Tuple.of(IN, message));
    }

    /** The server replied {@code reply} to {@code to} ({@code {pid, tag}}) and has {@code state}. */
    void out(ProcessContext self, Object name, Object reply, Object to, Object state) {
        if (statistics != null) statistics.out++;
        if (trace) publish(self, name, Tuple.of(OUT, reply, to, state));
    }

    /** The server handled a message without replying and has {@code state}. */
    void noreply(ProcessContext self, Object name, Object state) {
        if (trace) publish(self, name, Tuple.of(NOREPLY, state));
    }

    /** The server continues with {@code handle_continue(arg, state)}. */
    void continues(ProcessContext self, Object name, Object arg) {
        if (trace) publish(self, name, Tuple.of(CONTINUE, arg));
    }

    private static void publish(ProcessContext self, Object name, Tuple event) {
        var events = self.node().events();
        if (events.wants(NodeEvent.SysTraced.class)) events.publish(new NodeEvent.SysTraced(self.self(), name, event));
    }
}
