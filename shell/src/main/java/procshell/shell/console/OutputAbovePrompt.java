package procshell.shell.console;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The shell's output as processes write to it ({@code IO.puts}, {@code IO.inspect}, the group
 * leader's {@code put_chars}): while the prompt waits for a line, what a process prints goes above
 * the prompt and the line being typed is drawn again below it, as iex's group process does
 * (erase the line, write, redraw); while an input runs, it is written as it comes. Text written
 * while the prompt waits is kept until the writer's flush and printed above as one piece.
 */
final class OutputAbovePrompt extends Writer {
    private final PrintWriter out;
    private final BooleanSupplier prompting;
    private final Consumer<String> above;
    /** Guarded by {@link #lock}: text written while the prompt waits, not yet flushed. */
    private final StringBuilder pending = new StringBuilder();

    /**
     * @param out       the console's output
     * @param prompting true while the prompt waits for a line (JLine's {@code isReading})
     * @param above     prints text above the prompt, redrawing the line below it
     */
    OutputAbovePrompt(PrintWriter out, BooleanSupplier prompting, Consumer<String> above) {
        this.out = out;
        this.prompting = prompting;
        this.above = above;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        synchronized (lock) {
            if (prompting.getAsBoolean()) {
                pending.append(chars, offset, length);
                return;
            }
            drain();
            out.write(chars, offset, length);
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            drain();
            out.flush();
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** Prints the text kept so far: above the prompt while it waits, else as it is. */
    private void drain() {
        if (pending.isEmpty()) return;
        String text = pending.toString();
        pending.setLength(0);
        if (prompting.getAsBoolean()) {
            above.accept(text);
        } else {
            out.write(text);
        }
    }
}
