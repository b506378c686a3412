package procshell.shell.inspect;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Formats crash reports as Elixir's Logger prints them in iex (a blank line, the time, the
 * level), e.g. {@code [error] GenServer HelloServer terminating} with the reason, the last
 * message, the state and the client.
 */
public final class LogFormatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private LogFormatter() {}

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
            case "process" -> "Process " + report.pid() + " raised an exception\n" + exception((Throwable) r.get("exception"));
            case "unexpected_message" -> Inspect.inspect(r.get("module")) + " " + Inspect.inspect(r.get("name"))
                    + " received unexpected message in handle_info/2: " + Inspect.inspect(r.get("message"), opts);
            default -> null;
        };
        return body == null ? null : "\n" + LocalTime.now().format(TIME) + " [error] " + body;
    }

    private static String genServer(Map<String, Object> r, InspectOptions opts) {
        StringBuilder b = new StringBuilder("GenServer ").append(Inspect.inspect(r.get("name"))).append(" terminating\n");
        Object reason = r.get("reason");
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Throwable e && t.get(1) instanceof List<?>) {
            b.append(exception(e));
        } else {
            b.append("** (stop) ").append(ExitFormatter.format(reason));
        }
        Object client = r.get("client");
        b.append("\nLast message").append(client != null ? " (from " + client + ")" : "").append(": ")
                .append(Inspect.inspect(r.get("last_message"), opts));
        b.append("\nState: ").append(Inspect.inspect(r.get("state"), opts));
        if (client != null) {
            b.append("\nClient ").append(client).append(Boolean.TRUE.equals(r.get("client_alive")) ? " is alive" : " is dead");
        }
        return b.toString();
    }

    private static String exception(Throwable e) {
        StringBuilder b = new StringBuilder(ErrorFormatter.banner(e));
        for (String line : StackFormatter.lines(e, List.of(e.getStackTrace()))) b.append("\n    ").append(line);
        return b.toString();
    }

    /** True for the kinds of report this formatter prints. */
    public static boolean prints(Atom kind) {
        return switch (kind.name()) {
            case "gen_server", "process", "unexpected_message" -> true;
            default -> false;
        };
    }
}
