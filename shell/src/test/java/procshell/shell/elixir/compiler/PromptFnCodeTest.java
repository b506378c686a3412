package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * A fn typed at the prompt becomes JVM code after {@link PromptFnCode#CALLS} calls, with the
 * values it reads from the input, unless it has a form the compiled code leaves to the direct
 * evaluator (then it stays interpreted). What the compiled fns print is checked against iex by
 * {@code PromptFnsSessionTest}.
 */
class PromptFnCodeTest {
    private static PromptFnCode code(String fn, Map<String, Integer> visible) {
        Object quoted = ElixirReader.read(fn, "iex");
        List<Object> arrows = Quoted.args(quoted);
        List<ControlCompiler.Clause> clauses = new ArrayList<>();
        for (Object a : arrows) clauses.add(ControlCompiler.Clause.of(a));
        return new PromptFnCode(clauses, clauses.get(0).patterns().size(), 1, visible, arrows, PromptEnv.EMPTY);
    }

    @Test
    void aFnIsCompiledAfterItsCallsWithTheValuesItReads() {
        PromptFnCode code = code("fn x -> x + k + 0 end", Map.of("k", 3, "unused", 0));
        for (int i = 1; i < PromptFnCode.CALLS; i++) assertNull(code.body(), "call " + i);
        CompiledFn.Body body = code.body();
        assertNotNull(body);
        Object[] env = {null, null, null, 40};
        assertEquals(42, body.doCall(code.captured(env), 2));
    }

    @Test
    void theSameFnTypedAgainRunsItsCodeFromItsFirstCall() {
        PromptFnCode first = code("fn x -> {x, 7, :again} end", Map.of());
        for (int i = 0; i < PromptFnCode.CALLS; i++) first.body();
        CompiledFn.Body body = first.body();
        assertNotNull(body);
        org.junit.jupiter.api.Assertions.assertSame(body, code("\n\nfn x ->\n  {x, 7, :again}\nend", Map.of()).body());
        assertNull(code("fn x -> {x, 8, :again} end", Map.of()).body());
        assertNull(code("fn x -> {x, 7, :again} end", Map.of("x", 0)).body(), "another variable read");
    }

    @Test
    void aFnWithAFormLeftToTheEvaluatorStaysInterpreted() {
        for (String fn : List.of("fn x -> receive do m -> {x, m} end end", "fn x -> Enum.map(x, fn y -> y end) end", "fn _ -> __MODULE__ end",
                "fn x -> try do x after :ok end end")) {
            PromptFnCode code = code(fn, Map.of());
            for (int i = 0; i < PromptFnCode.CALLS + 10; i++) assertNull(code.body(), fn);
        }
    }
}
