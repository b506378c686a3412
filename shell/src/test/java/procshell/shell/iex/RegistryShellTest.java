package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * {@code Registry} and {@code :ets} typed at the prompt, through a piped shell session; each
 * input must print what iex 1.14 printed for it in {@code iex-reference/registry.txt}, pids and
 * references aside (both print as {@code #PID<…>} / {@code #Reference<…>} here).
 */
@Timeout(60)
class RegistryShellTest {
    private static final String NO_PROCESS = "    ** (EXIT) no process: the process is not alive or there's no process currently"
            + " associated with the given name, possibly because its application isn't started";

    /** Runs the inputs in a fresh shell; returns each input's output lines, pids and refs blanked. */
    private static List<List<String>> session(String... inputs) {
        List<List<String>> outputs = PipedSession.outputs(inputs);
        outputs.replaceAll(lines -> lines.stream().map(RegistryShellTest::blank).toList());
        assertEquals(inputs.length, outputs.size(), () -> "one prompt per input expected: " + outputs);
        return outputs;
    }

    private static String blank(String line) {
        return line.replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<…>").replaceAll("#Reference<[\\d.]+>", "#Reference<…>");
    }

    /** Asserts each input's output, in order; a null expectation skips that input. */
    private static void expect(List<List<String>> outputs, Object... expected) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) continue;
            List<?> want = expected[i] instanceof List<?> l ? l : List.of(expected[i]);
            assertEquals(want, outputs.get(i), "output of input " + (i + 1));
        }
    }

    @Test
    void aUniqueRegistry() {
        List<List<String>> out = session(
                "Registry.start_link(keys: :unique, name: MyReg)",
                "Registry.start_link(keys: :unique, name: MyReg)",
                "Registry.register(MyReg, \"a\", 1)",
                "Registry.register(MyReg, \"a\", 1)",
                "Registry.lookup(MyReg, \"a\")",
                "Registry.lookup(MyReg, \"zz\")",
                "Registry.keys(MyReg, self())",
                "Registry.values(MyReg, \"a\", self())",
                "Registry.count(MyReg)",
                "Registry.whereis_name({MyReg, \"a\"}) == self()",
                "Registry.whereis_name({MyReg, \"zz\"})",
                "Registry.unregister(MyReg, \"a\")",
                "Registry.unregister(MyReg, \"a\")",
                "Registry.lookup(MyReg, \"a\")");
        expect(out, "{:ok, #PID<…>}", "{:error, {:already_started, #PID<…>}}", "{:ok, #PID<…>}",
                "{:error, {:already_registered, #PID<…>}}", "[{#PID<…>, 1}]", "[]", "[\"a\"]", "[1]", "1", "true",
                ":undefined", ":ok", ":ok", "[]");
    }

    @Test
    void viaTuplesForAGenServer() {
        List<List<String>> out = session(
                """
                defmodule IdServer do
                  use GenServer
                  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: {:via, Registry, {:reg, id}})
                  def init(id), do: {:ok, id}
                  def handle_call(_msg, _from, state), do: {:reply, {:ok, state}, state}
                end""",
                "Registry.start_link(keys: :unique, name: :reg)",
                "{:ok, pid} = IdServer.start_link(42)",
                "IdServer.start_link(42)",
                "GenServer.call({:via, Registry, {:reg, 42}}, :get_id)",
                "Registry.lookup(:reg, 42)",
                "Registry.lookup(:reg, 42) == [{pid, nil}]",
                "GenServer.whereis({:via, Registry, {:reg, 42}}) == pid",
                "GenServer.call({:via, Registry, {:reg, 7}}, :get_id)",
                "Registry.whereis_name({:reg, 7})");
        expect(out, "{:module, IdServer, <<...>>, {:handle_call, 3}}", "{:ok, #PID<…>}", "{:ok, #PID<…>}", "{:error, {:already_started, #PID<…>}}",
                "{:ok, 42}", "[{#PID<…>, nil}]", "true", "true",
                List.of("** (exit) exited in: GenServer.call({:via, Registry, {:reg, 7}}, :get_id, 5000)", NO_PROCESS,
                        "    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3"),
                ":undefined");
    }

    @Test
    void aDuplicateRegistryAsPubSub() {
        List<List<String>> out = session(
                "Registry.start_link(keys: :duplicate, name: PubSub)",
                "Registry.register(PubSub, \"topic\", :one)",
                "Registry.register(PubSub, \"topic\", :two)",
                "Registry.register(PubSub, \"other\", %{x: 1})",
                "Registry.lookup(PubSub, \"topic\")",
                "Registry.dispatch(PubSub, \"topic\", fn entries -> for {pid, v} <- entries, do: send(pid, {:broadcast, v}) end)",
                "flush()",
                "Registry.match(PubSub, \"topic\", :one)",
                "Registry.match(PubSub, \"topic\", :_)",
                "Registry.match(PubSub, \"other\", %{x: :\"$1\"}, [{:\">\", :\"$1\", 0}])",
                "Registry.keys(PubSub, self())",
                "Registry.values(PubSub, \"topic\", self())",
                "Registry.count(PubSub)",
                "Registry.count_match(PubSub, \"topic\", :_)",
                "Registry.unregister(PubSub, \"topic\")",
                "Registry.lookup(PubSub, \"topic\")",
                "Registry.whereis_name({PubSub, \"other\"})");
        expect(out, "{:ok, #PID<…>}", "{:ok, #PID<…>}", "{:ok, #PID<…>}", "{:ok, #PID<…>}",
                "[{#PID<…>, :one}, {#PID<…>, :two}]", ":ok", List.of("{:broadcast, :one}", "{:broadcast, :two}", ":ok"),
                "[{#PID<…>, :one}]", "[{#PID<…>, :one}, {#PID<…>, :two}]", "[{#PID<…>, %{x: 1}}]",
                "[\"other\", \"topic\", \"topic\"]", "[:one, :two]", "3", "2", ":ok", "[]",
                List.of("** (ArgumentError) :via is not supported for duplicate registries", ""));
    }

    @Test
    void metaAndErrorTexts() {
        List<List<String>> out = session(
                "{:ok, _} = Registry.start_link(keys: :unique, name: MetaReg, meta: [custom_key: \"custom_value\"])",
                "Registry.meta(MetaReg, :custom_key)",
                "Registry.meta(MetaReg, :unknown_key)",
                "Registry.put_meta(MetaReg, :custom_key, \"new\")",
                "Registry.meta(MetaReg, :custom_key)",
                "Registry.put_meta(MetaReg, {:tuple, :key}, \"tuple_value\")",
                "Registry.meta(MetaReg, {:tuple, :key})",
                "Registry.lookup(NoSuchReg, \"a\")",
                "Registry.start_link(keys: :bogus, name: X)",
                "Registry.start_link(keys: :unique)",
                "Registry.start_link(name: X)");
        expect(out, "{:ok, #PID<…>}", "{:ok, \"custom_value\"}", ":error", ":ok", "{:ok, \"new\"}", ":ok", "{:ok, \"tuple_value\"}");
        assertEquals("** (ArgumentError) unknown registry: NoSuchReg", out.get(7).get(0));
        assertEquals("** (ArgumentError) expected :keys to be given and be one of :unique or :duplicate, got: :bogus", out.get(8).get(0));
        assertEquals("** (ArgumentError) expected :name option to be present", out.get(9).get(0));
        assertEquals("** (ArgumentError) expected :keys to be given and be one of :unique or :duplicate, got: nil", out.get(10).get(0));
    }

    @Test
    void theRegistrysTablesSeenThroughEts() {
        List<List<String>> out = session(
                "Registry.start_link(keys: :unique, name: Reg2, partitions: 2)",
                ":ets.info(Reg2)",
                "length(:ets.tab2list(Reg2))",
                "Enum.filter(:ets.all(), fn t -> is_atom(t) end)",
                "length(:ets.all())",
                "Supervisor.which_children(Reg2)",
                "Registry.register(Reg2, \"k\", :v)",
                "Registry.lookup(Reg2, \"k\")",
                ":ets.info(:nope)",
                ":ets.info(Reg2, :size)");
        expect(out, "{:ok, #PID<…>}",
                List.of("[", "  id: #Reference<…>,", "  decentralized_counters: false,", "  read_concurrency: true,",
                        "  write_concurrency: false,", "  compressed: false,", "  memory: 395,", "  owner: #PID<…>,", "  heir: :none,",
                        "  name: Reg2,", "  size: 4,", "  node: :nonode@nohost,", "  named_table: true,", "  type: :set,", "  keypos: 1,",
                        "  protection: :public", "]"),
                "4", "[Reg2]", "5",
                List.of("[", "  {Reg2.PIDPartition1, #PID<…>, :worker, [Registry.Partition]},",
                        "  {Reg2.PIDPartition0, #PID<…>, :worker, [Registry.Partition]}", "]"),
                "{:ok, #PID<…>}", "[{#PID<…>, :v}]", ":undefined", "4");
    }
}
