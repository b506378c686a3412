package procshell.shell.observer;

import java.util.List;

/**
 * Draws a {@link TraceDiagram} as an SVG picture a browser opens: one box per lifeline with its
 * name and a dashed line down from it, one coloured arrow per row with its label above it, in
 * the order the terminal drawing ({@link SequenceText}) has them. A spawned process's box stands
 * where the spawn (or restart) arrow reaches it; a red {@code ✕} ends a lifeline.
 *
 * <p>Each lifeline is a {@code <g class="lifeline">} whose {@code <text class="name">} is its name;
 * each row a {@code <g class="row KIND">} (KIND: {@code call reply cast info exit down spawn
 * restart link end}) whose {@code <text class="label">} is its label, so that the picture's
 * structure can be read back (tests do). A legend of the colours closes the picture.
 */
public final class SequenceSvg {
    private static final double PAD = 20;
    private static final double BOX_H = 28;
    private static final double ROW_H = 36;
    private static final double MIN_GAP = 120;

    /** The colour and stroke of one kind of row. */
    private record Style(String kind, String colour, String dash, boolean open) {}

    private static final List<Style> STYLES = List.of(
            new Style("call", "#0969da", null, false),
            new Style("reply", "#0969da", "6 4", false),
            new Style("cast", "#8250df", null, true),
            new Style("info", "#424a53", null, false),
            new Style("exit", "#cf222e", null, false),
            new Style("down", "#bc4c00", null, false),
            new Style("spawn", "#1a7f37", null, false),
            new Style("restart", "#1a7f37", null, false),
            new Style("link", "#1b7c83", "2 3", false));
    private static final Style END = new Style("end", "#cf222e", null, false);

    private SequenceSvg() {}

    /** The kind of a row, as its class in the SVG: its label's first word, lower case ({@code end} for a lifeline's end). */
    static String kind(TraceDiagram.Row r) {
        return style(r).kind();
    }

    private static Style style(TraceDiagram.Row r) {
        if (r.kind() == TraceDiagram.Kind.END) return END;
        String word = r.label().split(" ", 2)[0].toLowerCase(java.util.Locale.ROOT);
        for (Style s : STYLES) if (s.kind().equals(word)) return s;
        return STYLES.get(3);
    }

    /**
     * The SVG document of the diagram.
     *
     * @param d     the diagram
     * @param title the picture's title
     * @return the document's text, a complete {@code <svg>} element
     */
    public static String svg(TraceDiagram d, String title) {
        List<String> names = d.lifelines();
        List<TraceDiagram.Row> rows = d.rows();
        int n = names.size();
        if (n == 0) {
            String note = "(no messages among the traced processes)";
            return new Svg("procshell-trace", Svg.width(note) + 2 * PAD, 60, title).text(PAD, 35, note, "note", "#424a53", "start", false).finish();
        }
        double[] box = new double[n];
        for (int i = 0; i < n; i++) box[i] = Math.max(80, Svg.width(names.get(i)) + 20);
        double[] gap = new double[Math.max(0, n - 1)];
        for (int i = 0; i + 1 < n; i++) gap[i] = Math.max(MIN_GAP, box[i] / 2 + box[i + 1] / 2 + 30);
        double right = box[n - 1] / 2;
        // Each arrow widens the gaps it spans until its label fits; a loop or an end widens the gap to its right.
        for (TraceDiagram.Row r : rows) {
            int lo = Math.min(r.from(), r.to()), hi = Math.max(r.from(), r.to());
            if (lo == hi) {
                double need = (r.kind() == TraceDiagram.Kind.END ? 16 : 40) + Svg.width(r.label()) + 12;
                if (lo < n - 1) gap[lo] = Math.max(gap[lo], need);
                else right = Math.max(right, need);
                continue;
            }
            double need = Svg.width(r.label()) + 40 + (r.kind() == TraceDiagram.Kind.SPAWN ? box[r.to()] / 2 : 0);
            double have = 0;
            for (int i = lo; i < hi; i++) have += gap[i];
            if (have < need) for (int i = lo; i < hi; i++) gap[i] += (need - have) / (hi - lo);
        }
        double[] x = new double[n];
        x[0] = PAD + box[0] / 2;
        for (int i = 1; i < n; i++) x[i] = x[i - 1] + gap[i - 1];
        double width = x[n - 1] + right + PAD;
        double legendY = rowY(rows.size()) + 10;
        double height = legendY + (d.dropped() > 0 ? 50 : 30) + PAD;

        // Where each lifeline starts (-1: at the top) and ends (its END row; -1: the bottom).
        int[] start = d.starts();
        int[] end = d.ends();

        Svg svg = new Svg("procshell-trace", width, height, title);
        for (int i = 0; i < n; i++) {
            double cy = start[i] < 0 ? PAD + BOX_H / 2 : rowY(start[i]);
            double bottom = end[i] < 0 ? rowY(rows.size()) - ROW_H / 2 : rowY(end[i]);
            boolean shell = names.get(i).equals("self()");
            svg.group("lifeline", "data-index", Integer.toString(i));
            svg.line(x[i], cy + BOX_H / 2, x[i], bottom, "#8c959f", 1.2, "5 4");
            svg.rect(x[i] - box[i] / 2, cy - BOX_H / 2, box[i], BOX_H, shell ? "#ddf4ff" : "#f6f8fa", shell ? "#0969da" : "#57606a", null);
            svg.text(x[i], cy + 4.5, names.get(i), "name", "#1f2328", "middle", true);
            svg.end();
        }
        for (int k = 0; k < rows.size(); k++) row(svg, rows.get(k), k, x, box, start);
        legend(svg, legendY);
        if (d.dropped() > 0) svg.text(PAD, legendY + 40, "(" + d.dropped() + " more events were not recorded)", "note", "#424a53", "start", false);
        return svg.finish();
    }

    private static double rowY(int k) {
        return PAD + BOX_H + 34 + k * ROW_H;
    }

    private static void row(Svg svg, TraceDiagram.Row r, int k, double[] x, double[] box, int[] start) {
        Style s = style(r);
        double y = rowY(k);
        double a = x[r.from()], b = x[r.to()];
        svg.group("row " + s.kind(), "data-from", Integer.toString(r.from()), "data-to", Integer.toString(r.to()));
        if (r.kind() == TraceDiagram.Kind.END) {
            svg.line(a - 6, y - 6, a + 6, y + 6, s.colour(), 2.5, null).line(a - 6, y + 6, a + 6, y - 6, s.colour(), 2.5, null);
            svg.text(a + 14, y + 4.5, r.label(), "label", s.colour(), "start", false);
        } else if (r.from() == r.to()) {
            svg.path("M" + Svg.n(a) + " " + Svg.n(y - 8) + " h26 v16 h-20", s.colour(), 1.6, s.dash());
            svg.arrowhead(a + 1, y + 8, -1, s.colour(), s.open());
            svg.text(a + 34, y + 4.5, r.label(), "label", s.colour(), "start", false);
        } else {
            int dir = b > a ? 1 : -1;
            // A spawn's arrow reaches the new process's box, which stands on this row.
            double tip = start[r.to()] == k ? b - dir * box[r.to()] / 2 : b - dir;
            svg.line(a, y, tip - dir * (s.open() ? 1 : 8), y, s.colour(), 1.6, s.dash());
            svg.arrowhead(tip, y, dir, s.colour(), s.open());
            svg.text((a + tip) / 2, y - 7, r.label(), "label", s.colour(), "middle", false);
        }
        svg.end();
    }

    /** One coloured word per kind of arrow, along the bottom. */
    private static void legend(Svg svg, double y) {
        svg.group("legend");
        double at = PAD;
        for (Style s : STYLES) {
            String word = s.kind().equals("reply") ? "reply" : s.kind().toUpperCase(java.util.Locale.ROOT);
            svg.line(at, y + 10, at + 18, y + 10, s.colour(), 1.6, s.dash());
            svg.text(at + 22, y + 14, word, "key", s.colour(), "start", false);
            at += 30 + Svg.width(word) + 10;
        }
        svg.end();
    }
}
