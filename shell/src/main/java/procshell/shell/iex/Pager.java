package procshell.shell.iex;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * A pager for docs longer than the screen ({@code h()}, {@code h(Enum)}): what iex users have
 * asked for since 2016. It pages as {@code more} does, so any terminal shows it: a screenful, then
 * a status line; Space or {@code f} the next page, {@code b} the previous one, Enter or {@code j}
 * one more line, {@code k} one back, {@code g}/{@code G} the top and the end, {@code /text} Enter
 * the next line holding {@code text} (case-insensitive), {@code n} the one after, {@code q} (or
 * Ctrl-C, or Space on the last page) leaves, the page shown staying on the screen.
 */
final class Pager {
    private static final String REVERSE = "\u001b[7m";
    private static final String RESET = "\u001b[0m";
    private static final String ERASE_LINE = "\r\u001b[K";

    private final Terminal terminal;
    private final List<String> lines;
    private final int page;
    private final PrintWriter out;
    private int top;
    private String search = "";

    private Pager(Terminal terminal, List<String> lines) {
        this.terminal = terminal;
        this.lines = lines;
        this.page = Math.max(1, terminal.getHeight() - 1);
        this.out = terminal.writer();
    }

    /**
     * Pages {@code text} when it is longer than the terminal is high.
     *
     * @return true when it was paged (and so shown), false when it should just be printed
     */
    static boolean page(Terminal terminal, String text) {
        if (terminal == null || terminal.getHeight() < 3) return false;
        List<String> lines = text.lines().toList();
        if (lines.size() < terminal.getHeight()) return false;
        new Pager(terminal, lines).run();
        return true;
    }

    private void run() {
        Attributes saved = terminal.enterRawMode();
        try {
            show(0);
            NonBlockingReader in = terminal.reader();
            while (true) {
                int c = in.read();
                if (c < 0 || c == 'q' || c == 'Q' || c == 3) break;
                boolean atEnd = top + page >= lines.size();
                switch (c) {
                    case ' ', 'f' -> {
                        if (atEnd) {
                            out.print(ERASE_LINE);
                            out.flush();
                            return;
                        }
                        more(page);
                    }
                    case '\r', '\n', 'j' -> more(1);
                    case 'b' -> show(top - page);
                    case 'k' -> show(top - 1);
                    case 'g' -> show(0);
                    case 'G' -> show(lines.size() - page);
                    case '/' -> {
                        search = readSearch(in);
                        find(top + 1);
                    }
                    case 'n' -> find(top + 1);
                    case 27 -> { // an arrow key: ESC [ A / ESC O A
                        int next = in.read(50);
                        if (next == '[' || next == 'O') {
                            int key = in.read(50);
                            if (key == 'A') show(top - 1);
                            else if (key == 'B') more(1);
                        } else {
                            out.print(ERASE_LINE);
                            out.flush();
                            return;
                        }
                    }
                    default -> status();
                }
            }
            out.print(ERASE_LINE);
            out.flush();
        } catch (IOException e) {
            // the terminal went away: nothing more to show
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /** Scrolls {@code n} more lines onto the screen, below those shown. */
    private void more(int n) {
        int end = Math.min(lines.size(), top + page + n);
        out.print(ERASE_LINE);
        for (int i = top + page; i < end; i++) out.println(lines.get(i));
        top = Math.max(0, end - page);
        status();
    }

    /** Shows the page from line {@code from} (kept within the text). */
    private void show(int from) {
        top = Math.max(0, Math.min(from, lines.size() - page));
        out.print(ERASE_LINE);
        for (int i = top; i < Math.min(lines.size(), top + page); i++) out.println(lines.get(i));
        status();
    }

    private void find(int from) {
        if (search.isEmpty()) {
            status();
            return;
        }
        String wanted = search.toLowerCase(Locale.ROOT);
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains(wanted)) {
                show(i);
                return;
            }
        }
        out.print(ERASE_LINE + REVERSE + "Pattern not found: " + search + " (q to leave)" + RESET);
        out.flush();
    }

    /** Reads the text after {@code /} up to Enter, echoing it on the status line. */
    private String readSearch(NonBlockingReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        out.print(ERASE_LINE + "/");
        out.flush();
        while (true) {
            int c = in.read();
            if (c < 0 || c == '\r' || c == '\n') return b.toString();
            if (c == 3 || c == 27) return "";
            if (c == 127 || c == 8) {
                if (!b.isEmpty()) b.setLength(b.length() - 1);
            } else {
                b.append((char) c);
            }
            out.print(ERASE_LINE + "/" + b);
            out.flush();
        }
    }

    private void status() {
        int last = Math.min(lines.size(), top + page);
        out.print(ERASE_LINE + REVERSE + "-- lines " + (top + 1) + "-" + last + " of " + lines.size()
                + (last >= lines.size() ? " (END)" : "") + " -- space: next page, b: back, /: search, q: quit" + RESET);
        out.flush();
    }
}
