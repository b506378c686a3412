package procshell.shell.console;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import procshell.shell.elixir.reader.Token;
import procshell.shell.elixir.reader.Tokenizer;

/**
 * Colours the input as it is typed, from the Elixir reader's tokens, in the colours iex gives the
 * same terms in results: atoms, keyword keys and aliases cyan, strings, charlists and sigils
 * green, numbers and characters yellow, {@code true}/{@code false}/{@code nil} magenta; {@code do},
 * {@code end}, {@code fn}, {@code else} and the like bold, comments faint. With colours off it
 * returns the text as it is.
 */
final class InputHighlighter implements Highlighter {
    private volatile boolean enabled;
    /** The last line coloured and its colours: JLine redraws a line unchanged (at the Enter, among others). */
    private volatile Coloured last;

    private record Coloured(String buffer, AttributedString colours) {}

    /** Turns colouring on or off (off until the console knows the terminal shows colours). */
    void setEnabled(boolean on) {
        enabled = on;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!enabled) return new AttributedString(buffer);
        Coloured seen = last;
        if (seen != null && seen.buffer.equals(buffer)) return seen.colours;
        AttributedString colours = colour(buffer);
        last = new Coloured(buffer, colours);
        return colours;
    }

    private static AttributedString colour(String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder(buffer.length() + 32);
        int at = 0;
        for (Token t : Tokenizer.tokenize(buffer)) {
            AttributedStyle style = style(t);
            if (style == null || t.start() < at || t.end() > buffer.length()) continue;
            b.append(buffer, at, t.start());
            b.styled(style, buffer.substring(t.start(), t.end()));
            at = t.end();
        }
        b.append(buffer, at, buffer.length());
        return b.toAttributedString();
    }

    /** The style of a token, or null for plain text. */
    private static AttributedStyle style(Token t) {
        return switch (t.kind()) {
            case ATOM, ATOM_UNSAFE, KW_IDENTIFIER, KW_IDENTIFIER_UNSAFE, ALIAS -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case BIN_STRING, LIST_STRING, BIN_HEREDOC, LIST_HEREDOC, SIGIL -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
            case INT, FLT, CHAR -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
            case TRUE, FALSE, NIL -> AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
            case DO, END, FN, BLOCK_IDENTIFIER -> AttributedStyle.BOLD;
            case COMMENT -> AttributedStyle.DEFAULT.faint();
            default -> null;
        };
    }
}
