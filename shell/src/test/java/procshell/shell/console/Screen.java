package procshell.shell.console;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows for the bytes a program wrote: enough of an ANSI terminal for what JLine
 * writes on an {@code ansi} terminal (text, CR, LF, backspace, cursor moves, erasing, inserting and
 * deleting characters), so that a test reads the screen a person would see rather than the cursor
 * dance that drew it.
 */
final class Screen {
    private final List<StringBuilder> lines = new ArrayList<>();
    private int row;
    private int col;

    private Screen() {
        lines.add(new StringBuilder());
    }

    /** The screen after these bytes (decoded text), one string per line, trailing spaces removed. */
    static List<String> render(String output) {
        Screen s = new Screen();
        s.write(output);
        List<String> out = new ArrayList<>();
        for (StringBuilder b : s.lines) out.add(b.toString().stripTrailing());
        while (out.size() > 1 && out.get(out.size() - 1).isEmpty() && out.size() - 1 > s.row) out.remove(out.size() - 1);
        return out;
    }

    /** The screen as text: lines joined with \n; the cursor's line keeps its trailing space. */
    static String text(String output) {
        Screen s = new Screen();
        s.write(output);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= s.row && i < s.lines.size(); i++) {
            String line = s.lines.get(i).toString();
            if (i > 0) b.append('\n');
            b.append(i == s.row ? line.substring(0, Math.min(line.length(), Math.max(s.col, line.stripTrailing().length()))) : line.stripTrailing());
        }
        for (int i = s.row + 1; i < s.lines.size(); i++) {
            String line = s.lines.get(i).toString().stripTrailing();
            if (!line.isEmpty()) b.append('\n').append(line);
        }
        return b.toString();
    }

    /** The cursor's column (0 first) after these bytes. */
    static int cursorColumn(String output) {
        Screen s = new Screen();
        s.write(output);
        return s.col;
    }

    private StringBuilder line() {
        while (lines.size() <= row) lines.add(new StringBuilder());
        return lines.get(row);
    }

    private void put(char c) {
        StringBuilder l = line();
        while (l.length() < col) l.append(' ');
        if (col < l.length()) l.setCharAt(col, c);
        else l.append(c);
        col++;
    }

    private void write(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';' || s.charAt(j) == '?')) j++;
                if (j >= s.length()) break;
                csi(s.substring(i + 2, j), s.charAt(j));
                i = j + 1;
                continue;
            }
            if (c == '\u001b' && i + 1 < s.length()) { // ESC = / ESC > (keypad modes, xterm): nothing shown
                i += 2;
                continue;
            }
            switch (c) {
                case '\r' -> col = 0;
                case '\n' -> { // as a terminal whose driver maps NL to CR-NL (onlcr), as ttys do
                    row++;
                    col = 0;
                    line();
                }
                case '\b' -> col = Math.max(0, col - 1);
                case '\u0007' -> { }
                default -> {
                    if (c >= ' ') put(c);
                }
            }
            i++;
        }
    }

    private void csi(String params, char op) {
        if (params.startsWith("?")) return; // modes (bracketed paste, cursor visibility)
        int n = 1;
        try {
            if (!params.isEmpty() && !params.contains(";")) n = Integer.parseInt(params);
        } catch (NumberFormatException ignored) {
            // keep 1
        }
        switch (op) {
            case 'A' -> row = Math.max(0, row - n);
            case 'B' -> {
                row += n;
                line();
            }
            case 'C' -> col += n;
            case 'D' -> col = Math.max(0, col - n);
            case 'G' -> col = n - 1;
            case 'K' -> {
                StringBuilder l = line();
                if (params.isEmpty() || params.equals("0")) {
                    if (col < l.length()) l.setLength(col);
                } else if (params.equals("2")) {
                    l.setLength(0);
                }
            }
            case '@' -> { // insert n blanks at the cursor, the rest of the line moved right (ICH)
                StringBuilder l = line();
                if (col < l.length()) l.insert(col, " ".repeat(n));
            }
            case 'P' -> { // delete n characters at the cursor, the rest moved left (DCH)
                StringBuilder l = line();
                if (col < l.length()) l.delete(col, Math.min(l.length(), col + n));
            }
            case 'J' -> {
                StringBuilder l = line();
                if (col < l.length()) l.setLength(col);
                while (lines.size() > row + 1) lines.remove(lines.size() - 1);
            }
            default -> { } // colours and anything else: no effect on the text
        }
    }
}
