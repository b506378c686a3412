package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * The calls inside a module's functions that are JVM code of their own ({@link FunctionCompiler}:
 * a facade's, Kernel's or Ops' function, {@code f.(x)}, {@code m[k]}, a call of another module,
 * an attribute's value) print what the compiler's Groovy module prints for the same inputs,
 * values and errors with their stack frames; and those functions leave nothing to the direct
 * evaluator.
 */
@Timeout(180)
class CompiledCallsTest {
    static final String CALLS = "defmodule Calls do\n  def count([], k), do: k\n  def count(l, k), do: count(tl(l), k + 1)\n"
            + "  def first(l), do: hd(l)\n  def put(m), do: Map.put(m, :a, 1)\n  def up(s), do: String.upcase(s)\n"
            + "  def rev(l), do: :lists.reverse(l)\n  def other(x), do: Nowhere.f(x)\n  def ap(f, x), do: f.(x)\n  def get(m), do: m[:b]\n"
            + "  def second(t), do: elem(t, 1)\n  def len(l), do: length(l)\n  def fetch(m) do\n    v = Map.fetch!(m, :k)\n    v + 1\n  end\n"
            + "  def keys(m), do: m |> Map.keys() |> Enum.sort()\n  def dup(x), do: List.duplicate(x, 2)\n  def div2(n), do: div(n, 2)\n"
            + "  def round(x), do: Float.round(x, 1)\n  def self_call(x), do: Calls.first(x)\n"
            + "  @limit 10\n  @pair {:a, [1, 2]}\n  def lim(n) when n < @limit, do: {n, @limit, @pair, @nothing}\n"
            + "  def twice(m) do\n    {:ok, a} = Map.fetch(m, :a)\n    {:ok, b} = Map.fetch(m, :b)\n    a + b\n  end\nend";

    /** Inputs in order, after the module. */
    static final List<String> INPUTS = List.of(CALLS, "Calls.count([1, 2, 3], 0)", "Calls.first([:x])", "Calls.put(%{b: 2})",
            "Calls.up(\"abc\")", "Calls.rev([1, 2])", "Calls.ap(fn x -> x + 1 end, 1)", "Calls.get(%{b: 3})", "Calls.get([b: 4])",
            "Calls.second({1, 2})", "Calls.len([1, 2])", "Calls.keys(%{b: 1, a: 2})", "Calls.dup(:z)", "Calls.div2(7)",
            "Calls.round(1.25)", "Calls.self_call([5])", "Calls.count(:x, 0)", "Calls.first([])", "Calls.put(1)",
            "Calls.other(1)", "Calls.ap(1, 1)", "Calls.ap(fn -> 1 end, 1)", "Calls.second({1})", "Calls.len(:a)", "Calls.get(1)",
            "Calls.fetch(%{})", "Calls.fetch(%{k: :a})", "Calls.div2(:a)", "Calls.dup()",
            "Calls.lim(1)", "Calls.lim(20)", "Calls.twice(%{a: 1, b: 2})", "Calls.twice(%{a: 1})");

    @Test
    void compiledCallsPrintWhatGroovyModulesPrint() {
        DirectAndGroovy.assertSamePrinted(INPUTS);
    }

    /** A facade's FunctionClauseError names its arguments and clauses, as iex does (the compiler's Groovy module names neither). */
    @Test
    void aFacadesFunctionClauseErrorShowsItsArgumentsAndClauses() {
        try (CompiledSession s = new CompiledSession(true)) {
            s.eval(ElixirReader.read(CALLS, "iex"));
            String up = s.eval(ElixirReader.read("Calls.up(1)", "iex"));
            assertTrue(up.contains("The following arguments were given to String.upcase/2:\n    \n        # 1\n        1\n"), up);
            assertTrue(up.contains("def upcase(string, :default) when is_binary(string)\n"), up);
            assertTrue(up.strip().endsWith("(elixir 1.14.0) lib/string.ex:831: String.upcase/2\n    iex:6: Calls.up/1"), up);
            String round = s.eval(ElixirReader.read("Calls.round(1)", "iex"));
            assertTrue(round.contains("The following arguments were given to Float.round/2:"), round);
        }
    }

    @Test
    void theCallsAreCompiledNotEvaluated() {
        Map<String, Long> before = FunctionCompiler.evaluatorForms();
        assertNotNull(DirectInput.plan(ElixirReader.read(CALLS, "iex"), Set.of()));
        assertEquals(before, FunctionCompiler.evaluatorForms());
    }
}
