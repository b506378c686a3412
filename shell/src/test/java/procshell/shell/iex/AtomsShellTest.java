package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * The atom table as chapter 3 shows it, through a piped shell session: {@code atom_limit} is the
 * BEAM's 1,048,576, creating 99 new atoms in one input raises {@code atom_count} by exactly 99,
 * atoms outlive the processes they named (creating them again adds none), and
 * {@code String.to_existing_atom/1} refuses a text that has no atom yet.
 */
@Timeout(30)
class AtomsShellTest {

    /** Runs the inputs in a fresh shell; returns the output lines of each input, in order. */
    private static List<List<String>> session(String... inputs) {
        List<List<String>> outputs = PipedSession.outputs(inputs);
        assertEquals(inputs.length, outputs.size(), () -> "one prompt per input expected: " + outputs);
        return outputs;
    }

    private static final String COUNT = ":erlang.system_info(:atom_count)";

    @Test
    void atomLimitIsTheBeamDefault() {
        List<List<String>> out = session(":erlang.system_info(:atom_limit)");
        assertEquals(List.of("1048576"), out.get(0));
    }

    @Test
    void ninetyNineNewAtomsInOneInputRaiseTheCountByNinetyNine() {
        List<List<String>> out = session(
                "before = " + COUNT + "; Enum.each(1..99, fn x -> String.to_atom(\"room_#{x}\") end); " + COUNT + " - before",
                // the same texts again: every atom already exists
                "before = " + COUNT + "; Enum.each(1..99, fn x -> String.to_atom(\"room_#{x}\") end); " + COUNT + " - before",
                "String.to_existing_atom(\"room_42\")");
        assertEquals(List.of("99"), out.get(0));
        assertEquals(List.of("0"), out.get(1));
        assertEquals(List.of(":room_42"), out.get(2));
    }

    @Test
    void atomsOutliveTheServersTheyNamed() {
        List<List<String>> out = session(
                """
                defmodule HelloServerDynamicName do
                  use GenServer
                  def process_name(id), do: String.to_atom("#{__MODULE__}_#{id}")
                  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: process_name(id))
                  def init(id), do: {:ok, %{id: id}}
                end""",
                "{:ok, pid} = HelloServerDynamicName.start_link(123)",
                "atom_count = " + COUNT + "; Enum.each(1..99, fn id ->\n  HelloServerDynamicName.start_link(id)\nend); "
                        + COUNT + " - atom_count",
                "Enum.each(1..99, fn id -> GenServer.stop(HelloServerDynamicName.process_name(id)) end)",
                "Process.whereis(HelloServerDynamicName.process_name(42))",
                "atom_count = " + COUNT + "; Enum.each(1..99, fn id ->\n  HelloServerDynamicName.start_link(id)\nend); "
                        + COUNT + " - atom_count",
                "String.to_existing_atom(\"Elixir.HelloServerDynamicName_42\")");
        assertEquals(List.of("{:module, HelloServerDynamicName, <<...>>, {:init, 1}}"), out.get(0));
        assertEquals(List.of("99"), out.get(2));
        assertEquals(List.of(":ok"), out.get(3));
        assertEquals(List.of("nil"), out.get(4));
        assertEquals(List.of("0"), out.get(5));
        assertEquals(List.of("HelloServerDynamicName_42"), out.get(6));
    }

    @Test
    void toExistingAtomRefusesAnUnknownText() {
        List<List<String>> out = session(
                "String.to_existing_atom(\"never_seen_before_1000\")",
                "String.to_atom(\"never_seen_before_1000\")",
                "String.to_existing_atom(\"never_seen_before_1000\")");
        assertTrue(out.get(0).get(0).startsWith("** (ArgumentError) errors were found at the given arguments:"), out.get(0)::toString);
        assertTrue(out.get(0).contains("  * 1st argument: not an already existing atom"), out.get(0)::toString);
        assertEquals(List.of(":never_seen_before_1000"), out.get(1));
        assertEquals(List.of(":never_seen_before_1000"), out.get(2));
    }
}
