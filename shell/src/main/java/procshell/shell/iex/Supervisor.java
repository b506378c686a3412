package procshell.shell.iex;

import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.SupervisorFlags;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Supervisor} at the prompt.
 *
 * <pre>{@code
 * children = [{HelloServer, 123}]
 * {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
 * Supervisor.which_children(sup)   # [{HelloServer, #PID<0.110.0>, :worker, [HelloServer]}]
 * }</pre>
 */
@Doc("""
    A behaviour module for implementing supervisors.

    A supervisor starts its children from child specs, watches them and restarts
    them according to its strategy (:one_for_one, :one_for_all, :rest_for_one)
    and their restart values (:permanent, :transient, :temporary). When more than
    max_restarts (3) restarts happen within max_seconds (5), the supervisor gives
    up and exits with :shutdown.

    ## Examples

        ps> children = [%{id: HelloServer, start: {HelloServer, :start_link, [123]}}]
        ps> {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
        ps> Supervisor.which_children(sup)
        [{HelloServer, #PID<0.112.0>, :worker, [HelloServer]}]
    """)
public final class Supervisor {
    private static final String INIT_2 = "(elixir 1.14.0) lib/supervisor.ex:671: Supervisor.init/2";
    private static final String START_LINK_3 = "(elixir 1.14.0) lib/supervisor.ex:856: Supervisor.start_link/3";

    private Supervisor() {}

    /**
     * Starts a supervisor linked to the caller, as {@code Supervisor.start_link/2}. Options:
     * {@code strategy:} (required: {@code :one_for_one}, {@code :one_for_all}, {@code :rest_for_one}),
     * {@code max_restarts:} (3), {@code max_seconds:} (5), {@code name:}.
     *
     * @return {@code {:ok, pid}} or {@code {:error, reason}}
     * @throws IllegalArgumentException when {@code strategy:} is missing, as Elixir's
     */
    @Doc("""
        Starts a supervisor with the given children, linked to the current process.

        children is a list of child specs (maps with id: and start:, or modules or
        {module, arg} tuples that have child_spec/1). Options: strategy: (required),
        name:, max_restarts: (3), max_seconds: (5). Returns {:ok, pid} or
        {:error, reason} when a child fails to start.
        """)
    public static Object start_link(Map<?, ?> options, List<?> children) {
        return start(children, options);
    }

    /**
     * {@code Supervisor.start_link(children, opts)} (a list of children, a keyword list of
     * options), or {@code Supervisor.start_link(module, init_arg)} for a module-based supervisor.
     */
    public static Object start_link(Object childrenOrModule, Object optionsOrArg) {
        Object c = Values.normalize(childrenOrModule);
        if (c instanceof List<?> children) return start(children, optionsOrArg);
        return start_link(c, optionsOrArg, List.of());
    }

    /**
     * Starts a module-based supervisor, as {@code Supervisor.start_link(module, init_arg, opts)}:
     * the module's {@code init/1} returns {@code Supervisor.init(children, strategy: ...)}
     * ({@code {:ok, {flags, children}}}) or {@code :ignore}. Options: {@code name:}.
     *
     * @return {@code {:ok, pid}}, {@code :ignore} or {@code {:error, reason}}
     * @throws ArgumentError for a bad {@code name:}
     */
    @Doc("""
        Starts a module-based supervisor with the given module and init_arg.

        The module's init/1 callback is invoked with init_arg and must return
        Supervisor.init(children, strategy: ...) or :ignore. Options: name:.

        ## Examples

            ps> defmodule MyApp.Sup do
            ...>   use Supervisor
            ...>   def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
            ...>   def init(_arg), do: Supervisor.init([{MyApp.Hello, 1}], strategy: :one_for_one)
            ...> end
            ps> MyApp.Sup.start_link(nil)
            {:ok, #PID<0.115.0>}
        """)
    public static Object start_link(Object module, Object initArg, Object options) {
        IexSession s = IexSession.current();
        Object m = s.modules().nameTerm(module);
        Map<String, Object> o = Options.of(options);
        Object name = o.containsKey("name") ? Options.processName(s, o.get("name"), START_LINK_3) : null;
        if (!(m instanceof Atom mod)) throw new ArgumentError("expected a module, got: " + Kernel.inspect(m));
        Object spec = s.modules().apply(mod, "init", Values.normalize(initArg));
        if (Atom.IGNORE.equals(spec)) return Atom.IGNORE;
        if (!(spec instanceof Tuple t && t.isTagged(Atom.OK, 2) && t.get(1) instanceof Tuple fc && fc.size() == 2
                && fc.get(0) instanceof Map<?, ?> flags && fc.get(1) instanceof List<?> children)) {
            return Tuple.of(Atom.ERROR, Tuple.of(Atom.of("bad_return"), Tuple.of(mod, Atom.of("init"), spec)));
        }
        SupervisorFlags f = new SupervisorFlags((Atom) flags.get(Atom.of("strategy")), intOption(flags, Atom.of("intensity"), 3),
                intOption(flags, Atom.of("period"), 5));
        return procshell.runtime.otp.Supervisor.startLink(ChildSpecs.all(s, children, ChildSpecs.Caller.SUPERVISOR_INIT), f, name, ChildSpecs.resolver(s));
    }

    /**
     * The supervisor flags and normalised children a module-based supervisor's {@code init/1}
     * returns, as {@code Supervisor.init/2}.
     *
     * @return {@code {:ok, {%{intensity: 3, period: 5, strategy: :one_for_one}, [child_spec]}}}
     * @throws ArgumentError when {@code strategy:} is missing, or a child is not a valid spec
     */
    @Doc("""
        Receives a list of children and options; returns the supervisor flags and
        child specs for a module-based supervisor's init/1.

        Options: strategy: (required), max_restarts: (3), max_seconds: (5).

        ## Examples

            ps> Supervisor.init([%{id: :a, start: {Agent, :start_link, [fn -> 0 end]}}], strategy: :one_for_one)
            {:ok,
             {%{intensity: 3, period: 5, strategy: :one_for_one},
              [%{id: :a, start: {Agent, :start_link, [#Function<...>]}}]}}
        """)
    public static Object init(Object children, Object options) {
        IexSession s = IexSession.current();
        Map<String, Object> o = Options.of(options);
        if (o.get("strategy") == null) throw new ArgumentError("expected :strategy option to be given", List.of(INIT_2));
        MapTerm flags = new MapTerm();
        flags.put(Atom.of("strategy"), o.get("strategy"));
        flags.put(Atom.of("intensity"), o.getOrDefault("max_restarts", 3));
        flags.put(Atom.of("period"), o.getOrDefault("max_seconds", 5));
        return Tuple.of(Atom.OK, Tuple.of(flags, ChildSpecs.all(s, (List<?>) Values.normalize(children), ChildSpecs.Caller.SUPERVISOR_INIT)));
    }

    /**
     * A child spec built from a module, {@code {module, arg}} or a map, with fields replaced, as
     * {@code Supervisor.child_spec/2}.
     *
     * @throws ArgumentError for an override key that is no child spec field
     */
    @Doc("""
        Builds and overrides a child specification.

        Takes a module, a {module, arg} tuple or a child spec map; the module's
        child_spec/1 gives the spec, then the overrides (id:, start:, restart:,
        shutdown:, type:, modules:) replace its fields.

        ## Examples

            ps> Supervisor.child_spec({MyApp.Hello, 1}, id: :hello1)
            %{id: :hello1, start: {MyApp.Hello, :start_link, [1]}}
        """)
    public static Object child_spec(Object child, Object overrides) {
        return ChildSpecs.withOverrides(IexSession.current(), child, overrides);
    }

    private static Object start(List<?> children, Object options) {
        IexSession s = IexSession.current();
        Map<String, Object> o = Options.of(options);
        Object strategy = o.get("strategy");
        if (strategy == null) {
            throw new ArgumentError("expected :strategy option to be given", List.of(INIT_2, "(elixir 1.14.0) lib/supervisor.ex:617: Supervisor.start_link/2"));
        }
        SupervisorFlags flags = new SupervisorFlags((Atom) strategy, intOption(o, "max_restarts", 3), intOption(o, "max_seconds", 5));
        Object name = o.containsKey("name") ? Options.processName(s, o.get("name"), START_LINK_3) : null;
        return procshell.runtime.otp.Supervisor.startLink(ChildSpecs.all(s, children, ChildSpecs.Caller.SUPERVISOR_START_LINK), flags, name,
                ChildSpecs.resolver(s));
    }

    static int intOption(Map<?, ?> o, Object key, int dflt) {
        Object v = o.get(key);
        return v instanceof Number n ? n.intValue() : dflt;
    }

    private static Object sup(Object supervisor) {
        return IexSession.current().modules().nameTerm(supervisor);
    }

    /** As {@code Supervisor.which_children/1}: {@code [{id, pid | :restarting | :undefined, type, modules}]}. */
    @Doc("""
        Returns a list with information about all children of the supervisor.

        Each element is {id, child, type, modules}, where child is the pid,
        :restarting or :undefined.
        """)
    public static List<Object> which_children(Object supervisor) {
        return procshell.runtime.otp.Supervisor.whichChildren(sup(supervisor));
    }

    /** As {@code Supervisor.count_children/1}: {@code %{active: n, specs: n, supervisors: n, workers: n}}. */
    @Doc("""
        Returns a map with the counts of the supervisor's children.

        Keys: :specs, :active, :supervisors, :workers.
        """)
    public static Map<Atom, Object> count_children(Object supervisor) {
        return procshell.runtime.otp.Supervisor.countChildren(sup(supervisor));
    }

    /** As {@code Supervisor.start_child/2}: {@code {:ok, pid}} or {@code {:error, reason}}. */
    @Doc("""
        Adds a child spec to the supervisor and starts the child.

        Returns {:ok, pid}, {:error, {:already_started, pid}},
        {:error, :already_present} or {:error, reason}.
        """)
    public static Object start_child(Object supervisor, Object child) {
        IexSession s = IexSession.current();
        Object spec = ChildSpecs.of(s, child, ChildSpecs.Caller.SUPERVISOR_START_CHILD);
        return ChildSpecs.startChild(() -> procshell.runtime.otp.Supervisor.startChild(sup(supervisor), spec, ChildSpecs.resolver(s)), c -> spec);
    }

    /** As {@code Supervisor.terminate_child/2}: {@code :ok} or {@code {:error, :not_found}}. */
    @Doc("""
        Terminates the child with the given id; its spec stays (see restart_child/2).

        Returns :ok or {:error, :not_found}.
        """)
    public static Object terminate_child(Object supervisor, Object id) {
        return procshell.runtime.otp.Supervisor.terminateChild(sup(supervisor), IexSession.current().modules().nameTerm(id));
    }

    /** As {@code Supervisor.restart_child/2}: {@code {:ok, pid}} or {@code {:error, reason}}. */
    @Doc("""
        Restarts a child that was terminated with terminate_child/2.

        Returns {:ok, pid}, {:error, :running}, {:error, :restarting} or
        {:error, :not_found}.
        """)
    public static Object restart_child(Object supervisor, Object id) {
        return procshell.runtime.otp.Supervisor.restartChild(sup(supervisor), IexSession.current().modules().nameTerm(id));
    }

    /** As {@code Supervisor.delete_child/2}: {@code :ok} or {@code {:error, reason}}. */
    @Doc("""
        Deletes the spec of a terminated child.

        Returns :ok, {:error, :running}, {:error, :restarting} or {:error, :not_found}.
        """)
    public static Object delete_child(Object supervisor, Object id) {
        return procshell.runtime.otp.Supervisor.deleteChild(sup(supervisor), IexSession.current().modules().nameTerm(id));
    }

    /** As {@code Supervisor.stop/1}: {@code :ok}. */
    @Doc("""
        Stops the supervisor with the given reason (default :normal) within the
        timeout (default :infinity): its children are terminated first.

        Returns :ok.
        """)
    public static Atom stop(Object supervisor) {
        return procshell.runtime.otp.Supervisor.stop(sup(supervisor));
    }

    /** As {@code Supervisor.stop/2}: stops with {@code reason}, waiting as long as it takes. */
    public static Atom stop(Object supervisor, Object reason) {
        return stop(supervisor, reason, Atom.INFINITY);
    }

    /** As {@code Supervisor.stop/3}; the timeout is ms or {@code :infinity}. */
    public static Atom stop(Object supervisor, Object reason, Object timeout) {
        return procshell.runtime.otp.Supervisor.stop(sup(supervisor), Values.normalize(reason), Options.timeout(timeout, -1));
    }
}
