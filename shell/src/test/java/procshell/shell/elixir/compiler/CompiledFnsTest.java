package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * The fns written in a module's functions, its {@code for} comprehensions and struct forms are JVM code
 * ({@link FunctionCompiler}, {@link CompiledFn}): they print what the compiler's Groovy module
 * prints for the same inputs (values, fns as iex shows them, errors with the fn's frames), and
 * leave nothing to the direct evaluator.
 */
@Timeout(180)
class CompiledFnsTest {
    static final String FNS = "defmodule Fns do\n  defstruct a: 0, b: 1\n"
            + "  def put(n), do: Enum.reduce(1..n, %{}, fn i, m -> Map.put(m, i, i) end)\n"
            + "  def small(n), do: Enum.reduce(1..n, 0, fn i, acc -> m = %{a: i, b: 2}; acc + m.a + m[:b] end)\n"
            + "  def adder(k), do: fn x -> x + k end\n"
            + "  def multi(l) do\n    Enum.map(l, fn\n      0 -> :zero\n      n when n > 0 -> :pos\n    end)\n  end\n"
            + "  def bad(l) do\n    Enum.map(l, fn x ->\n      y = x * 2\n      y + :a\n    end)\n  end\n"
            + "  def cap(l), do: Enum.map(l, &(&1 * 2))\n  def rcap, do: &Enum.map/2\n  def lcap, do: &adder/1\n"
            + "  def nested(l, k) do\n    Enum.map(l, fn x ->\n      Enum.map([x], fn y -> y + k end)\n    end)\n  end\n"
            + "  def shadow(x), do: (fn x -> x * 10 end).(x + 1)\n  def pin(x), do: fn ^x -> :same; _ -> :other end\n"
            + "  def zero, do: fn -> :z end\n  def three, do: fn a, b, c -> {a, b, c} end\n"
            + "  def walk(l) when is_list(l), do: Enum.map(l, fn x -> walk(x) end)\n  def walk(x), do: x\n"
            + "  defp priv(x), do: x * 3\n  def usepriv(l), do: Enum.map(l, fn x -> priv(x) end)\n"
            + "  def struct_up(n), do: Enum.reduce(1..n, %Fns{}, fn i, s -> %Fns{s | a: s.a + i + s.b} end)\n"
            + "  def make(x), do: %__MODULE__{b: x}\n  def bad_key(s), do: %Fns{s | zz: 1}\n  def me, do: {__MODULE__, Enum}\n"
            + "  def later(x) do\n    y = x + 1\n    f = fn -> y * 2 end\n    y = 0\n    {f.(), y}\n  end\nend";

    static final String FORS = "defmodule Fors do\n  def sq(l), do: for(x <- l, do: x * x)\n"
            + "  def pairs(a, b) do\n    for x <- a,\n        x > 1,\n        y <- b,\n        do: {x, y}\n  end\n"
            + "  def oks(l), do: for({:ok, v} <- l, into: %{}, do: {v, v * 2})\n  def guarded(l), do: for(x when is_integer(x) <- l, do: x)\n"
            + "  def sum(l), do: for(x <- l, reduce: 0, do: (acc -> acc + x))\n  def odd(l), do: for(x <- l, reduce: {0, 0}, do: ({a, b} when a > 100 -> {a, b}; {a, b} -> {a + x, b + 1}))\n"
            + "  def uniq(l), do: for(x <- l, uniq: true, do: rem(x, 3))\n  def str(l), do: for(x <- l, into: \"\", do: to_string(x))\n"
            + "  def fns(l), do: for(x <- l, do: fn y -> x + y end)\n"
            + "  def bad(l) do\n    for x <- l do\n      x + :a\n    end\n  end\n  def nomatch(l), do: for(x <- l, reduce: :start, do: (:never -> x))\nend";

    static final List<String> INPUTS = List.of(FORS, "Fors.sq([1, 2, 3])", "Fors.pairs([1, 2, 3], [:a, :b])", "Fors.oks([{:ok, 1}, :no, {:ok, 2}])",
            "Fors.guarded([1, :a, 2])", "Fors.sum(1..10)", "Fors.odd(1..30)", "Fors.uniq(1..10)", "Fors.str([1, :a, \"b\"])",
"Enum.map(Fors.fns([1, 2]), & &1.(10))", "Fors.sq(:x)", "Fors.nomatch([1])",
            "Fors.sum(%{a: 1})", FNS, "Fns.put(3)", "Fns.small(10)", "Fns.adder(2).(3)", "Fns.multi([0, 1])",
            "Fns.cap([1, 2])", "Fns.rcap()", "Fns.rcap().([1], &(&1 + 1))", "Fns.lcap().(1).(2)", "Fns.nested([1, 2], 10)",
            "Fns.shadow(1)", "{Fns.pin(1).(1), Fns.pin(1).(2)}", "Fns.zero().()", "Fns.three().(1, 2, 3)", "Fns.walk([1, [2, [3]]])",
            "Fns.usepriv([1, 2])", "Fns.adder(1)", "is_function(Fns.adder(1), 1)", "Fns.struct_up(10)", "Fns.make(5)", "Fns.me()",
            "Fns.later(1)", "Fns.adder(1).(1, 2)", "Fns.bad_key(%Fns{})", "Fns.pin(1).(1, 2)",
            "Enum.map([1], Fns.three())");

    @Test
    void compiledFnsPrintWhatGroovyModulesPrint() {
        DirectAndGroovy.assertSamePrinted(INPUTS);
    }

    /**
     * An error in a fn names the fn's line, then the line of the call it was given to (the
     * compiler's Groovy module names an earlier line); one in a for names the for's line.
     */
    @Test
    void anErrorInAFnNamesItsLineThenTheCallers() {
        try (CompiledSession s = new CompiledSession(true)) {
            s.eval(ElixirReader.read(FNS, "iex"));
            assertEquals("** (ArithmeticError) bad argument in arithmetic expression: 2 + :a\n    :erlang.+(2, :a)\n"
                    + "    iex:15: anonymous fn/1 in Fns.bad/1\n    iex:13: Fns.bad/1", s.eval(ElixirReader.read("Fns.bad([1])", "iex")).strip());
            s.eval(ElixirReader.read(FORS, "iex"));
            // inside a for, the line of the for (the direct evaluator's, which has no frames inside it)
            assertEquals("** (ArithmeticError) bad argument in arithmetic expression: 1 + :a\n    :erlang.+(1, :a)\n    iex:17: Fors.bad/1",
                    s.eval(ElixirReader.read("Fors.bad([1])", "iex")).strip());
            assertEquals("** (FunctionClauseError) no function clause matching in anonymous fn/1 in Fns.multi/1", 
                    s.eval(ElixirReader.read("Fns.multi([-1])", "iex")).strip().lines().findFirst().orElseThrow().strip());
        }
    }

    @Test
    void theFnsAreCompiledNotEvaluated() {
        Map<String, Long> before = FunctionCompiler.evaluatorForms();
        assertNotNull(DirectInput.plan(ElixirReader.read(FNS, "iex"), Set.of()));
        assertNotNull(DirectInput.plan(ElixirReader.read(FORS, "iex"), Set.of()));
        assertEquals(before, FunctionCompiler.evaluatorForms());
    }
}
