package procshell.shell.iex;

import java.util.Arrays;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.Sys.CallbackFailed;
import procshell.runtime.process.ErlangError;
import procshell.shell.eval.Values;

/**
 * Erlang's {@code :sys} module at the prompt: reads and changes a GenServer (an Agent, a
 * supervisor) from outside through OTP's system messages ({@link procshell.runtime.otp.Sys}).
 * A server is a pid, a registered name, {@code {:global, name}} or a via tuple; every function
 * waits 5000 ms unless given a timeout (ms or {@code :infinity}). Errors are the BEAM's: exits
 * {@code {:noproc | :timeout | reason, {:sys, request, args}}}.
 */
@Doc("""
    The :sys module: inspects and changes OTP processes (GenServers, Agents, supervisors) from
    outside, between two of their messages: get_state, get_status, replace_state, suspend, resume,
    trace, statistics.
    """)
@ElixirName(":sys")
public final class Sys {
    private Sys() {}

    private static final long DEFAULT = procshell.runtime.otp.Sys.DEFAULT_TIMEOUT_MS;

    private static Object server(Object server) {
        return IexSession.current().modules().nameTerm(Values.normalize(server));
    }

    /**
     * The state of a GenServer, as {@code :sys.get_state/1}.
     *
     * @throws procshell.runtime.process.ExitException {@code {:noproc, {:sys, :get_state, [server]}}}
     */
    @Doc("""
        Returns the state of a GenServer (waits at most the timeout, default 5000 ms).

        ## Examples

            iex> {:ok, pid} = Agent.start_link(fn -> 5 end)
            iex> :sys.get_state(pid)
            5
        """)
    public static Object get_state(Object server) {
        return procshell.runtime.otp.Sys.getState(server(server), DEFAULT, Arrays.asList(server));
    }

    /** As {@code :sys.get_state/2}. */
    public static Object get_state(Object server, Object timeout) {
        return procshell.runtime.otp.Sys.getState(server(server), Options.timeout(timeout, DEFAULT), Arrays.asList(server, timeout));
    }

    /**
     * The status of a GenServer, as {@code :sys.get_status/1}: {@code {:status, pid, {:module,
     * :gen_server}, [dictionary, :running | :suspended, parent, [], misc]}}.
     */
    @Doc("""
        Returns the status of a GenServer: its process dictionary, whether it runs or is
        suspended, its parent, and its state.

        ## Examples

            iex> {:ok, pid} = Agent.start_link(fn -> 5 end)
            iex> {:status, ^pid, {:module, :gen_server}, [_dict, :running, _parent, [], _misc]} = :sys.get_status(pid)
        """)
    public static Object get_status(Object server) {
        return procshell.runtime.otp.Sys.getStatus(server(server), DEFAULT, Arrays.asList(server));
    }

    /** As {@code :sys.get_status/2}. */
    public static Object get_status(Object server, Object timeout) {
        return procshell.runtime.otp.Sys.getStatus(server(server), Options.timeout(timeout, DEFAULT), Arrays.asList(server, timeout));
    }

    /**
     * Replaces a GenServer's state with {@code fun.(state)}, as {@code :sys.replace_state/2}; returns
     * the new state.
     *
     * @throws ErlangError {@code {:callback_failed, {:gen_server, :system_replace_state}, {kind,
     *         reason}}} when the function raised, threw or exited (the state stays)
     */
    @Doc("""
        Replaces the state of a GenServer with what the function returns for it; returns the new
        state. When the function fails, the state stays and this raises.

        ## Examples

            iex> {:ok, pid} = Agent.start_link(fn -> 5 end)
            iex> :sys.replace_state(pid, fn n -> n * 2 end)
            10
        """)
    public static Object replace_state(Object server, Object fun) {
        return replace(server, fun, DEFAULT, Arrays.asList(server));
    }

    /** As {@code :sys.replace_state/3}. */
    public static Object replace_state(Object server, Object fun, Object timeout) {
        return replace(server, fun, Options.timeout(timeout, DEFAULT), Arrays.asList(server, timeout));
    }

    /** {@code args}: what the exit names, {@code [server]} or {@code [server, timeout]} (the function is in the request). */
    private static Object replace(Object server, Object fun, long timeoutMs, List<Object> args) {
        try {
            return procshell.runtime.otp.Sys.replaceState(server(server), fun, s -> Values.normalize(Funs.run(fun, s)), timeoutMs, args);
        } catch (CallbackFailed f) {
            Object why = f.reason() instanceof ThrownValue t ? Tuple.of(Atom.of("throw"), t.value())
                    : f.reason() instanceof Throwable e ? Tuple.of(f.kind(), Ops.rescued(e)) : Tuple.of(f.kind(), f.reason());
            String frame = args.size() == 1 ? "sys.erl:160: :sys.replace_state/2" : "sys.erl:171: :sys.replace_state/3";
            throw new CallbackError(Tuple.of(Atom.of("callback_failed"), Tuple.of(Atom.of("gen_server"), Atom.of("system_replace_state")), why),
                    "(stdlib 4.2) " + frame);
        }
    }

    /** The error {@code :sys.replace_state} raises when the function failed, with its frame in {@code sys.erl}. */
    private static final class CallbackError extends ErlangError implements BeamFrames {
        private final String frame;

        CallbackError(Object reason, String frame) {
            super(reason);
            this.frame = frame;
        }

        @Override
        public List<String> beamFrames() {
            return List.of(frame);
        }
    }

    /** Suspends a GenServer, as {@code :sys.suspend/1}: it then answers only {@code :sys}; calls to it wait. */
    @Doc("""
        Suspends a GenServer: until :sys.resume/1 it takes no message but :sys's (a call to it
        times out; casts and messages wait in its mailbox). Returns :ok.
        """)
    public static Object suspend(Object server) {
        return procshell.runtime.otp.Sys.suspend(server(server), DEFAULT, Arrays.asList(server));
    }

    /** As {@code :sys.suspend/2}. */
    public static Object suspend(Object server, Object timeout) {
        return procshell.runtime.otp.Sys.suspend(server(server), Options.timeout(timeout, DEFAULT), Arrays.asList(server, timeout));
    }

    /** Resumes a suspended GenServer, as {@code :sys.resume/1}. */
    @Doc("""
        Resumes a GenServer suspended by :sys.suspend/1: it takes the messages that waited. Returns :ok.
        """)
    public static Object resume(Object server) {
        return procshell.runtime.otp.Sys.resume(server(server), DEFAULT, Arrays.asList(server));
    }

    /** As {@code :sys.resume/2}. */
    public static Object resume(Object server, Object timeout) {
        return procshell.runtime.otp.Sys.resume(server(server), Options.timeout(timeout, DEFAULT), Arrays.asList(server, timeout));
    }

    /** Turns a GenServer's statistics on or off, or reads them ({@code :get}), as {@code :sys.statistics/2}. */
    @Doc("""
        :sys.statistics(server, true) starts counting a GenServer's messages and reductions,
        false stops; :sys.statistics(server, :get) returns {:ok, figures} or {:ok, :no_statistics}.
        """)
    public static Object statistics(Object server, Object flag) {
        return procshell.runtime.otp.Sys.statistics(server(server), Values.normalize(flag), DEFAULT, Arrays.asList(server, flag));
    }

    /** As {@code :sys.statistics/3}. */
    public static Object statistics(Object server, Object flag, Object timeout) {
        return procshell.runtime.otp.Sys.statistics(server(server), Values.normalize(flag), Options.timeout(timeout, DEFAULT), Arrays.asList(server, flag, timeout));
    }

    /** Prints (or stops printing) a GenServer's events as {@code *DBG*} lines, as {@code :sys.trace/2}. */
    @Doc("""
        :sys.trace(server, true) prints each message a GenServer takes and each reply and new state
        it makes, as *DBG* lines in Erlang's syntax; false stops. Returns :ok.

        ## Examples

            iex> {:ok, pid} = Agent.start_link(fn -> 5 end)
            iex> :sys.trace(pid, true)
            :ok
        """)
    public static Object trace(Object server, Object flag) {
        return procshell.runtime.otp.Sys.trace(server(server), Boolean.TRUE.equals(flag), DEFAULT, Arrays.asList(server, flag));
    }

    /** As {@code :sys.trace/3}. */
    public static Object trace(Object server, Object flag, Object timeout) {
        return procshell.runtime.otp.Sys.trace(server(server), Boolean.TRUE.equals(flag), Options.timeout(timeout, DEFAULT), Arrays.asList(server, flag, timeout));
    }
}
