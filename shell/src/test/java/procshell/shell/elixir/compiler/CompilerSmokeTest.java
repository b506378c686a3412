package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompilerSmokeTest {
    @Test
    void basics() {
        List<String> src = List.of("1 + 2", "{:ok, [1, 2 | [3]], %{a: 1}}", "x = 5; y = x * 2; {x, y}", "\"a#{1 + 1}b\"",
                "case {:ok, 1} do {:ok, x} when x > 0 -> x + 1; _ -> :no end", "f = fn {a, b} -> a + b end; f.({1, 2})");
        List<ElixirOracle.Answer> answers = ElixirOracle.ask(src);
        try (CompiledSession s = new CompiledSession()) {
            for (int i = 0; i < src.size(); i++) {
                String got = s.eval(answers.get(i).quoted());
                assertEquals(answers.get(i).output(), got, src.get(i) + "\n" + s.lastSource);
            }
        }
    }
}
