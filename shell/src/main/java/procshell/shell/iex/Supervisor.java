package procshell.shell.iex;

import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.otp.SupervisorFlags;

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

    /** {@code Supervisor.start_link(children, opts)} with an explicit keyword list or map. */
    public static Object start_link(List<?> children, Object options) {
        return start(children, options);
    }

    private static Object start(List<?> children, Object options) {
        IexSession s = IexSession.current();
        Map<String, Object> o = Options.of(options);
        Object strategy = o.get("strategy");
        if (strategy == null) throw new IllegalArgumentException("expected :strategy option to be given");
        SupervisorFlags flags = new SupervisorFlags((Atom) strategy, intOption(o, "max_restarts", 3), intOption(o, "max_seconds", 5));
        Object name = o.containsKey("name") ? s.modules().nameTerm(o.get("name")) : null;
        return procshell.runtime.otp.Supervisor.startLink(ChildSpecs.all(s, children), flags, name, ChildSpecs.resolver(s));
    }

    static int intOption(Map<String, Object> o, String key, int dflt) {
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
        return procshell.runtime.otp.Supervisor.startChild(sup(supervisor), ChildSpecs.of(s, child), ChildSpecs.resolver(s));
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
        Stops the supervisor with :normal: its children are terminated first.

        Returns :ok.
        """)
    public static Atom stop(Object supervisor) {
        return procshell.runtime.otp.Supervisor.stop(sup(supervisor));
    }
}
