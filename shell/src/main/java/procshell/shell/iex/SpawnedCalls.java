package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.dist.OpaqueTerm;
import procshell.runtime.dist.SpawnHandler;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;
import procshell.shell.inspect.WireTerms;

/**
 * What this node runs when another node asks it to spawn {@code module.function(args...)}: the
 * functions of the shell's modules (the facades, what was typed at the prompt), and the wrappers the
 * BEAM spawns for its remote calls: {@code :erpc.execute_call/4} (behind {@code :erpc.call} and
 * {@code :rpc.call}; the result travels in the exit reason {@code {ref, :return, value}}),
 * {@code :erpc.execute_cast/3} and {@code :erlang.apply/2} (a fun: {@code Node.spawn/2}). A fun
 * made on another node runs only when it names a function of a module known here
 * ({@code &Mod.fun/1}); any other dies with {@code :undef}, as on a BEAM node that lacks its module.
 */
public final class SpawnedCalls implements SpawnHandler {
    private static final Atom ERPC = Atom.of("erpc");
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Atom APPLY = Atom.of("apply");
    private static final Atom KERNEL = Atom.of("Elixir.Kernel");
    private static final Atom RETURN = Atom.of("return");
    private static final Atom EXIT = Atom.of("exit");
    private static final Atom THROW = Atom.of("throw");
    private static final Atom ERROR = Atom.of("error");
    private static final Atom UNDEF = Atom.of("undef");

    /** An error the BEAM raises itself ({@code :undef}), with its own stacktrace. */
    private static final class BeamError extends RuntimeException {
        private final transient Object reason;
        private final transient List<Object> stack;

        BeamError(Object reason, List<Object> stack) {
            super(null, null, false, false);
            this.reason = reason;
            this.stack = stack;
        }
    }

    /** Runs the call with the requester's group leader as the process's own (output goes to the requester's shell). */
    @Override
    public void run(ProcessContext self, procshell.runtime.node.Pid groupLeader, Atom module, Atom function, List<Object> args) {
        if (groupLeader != null) ProcessFlags.setGroupLeader(self.process(), groupLeader);
        run(self, module, function, args);
    }

    /** Another node's {@code :erlang.group_leader(leader, pid)} for a process here. */
    @Override
    public void setGroupLeader(procshell.runtime.process.LocalProcess process, procshell.runtime.node.Pid leader) {
        ProcessFlags.setGroupLeader(process, leader);
    }

    /** The requester's group leader (this node's shell, unless it was set). */
    @Override
    public procshell.runtime.node.Pid groupLeader(procshell.runtime.process.LocalProcess requester) {
        return ProcessInfo.groupLeader(requester);
    }

    @Override
    public void run(ProcessContext self, Atom module, Atom function, List<Object> args) {
        try {
            dispatch(self, module, function, args);
        } catch (BeamError e) {
            if (UNDEF.equals(e.reason) && !e.stack.isEmpty() && e.stack.get(0) instanceof Tuple top && top.get(0) instanceof OpaqueTerm fun) {
                // as the BEAM's logger reports a process that called a fun whose module is not loaded
                self.node().events().publish(new procshell.runtime.event.NodeEvent.Logged(Atom.of("error"), "Process " + self.self()
                        + " on node " + procshell.runtime.inspect.Inspect.inspect(self.node().name()) + " raised an exception\n"
                        + "** (UndefinedFunctionError) undefined function\n    " + fun + "(" + arguments(top.get(1)) + ")"));
            }
            throw new ExitException(Tuple.of(e.reason, e.stack));
        }
    }

    /** A call's arguments as the BEAM's report writes them: inspected, separated by ", ". */
    private static String arguments(Object args) {
        List<String> shown = new ArrayList<>();
        if (args instanceof List<?> l) for (Object a : l) shown.add(procshell.shell.iex.Kernel.inspect(a));
        return String.join(", ", shown);
    }

    private static void dispatch(ProcessContext self, Atom module, Atom function, List<Object> args) {
        List<Object> argv = new ArrayList<>();
        for (Object a : args) argv.add(Values.normalize(a));
        if (ERPC.equals(module) && function.name().equals("execute_call") && argv.size() == 4 && argv.get(3) instanceof List<?> a) {
            throw new ExitException(executeCall(self, argv.get(0), argv.get(1), argv.get(2), a));
        }
        if (ERPC.equals(module) && function.name().equals("execute_cast") && argv.size() == 3 && argv.get(2) instanceof List<?> a) {
            apply(self, argv.get(0), argv.get(1), a);
            return;
        }
        apply(self, module, function, argv);
    }

    /**
     * {@code :erpc.execute_call/4}: the outcome as the exit reason erpc's caller reads,
     * {@code {ref, :return | :throw | :exit, value}} or {@code {ref, :error, reason, stacktrace}}.
     */
    static Tuple executeCall(ProcessContext self, Object ref, Object m, Object f, List<?> args) {
        try {
            return Tuple.of(ref, RETURN, apply(self, m, f, args));
        } catch (ExitException e) {
            return Tuple.of(ref, EXIT, e.reason());
        } catch (ThrownValue t) {
            return Tuple.of(ref, THROW, t.value());
        } catch (BeamError e) {
            return Tuple.of(ref, ERROR, e.reason, e.stack);
        } catch (procshell.runtime.process.ProcessExitedError e) {
            throw e;
        } catch (Throwable e) {
            Object reason = WireTerms.erlangReason(e);
            List<Object> stack = procshell.shell.inspect.StackTerms.of(e, List.of(e.getStackTrace()));
            if (stack.isEmpty() && m instanceof Atom mod && f instanceof Atom fun) stack = List.of(Tuple.of(mod, fun, args.size(), List.of()));
            return Tuple.of(ref, ERROR, reason, stack);
        }
    }

    /** {@code apply(m, f, args)}, a fun given as {@code :erlang.apply(fun, args)} included. */
    private static Object apply(ProcessContext self, Object m, Object f, List<?> args) {
        if (ERLANG.equals(m) && APPLY.equals(f) && args.size() == 2 && args.get(0) instanceof groovy.lang.Closure<?> c && args.get(1) instanceof List<?> a) {
            return c.call(a.toArray()); // a fun of this node's shell (Node.spawn(node(), fun))
        }
        if (ERLANG.equals(m) && APPLY.equals(f) && args.size() == 2 && args.get(0) instanceof OpaqueTerm fun && args.get(1) instanceof List<?> a) {
            Tuple mfa = fun.fun();
            if (mfa != null && mfa.get(1) instanceof Atom name && IexSession.of(self.node()).modules().classOf((Atom) mfa.get(0)) != null) {
                return apply(self, mfa.get(0), name, a);
            }
            // as the BEAM's error_handler for a fun whose module is not loaded
            throw new BeamError(UNDEF, List.of(Tuple.of(fun, new ArrayList<>(a), List.of())));
        }
        if (!(m instanceof Atom module) || !(f instanceof Atom function)) {
            throw new BeamError(Atom.of("badarg"), List.of(Tuple.of(ERLANG, APPLY, List.of(m, f, args), List.of())));
        }
        if ((ERLANG.equals(module) || KERNEL.equals(module)) && args.size() == 1) {
            // the BIFs that end a process, which every node has
            switch (function.name()) {
                case "exit" -> throw new ExitException(args.get(0));
                case "throw" -> throw new ThrownValue(args.get(0));
                default -> { }
            }
        }
        Modules modules = IexSession.of(self.node()).modules();
        if (modules.classOf(module) == null || !modules.exported(module, Modules.javaName(function.name()), args.size())) {
            throw new BeamError(UNDEF, List.of(Tuple.of(module, function, new ArrayList<>(args), List.of())));
        }
        return modules.apply(module, Modules.javaName(function.name()), args.toArray());
    }
}
