package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * iex's helpers for exploring a node, as a session prints them: t/1, b/1, exports/1,
 * process_info/1 (Elixir 1.19's), runtime_info/0,1, pid/1 and ref/1,4; compared with what
 * iex prints for the same input.
 */
@Timeout(60)
class IexHelpersSessionTest {
    private static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void tListsAModulesTypesAndBItsCallbacksAsIex() {
        List<List<String>> out = PipedSession.outputs("t Registry", "t Registry.key", "b GenServer.handle_cast", "t Registry.nope",
                "b Registry", "t(Nope)");
        String types = text(out.get(0));
        assertTrue(types.startsWith("@type body() :: [term()]\n\n@type guard() :: atom() | tuple()\n"), types);
        assertTrue(types.contains("""
                @type start_option() ::
                        {:keys, keys()}
                        | {:name, registry()}
                        | {:partitions, pos_integer()}
                        | {:listeners, [atom()]}
                        | {:meta, [{meta_key(), meta_value()}]}
                """), "iex 1.14 breaks it so:\n" + types);
        assertEquals("@type key() :: term()", out.get(1).get(0));
        assertEquals("""
                @callback handle_cast(request :: term(), state :: term()) ::
                            {:noreply, new_state}
                            | {:noreply, new_state,
                               timeout() | :hibernate | {:continue, continue_arg :: term()}}
                            | {:stop, reason :: term(), new_state}
                          when new_state: term()""", text(out.get(2)).strip());
        assertEquals(List.of("No type information for Registry.nope was found or Registry.nope is private"), out.get(3));
        assertEquals(List.of("No callbacks for Registry were found"), out.get(4));
        assertEquals(List.of("Could not load module Nope, got: nofile"), out.get(5));
    }

    @Test
    void exportsPrintsAModulesFunctionsInIexsTable() {
        List<String> out = PipedSession.outputs("exports(Agent)").get(0);
        assertTrue(out.get(0).startsWith("cast/2"), out.toString());
        for (String line : out) {
            assertTrue(line.length() <= 80 + 36, "rows end once 80 columns are reached: " + line);
        }
        assertTrue(text(out).contains("start_link/2"), text(out));
        // every entry is the longest one plus 4, and a space: the columns line up
        String first = out.get(0);
        int second = first.indexOf(first.strip().split(" +")[1]);
        int longest = text(out).lines().flatMap(l -> java.util.Arrays.stream(l.strip().split(" +"))).mapToInt(String::length).max().orElseThrow();
        assertEquals(longest + 5, second, first);
    }

    @Test
    void processInfoShowsAProcessByPidNameOrViaTuple() {
        List<List<String>> out = PipedSession.outputs(
                "{:ok, agent} = Agent.start_link(fn -> 0 end, name: :counter)",
                "process_info(:counter)",
                "Registry.start_link(keys: :unique, name: Names) |> elem(0)",
                "{:ok, _} = Agent.start(fn -> 1 end, name: {:via, Registry, {Names, \"one\"}})",
                "process_info({:via, Registry, {Names, \"one\"}})",
                "process_info(:nobody)");
        String named = text(out.get(1));
        assertTrue(named.startsWith("\n# Process #PID<"), named);
        assertTrue(named.contains("\n## Overview \n\nInitial call         "), named);
        assertTrue(named.contains("\nRegistered name      :counter\n"), named);
        assertTrue(named.contains("\nStatus               :waiting\n"), named);
        assertTrue(named.contains("\nMessage queue length 0\n"), named);
        assertTrue(named.contains("\n## Links \n\n#PID<"), "the shell is linked to it:\n" + named);
        assertTrue(named.contains("\n## Memory \n\nMemory               "), named);
        assertTrue(text(out.get(4)).startsWith("\n# Process #PID<"), text(out.get(4)));
        assertEquals(List.of("Failed to get process info. Either the process was not found or is not alive."), out.get(5));
    }

    @Test
    void runtimeInfoPrintsItsTopicsAsIex() {
        List<List<String>> out = PipedSession.outputs("runtime_info()", "runtime_info(:limits)");
        String all = text(out.get(0));
        assertTrue(all.startsWith("\n## System and architecture \n\n"), all);
        assertTrue(all.contains("\n## Memory \n\nTotal                "), all);
        assertTrue(all.matches("(?s).*\nAtoms                \\d+ / 1048576 \\(\\d+% used\\)\n.*"), all);
        assertTrue(all.contains("\nUptime               0 days, 0 hours, "), all);
        assertTrue(all.endsWith("Showing topics       [:system, :memory, :limits]\nAdditional topics    [:applications]\n\n"
                + "To view a specific topic call runtime_info(topic)\n"), all);
        assertTrue(text(out.get(1)).startsWith("\n## Statistics / limits \n"), text(out.get(1)));
    }

    @Test
    void pidOfANameAndRefOfItsText() {
        List<List<String>> out = PipedSession.outputs("Process.register(self(), :me)", "pid(:me) == self()", "pid(\"0.1.2\")",
                "ref(\"0.0.1.2\") |> is_reference()", "ref(0, 0, 1, 2) == ref(\"0.0.1.2\")", "pid(:nobody_here)");
        assertEquals(List.of(List.of("true"), List.of("true"), List.of("#PID<0.1.2>"), List.of("true"), List.of("true")), out.subList(0, 5));
        assertEquals("** (ArgumentError) could not find registered process with name: :nobody_here", out.get(5).get(0));
    }

    @Test
    void vFollowsIexsNumberingAcrossAShellRestart() {
        List<List<String>> out = PipedSession.outputs(":a", ":b", "v(2)", "Process.exit(self(), :kill)", "v(1)", ":c", "v(1)", "v()", "v(5)");
        assertEquals(List.of(":b"), out.get(2));
        assertEquals(List.of("** (RuntimeError) v(1) is out of bounds", "    (iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2",
                "    (iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1"), out.get(4).subList(0, 3),
                "iex: the new shell process starts its history afresh, with its prompt numbers");
        assertEquals(List.of(List.of(":c"), List.of(":c"), List.of(":c")), out.subList(5, 8), "v(1) is then the new first result");
        assertEquals("** (RuntimeError) v(5) is out of bounds", out.get(8).get(0));
    }
}
