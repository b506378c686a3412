package procshell.shell.inspect;

import java.util.List;
import java.util.StringJoiner;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Formats exit reasons as Elixir's {@code Exception.format_exit/1} does: {@code exited in:
 * GenServer.call(HelloServer, :hello, 5000)} followed by {@code ** (EXIT) no process: ...}.
 */
public final class ExitFormatter {
    private static final Atom FAILED_TO_START_CHILD = Atom.of("failed_to_start_child");

    private ExitFormatter() {}

    /** {@code Exception.format_exit(reason)}. */
    public static String format(Object reason) {
        return format(reason, "\n    ");
    }

    static String format(Object reason, String joiner) {
        // {exception, stacktrace}: only with a non-empty stacktrace, as Elixir requires
        RaisedReason raised = RaisedReason.of(reason);
        if (raised != null && !raised.stack().isEmpty()) return exception(raised.exception(), raised.stack(), joiner);
        // {reason, {mod, fun, args}}: exited in: Mod.fun(args)
        if (reason instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Tuple mfa && mfa.size() == 3
                && mfa.get(0) instanceof Atom mod && mfa.get(1) instanceof Atom fun && mfa.get(2) instanceof List<?> args) {
            return "exited in: " + mfa(mod, fun, args) + joiner + "** (EXIT) " + format(t.get(0), joiner + "    ");
        }
        return formatReason(reason, joiner);
    }

    /** {@code an exception was raised:} and the error's banner and stacktrace, each line after {@code joiner}. */
    private static String exception(Throwable e, List<?> stack, String joiner) {
        StringBuilder b = new StringBuilder("an exception was raised:");
        b.append(joiner).append(ErrorFormatter.formatBanner(e).replace("\n", joiner));
        for (String line : StackFormatter.lines(e, stack)) b.append(joiner).append("    ").append(line);
        return b.toString();
    }

    /** {@code GenServer.call(HelloServer, :hello, 5000)}: an Elixir call with inspected arguments. */
    public static String mfa(Atom module, Atom fun, List<?> args) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object a : args) j.add(Inspect.inspect(a));
        return Inspect.inspect(module) + "." + functionName(fun) + j;
    }

    /** {@code HelloServer.init/1}, as {@code Exception.format_mfa/3} with an arity. */
    static String mfa(Atom module, Atom fun, int arity) {
        return Inspect.inspect(module) + "." + functionName(fun) + "/" + arity;
    }

    private static String functionName(Atom fun) {
        String s = Inspect.inspect(fun);
        return s.startsWith(":") ? s.substring(1) : s;
    }

    private static String formatReason(Object reason, String joiner) {
        if (reason instanceof Atom a) {
            switch (a.name()) {
                case "normal": return "normal";
                case "shutdown": return "shutdown";
                case "calling_self": return "process attempted to call itself";
                case "timeout": return "time out";
                case "killed": return "killed";
                case "noconnection": return "no connection";
                case "noproc": return "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started";
                default: break;
            }
        }
        if (reason instanceof Tuple t && t.isTagged(Atom.SHUTDOWN, 2) && t.get(1) instanceof Tuple f
                && f.isTagged(FAILED_TO_START_CHILD, 3)) {
            Object why = f.get(2);
            if (why instanceof Tuple w && w.isTagged(Atom.EXIT, 2)) why = w.get(1);
            return "shutdown: failed to start child: " + Inspect.inspect(f.get(1)) + joiner + "** (EXIT) "
                    + format(why, joiner + "    ");
        }
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom tag) {
            Object v = t.get(1);
            switch (tag.name()) {
                case "shutdown": return "shutdown: " + Inspect.inspect(v);
                case "nodedown":
                    if (v instanceof Atom node) return "no connection to " + node.name();
                    break;
                case "already_started": return "already started: " + Inspect.inspect(v);
                case "bad_return_value": return "bad return value: " + Inspect.inspect(v);
                case "bad_call": return "bad call: " + Inspect.inspect(v);
                case "bad_cast": return "bad cast: " + Inspect.inspect(v);
                case "bad_return":
                    if (v instanceof Tuple r && r.size() == 3 && r.get(0) instanceof Atom mod && Atom.of("init").equals(r.get(1))) {
                        return mfa(mod, Atom.of("init"), 1) + " returned a bad value: " + Inspect.inspect(r.get(2));
                    }
                    break;
                case "bad_start_spec": return "bad child specification, invalid children: " + Inspect.inspect(v);
                case "start_spec": return "bad child specification, " + startSpec(v);
                case "supervisor_data": return "bad supervisor configuration, " + supervisorData(v);
                default: break;
            }
        }
        return Inspect.inspect(reason);
    }

    private static String startSpec(Object spec) {
        if (spec instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom tag) {
            String v = Inspect.inspect(t.get(1));
            switch (tag.name()) {
                case "invalid_child_spec": return "invalid child specification: " + v;
                case "invalid_child_type": return "invalid child type: " + v + ". Must be :worker or :supervisor.";
                case "invalid_mfa": return "invalid mfa: " + v;
                case "invalid_restart_type":
                    return "invalid restart type: " + v + ". Must be :permanent, :transient or :temporary.";
                case "invalid_shutdown":
                    return "invalid shutdown: " + v + ". Must be an integer >= 0, :infinity or :brutal_kill.";
                case "invalid_module": return "invalid module: " + v + ". Must be an atom.";
                case "invalid_modules": return "invalid modules: " + v + ". Must be a list of atoms or :dynamic.";
                case "duplicate_child_name":
                    return "more than one child specification has the id: " + v + ".\n"
                            + "If using maps as child specifications, make sure the :id keys are unique.\n"
                            + "If using a module or {module, arg} as child, use Supervisor.child_spec/2 to change the :id, for example:\n\n"
                            + "    children = [\n"
                            + "      Supervisor.child_spec({MyWorker, arg}, id: :my_worker_1),\n"
                            + "      Supervisor.child_spec({MyWorker, arg}, id: :my_worker_2)\n"
                            + "    ]\n";
                default: break;
            }
        }
        return "got: " + Inspect.inspect(spec);
    }

    private static String supervisorData(Object data) {
        if (data instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom tag) {
            String v = Inspect.inspect(t.get(1));
            switch (tag.name()) {
                case "invalid_type": return "invalid type: " + v;
                case "invalid_strategy": return "invalid strategy: " + v;
                case "invalid_intensity": return "invalid max_restarts (intensity): " + v;
                case "invalid_period": return "invalid max_seconds (period): " + v;
                default: break;
            }
        }
        return "got: " + Inspect.inspect(data);
    }
}
