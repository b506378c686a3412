package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * Groovy statements being generated, with their indentation and the Elixir line each comes from.
 * A construct that is an expression in Elixir but a statement in Groovy ({@code case},
 * {@code receive}, {@code try}) writes its statements here and leaves its value in a variable.
 */
final class Block {
    private static final String INDENT = "    ";
    /** The Elixir line being compiled, stamped on the statements written meanwhile (one compilation per thread). */
    private static final ThreadLocal<int[]> LINE = ThreadLocal.withInitial(() -> new int[1]);

    /** A statement and the Elixir line it was compiled from (0 when unknown). */
    record Line(String text, int elixirLine) {}

    private final List<Line> lines = new ArrayList<>();
    private int depth;

    /** Sets the Elixir line of the statements written next (0 leaves it). */
    static void at(int elixirLine) {
        if (elixirLine > 0) LINE.get()[0] = elixirLine;
    }

    /** Adds a statement at the current depth. */
    void line(String statement) {
        lines.add(new Line(INDENT.repeat(depth) + statement, LINE.get()[0]));
    }

    /** Adds a line that opens a Groovy block ({@code if (...) {}) and goes one level deeper. */
    void open(String line) {
        line(line);
        depth++;
    }

    /** Goes one level up and adds the closing line. */
    void close(String line) {
        depth--;
        line(line);
    }

    /** Ends a branch and starts the next one at the same depth: {@code } else {}. */
    void orElse(String line) {
        depth--;
        line(line);
        depth++;
    }

    /** Closes {@code n} blocks with {@code }}. */
    void close(int n) {
        for (int i = 0; i < n; i++) close("}");
    }

    /** Adds another block's statements at the current depth. */
    void append(Block other) {
        for (Line l : other.lines) lines.add(new Line(INDENT.repeat(depth) + l.text(), l.elixirLine()));
    }

    /** True when no statement was written. */
    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The statements with their lines; a statement's text may hold line breaks (a closure). */
    List<Line> lines() {
        return lines;
    }

    /**
     * The statements, one per line, each ending with a comment that names its Elixir line
     * ({@code /*L12*}{@code /}), which {@link LineTable} reads back from the class source.
     */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(l.text());
            if (l.elixirLine() > 0) b.append(" /*L").append(l.elixirLine()).append("*/");
            b.append('\n');
        }
        return b.toString();
    }
}
