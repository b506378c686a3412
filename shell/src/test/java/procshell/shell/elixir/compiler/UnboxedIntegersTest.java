package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * Integers a compiled function keeps unboxed ({@link UnboxedIntegers}): a self tail call's sums,
 * differences and products, variables bound to them, their comparisons. Values, big integers past
 * a long, floats met on the way, and errors (ArithmeticError, FunctionClauseError with its
 * arguments, and their frames) print what the compiler's Groovy module prints, and the values what
 * Elixir 1.14 answers; and a counting loop allocates nothing per turn.
 */
@Timeout(180)
class UnboxedIntegersTest {
    static final String ARITH = """
            defmodule Arith do
              def sum(0, acc), do: acc
              def sum(n, acc), do: sum(n - 1, acc + n)
              def fact(0, acc), do: acc
              def fact(n, acc) when n > 0, do: fact(n - 1, acc * n)
              def down(n, k) when n >= 0.5, do: down(n - 1, k + 1)
              def down(_, k), do: k
              def steps(n, acc) do
                x = n * 2
                y = x - 1
                if n == 0, do: {acc, x, y}, else: steps(n - 1, acc + y)
              end
              def bad(n, acc), do: bad(n - 1, acc + :a)
              def twice(l, acc) do
                d = acc + 1
                case l do
                  [] -> [d, acc]
                  [h | t] -> twice(t, d + h)
                end
              end
              def cap(n) do
                k = n + 1
                fn x -> x + k end
              end
              def cmp(a, b) do
                s = a + 0
                {s == b, s === b, s < b, s >= b, s != b, s !== b}
              end
              def count(n, k) when n > 0 and k < 1_000_000_000_000, do: count(n - 1, k + 1)
              def count(n, k), do: {n, k}
              def neg(n, acc), do: (if n == 0, do: acc, else: neg(n + 1, acc - 9_223_372_036_854_775_807))
            end""";

    /** Each input and what `elixir` 1.14 answers for it (null: an error, compared with the Groovy module's). */
    static final String[][] CASES = {
        {"Arith.sum(100_000, 0)", "5000050000"},
        {"Arith.sum(10, 9_223_372_036_854_775_800)", "9223372036854775855"},
        {"Arith.fact(25, 1)", "15511210043330985984000000"},
        {"Arith.fact(-1, 1)", null},
        {"Arith.down(3.0, 0)", "3"},
        {"Arith.down(5, 0)", "5"},
        {"Arith.steps(5, 0)", "{25, 0, -1}"},
        {"Arith.bad(3, 0)", null},
        {"Arith.twice([1, 2, 3], 0)", "'\\n\\t'"},
        {"Arith.cap(1).(2)", "4"},
        {"Arith.cmp(1, 1.0)", "{true, false, false, true, false, true}"},
        {"Arith.cmp(1, 1)", "{true, true, false, true, false, false}"},
        {"Arith.cmp(2, 1)", "{false, false, false, true, true, true}"},
        {"Arith.cmp(1.5, 2)", "{false, false, true, false, true, true}"},
        {"Arith.count(5, 0)", "{0, 5}"},
        {"Arith.count(5, 999_999_999_998)", "{3, 1000000000000}"},
        {"Arith.neg(-3, 0)", "-27670116110564327421"},
        {"Arith.sum(:x, 0)", null},
        {"Arith.sum(2, 1.5)", "4.5"},
    };

    @Test
    void unboxedArithmeticPrintsWhatGroovyModulesPrint() {
        List<String> inputs = new ArrayList<>(List.of(ARITH));
        for (String[] c : CASES) inputs.add(c[0]);
        DirectAndGroovy.assertSamePrinted(inputs);
    }

    @Test
    void unboxedArithmeticAnswersWhatElixirAnswers() {
        try (CompiledSession s = new CompiledSession(true)) {
            s.eval(ElixirReader.read(ARITH, "iex"));
            for (String[] c : CASES) {
                String printed = s.eval(ElixirReader.read(c[0], "iex")).strip();
                if (c[1] != null) assertEquals(c[1], printed, c[0]);
                else assertTrue(printed.startsWith("** ("), c[0] + ": " + printed);
            }
            String bad = s.eval(ElixirReader.read("Arith.bad(3, 0)", "iex"));
            assertTrue(bad.startsWith("** (ArithmeticError) bad argument in arithmetic expression"), bad);
            assertTrue(bad.contains(":erlang.+(0, :a)"), bad);
            String clause = s.eval(ElixirReader.read("Arith.fact(-1, 1)", "iex"));
            assertTrue(clause.startsWith("** (FunctionClauseError) no function clause matching in Arith.fact/2"), clause);
        }
    }

    @Test
    void theArithmeticIsCompiledNotEvaluated() {
        java.util.Map<String, Long> before = FunctionCompiler.evaluatorForms();
        org.junit.jupiter.api.Assertions.assertNotNull(DirectInput.plan(ElixirReader.read(ARITH, "iex"), java.util.Set.of()));
        assertEquals(before, FunctionCompiler.evaluatorForms());
    }

    @Test
    void aCountingLoopAllocatesNothingPerTurn() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (CompiledSession s = new CompiledSession(true)) {
            s.eval(ElixirReader.read(ARITH, "iex"));
            s.eval(ElixirReader.read("Arith.sum(1_000, 0)", "iex"));
            long before = threads.getTotalThreadAllocatedBytes();
            assertEquals("500000500000", s.eval(ElixirReader.read("Arith.sum(1_000_000, 0)", "iex")).strip());
            long allocated = threads.getTotalThreadAllocatedBytes() - before;
            // boxed, each turn made a Long and an Integer: 32 MB for a million turns
            assertTrue(allocated < 8_000_000, "allocated " + allocated + " bytes");
        }
    }
}
