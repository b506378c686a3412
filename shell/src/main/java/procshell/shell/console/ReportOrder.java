package procshell.shell.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Puts the reports of other processes (Logger's crash reports, the runtime's log lines) where iex
 * prints them: after the value, the error or the {@code ** (EXIT from ...)} line of the input that
 * caused them. While an input is evaluated its reports are held; they are printed, in the order
 * they came, once the input's own outcome is printed. Between inputs a report prints at once.
 */
final class ReportOrder {
    private final List<String> held = new ArrayList<>();
    private boolean holding;

    /** An input starts: hold reports until {@link #release}. */
    synchronized void hold() {
        holding = true;
    }

    /** Prints the report now, or keeps it for {@link #release} while an input runs. */
    void print(String report, Consumer<String> printer) {
        synchronized (this) {
            if (holding) {
                held.add(report);
                return;
            }
        }
        printer.accept(report);
    }

    /** The input's outcome is printed: print what was held and stop holding. */
    void release(Consumer<String> printer) {
        List<String> out;
        synchronized (this) {
            holding = false;
            out = new ArrayList<>(held);
            held.clear();
        }
        out.forEach(printer);
    }
}
