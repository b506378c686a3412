package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;

/**
 * Writes full-screen frames to a terminal, rewriting only the lines that changed since the last
 * frame. Unlike JLine's {@code Display}, it keeps Unicode box-drawing characters as they are:
 * JLine swaps them for the terminal's line-drawing charset (or for {@code +-|}), which tmux and
 * other UTF-8 terminals show as letters ({@code tqq}).
 */
final class FrameWriter {
    /** The box-drawing characters JLine would swap, each hidden behind a private-use character. */
    private static final String BOX = "─│┌┐└┘├┤┬┴┼";
    private static final char HIDDEN = '\uE000';

    private final Terminal terminal;
    private List<String> shown = List.of();
    private int width = -1;
    private int height = -1;

    FrameWriter(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Forgets what is on the screen, so that the next frame is written whole (after a resize). */
    void reset() {
        shown = List.of();
    }

    /**
     * Writes a frame: line {@code i} on screen row {@code i}, each clipped to one column less than
     * the width (so that the last row never scrolls the screen), the rest of each row cleared.
     */
    void write(List<AttributedString> frame, int columns, int rows) {
        if (columns != width || rows != height) {
            width = columns;
            height = rows;
            shown = List.of();
            terminal.puts(Capability.clear_screen);
        }
        List<String> lines = new ArrayList<>(frame.size());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(rows, frame.size()); i++) {
            AttributedString l = frame.get(i);
            if (l.columnLength() > columns - 1) l = l.columnSubSequence(0, columns - 1);
            String ansi = ansi(l);
            lines.add(ansi);
            if (i < shown.size() && shown.get(i).equals(ansi)) continue;
            out.append(Curses.tputs(terminal.getStringCapability(Capability.cursor_address), i, 0));
            out.append(ansi);
            out.append(Curses.tputs(terminal.getStringCapability(Capability.clr_eol)));
        }
        shown = lines;
        terminal.writer().write(out.toString());
        terminal.flush();
    }

    /** The line in the terminal's escape sequences, box-drawing characters kept. */
    private String ansi(AttributedString line) {
        boolean box = false;
        AttributedStringBuilder b = new AttributedStringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int k = BOX.indexOf(c);
            if (k >= 0) box = true;
            b.style(line.styleAt(i)).append(k >= 0 ? (char) (HIDDEN + k) : c);
        }
        String ansi = (box ? b.toAttributedString() : line).toAnsi(terminal);
        if (!box) return ansi;
        StringBuilder out = new StringBuilder(ansi.length());
        for (int i = 0; i < ansi.length(); i++) {
            char c = ansi.charAt(i);
            out.append(c >= HIDDEN && c < HIDDEN + BOX.length() ? BOX.charAt(c - HIDDEN) : c);
        }
        return out.toString();
    }
}
