package procshell.runtime.otp;

import java.util.List;
import java.util.function.UnaryOperator;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * The caller's side of OTP's system messages, as Erlang's {@code :sys} module: a request
 * {@code {:system, {caller, ref}, request}} sent to a GenServer (or a supervisor, an Agent, a
 * Registry partition), answered {@code {ref, reply}} by {@link SysDebug} inside the server's loop,
 * between two of its messages. Each function runs in the calling process and waits for the answer.
 *
 * <p>Errors, as the BEAM's: a name nobody holds exits {@code {:noproc, {:sys, request, args}}}, a
 * server that dies meanwhile {@code {reason, {:sys, request, args}}}, and one that does not answer in
 * time (any process that is no OTP server) {@code {:timeout, {:sys, request, args}}}; {@code request}
 * is the function's name but for {@code replace_state}, where it is {@code {:replace_state, fun}},
 * and {@code args} are the arguments as given (the timeout only when it was).
 */
public final class Sys {
    /** {@code :sys}'s default timeout, in ms. */
    public static final long DEFAULT_TIMEOUT_MS = 5000;

    static final Atom SYSTEM = Atom.of("system");
    static final Atom GET_STATE = Atom.of("get_state");
    static final Atom GET_STATUS = Atom.of("get_status");
    static final Atom REPLACE_STATE = Atom.of("replace_state");
    static final Atom SUSPEND = Atom.of("suspend");
    static final Atom RESUME = Atom.of("resume");
    static final Atom STATISTICS = Atom.of("statistics");
    static final Atom TRACE = Atom.of("trace");
    private static final Atom SYS = Atom.of("sys");

    private Sys() {}

    /**
     * The server's state, as {@code :sys.get_state/1,2}.
     *
     * @param args the arguments as the person gave them (for the exit reason)
     * @throws ExitException as the class says
     */
    public static Object getState(Object server, long timeoutMs, List<Object> args) {
        return call(server, GET_STATE, GET_STATE, timeoutMs, args);
    }

    /**
     * The server's status, as {@code :sys.get_status/1,2}: {@code {:status, pid, {:module,
     * :gen_server}, [pdict, :running | :suspended, parent, [], misc]}}, {@code misc} being
     * {@code [header: 'Status for generic server NAME', data: [{'Status', s}, {'Parent', p},
     * {'Logged events', []}], data: [{'State', state}]]} (a supervisor adds {@code supervisor:
     * [{'Callback', module}]}).
     *
     * @throws ExitException as the class says
     */
    public static Object getStatus(Object server, long timeoutMs, List<Object> args) {
        return call(server, GET_STATUS, GET_STATUS, timeoutMs, args);
    }

    /**
     * Replaces the server's state by {@code update} applied to it, as {@code :sys.replace_state/2,3};
     * returns the new state.
     *
     * @param fun    the function term as the person gave it (for the exit reason)
     * @param update applies {@code fun}; what it throws leaves the state as it was
     * @throws ExitException as the class says
     * @throws CallbackFailed when {@code update} raised, threw or exited (the caller raises
     *         {@code {:callback_failed, {:gen_server, :system_replace_state}, {kind, reason}}})
     */
    public static Object replaceState(Object server, Object fun, UnaryOperator<Object> update, long timeoutMs, List<Object> args) {
        Object reply = call(server, Tuple.of(REPLACE_STATE, update), Tuple.of(REPLACE_STATE, fun), timeoutMs, args);
        if (reply instanceof CallbackFailed failed) throw failed;
        return reply;
    }

    /**
     * Suspends the server, as {@code :sys.suspend/1,2}: until {@link #resume} it answers system
     * messages only; the others wait in its mailbox (so a call to it times out).
     *
     * @return {@code :ok}
     * @throws ExitException as the class says
     */
    public static Object suspend(Object server, long timeoutMs, List<Object> args) {
        return call(server, SUSPEND, SUSPEND, timeoutMs, args);
    }

    /**
     * Resumes a suspended server, as {@code :sys.resume/1,2}.
     *
     * @return {@code :ok}
     * @throws ExitException as the class says
     */
    public static Object resume(Object server, long timeoutMs, List<Object> args) {
        return call(server, RESUME, RESUME, timeoutMs, args);
    }

    /**
     * Turns the server's statistics on ({@code true}) or off ({@code false}), or reads them
     * ({@code :get}), as {@code :sys.statistics/2,3}.
     *
     * @return {@code :ok}; for {@code :get}, {@code {:ok, :no_statistics}} or {@code {:ok,
     *         [start_time: datetime, current_time: datetime, reductions: n, messages_in: n,
     *         messages_out: n]}}
     * @throws ExitException as the class says
     */
    public static Object statistics(Object server, Object flag, long timeoutMs, List<Object> args) {
        return call(server, Tuple.of(STATISTICS, flag), STATISTICS, timeoutMs, args);
    }

    /**
     * Turns the printing of the server's events on or off, as {@code :sys.trace/2,3}: each message
     * it takes and each reply and new state it makes is published as a
     * {@link procshell.runtime.event.NodeEvent.SysTraced}, which the shell prints as {@code *DBG*} lines.
     *
     * @return {@code :ok}
     * @throws ExitException as the class says
     */
    public static Object trace(Object server, boolean on, long timeoutMs, List<Object> args) {
        return call(server, Tuple.of(TRACE, on), TRACE, timeoutMs, args);
    }

    /**
     * A replace_state function failed: kind {@code :exit} with the exit reason, or {@code :error}
     * with the Java throwable it raised (a {@code throw/1} too: the shell tells them apart).
     */
    public static final class CallbackFailed extends RuntimeException {
        private final transient Atom kind;
        private final transient Object reason;

        CallbackFailed(Atom kind, Object reason) {
            super(null, null, false, false);
            this.kind = kind;
            this.reason = reason;
        }

        /** {@code :error} or {@code :exit}. */
        public Atom kind() {
            return kind;
        }

        /** The exit reason, or the throwable raised. */
        public Object reason() {
            return reason;
        }
    }

    /** Sends {@code request} as a system message and waits for the answer (see the class comment). */
    private static Object call(Object server, Object request, Object shownRequest, long timeoutMs, List<Object> args) {
        ProcessContext self = ProcessContext.require();
        Node node = self.node();
        Pid pid = GenServer.resolve(node, server);
        // (nil, Java's null, is an argument too: List.copyOf refuses it)
        Tuple mfa = Tuple.of(SYS, shownRequest, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args)));
        if (pid == null || !node.isAlive(pid)) throw new ExitException(Tuple.of(Atom.NOPROC, mfa));
        Ref ref = self.monitor(pid);
        node.send(pid, Tuple.of(SYSTEM, Tuple.of(self.self(), ref), request));
        Object m = self.receive(msg -> msg instanceof Tuple t
                && ((t.size() == 2 && ref.equals(t.get(0))) || (t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))), timeoutMs);
        if (m == Mailbox.TIMEOUT) {
            self.demonitor(ref, true);
            self.process().dropReplyTo(ref);
            throw new ExitException(Tuple.of(Atom.TIMEOUT, mfa));
        }
        Tuple t = (Tuple) m;
        if (t.size() == 5) throw new ExitException(Tuple.of(t.get(4), mfa));
        self.demonitor(ref, true);
        return t.get(1);
    }
}
