package procshell.shell.inspect;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/**
 * Formats crash reports as Elixir's Logger prints them in iex (a blank line, the time, the
 * level), e.g. {@code [error] GenServer HelloServer terminating} with the reason, the last
 * message, the state and the client.
 */
public final class LogFormatter {
    /**
     * Logger's time of day, made on the first line printed: java.time's formatting took ~10 ms of
     * CPU to start in a session, and as a constant of this class it started with the first report
     * even when nothing was printed (a supervisor's child killed: iex prints nothing).
     */
    private static final class Time {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    }

    private LogFormatter() {}

    private static String timeOfDay() {
        return LocalTime.now().format(Time.FORMAT);
    }

    /** Formats the time of day once, for the prompt's warm-up: the first report printed finds it started. */
    public static void warmUp() {
        timeOfDay();
    }

    /**
     * The Logger text for a crash report, or null for reports Elixir's Logger does not print.
     *
     * @param report the report
     * @param opts   how terms are inspected (iex's Logger uses pretty printing)
     */
    public static String format(NodeEvent.CrashReport report, InspectOptions opts) {
        Map<String, Object> r = report.report();
        String body = switch (report.kind().name()) {
            case "gen_server" -> genServer(r, opts);
            case "task" -> task(report.pid(), r, opts);
            case "process" -> {
                Throwable e = (Throwable) r.get("exception");
                yield "Process " + report.pid() + " raised an exception\n" + exception(e, List.of(e.getStackTrace()));
            }
            // Elixir's format ends this one with ~n: a blank line follows it
            case "unexpected_message" -> Inspect.inspect(r.get("module")) + " " + Inspect.inspect(r.get("name"))
                    + " received unexpected message in handle_info/2: " + Inspect.inspect(r.get("message"), opts) + "\n";
            default -> null;
        };
        return body == null ? null : "\n" + timeOfDay() + " [error] " + body;
    }

    /** A runtime log line as Logger prints it in iex: a blank line, the time, {@code [level]}, the text. */
    public static String format(NodeEvent.Logged logged) {
        return "\n" + timeOfDay() + " [" + logged.level().name() + "] " + logged.message();
    }

    private static String genServer(Map<String, Object> r, InspectOptions opts) {
        StringBuilder b = new StringBuilder("GenServer ").append(Inspect.inspect(r.get("name"))).append(" terminating\n");
        Object reason = r.get("reason");
        RaisedReason raised = RaisedReason.of(reason);
        if (raised != null) {
            b.append(exception(raised.exception(), raised.stack()));
        } else {
            b.append("** (stop) ").append(ExitFormatter.format(reason));
        }
        Object client = r.get("client");
        b.append("\nLast message").append(client != null ? " (from " + client + ")" : "").append(": ")
                .append(Inspect.inspect(ElixirStacktrace.terms(r.get("last_message")), flat(opts)));
        b.append("\nState: ").append(Inspect.inspect(ElixirStacktrace.terms(r.get("state")), flat(opts)));
        if (client instanceof Pid pid) b.append(client(pid, Boolean.TRUE.equals(r.get("client_alive"))));
        return b.toString();
    }

    /**
     * {@code Client #PID<0.110.0> is alive}, an empty line and the client's current stacktrace (it
     * is waiting in {@code GenServer.call}), or {@code Client #PID<0.110.0> is dead}; the client
     * is named by its registered name when it has one, as gen_server reports it.
     */
    private static String client(Pid pid, boolean alive) {
        procshell.runtime.node.Atom remote = pid.nodeIndex() == 0 || pid.node() == null || pid.node().remote() == null ? null
                : pid.node().remote().nodeOf(pid);
        if (remote != null) return "\nClient " + pid + " is remote on node " + Inspect.inspect(remote); // as gen_server reports it
        if (!alive) return "\nClient " + pid + " is dead";
        LocalProcess p = pid.node() == null ? null : pid.node().process(pid);
        Object name = p == null ? null : p.registeredName();
        Thread thread = p == null ? null : p.thread();
        StackTraceElement[] stack = thread == null ? new StackTraceElement[0] : thread.getStackTrace();
        StringBuilder b = new StringBuilder("\nClient ").append(name == null ? pid.toString() : Inspect.inspect(name)).append(" is alive\n");
        for (String line : StackFormatter.clientLines(stack, p != null && procshell.shell.eval.EvaluatorProcess.INITIAL_CALL.equals(p.initialCall()))) b.append("\n    ").append(line);
        return b.toString();
    }

    /**
     * A task's crash, as Elixir's {@code Task.Supervised} logs it: {@code Task #PID<0.110.0> started
     * from #PID<0.108.0> terminating}, the exception (or {@code ** (stop) reason}) with the task's
     * frames, then {@code Function:} and {@code Args:}.
     */
    private static String task(Pid pid, Map<String, Object> r, InspectOptions opts) {
        StringBuilder b = new StringBuilder("Task ").append(pid).append(" started from ").append(Inspect.inspect(r.get("starter")))
                .append(" terminating\n");
        Object reason = r.get("reason");
        List<String> frames = new java.util.ArrayList<>();
        RaisedReason raised = RaisedReason.of(reason);
        b.append(raised != null ? ErrorFormatter.formatBanner(raised.exception()) : "** (stop) " + ExitFormatter.format(reason));
        // where the task failed: its error's frames, or its exit/1's (erl_eval's in a fn typed at the prompt)
        RaisedReason where = raised != null ? raised
                : r.get("exit") instanceof Throwable exit ? new RaisedReason(exit, java.util.Arrays.asList(exit.getStackTrace())) : null;
        if (where != null) {
            for (String line : StackFormatter.lines(where.exception(), where.stack())) if (!line.contains("proc_lib.erl")) frames.add(line);
        }
        frames.add(StackFormatter.ELIXIR + "lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2");
        if (Boolean.TRUE.equals(r.get("reply"))) frames.add(StackFormatter.ELIXIR + "lib/task/supervised.ex:34: Task.Supervised.reply/4");
        frames.add(StackFormatter.STDLIB + "proc_lib.erl:240: :proc_lib.init_p_do_apply/3");
        for (String line : frames) b.append("\n    ").append(line);
        Object fun = r.get("function");
        if (fun instanceof Tuple mfa && mfa.size() == 3 && mfa.get(2) instanceof List<?> args) {
            b.append("\nFunction: &").append(ExitFormatter.mfa((Atom) mfa.get(0), (Atom) mfa.get(1), args.size()));
            b.append("\n    Args: ").append(Inspect.inspect(args, flat(opts)));
        } else {
            b.append("\nFunction: ").append(Inspect.inspect(fun, flat(opts))).append("\n    Args: ")
                    .append(Inspect.inspect(r.getOrDefault("args", List.of()), flat(opts)));
        }
        return b.toString();
    }

    /** Elixir's Logger translator inspects with {@code translator_inspect_opts} ({@code []}): on one line. */
    private static InspectOptions flat(InspectOptions opts) {
        return opts.withPretty(false);
    }

    private static String exception(Throwable e, List<?> stack) {
        StringBuilder b = new StringBuilder(ErrorFormatter.formatBanner(e));
        for (String line : StackFormatter.lines(e, stack)) b.append("\n    ").append(line);
        return b.toString();
    }

    /** True for the kinds of report this formatter prints. */
    public static boolean prints(Atom kind) {
        return switch (kind.name()) {
            case "gen_server", "process", "unexpected_message", "task" -> true;
            default -> false;
        };
    }
}
