package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;

/**
 * Elixir's {@code Task.Supervisor}: a dynamic supervisor of temporary task processes.
 * {@code async/2} and {@code async_nolink/2} give a {@code %Task{}} to await, as
 * {@link Task#async(Object)} does; {@code start_child/2} runs a function for its effect.
 */
@ElixirName("Task.Supervisor")
@Doc("""
    A task supervisor: starts tasks dynamically under a supervisor.

    ## Examples

        ps> {:ok, _} = Task.Supervisor.start_link(name: MyApp.TaskSupervisor)
        ps> task = Task.Supervisor.async(MyApp.TaskSupervisor, fn -> :done end)
        ps> Task.await(task)
        :done
    """)
public final class TaskSupervisor {
    private static final Atom SELF = Atom.module("Task.Supervisor");
    private static final Atom SUPERVISED = Atom.module("Task.Supervised");

    private TaskSupervisor() {}

    /**
     * Starts a task supervisor linked to the caller, as {@code Task.Supervisor.start_link/1}.
     * Options: {@code name:}, {@code max_restarts:}, {@code max_seconds:}, {@code max_children:}.
     *
     * @return {@code {:ok, pid}}
     */
    @Doc("""
        Starts a new supervisor for tasks. Options: name:, max_children:,
        max_restarts:, max_seconds:.
        """)
    public static Object start_link() {
        return start_link(List.of());
    }

    /** {@code Task.Supervisor.start_link(opts)}. */
    public static Object start_link(Object options) {
        return DynamicSupervisor.start_link(options);
    }

    /**
     * The child spec of {@code {Task.Supervisor, opts}}: the id is the {@code name:}, else
     * {@code Task.Supervisor}.
     */
    @Doc("""
        Returns a specification to start a task supervisor under a supervisor.
        """)
    public static Object child_spec(Object options) {
        IexSession s = IexSession.current();
        List<Tuple> keywords = Options.keywordList(options);
        Object name = Options.of(keywords).get("name");
        MapTerm spec = new MapTerm();
        spec.put(Atom.of("id"), name == null ? SELF : s.modules().nameTerm(name));
        spec.put(Atom.of("start"), Tuple.of(SELF, Atom.of("start_link"), List.of(keywords)));
        spec.put(Atom.of("type"), Atom.of("supervisor"));
        return spec;
    }

    /** Starts a task under the supervisor, linked to the caller too, as {@code Task.Supervisor.async/2}. */
    @Doc("""
        Starts a task under the supervisor that can be awaited on; it is linked to
        the caller as Task.async/1's is.
        """)
    public static Object async(Object supervisor, Object fun) {
        return async(supervisor, Funs.closure(fun, "Task.Supervisor.async", 2), true);
    }

    /** {@code Task.Supervisor.async(sup, module, fun, args)}. */
    public static Object async(Object supervisor, Object module, Object fun, Object args) {
        return async(supervisor, Funs.mfa(module, fun, args), true);
    }

    /** As {@code Task.Supervisor.async_nolink/2}: awaitable, but not linked to the caller. */
    @Doc("""
        Starts a task under the supervisor that can be awaited on but is not linked
        to the caller: its crash arrives as {:exit, reason} from yield/2.
        """)
    public static Object async_nolink(Object supervisor, Object fun) {
        return async(supervisor, Funs.closure(fun, "Task.Supervisor.async_nolink", 2), false);
    }

    /** {@code Task.Supervisor.async_nolink(sup, module, fun, args)}. */
    public static Object async_nolink(Object supervisor, Object module, Object fun, Object args) {
        return async(supervisor, Funs.mfa(module, fun, args), false);
    }

    private static Object async(Object supervisor, Object fun, boolean link) {
        Pid pid = startUnder(supervisor, fun, true, () -> startTask(null, Atom.of("temporary"), null));
        if (link) procshell.runtime.process.ProcessContext.require().link(pid);
        return TaskProcess.own(pid, TaskProcess.mfaOf(fun));
    }

    /** Starts a task for its effect, as {@code Task.Supervisor.start_child/2}: {@code {:ok, pid}}. */
    @Doc("""
        Starts a task as a child of the supervisor, for its effect; returns {:ok, pid}.
        """)
    public static Object start_child(Object supervisor, Object fun) {
        return start_child(supervisor, fun, List.of());
    }

    /** {@code Task.Supervisor.start_child(sup, module, fun, args)}. */
    public static Object start_child(Object supervisor, Object module, Object fun, Object args) {
        return start_child(supervisor, module, fun, args, List.of());
    }

    private static Object startChild(Object supervisor, Object work, Object mfa, Object options) {
        java.util.Map<String, Object> given = Options.of(options);
        Pid pid = startUnder(supervisor, work, false, () -> startTask(mfa, given.get("restart"), given.get("shutdown")));
        TaskProcess.go(pid);
        return Tuple.of(Atom.OK, pid);
    }

    /** The pids of the supervisor's running tasks, as {@code Task.Supervisor.children/1}. */
    @Doc("""
        Returns the pids of all children of the task supervisor.
        """)
    public static List<Object> children(Object supervisor) {
        List<Object> out = new ArrayList<>();
        for (Object c : DynamicSupervisor.which_children(supervisor)) {
            if (c instanceof Tuple t && t.get(1) instanceof Pid p) out.add(p);
        }
        return out;
    }

    /** Terminates a task of the supervisor, as {@code Task.Supervisor.terminate_child/2}. */
    @Doc("""
        Terminates the child with the given pid; :ok or {:error, :not_found}.
        """)
    public static Object terminate_child(Object supervisor, Object pid) {
        return DynamicSupervisor.terminate_child(supervisor, pid);
    }

    /** {@code Task.Supervisor.async/3}: with options (shutdown:), which are accepted. */
    public static Object async(Object supervisor, Object fun, Object options) {
        return async(supervisor, fun);
    }

    /** {@code Task.Supervisor.async/5}. */
    public static Object async(Object supervisor, Object module, Object fun, Object args, Object options) {
        return async(supervisor, module, fun, args);
    }

    /** {@code Task.Supervisor.async_nolink/3}. */
    public static Object async_nolink(Object supervisor, Object fun, Object options) {
        return async_nolink(supervisor, fun);
    }

    /** {@code Task.Supervisor.async_nolink/5}. */
    public static Object async_nolink(Object supervisor, Object module, Object fun, Object args, Object options) {
        return async_nolink(supervisor, module, fun, args);
    }

    /** {@code Task.Supervisor.start_child/3}: with options (restart:, shutdown:), which are accepted. */
    public static Object start_child(Object supervisor, Object fun, Object options) {
        return startChild(supervisor, Funs.closure(fun, "Task.Supervisor.start_child", 2),
                Tuple.of(Atom.of("erlang"), Atom.of("apply"), List.of(fun, List.of())), options);
    }

    /** {@code Task.Supervisor.start_child/5}. */
    public static Object start_child(Object supervisor, Object module, Object fun, Object args, Object options) {
        return startChild(supervisor, Funs.mfa(module, fun, args),
                Tuple.of(IexSession.current().modules().nameTerm(module), procshell.shell.eval.Values.normalize(fun), procshell.shell.eval.Values.normalize(args)), options);
    }

    /** {@code Task.Supervisor.async_stream/3}. */
    @Doc("""
        As Task.async_stream/3, with each task started under the supervisor and
        linked to the caller (async_stream_nolink: not linked, a crash gives
        {:exit, reason}).
        """)
    public static Object async_stream(Object supervisor, Object enumerable, Object fun) {
        return async_stream(supervisor, enumerable, fun, List.of());
    }

    /** {@code Task.Supervisor.async_stream/4}. */
    public static Object async_stream(Object supervisor, Object enumerable, Object fun, Object options) {
        return stream(supervisor, enumerable, Funs.closure(fun, "Task.Supervisor.async_stream", 4), options, true);
    }

    /** {@code Task.Supervisor.async_stream/5}. */
    public static Object async_stream(Object supervisor, Object enumerable, Object module, Object fun, Object args) {
        return async_stream(supervisor, enumerable, module, fun, args, List.of());
    }

    /** {@code Task.Supervisor.async_stream/6}. */
    public static Object async_stream(Object supervisor, Object enumerable, Object module, Object fun, Object args, Object options) {
        return stream(supervisor, enumerable, Funs.mfa(module, fun, args), options, true);
    }

    /** {@code Task.Supervisor.async_stream_nolink/3}. */
    @Doc("""
        As async_stream/3, but the tasks are not linked to the caller: a task that
        crashes gives {:exit, reason} in the stream instead of taking the caller down.
        """)
    public static Object async_stream_nolink(Object supervisor, Object enumerable, Object fun) {
        return async_stream_nolink(supervisor, enumerable, fun, List.of());
    }

    /** {@code Task.Supervisor.async_stream_nolink/4}. */
    public static Object async_stream_nolink(Object supervisor, Object enumerable, Object fun, Object options) {
        return stream(supervisor, enumerable, Funs.closure(fun, "Task.Supervisor.async_stream_nolink", 4), options, false);
    }

    /** {@code Task.Supervisor.async_stream_nolink/5}. */
    public static Object async_stream_nolink(Object supervisor, Object enumerable, Object module, Object fun, Object args) {
        return async_stream_nolink(supervisor, enumerable, module, fun, args, List.of());
    }

    /** {@code Task.Supervisor.async_stream_nolink/6}. */
    public static Object async_stream_nolink(Object supervisor, Object enumerable, Object module, Object fun, Object args, Object options) {
        return stream(supervisor, enumerable, Funs.mfa(module, fun, args), options, false);
    }

    private static Object stream(Object supervisor, Object enumerable, Object fun, Object options, boolean link) {
        return TaskStream.run(enumerable, fun, options, work -> {
            Pid pid = startUnder(supervisor, work, true, () -> startTask(null, Atom.of("temporary"), null));
            if (link) procshell.runtime.process.ProcessContext.require().link(pid);
            return pid;
        });
    }

    /**
     * Starts {@code fun} (a closure or an MFA) as a temporary child of the supervisor.
     *
     * @param shown makes the request Elixir's Task.Supervisor sends for it ({@link #startTask}), which
     *              an exit of the call shows (no such supervisor): made only then
     */
    private static Pid startUnder(Object supervisor, Object fun, boolean reply, java.util.function.Supplier<Tuple> shown) {
        ChildSpec spec = new ChildSpec(SUPERVISED, () -> Tuple.of(Atom.OK, TaskProcess.spawn(fun, reply, true)),
                Atom.of("temporary"), 5000, Atom.of("worker"), List.of(SUPERVISED));
        Object sup = IexSession.current().modules().nameTerm(supervisor);
        Object r = ChildSpecs.showingRequest(() -> procshell.runtime.otp.DynamicSupervisor.startChild(sup, spec), req -> shown.get());
        if (r instanceof Tuple t && t.isTagged(Atom.OK, 2) && t.get(1) instanceof Pid p) return p;
        throw new MatchError(r); // Elixir matches {:ok, pid} = the start ({:error, :max_children})
    }

    /**
     * The request Elixir 1.14's Task.Supervisor sends its supervisor: {@code {:start_task, [owner,
     * callers, mfa], restart, shutdown}} for {@code start_child} (restart and shutdown as the options
     * give them, else nil), {@code {:start_task, [owner, :monitor], :temporary, nil}} for
     * {@code async} and {@code async_nolink}; the owner is {@code {node, pid, pid}}.
     *
     * @param mfa the child's {@code {m, f, a}} ({@code {:erlang, :apply, [fun, []]}} for a fn), or
     *            null for an async task
     */
    private static Tuple startTask(Object mfa, Object restart, Object shutdown) {
        procshell.runtime.process.ProcessContext self = procshell.runtime.process.ProcessContext.require();
        Tuple owner = Tuple.of(self.node().name(), self.self(), self.self());
        List<Object> args = mfa == null ? List.of(owner, Atom.of("monitor")) : List.of(owner, List.of(self.self()), mfa);
        return Tuple.of(Atom.of("start_task"), args, restart, shutdown);
    }
}
