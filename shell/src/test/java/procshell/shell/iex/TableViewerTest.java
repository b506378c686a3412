package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.shell.console.PipedSession;

/**
 * {@code tables()} (Observer's Table Viewer as text, {@link TableViewer}) and {@code table(name)}
 * typed at the prompt: the exact view of a Registry named {@code Secret.Registry}, as the talk's
 * screenshot shows it, with one and with two partitions, before and after a registered process is
 * killed. The pids are those a fresh shell gives (checked against what the session printed), the
 * Table Ids are the references {@code :ets.all()} printed in the same session, and the sizes are
 * the runtime's memory estimates (OTP 25's, 64-bit), rounded down to kB as Observer does.
 */
@Timeout(60)
class TableViewerTest {
    private static final Pattern PID = Pattern.compile("#PID<[0-9.]+>");
    private static final Pattern REF = Pattern.compile("#Reference<([0-9.]+)>");
    private static final String REG = ":\"Elixir.Secret.Registry\"";
    private static final String HEADER =
            "Table Name                            Objects  Size (kB)  Owner Pid  Owner Name                            Table Id";

    /** Runs the inputs in a fresh shell; returns each input's output lines, as printed. */
    private static List<List<String>> session(String... inputs) {
        List<List<String>> outputs = PipedSession.outputs(inputs);
        assertEquals(inputs.length, outputs.size(), () -> "one prompt per input expected: " + outputs);
        return outputs;
    }

    /** The one pid an output shows, as Observer spells it ({@code <0.2.0>}). */
    private static String observerPid(List<String> output) {
        Matcher m = PID.matcher(String.join("\n", output));
        assertTrue(m.find(), () -> "a pid in " + output);
        return m.group().substring(4);
    }

    /** The references an output shows, in order, as Observer spells them ({@code #Ref<...>}). */
    private static List<String> observerRefs(List<String> output) {
        List<String> refs = new ArrayList<>();
        Matcher m = REF.matcher(String.join("\n", output));
        while (m.find()) refs.add("#Ref<" + m.group(1) + ">");
        return refs;
    }

    private static String spawnAgent(String name) {
        return "spawn(fn -> Registry.register(" + REG + ", \"" + name + "\", nil); receive do _ -> :ok end end)";
    }

    @Test
    void aNodeWithoutTablesShowsTheHeaderAlone() {
        List<List<String>> out = session("tables()", ":ets.all()");
        assertEquals(List.of("Table Name  Objects  Size (kB)  Owner Pid  Owner Name  Table Id"), out.get(0));
        assertEquals(List.of("[]"), out.get(1));
    }

    @Test
    void aRegistryWithOnePartitionBeforeAndAfterAKill() {
        List<List<String>> out = session(
                "Registry.start_link(keys: :unique, name: " + REG + ")",
                "Process.whereis(:\"Elixir.Secret.Registry.PIDPartition0\")",
                ":ets.all()",
                "tables()",
                "bond = " + spawnAgent("James Bond"),
                "tables()",
                "Process.exit(bond, :kill)",
                "tables()");
        assertEquals("<0.2.0>", observerPid(out.get(0)), "the registry, in a fresh shell");
        assertEquals("<0.3.0>", observerPid(out.get(1)), "its partition");
        List<String> refs = observerRefs(out.get(2));
        assertEquals(2, refs.size(), () -> "the key and pid tables' references in " + out.get(2));
        String key = refs.get(0), pid = refs.get(1);

        assertEquals(List.of(HEADER,
                "Elixir.Secret.Registry                      2          2  <0.2.0>    Elixir.Secret.Registry",
                "Elixir.Secret.Registry.KeyPartition0        0         26  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + key,
                "Elixir.Secret.Registry.PIDPartition0        0         26  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + pid),
                out.get(3), "a new registry");
        assertEquals(List.of(HEADER,
                "Elixir.Secret.Registry                      2          2  <0.2.0>    Elixir.Secret.Registry",
                "Elixir.Secret.Registry.KeyPartition0        1         26  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + key,
                "Elixir.Secret.Registry.PIDPartition0        1         27  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + pid),
                out.get(5), "James Bond registered");
        assertEquals(List.of("true"), out.get(6));
        assertEquals(out.get(3), out.get(7), "after the kill, the partition has removed his entries from both tables");
    }

    @Test
    void aRegistryWithTwoPartitionsBeforeAndAfterAKill() {
        List<List<String>> out = session(
                "Registry.start_link(keys: :unique, name: " + REG + ", partitions: 2)",
                "Process.whereis(:\"Elixir.Secret.Registry.PIDPartition0\")",
                "Process.whereis(:\"Elixir.Secret.Registry.PIDPartition1\")",
                "bond = " + spawnAgent("James Bond"),
                "white = " + spawnAgent("Mr. White"),
                ":ets.all()",
                "tables()",
                "Process.exit(white, :kill)",
                "tables()",
                "Registry.keys(" + REG + ", bond)");
        assertEquals("<0.2.0>", observerPid(out.get(0)), "the registry, in a fresh shell");
        assertEquals("<0.3.0>", observerPid(out.get(1)), "partition 0");
        assertEquals("<0.4.0>", observerPid(out.get(2)), "partition 1");
        List<String> refs = observerRefs(out.get(5));
        assertEquals(4, refs.size(), () -> "two tables per partition in " + out.get(5));
        String key0 = refs.get(0), pid0 = refs.get(1), key1 = refs.get(2), pid1 = refs.get(3);

        // A unique registry picks the key table by the key's hash and the pid table by the pid's:
        // "James Bond" went to partition 0 for both; "Mr. White" to key table 1 and pid table 0.
        assertEquals(List.of(HEADER,
                "Elixir.Secret.Registry                      4          3  <0.2.0>    Elixir.Secret.Registry",
                "Elixir.Secret.Registry.KeyPartition0        1         26  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + key0,
                "Elixir.Secret.Registry.KeyPartition1        1         26  <0.4.0>    Elixir.Secret.Registry.PIDPartition1  " + key1,
                "Elixir.Secret.Registry.PIDPartition0        1         27  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + pid0,
                "Elixir.Secret.Registry.PIDPartition1        1         27  <0.4.0>    Elixir.Secret.Registry.PIDPartition1  " + pid1),
                out.get(6), "two agents registered");
        assertEquals(List.of(HEADER,
                "Elixir.Secret.Registry                      4          3  <0.2.0>    Elixir.Secret.Registry",
                "Elixir.Secret.Registry.KeyPartition0        1         26  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + key0,
                "Elixir.Secret.Registry.KeyPartition1        0         26  <0.4.0>    Elixir.Secret.Registry.PIDPartition1  " + key1,
                "Elixir.Secret.Registry.PIDPartition0        0         26  <0.3.0>    Elixir.Secret.Registry.PIDPartition0  " + pid0,
                "Elixir.Secret.Registry.PIDPartition1        1         27  <0.4.0>    Elixir.Secret.Registry.PIDPartition1  " + pid1),
                out.get(8), "Mr. White killed: his entries are gone from the tables of both partitions");
        assertEquals(List.of("[\"James Bond\"]"), out.get(9));
    }

    @Test
    void tablePrintsOneObjectPerLineInTermOrder() {
        List<List<String>> out = session(
                "Registry.start_link(keys: :unique, name: " + REG + ")",
                "bond = " + spawnAgent("James Bond"),
                "Registry.register(" + REG + ", {:agent, 7}, :me)",
                "table(\"Elixir.Secret.Registry.KeyPartition0\")",
                "table(\"Secret.Registry.KeyPartition0\") == table(:\"Elixir.Secret.Registry.KeyPartition0\")",
                "table(" + REG + ")",
                "table(\"Secret.Registry.NoSuchTable\")");
        String bond = "#PID" + observerPid(out.get(1));
        // Tuples sort before strings, as in Erlang's term order.
        assertEquals(List.of("{{:agent, 7}, {#PID<0.1.0>, :me}}", "{\"James Bond\", {" + bond + ", nil}}"), out.get(3));
        assertEquals(List.of("{{:agent, 7}, {#PID<0.1.0>, :me}}", "{\"James Bond\", {" + bond + ", nil}}",
                "{{:agent, 7}, {#PID<0.1.0>, :me}}", "{\"James Bond\", {" + bond + ", nil}}", "true"), out.get(4),
                "a name with or without Elixir., or an atom: the same table (each call prints, the == is true)");
        assertEquals(2, out.get(5).size(), () -> "the settings {-2, ...} and {-1, ...}, one per line: " + out.get(5));
        assertTrue(out.get(5).get(0).startsWith("{-2, {:unique, 1, #Reference<"), out.get(5).get(0));
        assertTrue(out.get(5).get(1).startsWith("{-1, {:unique, 1, #Reference<"), out.get(5).get(1));
        assertEquals("** (ArgumentError) no table called Secret.Registry.NoSuchTable; tables() lists them", out.get(6).get(0));
    }

    @Test
    void observersSpellingsOfPidsAndReferences() {
        assertEquals("<0.1.0>", TableViewer.pid(new Pid(null, 0, 1, 0)));
        assertTrue(TableViewer.ref(new Node().makeRef()).startsWith("#Ref<0."));
        assertEquals(List.of("Table Name", "Objects", "Size (kB)", "Owner Pid", "Owner Name", "Table Id"), TableViewer.COLUMNS);
    }
}
