package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A module's function compiled to JVM code still behaves as a BEAM process's code: a loop that
 * never ends counts reductions, lets the shell answer meanwhile and dies when killed; a hot loop
 * and a deep recursion give the BEAM's values.
 */
@Timeout(120)
class CompiledModuleLoopTest {
    @Test
    void aSpinningModuleLoopCountsReductionsAndDiesWhenKilled() {
        List<List<String>> out = PipedSession.outputs(
                "defmodule Spin do\n  def spin(n), do: spin(n + 1)\n  def count(0, acc), do: acc\n  def count(n, acc), do: count(n - 1, acc + n)\nend",
                "pid = spawn(fn -> Spin.spin(0) end)",
                "Process.sleep(100)",
                "{:reductions, r} = Process.info(pid, :reductions); r > 4000",
                "Process.alive?(pid)",
                "Process.exit(pid, :kill)",
                "Process.sleep(50)",
                "Process.alive?(pid)",
                "Spin.count(3_000_000, 0)");
        assertEquals(List.of("{:module, Spin, <<...>>, {:count, 2}}"), out.get(0));
        assertEquals(List.of("true"), out.get(3), out.toString());
        assertEquals(List.of("true"), out.get(4), out.toString());
        assertEquals(List.of("false"), out.get(7), out.toString());
        assertEquals(List.of("4500001500000"), out.get(8), out.toString());
    }

    @Test
    void aCompiledLoopRunByTheShellProcessCountsItsReductions() {
        List<List<String>> out = PipedSession.outputs(
                "defmodule Count do\n  def count(0, acc), do: acc\n  def count(n, acc), do: count(n - 1, acc + n)\nend",
                "{:reductions, before} = Process.info(self(), :reductions)",
                "Count.count(5_000_000, 0)",
                "{:reductions, later} = Process.info(self(), :reductions); later - before >= 5_000_000");
        assertEquals(List.of("12500002500000"), out.get(2), out.toString());
        assertEquals(List.of("true"), out.get(3), out.toString());
    }

    @Test
    void aFunctionClauseErrorOfACompiledLoopNamesTheTurnsArguments() {
        String shown = PipedSession.transcript("defmodule Down do\n  def to_zero(0), do: :done\n  def to_zero(n) when n > 0, do: to_zero(n - 2)\nend",
                "Down.to_zero(5)");
        assertTrue(shown.contains("** (FunctionClauseError) no function clause matching in Down.to_zero/1"), shown);
        assertTrue(shown.contains("        # 1\n        -1\n"), shown);
        assertFalse(shown.contains("java"), shown);
    }
}
