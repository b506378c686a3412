package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link TraceDiagram} for the terminal: the lifelines' names on top, one column each, and
 * one line per row below, arrows pointing from sender to receiver:
 * <pre>
 *  self()          Counter
 *    │                │
 *    │─CALL :get─────▶│
 *    │◀─reply 0───────│
 *    │─EXIT :kill────▶│
 *    │                ✕ exit :killed
 * </pre>
 * A lifeline starts at the row that spawns it and stops at its end ({@code ✕}); an arrow to its
 * own lifeline is drawn {@code ↺ label}. Labels too long for their arrow end in {@code …}.
 */
public final class SequenceText {
    private static final int MIN_GAP = 12;
    private static final int MAX_GAP = 36;

    private SequenceText() {}

    /** The diagram's lines, without trailing spaces; a note line when events were dropped. */
    public static List<String> lines(TraceDiagram d) {
        List<String> names = d.lifelines();
        int n = names.size();
        List<String> out = new ArrayList<>();
        if (n == 0) {
            out.add("(no messages among the traced processes)");
            return out;
        }
        int[] x = columns(d);
        Line header = new Line();
        for (int i = 0; i < n; i++) header.put(Math.max(0, x[i] - names.get(i).length() / 2), names.get(i));
        out.add(header.text());

        // A lifeline is drawn below the row that spawns it (-1: from the top) down to its end.
        List<TraceDiagram.Row> rows = d.rows();
        int[] start = d.starts();
        int[] end = d.ends();
        for (int i = 0; i < n; i++) if (end[i] < 0) end[i] = Integer.MAX_VALUE;
        Line top = new Line();
        for (int i = 0; i < n; i++) if (start[i] < 0) top.put(x[i], "│");
        out.add(top.text());
        for (int k = 0; k < rows.size(); k++) {
            Line line = new Line();
            for (int i = 0; i < n; i++) if (start[i] < k && k <= end[i]) line.put(x[i], "│");
            draw(line, rows.get(k), x);
            out.add(line.text());
        }
        if (d.dropped() > 0) out.add("(" + d.dropped() + " more events were not recorded)");
        return out;
    }

    /**
     * Each lifeline's column: neighbours at least {@link #MIN_GAP} apart and far enough for their
     * names; then each arrow, shortest span first, widens the gaps it spans (evenly) until its label fits.
     */
    private static int[] columns(TraceDiagram d) {
        List<String> names = d.lifelines();
        int n = names.size();
        int[] gap = new int[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) gap[i] = Math.max(MIN_GAP, (names.get(i).length() + 1) / 2 + (names.get(i + 1).length() + 1) / 2 + 2);
        List<TraceDiagram.Row> arrows = new ArrayList<>();
        for (TraceDiagram.Row r : d.rows()) if (r.kind() != TraceDiagram.Kind.END && r.from() != r.to()) arrows.add(r);
        arrows.sort(java.util.Comparator.comparingInt(r -> Math.abs(r.to() - r.from())));
        for (TraceDiagram.Row r : arrows) {
            int lo = Math.min(r.from(), r.to()), hi = Math.max(r.from(), r.to());
            int need = Math.min(MAX_GAP * (hi - lo), r.label().length() + 4);
            int have = 0;
            for (int i = lo; i < hi; i++) have += gap[i];
            for (int i = lo; have < need; i = i + 1 < hi ? i + 1 : lo) {
                gap[i]++;
                have++;
            }
        }
        int[] x = new int[n];
        x[0] = Math.max(1, names.get(0).length() / 2);
        for (int i = 1; i < n; i++) x[i] = x[i - 1] + gap[i - 1];
        return x;
    }

    private static void draw(Line line, TraceDiagram.Row r, int[] x) {
        int a = x[r.from()], b = x[r.to()];
        if (r.kind() == TraceDiagram.Kind.END) {
            line.put(a, "✕");
            line.put(a + 2, r.label());
            return;
        }
        if (a == b) {
            line.put(a + 1, "↺ " + r.label());
            return;
        }
        int lo = Math.min(a, b), hi = Math.max(a, b);
        for (int c = lo + 1; c < hi; c++) line.put(c, line.at(c) == '│' ? "┼" : "─");
        String label = fit(r.label(), hi - lo - 4);
        if (a < b) {
            line.put(lo + 2, label);
            line.put(hi - 1, "▶");
        } else {
            line.put(lo + 1, "◀");
            line.put(lo + 3, label);
        }
        if (r.kind() == TraceDiagram.Kind.SPAWN) line.put(b, "┬");
    }

    private static String fit(String label, int room) {
        if (label.length() <= room) return label;
        return room <= 1 ? "…" : label.substring(0, room - 1) + "…";
    }

    /** A line of text written at columns, padded with spaces. */
    private static final class Line {
        private final StringBuilder sb = new StringBuilder();

        void put(int col, String s) {
            while (sb.length() < col + s.length()) sb.append(' ');
            sb.replace(col, col + s.length(), s);
        }

        char at(int col) {
            return col < sb.length() ? sb.charAt(col) : ' ';
        }

        String text() {
            int end = sb.length();
            while (end > 0 && sb.charAt(end - 1) == ' ') end--;
            return sb.substring(0, end);
        }
    }
}
