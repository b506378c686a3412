package procshell.shell.iex;

import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code DynamicSupervisor} at the prompt: one child per chat room, started on demand.
 *
 * <pre>{@code
 * DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSup)
 * DynamicSupervisor.start_child(RoomSup, {ChatRoom, "elixir"})   # {:ok, #PID<0.120.0>}
 * }</pre>
 */
@Doc("""
    A supervisor that starts children dynamically.

    It starts with no children; start_child/2 adds one at a time (each gets its
    own pid and no id), the strategy is always :one_for_one.

    ## Examples

        ps> {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSup)
        ps> DynamicSupervisor.start_child(RoomSup, {Room, "lobby"})
        {:ok, #PID<0.115.0>}
        ps> DynamicSupervisor.count_children(RoomSup)
        %{active: 1, specs: 1, supervisors: 0, workers: 1}
    """)
public final class DynamicSupervisor {
    private DynamicSupervisor() {}

    /**
     * Starts a dynamic supervisor linked to the caller, as {@code DynamicSupervisor.start_link/1}.
     * Options: {@code strategy:} ({@code :one_for_one}), {@code max_restarts:} (3),
     * {@code max_seconds:} (5), {@code max_children:} ({@code :infinity}), {@code name:}.
     *
     * @return {@code {:ok, pid}} or {@code {:error, reason}}
     */
    @Doc("""
        Starts a dynamic supervisor linked to the current process.

        Options: strategy: :one_for_one (required), name:, max_restarts: (3),
        max_seconds: (5), max_children: (:infinity). Returns {:ok, pid}.
        """)
    public static Object start_link(Object options) {
        return startLink(Options.of(options));
    }

    /** {@code DynamicSupervisor.start_link(module, init_arg)}: a module-based dynamic supervisor. */
    public static Object start_link(Object module, Object initArg) {
        return start_link(module, initArg, List.of());
    }

    /**
     * Starts a module-based dynamic supervisor, as {@code DynamicSupervisor.start_link/3}: the
     * module's {@code init/1} returns {@code DynamicSupervisor.init(strategy: :one_for_one)} or
     * {@code :ignore}. Options: {@code name:}.
     *
     * @return {@code {:ok, pid}}, {@code :ignore} or {@code {:error, reason}}
     */
    public static Object start_link(Object module, Object initArg, Object options) {
        IexSession s = IexSession.current();
        Object m = s.modules().nameTerm(module);
        if (!(m instanceof Atom mod)) throw new ArgumentError("expected a module, got: " + Kernel.inspect(m));
        Object spec = s.modules().apply(mod, "init", Values.normalize(initArg));
        if (Atom.IGNORE.equals(spec)) return Atom.IGNORE;
        if (!(spec instanceof Tuple t && t.isTagged(Atom.OK, 2) && t.get(1) instanceof Map<?, ?> flags)) {
            return Tuple.of(Atom.ERROR, Tuple.of(Atom.of("bad_return"), Tuple.of(mod, Atom.of("init"), spec)));
        }
        Map<String, Object> o = new java.util.LinkedHashMap<>(Options.of(options));
        o.keySet().retainAll(java.util.Set.of("name"));
        flags.forEach((k, v) -> o.put(k instanceof Atom a ? switch (a.name()) {
            case "intensity" -> "max_restarts";
            case "period" -> "max_seconds";
            default -> a.name();
        } : String.valueOf(k), v));
        return startLink(o);
    }

    /**
     * The flags a module-based dynamic supervisor's {@code init/1} returns, as
     * {@code DynamicSupervisor.init/1}.
     *
     * @return {@code {:ok, %{strategy: :one_for_one, intensity: 3, period: 5, max_children: :infinity, extra_arguments: []}}}
     */
    @Doc("""
        Receives a set of options that initializes a dynamic supervisor; what a
        module-based DynamicSupervisor's init/1 returns.

        Options: strategy: (:one_for_one), max_restarts: (3), max_seconds: (5),
        max_children: (:infinity), extra_arguments: ([]).
        """)
    public static Object init(Object options) {
        Map<String, Object> o = Options.of(options);
        MapTerm flags = new MapTerm();
        flags.put(Atom.of("strategy"), o.getOrDefault("strategy", Atom.of("one_for_one")));
        flags.put(Atom.of("intensity"), o.getOrDefault("max_restarts", 3));
        flags.put(Atom.of("period"), o.getOrDefault("max_seconds", 5));
        flags.put(Atom.of("max_children"), o.getOrDefault("max_children", Atom.INFINITY));
        flags.put(Atom.of("extra_arguments"), o.getOrDefault("extra_arguments", List.of()));
        return Tuple.of(Atom.OK, flags);
    }

    /**
     * The child spec that starts a dynamic supervisor under a supervisor, as
     * {@code DynamicSupervisor.child_spec/1}: the id is the {@code name:} option (the name inside
     * a {@code {:global, _}} or {@code {:via, _, _}} tuple), else {@code DynamicSupervisor}.
     *
     * @param options the keyword list given with the module, e.g. {@code [strategy: :one_for_one, name: Workers]}
     * @return {@code %{id: Workers, start: {DynamicSupervisor, :start_link, [options]}, type: :supervisor}}
     */
    @Doc("""
        Returns the child spec to start a dynamic supervisor under a supervisor.

        ## Examples

            ps> DynamicSupervisor.child_spec(strategy: :one_for_one, name: Workers)
            %{
              id: Workers,
              start: {DynamicSupervisor, :start_link,
               [[strategy: :one_for_one, name: Workers]]},
              type: :supervisor
            }
        """)
    public static Map<Object, Object> child_spec(Object options) {
        IexSession s = IexSession.current();
        Atom self = s.modules().atomOf(DynamicSupervisor.class);
        List<procshell.runtime.node.Tuple> keywords = Options.keywordList(options);
        Object name = Options.of(keywords).get("name");
        Object id = name == null ? self : s.modules().nameTerm(name);
        if (id instanceof procshell.runtime.node.Tuple t && t.size() >= 2
                && (t.isTagged(Atom.of("global"), 2) || t.isTagged(Atom.of("via"), 3))) {
            id = t.get(t.size() - 1);
        }
        Map<Object, Object> spec = new java.util.LinkedHashMap<>();
        spec.put(Atom.of("id"), id);
        spec.put(Atom.of("start"), procshell.runtime.node.Tuple.of(self, Atom.of("start_link"), List.of(keywords)));
        spec.put(Atom.of("type"), Atom.of("supervisor"));
        return spec;
    }

    private static Object startLink(Map<String, Object> o) {
        IexSession s = IexSession.current();
        procshell.runtime.otp.DynamicSupervisor.Flags flags = new procshell.runtime.otp.DynamicSupervisor.Flags(
                o.get("strategy") instanceof Atom a ? a : Atom.of("one_for_one"),
                Supervisor.intOption(o, "max_restarts", 3), Supervisor.intOption(o, "max_seconds", 5),
                o.containsKey("max_children") ? o.get("max_children") : Atom.INFINITY,
                o.get("extra_arguments") instanceof List<?> l ? List.copyOf(l) : List.of());
        Object name = o.containsKey("name") ? Options.processName(s, o.get("name"), Options.DO_START) : null;
        return procshell.runtime.otp.DynamicSupervisor.startLink(flags, name);
    }

    private static Object sup(Object supervisor) {
        return IexSession.current().modules().nameTerm(supervisor);
    }

    /**
     * Starts a child, as {@code DynamicSupervisor.start_child/2}.
     *
     * @return {@code {:ok, pid}}, {@code :ignore}, {@code {:error, :max_children}} or {@code {:error, reason}}
     */
    @Doc("""
        Starts a child under the supervisor from a child spec.

        Returns {:ok, pid}, :ignore, {:error, :max_children} or {:error, reason}.
        """)
    public static Object start_child(Object supervisor, Object child) {
        IexSession s = IexSession.current();
        Object spec = ChildSpecs.of(s, child, ChildSpecs.Caller.DYNAMIC_START_CHILD);
        return ChildSpecs.startChild(() -> procshell.runtime.otp.DynamicSupervisor.startChild(sup(supervisor), spec, ChildSpecs.resolver(s)),
                ChildSpecs::dynamicRequestSpec);
    }

    /** As {@code DynamicSupervisor.terminate_child/2}: {@code :ok} or {@code {:error, :not_found}}. */
    @Doc("""
        Terminates the child with the given pid.

        Returns :ok or {:error, :not_found}.
        """)
    public static Object terminate_child(Object supervisor, Object pid) {
        return procshell.runtime.otp.DynamicSupervisor.terminateChild(sup(supervisor), pidArgument(pid));
    }

    private static Pid pidArgument(Object pid) {
        if (Values.normalize(pid) instanceof Pid p) return p;
        throw new FunctionClauseError("DynamicSupervisor.terminate_child", 2);
    }

    /** As {@code DynamicSupervisor.which_children/1}: {@code [{:undefined, pid, type, modules}]}. */
    @Doc("""
        Returns a list with information about all children.

        Each element is {:undefined, pid, type, modules}.
        """)
    public static List<Object> which_children(Object supervisor) {
        return procshell.runtime.otp.DynamicSupervisor.whichChildren(sup(supervisor));
    }

    /** As {@code DynamicSupervisor.count_children/1}. */
    @Doc("""
        Returns a map with the counts of children: :specs, :active, :supervisors, :workers.
        """)
    public static Map<Atom, Object> count_children(Object supervisor) {
        return procshell.runtime.otp.DynamicSupervisor.countChildren(sup(supervisor));
    }

    /** As {@code DynamicSupervisor.stop/1}. */
    @Doc("""
        Stops the supervisor with the given reason (default :normal) within the
        timeout (default :infinity): its children are terminated first.
        """)
    public static Atom stop(Object supervisor) {
        return procshell.runtime.otp.DynamicSupervisor.stop(sup(supervisor));
    }

    /** As {@code DynamicSupervisor.stop/2}: stops with {@code reason}, waiting as long as it takes. */
    public static Atom stop(Object supervisor, Object reason) {
        return stop(supervisor, reason, Atom.INFINITY);
    }

    /** As {@code DynamicSupervisor.stop/3}; the timeout is ms or {@code :infinity}. */
    public static Atom stop(Object supervisor, Object reason, Object timeout) {
        return procshell.runtime.otp.DynamicSupervisor.stop(sup(supervisor), Values.normalize(reason), Options.timeout(timeout, -1));
    }
}
