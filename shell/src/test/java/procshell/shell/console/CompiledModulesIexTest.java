package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Modules defined without Groovy, whose functions are compiled to JVM code: those that recurse
 * other than by a self tail call (a sum over a list's head and
 * tail, mutual recursion, a list built on the way back, a tree of calls, {@code cond} and
 * {@code case} in the recursion, errors deep in it) print what a real iex prints for the same
 * inputs, values and errors with their stack frames, a module's bytes aside. Their functions are
 * compiled to JVM code, one small frame per level, so a recursion 100,000 deep succeeds as it does
 * on the BEAM, whose stacks grow. And {@code defdelegate}, with {@code as:} and a default argument.
 */
@Timeout(300)
class CompiledModulesIexTest {
    /** The inputs, typed in order. */
    static final List<String> INPUTS = List.of(
            "defmodule Lists do\n  def sum([]), do: 0\n  def sum([h | t]), do: h + sum(t)\n  def double([]), do: []\n"
                    + "  def double([h | t]), do: [h * 2 | double(t)]\n  def fib(n) when n < 2, do: n\n  def fib(n), do: fib(n - 1) + fib(n - 2)\n"
                    + "  def depth(0), do: 0\n  def depth(n), do: 1 + depth(n - 1)\nend",
            "Lists.sum(Enum.to_list(1..100_000))",
            "Lists.depth(100_000)",
            "Lists.double([1, 2, 3])",
            "Lists.fib(20)",
            "Lists.sum([1, 2, :a])",
            "Lists.double(:x)",
            "defmodule Parity do\n  def even?(0), do: true\n  def even?(n) when n > 0, do: odd?(n - 1)\n  def odd?(0), do: false\n"
                    + "  def odd?(n), do: even?(n - 1)\nend",
            "{Parity.even?(100_001), Parity.odd?(100_001)}",
            "Parity.even?(-1)",
            "defmodule Tree do\n  def size(nil), do: 0\n  def size({l, _, r}), do: size(l) + 1 + size(r)\n"
                    + "  def insert(nil, v), do: {nil, v, nil}\n  def insert({l, x, r}, v) do\n    cond do\n      v < x -> {insert(l, v), x, r}\n"
                    + "      v > x -> {l, x, insert(r, v)}\n      true -> {l, x, r}\n    end\n  end\n"
                    + "  def member?(nil, _), do: false\n  def member?({l, x, r}, v) do\n    case compare(v, x) do\n      :lt -> member?(l, v)\n"
                    + "      :gt -> member?(r, v)\n      :eq -> true\n    end\n  end\n"
                    + "  defp compare(a, b) when a < b, do: :lt\n  defp compare(a, b) when a > b, do: :gt\n  defp compare(_, _), do: :eq\nend",
            "t = Enum.reduce([5, 3, 8, 1, 4, 7, 9, 2, 6], nil, &Tree.insert(&2, &1))",
            "{Tree.size(t), Tree.member?(t, 6), Tree.member?(t, 10)}",
            "Tree.size(:leaf)",
            "defmodule Delegates do\n  defdelegate up(s), to: String, as: :upcase\n  def f, do: 1\n  defdelegate add(x, y \\\\ 2), to: Kernel, as: :+\n"
                    + "  defdelegate reverse(l), to: Enum\nend",
            "{Delegates.up(\"abc\"), Delegates.reverse([1, 2]), Delegates.add(1), Delegates.add(1, 5)}",
            "{function_exported?(Delegates, :up, 1), function_exported?(Delegates, :add, 1), function_exported?(Delegates, :add, 2)}");

    @Test
    void recursiveModulesPrintWhatIexPrints() {
        Assumptions.assumeTrue(onPath("iex"), "iex is not on PATH");
        String iex = RealIex.transcript(INPUTS);
        String procshell = procshell();
        assertEquals(masked(iex), masked(procshell));
    }

    /** The recursion is deep, and the values are the BEAM's, whether or not iex is here to compare. */
    @Test
    void deepRecursionsSucceed() {
        String shown = procshell();
        assertTrue(shown.contains("ps(2)> Lists.sum(Enum.to_list(1..100_000))\n5000050000\n"), shown);
        assertTrue(shown.contains("ps(3)> Lists.depth(100_000)\n100000\n"), shown);
        assertTrue(shown.contains("{false, true}"), shown);
    }

    private static String procshell() {
        String saved = System.getProperty(RealIex.PROPERTY);
        System.clearProperty(RealIex.PROPERTY);
        try {
            return PipedSession.transcript(INPUTS.toArray(new String[0]));
        } finally {
            if (saved != null) System.setProperty(RealIex.PROPERTY, saved);
        }
    }

    private static String masked(String transcript) {
        List<String> lines = PipedSession.maskModuleBytes(List.of(transcript.split("\n", -1)));
        return String.join("\n", lines.stream().map(String::stripTrailing).toList()).strip();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) return true;
        }
        return false;
    }
}
