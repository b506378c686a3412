package procshell.shell.iex;

import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessBody;
import procshell.runtime.process.ProcessContext;

/**
 * The process of a {@code Task}: it waits for its owner's go (which carries the reference the
 * owner monitors it with), runs the function, and for {@code async} sends {@code {ref, result}}
 * to the owner; and the owner's side, {@code Task.await/2} and {@code Task.yield/2}. A task is
 * Elixir's struct {@code %Task{mfa: ..., owner: pid, pid: pid, ref: ref}}, a map.
 */
final class TaskProcess {
    private static final Atom GO = Atom.of("$procshell_task_go");
    static final Atom STRUCT = Atom.of("__struct__");
    static final Atom TASK = Atom.module("Task");

    private TaskProcess() {}

    /**
     * The body of a task process.
     *
     * @param reply whether the result goes back to the owner ({@code async}) or is dropped ({@code start})
     */
    static ProcessBody body(Object fun, boolean reply) {
        return self -> {
            Tuple go = (Tuple) self.receive(m -> m instanceof Tuple t && t.isTagged(GO, 3), -1);
            Object result;
            try {
                result = Funs.run(fun);
            } catch (ExitException e) {
                if (procshell.runtime.otp.GenServer.isAbnormal(e.reason())) report(self, go.get(1), fun, e.reason(), reply, e);
                throw e;
            } catch (procshell.runtime.process.ProcessExitedError e) {
                throw e;
            } catch (Throwable t) {
                // a task killed (Task.shutdown, a supervisor's terminate_child) is dead already:
                // its thread unwinds from the interrupted wait, which is no crash of its own
                if (!self.node().isAlive(self.self())) throw t;
                // as Task.Supervised: the task's own report (Function:, Args:), then the exit
                Object reason = procshell.runtime.node.ErrorReason.of(t);
                report(self, go.get(1), fun, reason, reply, null);
                throw new ExitException(reason);
            }
            if (reply) self.send(go.get(1), Tuple.of(go.get(2), result));
        };
    }

    /** Lets a spawned task run, without a reply ({@code Task.start}, {@code Task.Supervisor.start_child}). */
    /**
     * Publishes a task's crash report: who started it, its function and arguments, the reason.
     *
     * @param exit the exit that stopped it, whose frames the report shows, or null (an error's are in its reason)
     */
    private static void report(ProcessContext self, Object owner, Object fun, Object reason, boolean reply, ExitException exit) {
        procshell.runtime.process.LocalProcess starter = owner instanceof Pid p ? self.node().process(p) : null;
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("starter", starter != null && starter.registeredName() != null ? starter.registeredName() : owner);
        if (fun instanceof TaskStream.Applied a) {
            r.put("function", a.fun() instanceof Tuple t ? Tuple.of(t.get(0), t.get(1), a.args()) : a.fun());
            r.put("args", a.args());
        } else {
            r.put("function", fun);
        }
        r.put("reason", reason);
        if (exit != null) r.put("exit", exit);
        r.put("reply", reply);
        self.node().events().publishCrash(Atom.of("task"), self.self(), r);
    }

    static void go(Pid task) {
        ProcessContext self = ProcessContext.require();
        self.send(task, Tuple.of(GO, self.self(), self.node().makeRef()));
    }

    /**
     * Monitors a spawned task from its owner, lets it run and returns its struct, as
     * {@code Task.async} does.
     *
     * @param mfa the struct's {@code mfa:}, e.g. {@code {:erlang, :apply, 2}}
     */
    static MapTerm own(Pid task, Tuple mfa) {
        ProcessContext self = ProcessContext.require();
        Ref ref = self.monitor(task);
        self.send(task, Tuple.of(GO, self.self(), ref));
        MapTerm t = new MapTerm();
        t.put(STRUCT, TASK);
        t.put(Atom.of("mfa"), mfa);
        t.put(Atom.of("owner"), self.self());
        t.put(Atom.of("pid"), task);
        t.put(Atom.of("ref"), ref);
        return t;
    }

    /** The {@code mfa:} of a task running {@code fun}: {@code {:erlang, :apply, 2}} for a closure. */
    static Tuple mfaOf(Object fun) {
        if (fun instanceof Tuple t && t.size() == 3 && t.get(2) instanceof List<?> args) return Tuple.of(t.get(0), t.get(1), args.size());
        return Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2);
    }

    /** Spawns a task process from the caller, linked when asked. */
    static Pid spawn(Object fun, boolean reply, boolean link) {
        Node node = ProcessContext.require().node();
        return node.spawn(body(fun, reply), procshell.runtime.process.SpawnOptions.DEFAULT.withLink(link));
    }

    /**
     * Waits for a task's reply, as {@code Task.yield/2} (and {@code Task.await/2} when
     * {@code exitOnTimeout}).
     *
     * @return {@code {:ok, result}}, {@code {:exit, reason}} when it died, or nil when the time ran out
     * @throws ExitException {@code {:timeout, {Task, :await, [task, timeout]}}} when awaiting timed out
     */
    static Object await(Object task, Object timeout, String function) {
        Map<?, ?> t = struct(task, function);
        ProcessContext self = ProcessContext.require();
        if (!self.self().equals(t.get(Atom.of("owner")))) {
            throw new ArgumentError(Kernel.inspect(task) + " must be queried from the owner but was queried from " + Kernel.inspect(self.self()));
        }
        Ref ref = (Ref) t.get(Atom.of("ref"));
        long ms = Options.timeout(timeout, 5000);
        Object m = self.receive(msg -> msg instanceof Tuple r && ((r.size() == 2 && ref.equals(r.get(0)))
                || (r.isTagged(Atom.DOWN, 5) && ref.equals(r.get(1)))), ms);
        if (m == Mailbox.TIMEOUT) return null;
        Tuple r = (Tuple) m;
        if (r.size() == 2) {
            self.demonitor(ref, true);
            return Tuple.of(Atom.OK, r.get(1));
        }
        return Tuple.of(Atom.of("exit"), r.get(4));
    }

    /** The task map, or Elixir's FunctionClauseError for anything else. */
    static Map<?, ?> struct(Object task, String function) {
        if (procshell.shell.eval.Values.normalize(task) instanceof Map<?, ?> m && TASK.equals(m.get(STRUCT))) return m;
        throw new FunctionClauseError(function, 2);
    }

    /** The tasks of a list, each checked as {@link #struct}. */
    static List<Map<?, ?>> structs(Object tasks, String function) {
        if (!(procshell.shell.eval.Values.normalize(tasks) instanceof List<?> l)) throw new FunctionClauseError(function, 2);
        List<Map<?, ?>> out = new java.util.ArrayList<>();
        for (Object t : l) out.add(struct(t, function));
        return out;
    }

    /**
     * Waits, until one deadline, for each task's reply or death, in the tasks' order, as
     * {@code Task.yield_many/2}: {@code {:ok, reply}}, {@code {:exit, reason}} or null.
     */
    static List<Object> collect(List<Map<?, ?>> tasks, long timeoutMs) {
        ProcessContext self = ProcessContext.require();
        long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMs * 1_000_000;
        List<Object> out = new java.util.ArrayList<>();
        for (Map<?, ?> t : tasks) {
            checkOwner(t, self);
            Ref ref = (Ref) t.get(Atom.of("ref"));
            long left = deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            Object m = self.receive(msg -> msg instanceof Tuple r && ((r.size() == 2 && ref.equals(r.get(0)))
                    || (r.isTagged(Atom.DOWN, 5) && ref.equals(r.get(1)))), left);
            if (m == Mailbox.TIMEOUT) {
                out.add(null);
            } else if (((Tuple) m).size() == 2) {
                self.demonitor(ref, true);
                out.add(Tuple.of(Atom.OK, ((Tuple) m).get(1)));
            } else {
                out.add(Tuple.of(Atom.of("exit"), ((Tuple) m).get(4)));
            }
        }
        return out;
    }

    private static void checkOwner(Map<?, ?> t, ProcessContext self) {
        if (!self.self().equals(t.get(Atom.of("owner")))) {
            throw new ArgumentError(Kernel.inspect(t) + " must be queried from the owner but was queried from " + Kernel.inspect(self.self()));
        }
    }

    /** {@code Task.shutdown/2}: {@code how} is a timeout in ms, {@code :infinity} or {@code :brutal_kill}. */
    static Object shutdown(Map<?, ?> t, Object how) {
        if (!(t.get(Atom.of("pid")) instanceof Pid pid)) {
            throw new ArgumentError("task " + Kernel.inspect(t) + " does not have an associated task process");
        }
        ProcessContext self = ProcessContext.require();
        checkOwner(t, self);
        Ref ref = (Ref) t.get(Atom.of("ref"));
        boolean brutal = Atom.of("brutal_kill").equals(how);
        long ms = brutal ? -1 : Options.timeout(how, 5000);
        Ref mon = self.monitor(pid);
        self.unlink(pid);
        self.exit(pid, brutal ? Atom.KILL : Atom.SHUTDOWN);
        Object down = self.receive(m -> m instanceof Tuple d && d.isTagged(Atom.DOWN, 5) && mon.equals(d.get(1)), ms);
        boolean killedLate = false;
        if (down == Mailbox.TIMEOUT) {
            self.exit(pid, Atom.KILL);
            killedLate = true;
            down = self.receive(m -> m instanceof Tuple d && d.isTagged(Atom.DOWN, 5) && mon.equals(d.get(1)), -1);
        }
        Object reason = ((Tuple) down).get(4);
        Object ownDown = self.receive(m -> m instanceof Tuple d && d.isTagged(Atom.DOWN, 5) && ref.equals(d.get(1)), 0);
        self.demonitor(ref, true);
        Object reply = self.receive(m -> m instanceof Tuple r && r.size() == 2 && ref.equals(r.get(0)), 0);
        if (reply != Mailbox.TIMEOUT) return Tuple.of(Atom.OK, ((Tuple) reply).get(1));
        if (Atom.NOPROC.equals(reason)) {
            // dead before the shutdown: its own monitor says why
            Object why = ownDown == Mailbox.TIMEOUT ? Atom.NOPROC : ((Tuple) ownDown).get(4);
            return Atom.SHUTDOWN.equals(why) && !brutal || Atom.KILLED.equals(why) && brutal ? null : Tuple.of(Atom.of("exit"), why);
        }
        boolean expected = brutal || killedLate ? Atom.KILLED.equals(reason) : Atom.SHUTDOWN.equals(reason);
        return expected ? null : Tuple.of(Atom.of("exit"), reason);
    }

    /** {@code Task.ignore/1}. */
    static Object ignore(Map<?, ?> t) {
        ProcessContext self = ProcessContext.require();
        checkOwner(t, self);
        Ref ref = (Ref) t.get(Atom.of("ref"));
        Object m = self.receive(msg -> msg instanceof Tuple r && ((r.size() == 2 && ref.equals(r.get(0)))
                || (r.isTagged(Atom.DOWN, 5) && ref.equals(r.get(1)))), 0);
        if (m != Mailbox.TIMEOUT && ((Tuple) m).size() == 5) return Tuple.of(Atom.of("exit"), ((Tuple) m).get(4));
        // Elixir unlinks the pid: a completed task has none, and :erlang.unlink(nil) refuses it
        if (!(t.get(Atom.of("pid")) instanceof Pid pid)) throw ArgumentError.badArgument("1st argument: not a pid", ":erlang.unlink(nil)");
        self.unlink(pid);
        self.demonitor(ref, true);
        return m == Mailbox.TIMEOUT ? null : Tuple.of(Atom.OK, ((Tuple) m).get(1));
    }

    /** {@code Task.completed/1}: the reply is sent to the caller now; the task has no process. */
    static MapTerm completed(Object result) {
        ProcessContext self = ProcessContext.require();
        Ref ref = self.node().makeRef();
        self.send(self.self(), Tuple.of(ref, result));
        MapTerm t = new MapTerm();
        t.put(STRUCT, TASK);
        t.put(Atom.of("mfa"), Tuple.of(TASK, Atom.of("completed"), 1));
        t.put(Atom.of("owner"), self.self());
        t.put(Atom.of("pid"), null);
        t.put(Atom.of("ref"), ref);
        return t;
    }
}
