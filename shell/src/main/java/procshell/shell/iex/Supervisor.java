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
    public static List<Object> which_children(Object supervisor) {
        return procshell.runtime.otp.Supervisor.whichChildren(sup(supervisor));
    }

    /** As {@code Supervisor.count_children/1}: {@code %{active: n, specs: n, supervisors: n, workers: n}}. */
    public static Map<Atom, Object> count_children(Object supervisor) {
        return procshell.runtime.otp.Supervisor.countChildren(sup(supervisor));
    }

    /** As {@code Supervisor.start_child/2}: {@code {:ok, pid}} or {@code {:error, reason}}. */
    public static Object start_child(Object supervisor, Object child) {
        IexSession s = IexSession.current();
        return procshell.runtime.otp.Supervisor.startChild(sup(supervisor), ChildSpecs.of(s, child), ChildSpecs.resolver(s));
    }

    /** As {@code Supervisor.terminate_child/2}: {@code :ok} or {@code {:error, :not_found}}. */
    public static Object terminate_child(Object supervisor, Object id) {
        return procshell.runtime.otp.Supervisor.terminateChild(sup(supervisor), IexSession.current().modules().nameTerm(id));
    }

    /** As {@code Supervisor.restart_child/2}: {@code {:ok, pid}} or {@code {:error, reason}}. */
    public static Object restart_child(Object supervisor, Object id) {
        return procshell.runtime.otp.Supervisor.restartChild(sup(supervisor), IexSession.current().modules().nameTerm(id));
    }

    /** As {@code Supervisor.delete_child/2}: {@code :ok} or {@code {:error, reason}}. */
    public static Object delete_child(Object supervisor, Object id) {
        return procshell.runtime.otp.Supervisor.deleteChild(sup(supervisor), IexSession.current().modules().nameTerm(id));
    }

    /** As {@code Supervisor.stop/1}: {@code :ok}. */
    public static Atom stop(Object supervisor) {
        return procshell.runtime.otp.Supervisor.stop(sup(supervisor));
    }
}
