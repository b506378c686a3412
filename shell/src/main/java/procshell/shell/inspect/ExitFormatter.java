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
    private ExitFormatter() {}

    /** {@code Exception.format_exit(reason)}. */
    public static String format(Object reason) {
        return format(reason, "\n    ");
    }

    static String format(Object reason, String joiner) {
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Throwable e && t.get(1) instanceof List<?> stack) {
            StringBuilder b = new StringBuilder("an exception was raised:");
            b.append(joiner).append(ErrorFormatter.banner(e).replace("\n", joiner));
            for (String line : StackFormatter.lines(e, stack)) b.append(joiner).append("    ").append(line);
            return b.toString();
        }
        if (reason instanceof Tuple t && t.isTagged(Atom.SHUTDOWN, 2) && t.get(1) instanceof Tuple f
                && f.isTagged(Atom.of("failed_to_start_child"), 3)) {
            return "shutdown: failed to start child: " + Inspect.inspect(f.get(1)) + joiner + "** (EXIT) "
                    + format(f.get(2), joiner + "    ");
        }
        if (reason instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Tuple mfa && mfa.size() == 3
                && mfa.get(0) instanceof Atom mod && mfa.get(1) instanceof Atom fun && mfa.get(2) instanceof List<?> args) {
            return "exited in: " + mfa(mod, fun, args) + joiner + "** (EXIT) " + format(t.get(0), joiner + "    ");
        }
        return formatReason(reason);
    }

    /** {@code GenServer.call(HelloServer, :hello, 5000)}: an Elixir call with inspected arguments. */
    public static String mfa(Atom module, Atom fun, List<?> args) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (Object a : args) j.add(Inspect.inspect(a));
        return Inspect.inspect(module) + "." + fun.name() + j;
    }

    private static String formatReason(Object reason) {
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
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom tag) {
            switch (tag.name()) {
                case "shutdown": return "shutdown: " + Inspect.inspect(t.get(1));
                case "nodedown": return "no connection to " + ((Atom) t.get(1)).name();
                case "already_started": return "already started: " + Inspect.inspect(t.get(1));
                case "bad_return_value": return "bad return value: " + Inspect.inspect(t.get(1));
                case "bad_call": return "bad call: " + Inspect.inspect(t.get(1));
                case "bad_cast": return "bad cast: " + Inspect.inspect(t.get(1));
                default: break;
            }
        }
        return Inspect.inspect(reason);
    }
}
