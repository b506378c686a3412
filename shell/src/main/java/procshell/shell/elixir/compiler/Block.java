package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * Groovy statements being generated, with their indentation. A construct that is an expression in
 * Elixir but a statement in Groovy ({@code case}, {@code receive}, {@code try}) writes its
 * statements here and leaves its value in a variable.
 */
final class Block {
    private static final String INDENT = "    ";
    private final List<String> lines = new ArrayList<>();
    private int depth;

    /** Adds a statement at the current depth. */
    void line(String statement) {
        lines.add(INDENT.repeat(depth) + SourceLines.mark(statement));
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
        for (String l : other.lines) lines.add(INDENT.repeat(depth) + l);
    }

    /** True when no statement was written. */
    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The statements, one per line. */
    String text() {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }
}
