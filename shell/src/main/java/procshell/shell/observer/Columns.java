package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a text table as Observer's list views read: one header line and one line per row,
 * every column as wide as its widest cell, numbers right-aligned and text left-aligned, columns
 * separated by two spaces, no line ending in a space.
 */
public final class Columns {
    private static final String GAP = "  ";

    private Columns() {}

    /**
     * The lines of a table, header first, without newlines.
     *
     * <pre>{@code Columns.lines(List.of("Pid", "MsgQ"), new boolean[] {false, true}, rows)
     * // ["Pid        MsgQ", "<0.110.0>     0"]}</pre>
     *
     * @param headers the column headers
     * @param right   per column, true to right-align (numbers)
     * @param rows    the cells, each row as many as there are headers
     * @return {@code rows.size() + 1} lines
     */
    public static List<String> lines(List<String> headers, boolean[] right, List<List<String>> rows) {
        int[] width = widths(headers, rows);
        List<String> out = new ArrayList<>(rows.size() + 1);
        out.add(line(headers, right, width));
        for (List<String> row : rows) out.add(line(row, right, width));
        return out;
    }

    /** Each column's width: its widest cell, header included. */
    public static int[] widths(List<String> headers, List<List<String>> rows) {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) width[c] = headers.get(c).length();
        for (List<String> row : rows) {
            for (int c = 0; c < width.length; c++) width[c] = Math.max(width[c], row.get(c).length());
        }
        return width;
    }

    /** One row padded to the given widths, trailing spaces removed. */
    public static String line(List<String> cells, boolean[] right, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            if (c > 0) b.append(GAP);
            String cell = cells.get(c);
            String pad = " ".repeat(Math.max(0, width[c] - cell.length()));
            b.append(right[c] ? pad + cell : cell + pad);
        }
        return b.toString().stripTrailing();
    }

    /** The lines joined, each ending in a newline, as the printed views end. */
    public static String text(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l).append('\n');
        return b.toString();
    }
}
