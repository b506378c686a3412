package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Task}: a process that runs one function. {@code async/1} links it to the caller
 * and {@code await/2} waits for its result; {@code start_link/1} runs it for its effect, as a
 * supervisor child ({@code {Task, fun}}; {@code use Task} gives a module
 * {@code child_spec(arg) = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary}}).
 * Functions are closures or {@code module, fun, args}.
 */
@Doc("""
    Conveniences for spawning and awaiting tasks.

    A task is a process that runs one function. Task.async/1 starts it linked
    to the caller, Task.await/2 waits for its result.

    ## Examples

        ps> task = Task.async(fn -> 1 + 1 end)
        ps> Task.await(task)
        2
    """)
public final class Task {
    private Task() {}

    /**
     * Starts a task linked to and monitored by the caller, as {@code Task.async/1}.
     *
     * @return {@code %Task{mfa: {:erlang, :apply, 2}, owner: pid, pid: pid, ref: ref}}
     */
    @Doc("""
        Starts a task that must be awaited on.

        The task is linked to the caller (a crash of either takes the other) and
        monitored; its result is read with await/2 or yield/2.
        """)
    public static Object async(Object fun) {
        return async(Funs.closure(fun, "Task.async", 1, 0), TaskProcess.mfaOf(fun));
    }

    /** {@code Task.async(module, fun, args)}. */
    public static Object async(Object module, Object fun, Object args) {
        Tuple mfa = Funs.mfa(module, fun, args);
        return async(mfa, TaskProcess.mfaOf(mfa));
    }

    private static Object async(Object fun, Tuple mfa) {
        return TaskProcess.own(TaskProcess.spawn(fun, true, true), mfa);
    }

    /**
     * Waits for a task's result, as {@code Task.await/2} (5000 ms by default).
     *
     * @throws ExitException {@code {:timeout, {Task, :await, [task, timeout]}}}, or
     *         {@code {reason, {Task, :await, [task, timeout]}}} when the task died
     */
    @Doc("""
        Awaits a task reply and returns it.

        The timeout (default 5000 ms, or :infinity) ends the wait with an exit
        {:timeout, {Task, :await, [task, timeout]}}; a task that died exits the
        caller with its reason.
        """)
    public static Object await(Object task) {
        return await(task, 5000);
    }

    /** {@code Task.await(task, timeout)}. */
    public static Object await(Object task, Object timeout) {
        // Task.await/2's guard: is_timeout(timeout), i.e. :infinity or a non-negative integer
        Object t0 = Values.normalize(timeout);
        if (!(Atom.of("infinity").equals(t0) || procshell.shell.eval.Arithmetic.isInteger(t0)
                && procshell.shell.eval.Arithmetic.big(t0).signum() >= 0)) {
            throw new FunctionClauseError("Task.await", 2);
        }
        Object r = TaskProcess.await(task, timeout, "Task.await");
        Object call = Tuple.of(Atom.module("Task"), Atom.of("await"), List.of(Values.normalize(task), Values.normalize(timeout)));
        if (r == null) throw new ExitException(Tuple.of(Atom.TIMEOUT, call));
        Tuple t = (Tuple) r;
        if (Atom.OK.equals(t.get(0))) return t.get(1);
        throw new ExitException(Tuple.of(t.get(1), call));
    }

    /**
     * Waits for a task's result for a while, as {@code Task.yield/2} (5000 ms by default).
     *
     * @return {@code {:ok, result}}, {@code {:exit, reason}} or nil
     */
    @Doc("""
        Temporarily blocks the caller waiting on a task reply.

        Returns {:ok, reply}, {:exit, reason} if the task died, or nil if no reply
        came within the timeout (default 5000 ms): the task keeps running.
        """)
    public static Object yield(Object task) {
        return Task.yield(task, 5000);
    }

    /** {@code Task.yield(task, timeout)}. */
    public static Object yield(Object task, Object timeout) {
        return TaskProcess.await(task, timeout, "Task.yield");
    }

    /** Starts a task linked to the caller, for its effect, as {@code Task.start_link/1}: {@code {:ok, pid}}. */
    @Doc("""
        Starts a task as part of a supervision tree: linked to the caller, its
        result is not sent back. Returns {:ok, pid}.
        """)
    public static Object start_link(Object fun) {
        return started(Funs.closure(fun, "Task.start_link", 1, 0), true);
    }

    /** {@code Task.start_link(module, fun, args)}. */
    public static Object start_link(Object module, Object fun, Object args) {
        return started(Funs.mfa(module, fun, args), true);
    }

    /** Starts an unlinked task, as {@code Task.start/1}: {@code {:ok, pid}}. */
    @Doc("""
        Starts a task that nobody awaits and that is not linked to the caller.
        Returns {:ok, pid}.
        """)
    public static Object start(Object fun) {
        return started(Funs.closure(fun, "Task.start", 1, 0), false);
    }

    /** {@code Task.start(module, fun, args)}. */
    public static Object start(Object module, Object fun, Object args) {
        return started(Funs.mfa(module, fun, args), false);
    }

    private static Object started(Object fun, boolean link) {
        Pid pid = TaskProcess.spawn(fun, false, link);
        TaskProcess.go(pid);
        return Tuple.of(Atom.OK, pid);
    }

    /**
     * The child spec of {@code {Task, fun}}, as {@code Task.child_spec/1}.
     *
     * @return {@code %{id: Task, restart: :temporary, start: {Task, :start_link, [fun]}}}
     */
    @Doc("""
        Returns a specification to start a task under a supervisor: {Task, fun}
        as a child (restart: :temporary).
        """)
    public static Object child_spec(Object arg) {
        MapTerm spec = new MapTerm();
        // keys in term order, as Elixir's small maps keep them
        spec.put(Atom.of("id"), TaskProcess.TASK);
        spec.put(Atom.of("restart"), Atom.of("temporary"));
        spec.put(Atom.of("start"), Tuple.of(TaskProcess.TASK, Atom.of("start_link"), java.util.Arrays.asList(Values.normalize(arg))));
        return spec;
    }

    /** {@code Task.await_many/1}. */
    @Doc("""
        Awaits replies from several tasks and returns them in the order of the
        tasks. A task that dies exits the caller with its reason; the timeout
        (default 5000 ms) exits it with {:timeout, {Task, :await_many, [tasks, timeout]}}.
        """)
    public static List<Object> await_many(Object tasks) {
        return await_many(tasks, 5000);
    }

    /** {@code Task.await_many/2}. */
    public static List<Object> await_many(Object tasks, Object timeout) {
        List<Map<?, ?>> all = TaskProcess.structs(tasks, "Task.await_many");
        Object call = Tuple.of(TaskProcess.TASK, Atom.of("await_many"), List.of(Values.normalize(tasks), Values.normalize(timeout)));
        List<Object> results = TaskProcess.collect(all, Options.timeout(timeout, 5000));
        List<Object> out = new ArrayList<>();
        for (Object r : results) {
            if (r == null) throw new ExitException(Tuple.of(Atom.TIMEOUT, call));
            Tuple t = (Tuple) r;
            if (!Atom.OK.equals(t.get(0))) throw new ExitException(Tuple.of(t.get(1), call));
            out.add(t.get(1));
        }
        return out;
    }

    /** {@code Task.yield_many/1}. */
    @Doc("""
        Yields to several tasks within the timeout (default 5000 ms): a list of
        {task, {:ok, reply} | {:exit, reason} | nil} in the order of the tasks.
        """)
    public static List<Tuple> yield_many(Object tasks) {
        return yield_many(tasks, 5000);
    }

    /** {@code Task.yield_many/2}. */
    public static List<Tuple> yield_many(Object tasks, Object timeout) {
        List<Map<?, ?>> all = TaskProcess.structs(tasks, "Task.yield_many");
        List<Object> results = TaskProcess.collect(all, Options.timeout(timeout, 5000));
        List<Tuple> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) out.add(Tuple.of(all.get(i), results.get(i)));
        return out;
    }

    /** {@code Task.shutdown/1}: a 5000 ms shutdown. */
    @Doc("""
        Unlinks and shuts down the task (exit signal :shutdown, or :kill with
        :brutal_kill or after the timeout, default 5000 ms), then checks for a reply:
        {:ok, reply}, {:exit, reason} if the task died otherwise, or nil.
        """)
    public static Object shutdown(Object task) {
        return shutdown(task, 5000);
    }

    /** {@code Task.shutdown/2}. */
    public static Object shutdown(Object task, Object how) {
        return TaskProcess.shutdown(TaskProcess.struct(task, "Task.shutdown"), Values.normalize(how));
    }

    /** {@code Task.ignore/1}. */
    @Doc("""
        Ignores a task: it keeps running, unlinked and unmonitored. Returns
        {:ok, reply} or {:exit, reason} if it had finished already, else nil.
        """)
    public static Object ignore(Object task) {
        return TaskProcess.ignore(TaskProcess.struct(task, "Task.ignore"));
    }

    /** {@code Task.completed/1}: a task already done with {@code result}, for await/yield. */
    @Doc("""
        Creates a task that has already completed with the given result (its reply
        is in the caller's mailbox): await/2 returns it at once.
        """)
    public static Object completed(Object result) {
        return TaskProcess.completed(Values.normalize(result));
    }

    /** {@code Task.async_stream/2}. */
    @Doc("""
        Runs the function on each element of the enumerable in its own task, at most
        max_concurrency (default: the number of schedulers) at a time, and gives
        {:ok, result} for each, in order (ordered: true). Options: max_concurrency,
        ordered, timeout (default 5000 ms), on_timeout (:exit or :kill_task, which
        gives {:exit, :timeout}), zip_input_on_exit.

        The tasks run when the stream is enumerated (Enum.to_list/1, Stream.run/1).
        """)
    public static Object async_stream(Object enumerable, Object fun) {
        return async_stream(enumerable, fun, List.of());
    }

    /** {@code Task.async_stream/3} with a function, or {@code Task.async_stream/3}... with options. */
    public static Object async_stream(Object enumerable, Object fun, Object options) {
        return TaskStream.run(enumerable, Funs.closure(fun, "Task.async_stream", 3, 1), options, "Task.async_stream");
    }

    /** {@code Task.async_stream/4}: {@code apply(module, function, [element | args])}. */
    public static Object async_stream(Object enumerable, Object module, Object function, Object args) {
        return async_stream(enumerable, module, function, args, List.of());
    }

    /** {@code Task.async_stream/5}. */
    public static Object async_stream(Object enumerable, Object module, Object function, Object args, Object options) {
        return TaskStream.run(enumerable, Funs.mfa(module, function, args), options, "Task.async_stream");
    }
}
