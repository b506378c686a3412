package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * The views printed once, typed at the prompt of a fresh shell: {@code tree(sup)} before and
 * after a child is killed, {@code processes()} and its sort keys, and {@code observer()} on piped
 * input (one frame). Pids are read from what the session printed.
 */
@Timeout(60)
class ObserverViewsTest {
    static final String WORKER = "defmodule Worker do use GenServer; def start_link(n), do: GenServer.start_link(Worker, n, name: Worker);"
            + " def init(a), do: {:ok, a} end";
    static final String OTHER = "defmodule Other do use GenServer; def start_link(n), do: GenServer.start_link(Other, n, name: Other);"
            + " def init(a), do: {:ok, a} end";
    static final String SUP = "{:ok, sup} = Supervisor.start_link([{Worker, 1}, {Other, 2}], strategy: :one_for_one, name: MySup)";
    private static final Pattern PID = Pattern.compile("#PID<[0-9.]+>");

    private static List<List<String>> session(String... inputs) {
        List<List<String>> outputs = PipedSession.outputs(inputs);
        assertEquals(inputs.length, outputs.size(), () -> "one prompt per input expected: " + outputs);
        return outputs;
    }

    /** The pids an output shows, in order. */
    static List<String> pids(List<String> output) {
        List<String> out = new ArrayList<>();
        Matcher m = PID.matcher(String.join("\n", output));
        while (m.find()) out.add(m.group());
        return out;
    }

    @Test
    void aTreeBeforeAndAfterAKillShowsTheNewPidMarkedAsRestarted() {
        List<List<String>> out = session(WORKER, OTHER, SUP,
                "{Process.whereis(Worker), Process.whereis(Other)}",
                "tree(MySup)",
                "Process.exit(Process.whereis(Worker), :kill)",
                // the supervisor handles the EXIT before this call: the restart is done when it answers
                "Supervisor.which_children(MySup); Process.whereis(Worker)",
                "tree(MySup)",
                "tree(:nobody)",
                "tree(Worker)");
        String sup = pids(out.get(2)).get(0);
        String worker = pids(out.get(3)).get(0);
        String other = pids(out.get(3)).get(1);
        String restarted = pids(out.get(6)).get(0);
        assertEquals(List.of(
                "MySup " + sup,
                "├── Worker " + worker,
                "└── Other " + other), out.get(4));
        assertEquals(List.of(
                "MySup " + sup,
                "├── Worker " + restarted + "  ↻ restarted 1×, was " + worker + " (:killed)",
                "└── Other " + other), out.get(7));
        assertEquals("** (ArgumentError) no process is registered as :nobody", out.get(8).get(0));
        assertEquals("** (ArgumentError) " + restarted + " is not a supervisor", out.get(9).get(0));
    }

    @Test
    void nestedSupervisorsAndADynamicSupervisorAreDrawnBelowTheirParent() {
        List<List<String>> out = session(WORKER, OTHER,
                "defmodule Inner do def start_link(_x), do: Supervisor.start_link([{Other, 2}], strategy: :one_for_one, name: Inner); "
                        + "def child_spec(x), do: %{id: Inner, start: {Inner, :start_link, [x]}, type: :supervisor} end",
                "defmodule Rooms do def start_link(_x), do: DynamicSupervisor.start_link(strategy: :one_for_one, name: Rooms); "
                        + "def child_spec(x), do: %{id: Rooms, start: {Rooms, :start_link, [x]}, type: :supervisor} end",
                ObserverViewTest.ROOM,
                "{:ok, top} = Supervisor.start_link([{Worker, 1}, {Inner, 0}, {Rooms, 0}], strategy: :one_for_one, name: Top)",
                "{:ok, r1} = DynamicSupervisor.start_child(Rooms, {Room, 1})",
                "{:ok, r2} = DynamicSupervisor.start_child(Rooms, {Room, 2})",
                "[Process.whereis(Worker), Process.whereis(Inner), Process.whereis(Other), Process.whereis(Rooms)]",
                "tree(Top)");
        List<String> p = pids(out.get(8));
        String top = pids(out.get(5)).get(0);
        String r1 = pids(out.get(6)).get(0);
        String r2 = pids(out.get(7)).get(0);
        assertEquals(List.of(
                "Top " + top,
                "├── Worker " + p.get(0),
                "├── Inner " + p.get(1),
                "│   └── Other " + p.get(2),
                "└── Rooms " + p.get(3),
                "    ├── " + r1,
                "    └── " + r2), out.get(9));
    }

    /** Cells of a printed list line: columns are separated by two or more spaces. */
    static List<String> cells(String line) {
        return Arrays.asList(line.trim().split(" {2,}"));
    }

    @Test
    void processesListsEveryProcessWithObserversColumnsAndSorts() {
        List<List<String>> out = session(WORKER, OTHER, SUP,
                "{Process.whereis(Worker), Process.whereis(Other), self()}",
                "processes()",
                "busy = spawn(fn -> Process.sleep(:infinity) end); Enum.each(1..10, fn i -> send(busy, i) end); busy",
                "processes(:message_queue_len, 1)",
                "processes(:memory, 1)",
                "processes(:colour)");
        List<String> p = pids(out.get(3));
        String sup = pids(out.get(2)).get(0).substring(4);
        String worker = p.get(0).substring(4), other = p.get(1).substring(4), shell = p.get(2).substring(4);
        List<String> list = out.get(4);
        assertEquals(List.of("Pid", "Name or Initial Call", "Reductions", "Memory", "MsgQ", "Current Function"), cells(list.get(0)));
        assertEquals(5, list.size(), () -> String.join("\n", list));
        List<List<String>> rows = new ArrayList<>();
        for (String l : list.subList(1, list.size())) rows.add(cells(l));
        // a GenServer: its registered name, no messages received yet, 1 link and 2 dictionary entries
        assertTrue(rows.contains(List.of(worker, "Elixir.Worker", "0", "2144", "0", "gen_server:loop/7")), rows::toString);
        assertTrue(rows.contains(List.of(other, "Elixir.Other", "0", "2144", "0", "gen_server:loop/7")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(sup) && r.get(1).equals("Elixir.MySup")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(shell) && r.get(1).equals("elixir:eval/3")), rows::toString);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Long.parseLong(rows.get(i - 1).get(2)) >= Long.parseLong(rows.get(i).get(2)), "largest reductions first: " + rows);
        }
        String busy = pids(out.get(5)).get(0).substring(4);
        // 2000 bytes for any process, 64 per queued message
        assertEquals(List.of(busy, "erlang:apply/2", "0", "2640", "10", "erlang:apply/2"), cells(out.get(6).get(1)));
        assertEquals(2, out.get(6).size());
        assertEquals(busy, cells(out.get(7).get(1)).get(0), "the most memory: the one with a queue");
        assertEquals("** (ArgumentError) unknown sort key colour; processes() sorts by :reductions, :memory or :message_queue_len",
                out.get(8).get(0));
    }

    @Test
    void observerOnPipedInputSaysWhyAndPrintsOneFrame() {
        List<List<String>> out = session("observer()", "1 + 1");
        List<String> frame = out.get(0);
        assertEquals("observer() draws full-screen and this terminal cannot (no terminal: input is piped); here is one frame."
                + " processes(), tree(sup) and tables() print the views.", frame.get(0));
        assertTrue(frame.get(1).startsWith("procshell observer  nonode@nohost  1 processes  0 tables  "), frame.get(1));
        assertEquals("  1 Processes   2 Supervision Trees   3 Table Viewer   4 Ports", frame.get(2));
        assertEquals(List.of("Pid", "Name or Initial Call", "Reductions", "Memory", "MsgQ", "Current Function"), cells(frame.get(4)));
        assertEquals(List.of("<0.1.0>", "elixir:eval/3"), cells(frame.get(5)).subList(0, 2));
        assertEquals(25, frame.size(), "the message and 24 lines");
        assertEquals(List.of("2"), out.get(1), "the session goes on");
    }
}
