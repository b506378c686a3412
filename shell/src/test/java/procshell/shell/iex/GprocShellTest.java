package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * {@code :gproc} typed at the prompt, through a piped shell session. gproc is not installed on
 * this machine's BEAM; the expected lines are gproc's documented return values (gproc.erl's
 * specs and edoc: {@code true}, {@code :undefined}, {@code {pid, value}}, {@code {before, now}},
 * {@code {:gproc, [{key, value}]}}, badarg as {@code ArgumentError}), printed as iex 1.14 prints
 * those terms ({@code elixir -e 'IO.inspect(...)'}), pids and references blanked.
 */
@Timeout(120)
class GprocShellTest {
    private static List<List<String>> session(String... inputs) {
        List<List<String>> outputs = PipedSession.outputs(inputs);
        outputs.replaceAll(lines -> lines.stream()
                .map(l -> l.replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<…>").replaceAll("#Reference<[\\d.]+>", "#Reference<…>"))
                .filter(l -> !l.isEmpty())
                .toList());
        assertEquals(inputs.length, outputs.size(), () -> "one prompt per input expected: " + outputs);
        return outputs;
    }

    private static void expect(List<List<String>> outputs, Object... expected) {
        for (int i = 0; i < expected.length; i++) {
            List<?> want = expected[i] instanceof List<?> l ? l : List.of(expected[i]);
            assertEquals(want, outputs.get(i), "output of input " + (i + 1));
        }
    }

    @Test
    void namesPropertiesAndCounters() {
        List<List<String>> out = session(
                ":gproc.reg({:n, :l, :my_name})",
                ":gproc.reg({:n, :l, :my_name})",
                ":gproc.where({:n, :l, :my_name}) == self()",
                ":gproc.where({:n, :l, :nobody})",
                ":gproc.lookup_pid({:n, :l, :nobody})",
                ":gproc.where({:p, :l, :worker})",
                ":gproc.reg({:p, :l, :worker}, 1)",
                ":gproc.lookup_values({:p, :l, :worker})",
                ":gproc.lookup_pids({:p, :l, :worker}) == [self()]",
                ":gproc.set_value({:p, :l, :worker}, :busy)",
                ":gproc.get_value({:p, :l, :worker})",
                ":gproc.reg({:c, :l, :hits})",
                ":gproc.reg({:a, :l, :hits})",
                ":gproc.update_counter({:c, :l, :hits}, 5)",
                ":gproc.lookup_value({:a, :l, :hits})",
                ":gproc.update_counter({:c, :l, :hits}, [1, {10, 10, 0}])",
                ":gproc.set_value({:c, :l, :hits}, 7)",
                ":gproc.reset_counter({:c, :l, :hits})",
                ":gproc.lookup_value({:a, :l, :hits})",
                ":gproc.reg({:c, :l, :bad}, :x)",
                ":gproc.select(:names, [{:_, [], [:\"$_\"]}])",
                ":gproc.select([{{{:p, :l, :worker}, :_, :\"$1\"}, [], [:\"$1\"]}])",
                ":gproc.info(self(), :gproc)",
                ":gproc.send({:p, :l, :worker}, :hello)",
                "flush()",
                ":gproc.reg_or_locate({:n, :l, :my_name})",
                ":gproc.unreg({:n, :l, :my_name})",
                ":gproc.unreg({:n, :l, :my_name})",
                ":gproc.reg({:n, :g, :global_name})",
                ":gproc.goodbye()",
                ":gproc.info(self(), :gproc)");
        expect(out, "true", "** (ArgumentError) argument error", "true", ":undefined", "** (ArgumentError) argument error",
                "** (ArgumentError) argument error", "true", "[{#PID<…>, 1}]", "true", "true", ":busy", "true", "true", "5", "5",
                "[6, 0]", "true", "{7, 0}", "0", "** (ArgumentError) argument error",
                "[{{:n, :l, :my_name}, #PID<…>, :undefined}]", "[:busy]",
                List.of("{:gproc,", " [", "   {{:a, :l, :hits}, 0},", "   {{:c, :l, :hits}, 0},", "   {{:n, :l, :my_name}, :undefined},",
                        "   {{:p, :l, :worker}, :busy}", " ]}"),
                ":hello", List.of(":hello", ":ok"), "{#PID<…>, :undefined}", "true", "** (ArgumentError) argument error",
                "** (ErlangError) Erlang error: :local_only", ":ok", "{:gproc, []}");
    }

    /**
     * A via name, a wait, and the owner killed: its name goes (the gproc server's {@code :sys}
     * call is answered after the {@code :DOWN} it had queued), and the table keeps only the
     * shell's own monitor mark.
     */
    @Test
    void viaNamesWaitsAndOwnersThatDie() {
        List<List<String>> out = session(
                """
                defmodule StackServer do
                  use GenServer
                  def start_link(id), do: GenServer.start_link(__MODULE__, [], name: {:via, :gproc, {:n, :l, {:stack, id}}})
                  def init(items), do: {:ok, items}
                  def handle_call(_msg, _from, items), do: {:reply, items, items}
                  def handle_cast(item, items), do: {:noreply, [item | items]}
                end""",
                "ref = :gproc.nb_wait({:n, :l, {:stack, 1}})",
                "{:ok, pid} = StackServer.start_link(1)",
                "StackServer.start_link(1)",
                "(receive do m -> m end) == {:gproc, ref, :registered, {{:n, :l, {:stack, 1}}, pid, :undefined}}",
                ":gproc.await({:n, :l, {:stack, 1}}) == {pid, :undefined}",
                "GenServer.cast({:via, :gproc, {:n, :l, {:stack, 1}}}, :a)",
                "GenServer.call({:via, :gproc, {:n, :l, {:stack, 1}}}, :items)",
                ":gproc.await({:n, :l, {:stack, 2}}, 50)",
                "Process.unlink(pid)",
                "Process.exit(pid, :kill)",
                ":sys.get_state(:gproc)",
                ":gproc.where({:n, :l, {:stack, 1}})",
                "table(:gproc)");
        expect(out, "{:module, StackServer, <<...>>, {:handle_cast, 2}}", "#Reference<…>", "{:ok, #PID<…>}", "{:error, {:already_started, #PID<…>}}", "true", "true",
                ":ok", "[:a]", "** (ErlangError) Erlang error: :timeout", "true", "true", "nil", ":undefined", "{{#PID<…>, :l}}");
    }
}
