package procshell.shell.iex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;

/**
 * {@code Task.async_stream/3,5} and {@code Task.Supervisor.async_stream/4,6}: the function run on
 * each element in a task of its own, at most {@code max_concurrency} at a time, the results
 * {@code {:ok, value}} (or {@code {:exit, reason}}) in the elements' order ({@code ordered: true})
 * or as they finish. The tasks are linked to the caller, so a task that raises takes it down as
 * Elixir's intermediate process does. The stream is run at once and its results given as a list,
 * which Enum and Stream consume as they would consume the stream.
 */
final class TaskStream {
    private static final Atom SUPERVISED = Atom.module("Task.Supervised");

    private TaskStream() {}

    /** The stream's function applied to one element: what its task runs, and reports when it crashes. */
    record Applied(Object fun, Object element) implements Supplier<Object> {
        @Override
        public Object get() {
            return Funs.run(fun, element);
        }

        /** The arguments a crash report shows: the element, then an {@code {m, f, args}}'s own. */
        List<Object> args() {
            List<Object> out = new ArrayList<>();
            out.add(element);
            if (fun instanceof Tuple t && t.size() == 3 && t.get(2) instanceof List<?> more) out.addAll(more);
            return out;
        }
    }

    /** How each element's task is started: its pid (already linked as wanted), told to run {@code work}. */
    interface Starter {
        Pid start(Supplier<Object> work);
    }

    /** Runs with tasks spawned by the caller (Task.async_stream). */
    static List<Object> run(Object enumerable, Object fun, Object options, String function) {
        return run(enumerable, fun, options, work -> TaskProcess.spawn(work, true, true));
    }

    /**
     * Runs the stream.
     *
     * @param fun a closure of one argument, or {@code {m, f, args}} applied with the element first
     * @throws ExitException {@code {:timeout, {Task.Supervised, :stream, [timeout]}}} when a task
     *         overruns with {@code on_timeout: :exit} (the default)
     */
    static List<Object> run(Object enumerable, Object fun, Object options, Starter starter) {
        Map<String, Object> o = Options.of(options);
        int max = o.get("max_concurrency") instanceof Integer n && n > 0 ? n : ElixirSystem.schedulers();
        boolean ordered = !Boolean.FALSE.equals(o.get("ordered"));
        long timeout = Options.timeout(o.getOrDefault("timeout", 5000), 5000);
        boolean killTask = Atom.of("kill_task").equals(o.get("on_timeout"));
        boolean zip = Boolean.TRUE.equals(o.get("zip_input_on_exit"));
        List<Object> elements = ElixirEnum.to_list(enumerable);
        ProcessContext self = ProcessContext.require();
        Deque<Object[]> running = new ArrayDeque<>(); // {ref, pid, element, index, started (nanoTime)}
        Object[] results = new Object[elements.size()];
        List<Object> unordered = new ArrayList<>();
        int next = 0;
        while (next < elements.size() || !running.isEmpty()) {
            while (next < elements.size() && running.size() < max) {
                Object element = elements.get(next);
                Pid pid = starter.start(new Applied(fun, element));
                Ref ref = self.monitor(pid);
                self.send(pid, Tuple.of(Atom.of("$procshell_task_go"), self.self(), ref));
                running.add(new Object[] {ref, pid, element, next++, System.nanoTime()});
            }
            Object[] task = running.poll();
            Ref ref = (Ref) task[0];
            // each task has the timeout from its own start, not from when its turn to be read came
            long left = timeout < 0 ? timeout : Math.max(0, timeout - (System.nanoTime() - (Long) task[4]) / 1_000_000);
            Object m = self.receive(msg -> msg instanceof Tuple r && ((r.size() == 2 && ref.equals(r.get(0)))
                    || (r.isTagged(Atom.DOWN, 5) && ref.equals(r.get(1)))), left);
            Object result;
            if (m == Mailbox.TIMEOUT) {
                self.unlink((Pid) task[1]);
                self.exit((Pid) task[1], Atom.KILL);
                self.demonitor(ref, true);
                if (!killTask) throw new ExitException(Tuple.of(Atom.TIMEOUT, Tuple.of(SUPERVISED, Atom.of("stream"), List.of(timeout))));
                result = Tuple.of(Atom.of("exit"), zip ? Tuple.of(task[2], Atom.TIMEOUT) : Atom.TIMEOUT);
            } else if (((Tuple) m).size() == 2) {
                self.demonitor(ref, true);
                result = Tuple.of(Atom.OK, ((Tuple) m).get(1));
            } else {
                Object reason = ((Tuple) m).get(4);
                result = Tuple.of(Atom.of("exit"), zip ? Tuple.of(task[2], reason) : reason);
            }
            if (ordered) results[(Integer) task[3]] = result;
            else unordered.add(result);
        }
        return ordered ? java.util.Arrays.asList(results) : unordered;
    }

}
