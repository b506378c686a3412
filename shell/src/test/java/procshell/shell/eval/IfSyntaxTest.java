package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Elixir's {@code if}/{@code unless}: their translation, and when the console asks for more. */
class IfSyntaxTest {

    @Test
    void theKeywordFormBecomesTwoClosures() {
        assertEquals("_if_(true, ok, { -> 1}, { -> 2})", IexSyntax.translate("if ok, do: 1, else: 2"));
        assertEquals("_if_(false, ok, { -> 1}, null)", IexSyntax.translate("unless ok, do: 1"));
    }

    @Test
    void theDoBlockFormKeepsItsLines() {
        String in = "if x > 1 do\n  :big\nelse\n  :small\nend";
        String out = IexSyntax.translate(in);
        assertTrue(out.startsWith("_if_(true, x > 1 , { ->"), out);
        assertEquals(in.split("\n", -1).length, out.split("\n", -1).length, out);
    }

    @Test
    void anUnfinishedIfAsksForMore() {
        assertFalse(IexSyntax.isComplete("if x do"));
        assertFalse(IexSyntax.isComplete("if x do 1 else 2"));
        assertTrue(IexSyntax.isComplete("if x, do: 1, else: 2"));
    }

    @Test
    void groovysIfIsLeftAlone() {
        String in = "if (x > 0) { y = 1 } else { y = 2 }";
        assertEquals(in, IexSyntax.translate(in));
    }
}
