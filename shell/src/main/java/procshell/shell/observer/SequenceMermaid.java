package procshell.shell.observer;

import java.util.List;

/**
 * Writes a {@link TraceDiagram} as a Mermaid {@code sequenceDiagram}, the text Livebook and GitHub
 * draw as a picture:
 * <pre>
 * sequenceDiagram
 *     participant P1 as self()
 *     participant P2 as Counter
 *     P1-&gt;&gt;P2: CALL :get
 *     P2--&gt;&gt;P1: reply 0
 *     P1-xP2: EXIT :kill
 *     Note over P2: exit :killed
 * </pre>
 * Calls and messages are solid arrows, replies dashed, casts open ({@code -)}), exit signals
 * crossed; characters Mermaid reads as markup ({@code # ; < >}) are written as its entity codes.
 */
public final class SequenceMermaid {
    private SequenceMermaid() {}

    /** The Mermaid source, one statement per line, ending in a newline. */
    public static String text(TraceDiagram d) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        List<String> names = d.lifelines();
        for (int i = 0; i < names.size(); i++) sb.append("    participant P").append(i + 1).append(" as ").append(escape(names.get(i))).append('\n');
        for (TraceDiagram.Row r : d.rows()) {
            String from = "P" + (r.from() + 1), to = "P" + (r.to() + 1);
            if (r.kind() == TraceDiagram.Kind.END) {
                sb.append("    Note over ").append(from).append(": ").append(escape(r.label())).append('\n');
                continue;
            }
            String arrow = r.label().startsWith("reply") ? "-->>" : r.label().startsWith("CAST") ? "-)"
                    : r.label().startsWith("EXIT") ? "-x" : "->>";
            sb.append("    ").append(from).append(arrow).append(to).append(": ").append(escape(r.label())).append('\n');
        }
        if (d.dropped() > 0) sb.append("    %% ").append(d.dropped()).append(" more events were not recorded\n");
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '#' -> sb.append("#35;");
                case ';' -> sb.append("#59;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
