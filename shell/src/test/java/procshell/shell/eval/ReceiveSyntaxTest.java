package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code receive do ... end}: its translation, line for line, and when the console asks for more. */
class ReceiveSyntaxTest {

    @Test
    void oneLineClausesBecomeClausesWithTheirVariablesAsParameters() {
        assertEquals("_receive_(  _rclause_(_ptuple_(_plit_(_atom_(\"a\")), _pvar_(\"x\")) , [\"x\"], { x -> x > 1 }, { x -> x; })"
                        + ",_rclause_(_pvar_(\"_\") , [], null, { -> 0 }),_rafter_( 10 , { -> _atom_(\"t\") }))",
                IexSyntax.translate("receive do {:a, x} when x > 1 -> x; _ -> 0 after 10 -> :t end"));
    }

    @Test
    void linesStayWhereTheyWere() {
        String in = "receive do\n  {:ping, from} -> send(from, :pong) # reply\n  :stop ->\n    :bye\nend";
        String out = IexSyntax.translate(in);
        assertEquals(in.split("\n", -1).length, out.split("\n", -1).length, out);
        assertTrue(out.contains("// reply\n"), out);
    }

    @Test
    void aReceiveNestedInAClauseShadowsTheOuterVariable() {
        String out = IexSyntax.translate("receive do y -> receive do y -> \"#{y}\" end end");
        assertTrue(out.contains("{ y$2 -> \"${_str_(y$2)}\" }"), out);
    }

    @Test
    void mapPatternsListTheirKeysAndValuePatterns() {
        assertEquals("_match_(binding, _pmap_(_atom_(\"id\"), _pvar_(\"x\"), \"k\", _plit_(1)), (m))",
                IexSyntax.translate("%{id: x, \"k\" => 1} = m"));
        assertEquals("_match_(binding, _ptuple_(_plit_(_atom_(\"ok\")), _pmap_()), (m))", IexSyntax.translate("{:ok, %{}} = m"));
    }

    @Test
    void headAndTailPatterns() {
        assertEquals("_match_(binding, _pcons_(_pvar_(\"h\") , _pvar_(\"t\")), ([1, 2]))", IexSyntax.translate("[h | t] = [1, 2]"));
        assertEquals("list[0] = 1", IexSyntax.translate("list[0] = 1"));
    }

    @Test
    void aFnParameterIsShadowedByAClauseVariable() {
        String out = IexSyntax.translate("fn msg -> receive do msg -> msg end end");
        assertTrue(out.contains("{ msg$2 -> msg$2"), out);
    }

    @Test
    void aMethodThatIsAReceiveLoopsOnItsSelfCalls() {
        String out = IexSyntax.translate("static loop(n) { receive do :inc -> loop(n + 1); {:set, n} -> loop(n); :get -> 1 + loop(n) end }");
        assertTrue(out.startsWith("static loop(n) { _rloop_({ _args_ -> n = _args_[0] }, { -> _receive_("), out);
        assertTrue(out.contains("{ -> _tail_(n + 1); }"), out);
        assertTrue(out.contains("{ n$2 -> _tail_(n$2); }"), out);
        assertTrue(out.contains("{ -> 1 + loop(n) }"), out);
        assertTrue(out.endsWith(") }) }"), out);
        // not the whole body, another method, another arity: plain calls
        assertFalse(IexSyntax.translate("static loop(n) { println(n); receive do :inc -> loop(n + 1) end }").contains("_tail_"));
        assertFalse(IexSyntax.translate("static loop(n) { receive do :inc -> other(n + 1) end }").contains("_tail_"));
        assertFalse(IexSyntax.translate("static loop(n) { receive do :inc -> loop(n, 1) end }").contains("_tail_"));
        assertFalse(IexSyntax.translate("f = fn n -> receive do :inc -> f.(n + 1) end end").contains("_rloop_"));
    }

    @Test
    void aReceiveIsIncompleteUntilItsEnd() {
        assertFalse(IexSyntax.isComplete("receive do"));
        assertFalse(IexSyntax.isComplete("receive do\n  msg ->"));
        assertFalse(IexSyntax.isComplete("receive do\n  msg -> msg\nafter 10 -> :t"));
        assertFalse(IexSyntax.isComplete("spawn(fn -> receive do msg -> msg end"));
        assertTrue(IexSyntax.isComplete("receive do\n  msg -> msg\nend"));
        assertTrue(IexSyntax.isComplete("spawn(fn -> receive do msg -> msg end end)"));
        assertTrue(IexSyntax.isComplete("receive()"));
    }

    @Test
    void malformedReceivesAreElixirsErrors() {
        TranslationError noArrow = assertThrows(TranslationError.class, () -> IexSyntax.translate("x = 1\nreceive do msg end"));
        assertEquals("CompileError", noArrow.elixirName());
        assertEquals(2, noArrow.line());
        assertEquals("expected -> clauses for :do in \"receive\"", noArrow.getMessage());
        TranslationError twoOnALine = assertThrows(TranslationError.class, () -> IexSyntax.translate("receive do :a -> 1 :b -> 2 end"));
        assertEquals("SyntaxError", twoOnALine.elixirName());
        assertEquals(20, twoOnALine.column());
        assertEquals("syntax error before: b", twoOnALine.getMessage());
        assertThrows(TranslationError.class, () -> IexSyntax.translate("receive do -> 1 end"));
        assertThrows(TranslationError.class, () -> IexSyntax.translate("receive do x -> 1 after 1 -> 2 after 2 -> 3 end"));
    }
}
