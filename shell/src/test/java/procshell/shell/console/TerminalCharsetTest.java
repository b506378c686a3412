package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** LANG=C reads the terminal as UTF-8 (ASCII's superset); other locales keep their charset. */
class TerminalCharsetTest {
    @Test
    void theCLocaleIsReadAsUtf8AndOtherLocalesAsTheySay() {
        assertEquals(StandardCharsets.UTF_8, TerminalCharset.choose("ANSI_X3.4-1968"), "LANG=C on Linux");
        assertEquals(StandardCharsets.UTF_8, TerminalCharset.choose("US-ASCII"));
        assertEquals(StandardCharsets.UTF_8, TerminalCharset.choose(null));
        assertEquals(StandardCharsets.UTF_8, TerminalCharset.choose("no-such-charset"));
        assertEquals(StandardCharsets.UTF_8, TerminalCharset.choose("UTF-8"));
        assertEquals(StandardCharsets.ISO_8859_1, TerminalCharset.choose("ISO-8859-1"), "a Latin-1 locale stays Latin-1");
    }

    @Test
    void aNonAsciiInputTypedAtTheTerminalComesBackWhole() throws Exception {
        try (TerminalSession t = new TerminalSession()) {
            assertEquals("ps(1)> \"héllo wörld ✓\"\n\"héllo wörld ✓\"\nps(2)> ", t.typeLine("\"héllo wörld ✓\"", "ps(2)> "));
        }
    }
}
