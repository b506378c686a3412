package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code case subject do ... end}: its translation, its errors, and when the console asks for more. */
class CaseSyntaxTest {

    @Test
    void oneLineClausesFollowTheSubject() {
        String out = IexSyntax.translate("case {:a, 1} do {:a, x} when x > 0 -> x; _ -> 0 end");
        assertTrue(out.startsWith("_case_( _tuple_("), out);
        assertTrue(out.contains("_rclause_(_ptuple_(_plit_(_atom_(\"a\")), _pvar_(\"x\")) , [\"x\"], { x -> x > 0 }, { x -> x; })"
                + ",_rclause_(_pvar_(\"_\") , [], null, { -> 0 }))"), out);
    }

    @Test
    void aClauseVariableShadowingAFnParameterIsRenamedInItsGuardToo() {
        String out = IexSyntax.translate("fn x -> case x do x when is_atom(x) -> x; x -> 0 end end");
        assertTrue(out.contains("{ x$"), out);
        assertFalse(out.contains("is_atom(x)"), out);
    }

    @Test
    void aMultiLineCaseLeavesLinesWhereTheyWere() {
        String in = "case n do\n  0 -> :zero\n  _ ->\n    :other\nend";
        String out = IexSyntax.translate(in);
        assertEquals(in.split("\n", -1).length, out.split("\n", -1).length, out);
    }

    @Test
    void anUnfinishedCaseAsksForMore() {
        assertFalse(IexSyntax.isComplete("case n do"));
        assertFalse(IexSyntax.isComplete("case {:ok, 1} do {:ok, x} -> x"));
        assertTrue(IexSyntax.isComplete("case {:ok, 1} do {:ok, x} -> x end"));
    }

    @Test
    void malformedCasesFailAsElixirsCompiler() {
        assertEquals("expected -> clauses for :do in \"case\"",
                assertThrows(TranslationError.class, () -> IexSyntax.translate("case x do end")).getMessage());
        assertEquals("expected -> clauses for :do in \"case\"",
                assertThrows(TranslationError.class, () -> IexSyntax.translate("case x do y end")).getMessage());
        assertEquals("unexpected option :after in \"case\"",
                assertThrows(TranslationError.class, () -> IexSyntax.translate("case 1 do 1 -> 2 after 3 -> 4 end")).getMessage());
    }

    @Test
    void aCaseInAMethodBodyIsTranslated() {
        String out = IexSyntax.translate("class Sz {\n  static size(t) {\n    case t do\n      {_, _} -> 2\n      _ -> 0\n    end\n  }\n}");
        assertTrue(out.contains("_case_( t ,"), out);
        assertFalse(out.contains("_rloop_"), out);
    }

    @Test
    void aGroovySwitchCaseIsLeftAlone() {
        String in = "switch (x) { case 1: y = 2; break }";
        assertEquals(in, IexSyntax.translate(in));
    }
}
