package procshell.shell.console;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import procshell.shell.eval.IexSyntax;

/**
 * JLine's line parser, taught when an input is unfinished: an open bracket, string, {@code fn}
 * without {@code end} or a trailing operator asks for a continuation line ({@code ...(n)>}), as
 * iex does.
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
                && !IexSyntax.isComplete(line)) {
            throw new EOFError(-1, -1, "incomplete input", "continue");
        }
        return super.parse(line, cursor, context);
    }

    private static boolean lastLineIsBreak(String line) {
        int i = line.lastIndexOf('\n');
        return i >= 0 && line.substring(i + 1).strip().equals("#iex:break");
    }
}
