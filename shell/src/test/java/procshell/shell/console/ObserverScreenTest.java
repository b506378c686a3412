package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * {@code observer()} typed at a JLine terminal (on streams, of type {@code ansi}): the full-screen
 * view draws, keys switch to the supervision trees, select a child and kill it, the tree shows
 * the restarted pid, and {@code q} gives the prompt back with the session going on; {@code rr}
 * and {@code mm} (two keys) switch the list to the window's figures, {@code w} back to totals,
 * Enter opens the selected process's page, Esc goes back, {@code 4} shows the Ports tab.
 */
@Timeout(60)
class ObserverScreenTest {
    private static final long WAIT_MS = TerminalSession.WAIT_MS;
    private static final Pattern CUP = Pattern.compile("\u001b\\[(\\d+);(\\d+)H");
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    private TerminalSession session;
    private int from;

    @BeforeEach
    void start() throws Exception {
        session = new TerminalSession();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    /**
     * The full-screen view as drawn since {@code observer()} started: each row's last text, read
     * from the cursor-addressed lines the observer writes, escapes removed.
     */
    private Map<Integer, String> view() {
        String raw = session.raw().substring(from);
        Map<Integer, String> rows = new TreeMap<>();
        Matcher m = CUP.matcher(raw);
        int row = -1;
        int textFrom = 0;
        while (m.find()) {
            if (row >= 0) rows.put(row, ESCAPES.matcher(raw.substring(textFrom, m.start())).replaceAll("").stripTrailing());
            row = Integer.parseInt(m.group(1));
            textFrom = m.end();
        }
        if (row >= 0) rows.put(row, ESCAPES.matcher(raw.substring(textFrom)).replaceAll("").stripTrailing());
        return rows;
    }

    private Map<Integer, String> awaitView(String what, Predicate<Map<Integer, String>> ready) {
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Map<Integer, String> v = view();
            if (ready.test(v)) return v;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited " + WAIT_MS + " ms for " + what + "; the view shows:\n" + view());
    }

    @Test
    void theTreeTabShowsTheNewPidAfterAKillAndQLeaves() {
        session.typeLine("defmodule Worker do use GenServer; def start_link(n), do: GenServer.start_link(Worker, n, name: Worker); def init(a), do: {:ok, a} end",
                "ps(2)> ");
        session.typeLine("{:ok, sup} = Supervisor.start_link([{Worker, 1}], strategy: :one_for_one, name: MySup)", "ps(3)> ");
        Pid sup = session.shell.node().whereis(Atom.of("Elixir.MySup"));
        Pid worker = session.shell.node().whereis(Atom.of("Elixir.Worker"));
        from = session.raw().length();
        session.keys.type("observer()\r");
        Map<Integer, String> list = awaitView("the process list", v -> v.getOrDefault(4, "").startsWith("Pid "));
        assertTrue(list.get(1).startsWith("procshell observer  nonode@nohost  3 processes  0 tables  "), list.get(1));
        assertEquals("  1 Processes   2 Supervision Trees   3 Table Viewer   4 Ports", list.get(2));

        session.keys.type("2");
        awaitView("the tree", v -> ("├── Worker " + worker).equals(v.get(6)) || ("└── Worker " + worker).equals(v.get(6)));
        assertEquals("MySup " + sup, view().get(5));
        session.keys.type("\u001b[B"); // Down: the Worker row
        session.keys.type("k");
        awaitView("the question", v -> ("Kill " + worker + "? y/n").equals(v.get(3)));
        session.keys.type("y");
        Map<Integer, String> after = awaitView("the restarted child", v -> v.getOrDefault(6, "").contains("↻ restarted 1×"));
        Pid restarted = session.shell.node().whereis(Atom.of("Elixir.Worker"));
        assertEquals("└── Worker " + restarted + "  ↻ restarted 1×, was " + worker + " (:killed)", after.get(6));

        session.keys.type("q");
        session.awaitScreen("the prompt after q", s -> s.endsWith("ps(4)> "));
        String next = session.typeLine("1 + 1", "ps(5)> ");
        assertTrue(next.endsWith("ps(4)> 1 + 1\n2\nps(5)> "), "the session goes on after q:\n" + next);
    }

    @Test
    void rrMmWEnterEscAnd4AsTyped() {
        session.typeLine("{:ok, l} = :gen_tcp.listen(0, [:binary])", "ps(2)> ");
        from = session.raw().length();
        session.keys.type("observer()\r");
        awaitView("the process list", v -> v.getOrDefault(4, "").startsWith("Pid "));
        session.keys.type("rr");
        awaitView("the window's columns", v -> v.getOrDefault(4, "").contains("Reductions Δ")
                && v.values().stream().anyMatch(l -> l.contains("(now reductions over the last refresh, ")));
        session.keys.type("w");
        awaitView("the totals", v -> v.getOrDefault(4, "").contains("Reductions  ") && !v.get(4).contains("Δ"));
        session.keys.type("mm");
        awaitView("memory over the window", v -> v.values().stream().anyMatch(l -> l.contains("(now memory over the last refresh, ")));
        session.keys.type("r");
        awaitView("reductions again", v -> v.values().stream().anyMatch(l -> l.contains("(now reductions)")));
        session.keys.type("\r");
        Map<Integer, String> page = awaitView("a process page", v -> v.getOrDefault(4, "").startsWith("Process #PID<"));
        assertTrue(page.values().stream().anyMatch(l -> l.equals("Info (Process.info/1)")), page.toString());
        session.keys.type("\u001b");
        awaitView("the list again", v -> v.getOrDefault(4, "").startsWith("Pid "));
        session.keys.type("4");
        Map<Integer, String> ports = awaitView("the ports", v -> v.getOrDefault(4, "").startsWith("Port "));
        assertTrue(ports.getOrDefault(5, "").startsWith("#Port<0.1>  tcp listen  "), ports.toString());
        session.keys.type("q");
        session.awaitScreen("the prompt after q", s -> s.endsWith("ps(3)> "));
    }
}
