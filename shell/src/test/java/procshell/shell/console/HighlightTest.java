package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Colours: typed input coloured as it is typed, results in iex's colours, errors in red; and no
 * colour at all when the console was not asked for it ({@code --no-color}, not a terminal).
 */
@Timeout(60)
class HighlightTest {
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RED = "\u001b[31m";

    @Test
    void typedInputAndResultsAreColouredAsIexColoursTerms() throws Exception {
        try (TerminalSession t = new TerminalSession(200, null, Console::enableColors)) {
            t.keys.type("{:ok, \"hi\", 42, nil} # a comment");
            t.awaitScreen("the typed line", s -> s.endsWith("# a comment"));
            // Ctrl-L redraws the line in one go (as typed, it is drawn a key at a time)
            int before = t.raw().length();
            t.keys.type("\u000c");
            t.awaitScreen("the line redrawn", s -> t.raw().substring(before).contains("# a comment"));
            String typed = t.raw().substring(before);
            assertTrue(typed.contains(CYAN + ":ok"), "the atom in cyan: " + printable(typed));
            assertTrue(typed.contains(GREEN + "\"hi\""), "the string in green: " + printable(typed));
            assertTrue(typed.contains(YELLOW + "42"), "the number in yellow: " + printable(typed));
            assertTrue(typed.contains("\u001b[35mnil"), "nil in magenta: " + printable(typed));

            int typedEnd = t.raw().length();
            t.keys.type("\r");
            t.awaitScreen("the result", s -> s.endsWith("ps(2)> "));
            String result = t.raw().substring(typedEnd);
            // as iex 1.14 prints it: the result in yellow, brackets in the default colour, each term in its colour
            assertTrue(result.contains(YELLOW + "\u001b[39m{\u001b[0m" + YELLOW + CYAN + ":ok\u001b[0m" + YELLOW + "\u001b[39m,\u001b[0m"
                    + YELLOW + " " + GREEN + "\"hi\"\u001b[0m"), printable(result));
            assertEquals("{:ok, \"hi\", 42, nil}", t.screen().lines().toList().get(1), "the same text as without colours");

            int resultEnd = t.raw().length();
            t.typeLine("raise \"boom\"", "ps(2)> ");
            assertTrue(t.raw().substring(resultEnd).contains(RED + "** (RuntimeError) boom"), printable(t.raw().substring(resultEnd)));
        }
    }

    @Test
    void aLineRedrawnUnchangedIsNotColouredAgain() {
        InputHighlighter h = new InputHighlighter();
        h.setEnabled(true);
        org.jline.utils.AttributedString first = h.highlight(null, "Enum.map([1], fn x -> x end)");
        assertTrue(first == h.highlight(null, "Enum.map([1], fn x -> x end)"), "the colours of the line drawn last");
        org.jline.utils.AttributedString other = h.highlight(null, "Enum.map([2], fn x -> x end)");
        assertEquals("Enum.map([2], fn x -> x end)", other.toString());
        assertTrue(other.toAnsi().contains(YELLOW + "2"), printable(other.toAnsi()));
    }

    @Test
    void withoutColoursNothingIsColoured() throws Exception {
        try (TerminalSession t = new TerminalSession()) {
            t.typeLine("{:ok, \"hi\", 42}", "ps(2)> ");
            t.typeLine("raise \"boom\"", "ps(2)> ");
            assertFalse(t.raw().matches("(?s).*\u001b\\[[0-9;]*m.*"), "no colour sequence in " + printable(t.raw()));
        }
    }

    private static String printable(String s) {
        return s.replace("\u001b", "\\e");
    }
}
