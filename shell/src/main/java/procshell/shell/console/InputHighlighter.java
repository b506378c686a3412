package procshell.shell.console;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import procshell.shell.eval.SyntaxSpans;

/**
 * Colours the input as it is typed, in the colours iex gives the same terms in results: atoms
 * cyan, strings green, numbers yellow, {@code true}/{@code false}/{@code nil} magenta; Groovy
 * keywords bold, comments faint. With colours off it returns the text as it is.
 */
final class InputHighlighter implements Highlighter {
    private volatile boolean enabled;

    /** Turns colouring on or off (off until the console knows the terminal shows colours). */
    void setEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!enabled) return new AttributedString(buffer);
        AttributedStringBuilder b = new AttributedStringBuilder(buffer.length() + 32);
        int at = 0;
        for (SyntaxSpans.Span s : SyntaxSpans.of(buffer)) {
            b.append(buffer, at, s.start());
            b.styled(style(s.kind()), buffer.substring(s.start(), s.end()));
            at = s.end();
        }
        b.append(buffer, at, buffer.length());
        return b.toAttributedString();
    }

    private static AttributedStyle style(SyntaxSpans.Kind kind) {
        return switch (kind) {
            case ATOM -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case STRING -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case NUMBER -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case LITERAL -> AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
            case KEYWORD -> AttributedStyle.BOLD;
            case COMMENT -> AttributedStyle.DEFAULT.faint();
        };
    }
}
