package procshell.shell.console;

import java.util.List;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * JLine's line parser, taught when an input is unfinished: when the Elixir reader finds it
 * incomplete (an open bracket, string or heredoc, a {@code do} or {@code fn} without {@code end},
 * a trailing operator) it asks for a continuation line ({@code ...(n)>}), as iex does; a wrong
 * closer is not incomplete, and fails at once. JLine then keeps editing one buffer of several lines, and history keeps that whole
 * buffer as one entry.
 *
 * <p>For completion the word at the cursor is the run of name characters around it
 * ({@code Registry.lo} in {@code x = Registry.lo}, {@code :ets.in} in {@code f(:ets.in}).
 */
final class IexParser extends DefaultParser {
    IexParser() {
        setEofOnUnclosedQuote(false);
        setEofOnUnclosedBracket();
        setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.strip().equals("#iex:break") && !lastLineIsBreak(line)
                && ElixirReader.isIncomplete(line + "\n")) {
            throw new EOFError(-1, -1, "incomplete input", "continue");
        }
        if (context == ParseContext.COMPLETE) return word(line, cursor);
        // A line accepted is read as Elixir by the shell; JLine keeps its words but uses none of them.
        if (context == ParseContext.ACCEPT_LINE) return new Word(line, cursor, line, cursor);
        return super.parse(line, cursor, context);
    }

    /**
     * The line split for completion: one word, the name characters around the cursor, or a string
     * begun before it ({@code "ro}, which a Registry key may complete).
     */
    static ParsedLine word(String line, int cursor) {
        int start = CompletionInput.of(line, cursor).start();
        int end = cursor;
        if (openQuote(line.substring(0, cursor)) < 0) {
            while (end < line.length() && isNameChar(line.charAt(end))) end++;
        }
        return new Word(line.substring(start, end), cursor - start, line, cursor);
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '?' || c == '!' || c == '@';
    }

    /** True when the cursor is inside a string literal (an odd number of unescaped quotes before it). */
    static boolean inString(String line, int cursor) {
        return openQuote(line.substring(0, Math.min(cursor, line.length()))) >= 0;
    }

    /** The offset of the quote that opens a string left open at the end of {@code text}, or -1. */
    static int openQuote(String text) {
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') open = open < 0 ? i : -1;
        }
        return open;
    }

    private record Word(String word, int wordCursor, String line, int cursor) implements ParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }
    }

    private static boolean lastLineIsBreak(String line) {
        int i = line.lastIndexOf('\n');
        return i >= 0 && line.substring(i + 1).strip().equals("#iex:break");
    }
}
