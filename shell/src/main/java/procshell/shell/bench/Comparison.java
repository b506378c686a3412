package procshell.shell.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import procshell.runtime.bench.Figures;

/**
 * The table of {@code bench --vs-beam}: one row per figure name, joined on the name, with the
 * BEAM's value, procshell's, their ratio (procshell / BEAM) and which side is ahead: for times and
 * bytes ({@code ms}, {@code us}, {@code bytes}) lower is better, for rates ({@code .../s}) higher.
 */
final class Comparison {
    private final Map<String, String[]> rows = new LinkedHashMap<>();

    void beam(List<Figures.Line> lines) {
        for (Figures.Line l : lines) row(l)[0] = l.value();
    }

    void procshell(List<Figures.Line> lines) {
        for (Figures.Line l : lines) row(l)[1] = l.value();
    }

    private String[] row(Figures.Line l) {
        return rows.computeIfAbsent(l.name(), k -> new String[] {null, null, l.unit()});
    }

    /** The markdown table. */
    String table() {
        List<String> out = new ArrayList<>();
        out.add("| figure | BEAM | procshell | unit | ratio | |");
        out.add("|---|---:|---:|---|---:|---|");
        for (Map.Entry<String, String[]> e : rows.entrySet()) {
            String[] r = e.getValue();
            String beam = r[0] == null ? "-" : r[0];
            String ours = r[1] == null ? "-" : r[1];
            out.add("| " + e.getKey() + " | " + beam + " | " + ours + " | " + r[2] + " | " + ratio(r[0], r[1]) + " | " + verdict(r[0], r[1], r[2]) + " |");
        }
        return String.join("\n", out);
    }

    private static Double number(String v) {
        if (v == null) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String ratio(String beam, String ours) {
        Double b = number(beam), o = number(ours);
        if (b == null || o == null || b == 0) return "-";
        return String.format(Locale.ROOT, "%.2f", o / b);
    }

    /** {@code ahead}, {@code behind} or blank (counts, words, missing values). */
    static String verdict(String beam, String ours, String unit) {
        Double b = number(beam), o = number(ours);
        if (b == null || o == null) return "";
        boolean lowerBetter = unit.equals("ms") || unit.equals("us") || unit.equals("bytes");
        boolean higherBetter = unit.endsWith("/s");
        if (!lowerBetter && !higherBetter) return "";
        if (o.equals(b)) return "even";
        return (lowerBetter ? o < b : o > b) ? "ahead" : "behind";
    }
}
