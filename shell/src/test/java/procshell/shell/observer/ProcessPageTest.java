package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * {@code observer()}'s process page and sliding-window sort, key by key, on a view driven from a
 * process attached to a shell's node (as {@link ObserverViewTest}): Enter opens the selected row's
 * page; its sections show what {@code Process.info} and {@code :sys.get_state} give for a known
 * GenServer with known messages queued (and say so when the server does not answer); {@code k}
 * kills and the page says the process is dead; {@code rr}/{@code mm} order by what processes did
 * since the last refresh, {@code r}/{@code w} go back to totals.
 */
@Timeout(60)
class ProcessPageTest extends ObservedShell.Base {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    /**
     * A GenServer with a known state and dictionary entry; {@code :hold} makes it wait in
     * handle_cast for {@code :go}, so that messages sent meanwhile stay queued and it answers no
     * {@code :sys.get_state}; later messages are kept in its state.
     */
    static final String KEEPER = String.join("\n",
            "defmodule Keeper do",
            "  use GenServer",
            "  def init(s) do",
            "    Process.put(:role, :keeper)",
            "    {:ok, s}",
            "  end",
            "  def handle_cast(:hold, s) do",
            "    receive do",
            "      :go -> {:noreply, s}",
            "    end",
            "  end",
            "  def handle_info(m, s), do: {:noreply, Map.update!(s, :seen, &[m | &1])}",
            "end");

    private static List<String> frame(ObserverView view) {
        List<AttributedString> f = view.frame(WIDTH, HEIGHT);
        assertEquals(HEIGHT, f.size(), "a frame fills the screen");
        return f.stream().map(l -> l.toString().stripTrailing()).toList();
    }

    private static List<String> section(List<String> frame, String title) {
        return ObservedShell.section(frame, title);
    }

    private static String heading(List<String> frame, String title) {
        return frame.stream().filter(l -> l.startsWith(title + " (")).findFirst().orElseThrow();
    }

    private Pid whereis(String name) {
        return node.names().whereisPid(Atom.of(name));
    }

    @Test
    void enterOpensTheSelectedProcessesPageWithItsInfoMessagesDictionaryStateLinksMonitorsAndStack() {
        ObserverView view = viewAfter(KEEPER,
                "{:ok, k} = GenServer.start_link(Keeper, %{count: 42, seen: []}, name: Keeper)",
                "ref = Process.monitor(k)",
                "GenServer.cast(Keeper, :hold)",
                "send(Keeper, {:hello, 1}); send(Keeper, {:hello, 2, \"two\"})");
        Pid keeper = whereis("Elixir.Keeper");
        LocalProcess record = node.process(keeper);
        Pid shellPid = record.links().get(0);
        view.handle(ObserverKey.SORT_QUEUE); // Keeper's queue is the longest: the first row
        assertTrue(frame(view).get(4).startsWith(ErlangText.pid(keeper) + "  Elixir.Keeper"), () -> frame(view).get(4));
        view.handle(ObserverKey.OPEN);
        List<String> page = frame(view);

        assertTrue(page.get(3).startsWith("Process " + keeper + "  Keeper  waiting  (read "), page.get(3));
        List<String> info = section(page, "Info");
        assertEquals(List.of(
                "  registered_name: Keeper",
                "  current_function: {:gen_server, :loop, 7}",
                "  initial_call: {:proc_lib, :init_p, 5}",
                "  status: :waiting",
                "  message_queue_len: 2",
                "  trap_exit: false",
                "  error_handler: :error_handler",
                "  priority: :normal"), info.subList(0, 8));
        assertTrue(info.stream().anyMatch(l -> l.matches("  reductions: \\d+")), String.join("\n", info));
        assertTrue(info.get(info.size() - 1).matches("  memory: \\d+"), String.join("\n", info));
        assertTrue(info.stream().noneMatch(l -> l.startsWith("  links:") || l.startsWith("  dictionary:")), "links and dictionary have sections");

        assertEquals("Messages (2 queued)", heading(page, "Messages"));
        assertEquals(List.of("  {:hello, 1}", "  {:hello, 2, \"two\"}"), section(page, "Messages"));
        assertEquals(List.of("  \"$ancestors\": [" + shellPid + "]", "  \"$initial_call\": {Keeper, :init, 1}", "  role: :keeper"),
                section(page, "Dictionary").stream().sorted().toList());
        assertEquals(List.of("  (no answer within 1000 ms (busy, or it does not handle system messages))"), section(page, "State"),
                "a server busy in a callback does not answer :sys.get_state; the page says so");
        assertEquals(List.of("  " + shellPid), section(page, "Links"));
        assertEquals(List.of("  (none)"), section(page, "Monitors"));
        assertEquals(List.of("  " + shellPid), section(page, "Monitored by"));
        assertEquals(List.of(
                "  iex:8: Keeper.handle_cast/2",
                "  (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4",
                "  (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6",
                "  (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3"), section(page, "Stack"));
        assertTrue(page.get(HEIGHT - 1).contains("r read again"), page.get(HEIGHT - 1));

        // released, Keeper takes the two messages (and the observer's get_state) into its state
        node.send(keeper, Atom.of("go"));
        procshell.runtime.otp.GenServer.getState(keeper, 5_000);
        view.handle(ObserverKey.SORT_REDUCTIONS); // r on a page reads it again, the state included
        List<String> again = frame(view);
        assertEquals("Read again", again.get(2));
        assertEquals(List.of("  (none)"), section(again, "Messages"));
        assertEquals(List.of("  %{count: 42, seen: [{:hello, 2, \"two\"}, {:hello, 1}]}"), section(again, "State"));
        assertEquals(List.of("  " + ProcessStack.GEN_SERVER_LOOP, "  (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3"),
                section(again, "Stack"));

        view.handle(ObserverKey.BACK);
        assertEquals(ProcessList.COLUMNS, ObserverViewsTest.cells(frame(view).get(3)), "Esc goes back to the list");
    }

    @Test
    void kOnAPageKillsTheProcessWithKillAndThePageSaysItIsDead() {
        ObserverView view = viewAfter("busy = spawn(fn -> receive do :never -> :ok end end); Enum.each(1..3, &send(busy, &1)); busy");
        Pid busy = node.processes().stream().filter(p -> node.process(p).mailbox().size() == 3).findFirst().orElseThrow();
        view.handle(ObserverKey.SORT_QUEUE);
        assertTrue(frame(view).get(4).startsWith(ErlangText.pid(busy) + " "), "the first row is the one with 3 messages queued");
        view.handle(ObserverKey.OPEN);
        List<String> page = frame(view);
        assertTrue(page.get(3).startsWith("Process " + busy + "  waiting"), page.get(3));
        assertEquals(List.of("  1", "  2", "  3"), section(page, "Messages"));
        assertEquals(List.of("  (not an OTP process: it does not answer :sys.get_state)"), section(page, "State"));

        view.handle(ObserverKey.KILL);
        assertEquals("Kill " + busy + "? y/n", frame(view).get(2));
        view.handle(ObserverKey.YES);
        assertFalse(node.isAlive(busy));
        List<String> dead = frame(view);
        assertEquals("Killed " + busy + " (exit signal :kill)", dead.get(2));
        assertEquals("Process " + busy + " is dead (killed from this page with exit signal :kill); the facts below are from before", dead.get(3));
        assertEquals(List.of("  (none: the process is dead)"), section(dead, "Stack"));
        view.handle(ObserverKey.KILL);
        assertEquals(busy + " is dead already", frame(view).get(2));
    }

    @Test
    void rrAndMmSortByWhatProcessesDidSinceTheLastRefreshAndWGoesBackToTotals() {
        ObserverView view = viewAfter(
                // old: many reductions and a long queue before the window; fresh: none until the window
                "me = self()",
                "old = spawn(fn -> Enum.each(1..300, fn _ -> receive do n when is_integer(n) -> n end end); send(me, :done); receive do :never -> :ok end end)",
                "Enum.each(1..300, &send(old, &1)); receive do :done -> :ok end; Enum.each(1..50, &send(old, {:queued, &1}))",
                "Process.register(old, :old)",
                "fresh = spawn(fn -> Enum.each(1..199, fn _ -> receive do {:ping, _, _} -> :ok end end); receive do {:ping, from, _} -> send(from, :pong) end; receive do :never -> :ok end end)",
                "Process.register(fresh, :fresh)");
        Pid old = whereis("old");
        Pid fresh = whereis("fresh");
        view.refresh(); // the window starts now

        // in the window: fresh takes 200 pings; 40 messages pile up in a new process
        procshell.runtime.process.ProcessContext self = procshell.runtime.process.ProcessContext.require();
        for (int i = 1; i <= 200; i++) node.send(fresh, procshell.runtime.node.Tuple.of(Atom.of("ping"), self.self(), i));
        self.receive(m -> m.equals(Atom.of("pong")), 10_000);
        Pid piling = self.spawn(s -> s.receive(m -> false, -1));
        for (int i = 0; i < 40; i++) node.send(piling, i);
        view.refresh(); // the window ends: deltas are what happened between the two refreshes

        view.handle(ObserverKey.SORT_REDUCTIONS);
        List<String> total = frame(view);
        assertEquals(ProcessList.COLUMNS, ObserverViewsTest.cells(total.get(3)));
        assertTrue(row(total, old) < row(total, fresh), "by total reductions old (300) comes before fresh (200):\n" + String.join("\n", total));

        view.handle(ObserverKey.SORT_REDUCTIONS_WINDOW);
        List<String> rr = frame(view);
        assertEquals(ProcessList.WINDOW_COLUMNS, ObserverViewsTest.cells(rr.get(3)), "the header says the figures are the window's");
        assertEquals(4, row(rr, fresh), "rr: fresh did the most in the window:\n" + String.join("\n", rr));
        assertTrue(Long.parseLong(ObserverViewsTest.cells(rr.get(4)).get(2)) >= 200, rr.get(4));
        assertEquals("0", ObserverViewsTest.cells(rr.get(row(rr, old))).get(2), "old did nothing in the window");
        assertTrue(rr.get(HEIGHT - 1).contains("(now reductions over the last refresh, "), rr.get(HEIGHT - 1));

        view.handle(ObserverKey.SORT_MEMORY_WINDOW);
        List<String> mm = frame(view);
        assertEquals(4, row(mm, piling), "mm: the process whose queue grew in the window is first:\n" + String.join("\n", mm));
        assertEquals("40", ObserverViewsTest.cells(mm.get(4)).get(4));
        assertEquals("0", ObserverViewsTest.cells(mm.get(row(mm, old))).get(3), "old's memory did not change in the window");

        view.handle(ObserverKey.TOGGLE_WINDOW);
        List<String> byMemory = frame(view);
        assertEquals(ProcessList.COLUMNS, ObserverViewsTest.cells(byMemory.get(3)));
        assertTrue(row(byMemory, old) < row(byMemory, piling), "w: total memory, old's 50 queued before piling's 40");
        assertTrue(byMemory.get(HEIGHT - 1).contains("(now memory)"), byMemory.get(HEIGHT - 1));
        view.handle(ObserverKey.TOGGLE_WINDOW);
        assertEquals(4, row(frame(view), piling), "w again: the window");
    }

    /** The frame line of a process's row. */
    private static int row(List<String> frame, Pid pid) {
        for (int i = 4; i < frame.size(); i++) if (frame.get(i).startsWith(ErlangText.pid(pid) + " ")) return i;
        throw new AssertionError("no row for " + pid + " in\n" + String.join("\n", frame));
    }
}
