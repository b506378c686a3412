package procshell.shell.observer;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.names.NameTable;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.inspect.ErrorFormatter;

/**
 * The one line {@code watch()} prints for an event, stamped as Elixir's Logger stamps its lines:
 * <pre>
 * 12:01:02.345 [watch] spawn #PID&lt;0.120.0&gt; by #PID&lt;0.110.0&gt;
 * 12:01:02.346 [watch] exit #PID&lt;0.120.0&gt; (MyWorker): :killed
 * 12:01:02.346 [watch] restart MyWorker: #PID&lt;0.120.0&gt; -&gt; #PID&lt;0.125.0&gt; by #PID&lt;0.118.0&gt; (one_for_one, restart 1 of max 3 in the window) after :killed
 * 12:01:02.346 [watch] register MyWorker -&gt; #PID&lt;0.125.0&gt; (local)
 * 12:01:02.346 [watch] unregister "room-1" of #PID&lt;0.125.0&gt; (Secret.Registry)
 * </pre>
 * Terms print as iex prints them, on one line; an exception reason as its {@code ** (Name) message}.
 */
public final class EventLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private EventLine() {}

    /**
     * The line for an event, or null for events {@code watch()} does not show (crash reports,
     * which the console prints anyway, and a node halt).
     *
     * @param e       the event
     * @param at      when it happened (the stamp)
     * @param options how terms are inspected (the session's; width and limits are widened here)
     */
    public static String format(NodeEvent e, LocalTime at, InspectOptions options) {
        InspectOptions o = options.withWidth(InspectOptions.INFINITY);
        String body = switch (e) {
            case NodeEvent.Spawned s -> "spawn " + Inspect.inspect(s.pid(), o) + (s.parent() == null ? "" : " by " + Inspect.inspect(s.parent(), o));
            case NodeEvent.Exited x -> "exit " + Inspect.inspect(x.pid(), o) + (x.name() == null ? "" : " (" + Inspect.inspect(x.name(), o) + ")")
                    + ": " + reason(x.reason(), o);
            case NodeEvent.Restarted r -> "restart " + (Atom.UNDEFINED.equals(r.childId()) ? "" : Inspect.inspect(r.childId(), o) + ": ")
                    + (r.oldPid() == null ? "?" : Inspect.inspect(r.oldPid(), o)) + " -> "
                    + (r.newPid() == null ? ":ignore" : Inspect.inspect(r.newPid(), o))
                    + " by " + Inspect.inspect(r.supervisor(), o)
                    + " (" + r.strategy().name() + ", restart " + r.restarts() + " of max " + r.maxRestarts() + " in the window)"
                    + " after " + reason(r.reason(), o);
            case NodeEvent.Registered r -> "register " + Inspect.inspect(r.name(), o) + " -> " + Inspect.inspect(r.pid(), o)
                    + " (" + registry(r.registry(), o) + ")";
            case NodeEvent.Unregistered u -> "unregister " + Inspect.inspect(u.name(), o) + " of " + Inspect.inspect(u.pid(), o)
                    + " (" + registry(u.registry(), o) + ")";
            default -> null;
        };
        return body == null ? null : TIME.format(at) + " [watch] " + body;
    }

    private static String registry(Object registry, InspectOptions o) {
        return NameTable.LOCAL.equals(registry) ? "local" : Inspect.inspect(registry, o);
    }

    /** An exit reason on one line: an exception as its {@code ** (Name) message}, a term inspected. */
    static String reason(Object reason, InspectOptions o) {
        if (procshell.runtime.node.ErrorReason.exceptionOf(reason) instanceof Throwable th) return ErrorFormatter.banner(th).lines().findFirst().orElse("");
        if (reason instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Throwable th) return ErrorFormatter.banner(th).lines().findFirst().orElse("");
        if (reason instanceof Throwable th) return ErrorFormatter.banner(th).lines().findFirst().orElse("");
        return Inspect.inspect(reason, o.withLimit(20));
    }
}
