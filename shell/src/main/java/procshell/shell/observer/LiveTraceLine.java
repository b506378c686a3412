package procshell.shell.observer;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One row of a {@link TraceDiagram} as the live trace ({@code trace(pids, ms, live: true)}) prints
 * it the moment it happens, one line, in the style of {@code watch()}'s lines:
 * <pre>
 * 12:01:02.346 [trace] self() ─CALL :get─▶ Counter
 * 12:01:02.347 [trace] Counter ─reply 0─▶ self()
 * 12:01:02.348 [trace] Counter ✕ exit :killed
 * 12:01:02.349 [trace] self() ↺ INFO :tick
 * </pre>
 */
final class LiveTraceLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private LiveTraceLine() {}

    /**
     * The line of one row.
     *
     * @param row   the row
     * @param names the diagram's lifeline names
     * @param at    when it was seen
     */
    static String format(TraceDiagram.Row row, List<String> names, LocalTime at) {
        String from = names.get(row.from());
        String body;
        if (row.kind() == TraceDiagram.Kind.END) body = from + " ✕ " + row.label();
        else if (row.from() == row.to()) body = from + " ↺ " + row.label();
        else body = from + " ─" + row.label() + "─▶ " + names.get(row.to());
        return TIME.format(at) + " [trace] " + body;
    }
}
