package procshell.shell.iex;

import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.StartOptions;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Agent}: a process that holds a value, read and changed through functions.
 * Every function that takes {@code fun} also takes {@code module, fun, args} (the state is
 * prepended to {@code args}). {@code use Agent} gives a module
 * {@code child_spec(arg) = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}}.
 *
 * <pre>{@code
 * {:ok, pid} = Agent.start_link(fn -> 0 end, name: Counter)
 * Agent.update(Counter, &(&1 + 1))   # :ok
 * Agent.get(Counter, & &1)           # 1
 * }</pre>
 */
@Doc("""
    Agents are a simple abstraction around state: a process that holds a value,
    read with get/3 and changed with update/3, get_and_update/3 and cast/2.

    ## Examples

        ps> {:ok, agent} = Agent.start_link(fn -> [] end)
        ps> Agent.update(agent, fn list -> ["eggs" | list] end)
        :ok
        ps> Agent.get(agent, fn list -> list end)
        ["eggs"]
        ps> Agent.stop(agent)
        :ok
    """)
public final class Agent {
    private Agent() {}

    /**
     * Starts an agent linked to the caller, as {@code Agent.start_link/2}: {@code fun} runs in the
     * new process and its result is the state.
     *
     * @param options {@code name:} (an atom, {@code {:global, term}}, {@code {:via, module, term}}),
     *                {@code timeout:}
     * @return {@code {:ok, pid}} or {@code {:error, {:already_started, pid}}}
     */
    @Doc("""
        Starts an agent linked to the current process with the given function.

        The function runs in the agent process and its result is the initial state.
        Options: name:, timeout:. Returns {:ok, pid} or {:error, reason}.

        ## Examples

            ps> Agent.start_link(fn -> 42 end, name: Answer)
            {:ok, #PID<0.110.0>}
        """)
    public static Object start_link(Object fun) {
        return start(Funs.closure(fun, "Agent.start_link", 2, 0), List.of(), true);
    }

    /** {@code Agent.start_link(fun, opts)}. */
    public static Object start_link(Object fun, Object options) {
        return start(Funs.closure(fun, "Agent.start_link", 2, 0), options, true);
    }

    /** {@code Agent.start_link(module, fun, args)}: the state is {@code apply(module, fun, args)}. */
    public static Object start_link(Object module, Object fun, Object args) {
        return start(Funs.mfa(module, fun, args), List.of(), true);
    }

    /** {@code Agent.start_link(module, fun, args, opts)}. */
    public static Object start_link(Object module, Object fun, Object args, Object options) {
        return start(Funs.mfa(module, fun, args), options, true);
    }

    /** As {@code Agent.start/2}: like {@link #start_link(Object, Object)}, unlinked. */
    @Doc("""
        Starts an agent process without links (outside of a supervision tree).
        """)
    public static Object start(Object fun) {
        return start(Funs.closure(fun, "Agent.start", 2, 0), List.of(), false);
    }

    /** {@code Agent.start(fun, opts)}. */
    public static Object start(Object fun, Object options) {
        return start(Funs.closure(fun, "Agent.start", 2, 0), options, false);
    }

    /** {@code Agent.start(module, fun, args, opts)}. */
    public static Object start(Object module, Object fun, Object args, Object options) {
        return start(Funs.mfa(module, fun, args), options, false);
    }

    private static Object start(Object fun, Object options, boolean link) {
        IexSession s = IexSession.current();
        Map<String, Object> o = Options.of(options);
        Object name = o.containsKey("name") ? Options.processName(s, o.get("name"), Options.DO_START) : null;
        StartOptions so = new StartOptions(name, Options.timeout(o.get("timeout"), -1));
        return link ? procshell.runtime.otp.GenServer.startLink(new AgentServer(), fun, so)
                : procshell.runtime.otp.GenServer.start(new AgentServer(), fun, so);
    }

    /**
     * The child spec of {@code {Agent, fun}}, as {@code Agent.child_spec/1}.
     *
     * @return {@code %{id: Agent, start: {Agent, :start_link, [fun]}}}
     */
    @Doc("""
        Returns a specification to start an agent under a supervisor: {Agent, fun}
        as a child.
        """)
    public static Object child_spec(Object arg) {
        MapTerm spec = new MapTerm();
        Atom self = Atom.module("Agent");
        spec.put(Atom.of("id"), self);
        spec.put(Atom.of("start"), Tuple.of(self, Atom.of("start_link"), java.util.Arrays.asList(Values.normalize(arg))));
        return spec;
    }

    /**
     * Reads the state through {@code fun}, as {@code Agent.get/3} (timeout 5000 ms).
     *
     * @throws procshell.runtime.process.ExitException as {@code GenServer.call/3} exits
     */
    @Doc("""
        Gets an agent value via the given anonymous function.

        The function runs in the agent with the state; its result is returned.
        The timeout (default 5000) is as GenServer.call/3's.

        ## Examples

            ps> Agent.get(agent, fn state -> state end)
            42
        """)
    public static Object get(Object agent, Object fun) {
        return call(agent, AgentServer.GET, fun, 5000);
    }

    /** {@code Agent.get(agent, fun, timeout)}. */
    public static Object get(Object agent, Object fun, Object timeout) {
        return call(agent, AgentServer.GET, fun, timeout);
    }

    /** {@code Agent.get(agent, module, fun, args)}. */
    public static Object get(Object agent, Object module, Object fun, Object args) {
        return call(agent, AgentServer.GET, Funs.mfa(module, fun, args), 5000);
    }

    /** {@code Agent.get(agent, module, fun, args, timeout)}. */
    public static Object get(Object agent, Object module, Object fun, Object args, Object timeout) {
        return call(agent, AgentServer.GET, Funs.mfa(module, fun, args), timeout);
    }

    /** Replaces the state with {@code fun}'s result, as {@code Agent.update/3}; {@code :ok}. */
    @Doc("""
        Updates the agent state with the given function's result; returns :ok.

        ## Examples

            ps> Agent.update(agent, fn state -> state + 1 end)
            :ok
        """)
    public static Object update(Object agent, Object fun) {
        return call(agent, AgentServer.UPDATE, fun, 5000);
    }

    /** {@code Agent.update(agent, fun, timeout)}. */
    public static Object update(Object agent, Object fun, Object timeout) {
        return call(agent, AgentServer.UPDATE, fun, timeout);
    }

    /** {@code Agent.update(agent, module, fun, args)}. */
    public static Object update(Object agent, Object module, Object fun, Object args) {
        return call(agent, AgentServer.UPDATE, Funs.mfa(module, fun, args), 5000);
    }

    /** {@code Agent.update(agent, module, fun, args, timeout)}. */
    public static Object update(Object agent, Object module, Object fun, Object args, Object timeout) {
        return call(agent, AgentServer.UPDATE, Funs.mfa(module, fun, args), timeout);
    }

    /**
     * Gets and updates in one step, as {@code Agent.get_and_update/3}: {@code fun} returns
     * {@code {reply, new_state}}; anything else stops the agent with {@code {:bad_return_value, it}}.
     */
    @Doc("""
        Gets and updates the agent state in one operation.

        The function returns {value_to_return, new_state}.

        ## Examples

            ps> Agent.get_and_update(agent, fn state -> {state, state + 1} end)
            42
        """)
    public static Object get_and_update(Object agent, Object fun) {
        return call(agent, AgentServer.GET_AND_UPDATE, fun, 5000);
    }

    /** {@code Agent.get_and_update(agent, fun, timeout)}. */
    public static Object get_and_update(Object agent, Object fun, Object timeout) {
        return call(agent, AgentServer.GET_AND_UPDATE, fun, timeout);
    }

    /** {@code Agent.get_and_update(agent, module, fun, args)}. */
    public static Object get_and_update(Object agent, Object module, Object fun, Object args) {
        return call(agent, AgentServer.GET_AND_UPDATE, Funs.mfa(module, fun, args), 5000);
    }

    /** {@code Agent.get_and_update(agent, module, fun, args, timeout)}. */
    public static Object get_and_update(Object agent, Object module, Object fun, Object args, Object timeout) {
        return call(agent, AgentServer.GET_AND_UPDATE, Funs.mfa(module, fun, args), timeout);
    }

    /** Updates without waiting, as {@code Agent.cast/2}; always {@code :ok}. */
    @Doc("""
        Performs a cast (fire and forget) operation on the agent state; returns :ok.
        """)
    public static Object cast(Object agent, Object fun) {
        return GenServer.cast(agent, Tuple.of(AgentServer.CAST, fun));
    }

    /** {@code Agent.cast(agent, module, fun, args)}. */
    public static Object cast(Object agent, Object module, Object fun, Object args) {
        return GenServer.cast(agent, Tuple.of(AgentServer.CAST, Funs.mfa(module, fun, args)));
    }

    /** Stops the agent with {@code :normal}, as {@code Agent.stop/1}; {@code :ok}. */
    @Doc("""
        Synchronously stops the agent with the given reason (default :normal); returns :ok.
        """)
    public static Object stop(Object agent) {
        return GenServer.stop(agent);
    }

    /** {@code Agent.stop(agent, reason)}. */
    public static Object stop(Object agent, Object reason) {
        return GenServer.stop(agent, reason);
    }

    /** {@code Agent.stop(agent, reason, timeout)}. */
    public static Object stop(Object agent, Object reason, Object timeout) {
        return GenServer.stop(agent, reason, timeout);
    }

    private static Object call(Object agent, Atom kind, Object fun, Object timeout) {
        return GenServer.call(agent, Tuple.of(kind, fun), timeout);
    }
}
