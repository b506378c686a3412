package procshell.shell.observer;

import java.util.List;

/**
 * Draws a {@link SupervisionModel} as an SVG picture: the tree indented as the terminal draws it,
 * one box per process (supervisors blue, workers grey, a restarted child orange with its mark
 * beside it), its ETS tables in yellow boxes beside its owner, the processes outside the tree that
 * links and monitors reach in a section below, and each link (other than supervisor to child) and
 * monitor as a dotted edge along the right-hand side; a legend closes the picture.
 *
 * <p>Each process is a {@code <g class="process KIND">} (KIND: {@code supervisor}, {@code worker},
 * {@code outside}, with {@code restarted} added) whose {@code <text class="name">} is its label and
 * {@code <text class="mark">} its restart mark; each table a {@code <g class="ets">}, each edge a
 * {@code <g class="edge link">} or {@code <g class="edge monitor">} with {@code data-from} and
 * {@code data-to} (entry indices), so that tests can read the picture back.
 */
public final class TreeSvg {
    private static final double PAD = 20;
    private static final double ROW_H = 40;
    private static final double BOX_H = 28;
    private static final double INDENT = 32;
    private static final double LANE = 12;
    private static final String LINK = "#1b7c83";
    private static final String MONITOR = "#8250df";
    private static final String RESTARTED = "#bc4c00";

    private TreeSvg() {}

    /**
     * The SVG document of a walked tree.
     *
     * @param m     the tree
     * @param title the picture's title
     */
    public static String svg(SupervisionModel m, String title) {
        List<SupervisionModel.Entry> entries = m.entries();
        int n = entries.size();
        double[] y = new double[n];
        double[] left = new double[n];
        double[] boxW = new double[n];
        double[] right = new double[n];
        int row = 0;
        boolean outsideHeading = false;
        for (int i = 0; i < n; i++) {
            SupervisionModel.Entry e = entries.get(i);
            if (e.outside() && !outsideHeading) {
                outsideHeading = true;
                row++;
            }
            y[i] = PAD + BOX_H / 2 + row++ * ROW_H;
            left[i] = PAD + e.depth() * INDENT;
            boxW[i] = Svg.width(e.label()) + 20;
            right[i] = left[i] + boxW[i] + (e.mark().isEmpty() ? 0 : 10 + Svg.width(e.mark()));
        }
        for (SupervisionModel.EtsTable t : m.tables()) right[t.owner()] += 14 + Svg.width(tableText(t)) + 16;
        double lanes = 0;
        for (int i = 0; i < n; i++) lanes = Math.max(lanes, right[i]);
        double laneX = lanes + 24;
        double width = laneX + m.edges().size() * LANE + PAD + 10;
        double legendY = PAD + row * ROW_H;
        width = Math.max(width, PAD + 620);
        double height = legendY + 30 + PAD;

        Svg svg = new Svg("procshell-tree", width, height, title);
        // Supervisor to child: solid elbows from the parent's box down and across to the child's.
        svg.group("tree-edges");
        for (int i = 0; i < n; i++) {
            SupervisionModel.Entry e = entries.get(i);
            if (e.parent() < 0) continue;
            double px = left[e.parent()] + 12;
            svg.path("M" + Svg.n(px) + " " + Svg.n(y[e.parent()] + BOX_H / 2) + " V" + Svg.n(y[i]) + " H" + Svg.n(left[i]), "#8c959f", 1.4, null);
        }
        svg.end();
        if (outsideHeading) {
            int first = 0;
            while (!entries.get(first).outside()) first++;
            svg.text(PAD, y[first] - ROW_H + 18, "outside the tree, reached by links and monitors:", "heading", "#424a53", "start", false);
        }
        double[] end = new double[n];
        for (int i = 0; i < n; i++) end[i] = process(svg, entries.get(i), i, left[i], y[i], boxW[i]);
        for (SupervisionModel.EtsTable t : m.tables()) {
            int o = t.owner();
            String text = tableText(t);
            double x = end[o] + 14;
            svg.group("ets", "data-owner", Integer.toString(o));
            svg.line(end[o], y[o], x, y[o], "#9a6700", 1.2, "2 2");
            svg.rect(x, y[o] - 11, Svg.width(text) + 12, 22, "#fff8c5", "#9a6700", null);
            svg.text(x + 6, y[o] + 4.5, text, "table", "#7d4e00", "start", false);
            svg.end();
            end[o] = x + Svg.width(text) + 12;
        }
        // Links and monitors: each its own lane at the right, dotted.
        int lane = 0;
        for (SupervisionModel.Edge edge : m.edges()) {
            boolean link = edge.kind() == SupervisionModel.EdgeKind.LINK;
            String colour = link ? LINK : MONITOR;
            double lx = laneX + lane++ * LANE;
            double a = end[edge.from()] + 6, b = end[edge.to()] + 6;
            double ya = y[edge.from()], yb = y[edge.to()];
            svg.group("edge " + (link ? "link" : "monitor"), "data-from", Integer.toString(edge.from()), "data-to", Integer.toString(edge.to()));
            svg.path("M" + Svg.n(a) + " " + Svg.n(ya) + " H" + Svg.n(lx) + " V" + Svg.n(yb) + " H" + Svg.n(b + (link ? 0 : 8)), colour, 1.6, "2 4");
            if (!link) svg.arrowhead(b, yb, -1, colour, false);
            svg.end();
        }
        legend(svg, legendY);
        return svg.finish();
    }

    private static String tableText(SupervisionModel.EtsTable t) {
        return "ets " + t.name() + " · " + t.objects() + (t.objects() == 1 ? " object" : " objects");
    }

    /** Draws one process's box and mark; returns where its row's drawing ends, in px. */
    private static double process(Svg svg, SupervisionModel.Entry e, int i, double x, double y, double w) {
        String kind = e.outside() ? "outside" : e.supervisor() ? "supervisor" : "worker";
        boolean restarted = e.restart() != null;
        String fill = e.outside() ? "#ffffff" : restarted ? "#fff1e5" : e.supervisor() ? "#ddf4ff" : "#f6f8fa";
        String stroke = restarted ? RESTARTED : e.supervisor() ? "#0969da" : "#57606a";
        svg.group("process " + kind + (restarted ? " restarted" : ""), "data-index", Integer.toString(i));
        if (e.pid() == null && !e.outside()) {
            svg.text(x, y + 4.5, e.label(), "name", "#57606a", "start", false);
            svg.end();
            return x + Svg.width(e.label());
        }
        svg.rect(x, y - BOX_H / 2, w, BOX_H, fill, stroke, e.outside() ? "4 3" : null);
        svg.text(x + 10, y + 4.5, e.label(), "name", "#1f2328", "start", e.supervisor());
        double end = x + w;
        if (restarted) {
            svg.text(end + 10, y + 4.5, e.mark(), "mark", RESTARTED, "start", true);
            end += 10 + Svg.width(e.mark());
        }
        svg.end();
        return end;
    }

    private static void legend(Svg svg, double y) {
        svg.group("legend");
        double x = PAD;
        x = key(svg, x, y, "supervisor", "#ddf4ff", "#0969da");
        x = key(svg, x, y, "worker", "#f6f8fa", "#57606a");
        x = key(svg, x, y, "restarted", "#fff1e5", RESTARTED);
        x = key(svg, x, y, "ETS table", "#fff8c5", "#9a6700");
        svg.line(x, y + 10, x + 22, y + 10, LINK, 1.6, "2 4").text(x + 26, y + 14, "link", "key", LINK, "start", false);
        x += 26 + Svg.width("link") + 16;
        svg.line(x, y + 10, x + 18, y + 10, MONITOR, 1.6, "2 4").arrowhead(x + 24, y + 10, 1, MONITOR, false);
        svg.text(x + 28, y + 14, "monitor", "key", MONITOR, "start", false);
        svg.end();
    }

    private static double key(Svg svg, double x, double y, String word, String fill, String stroke) {
        svg.rect(x, y + 3, 14, 14, fill, stroke, null).text(x + 18, y + 14, word, "key", "#424a53", "start", false);
        return x + 18 + Svg.width(word) + 16;
    }
}
