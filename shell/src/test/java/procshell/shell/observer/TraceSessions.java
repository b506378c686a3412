package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import procshell.shell.console.Console;
import procshell.shell.console.Shell;

/**
 * The scenarios the trace and picture tests type at a fresh shell's prompt (a GenServer call, a
 * cast, a kill and restart under a one_for_one supervisor, a Registry dispatch), and the
 * comparison of drawings that does not depend on how many digits a pid has.
 */
final class TraceSessions {
    static final String COUNTER = "defmodule Counter do; use GenServer; "
            + "def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__); "
            + "def init(n), do: {:ok, n}; "
            + "def handle_call(:get, _from, n), do: {:reply, n, n}; "
            + "def handle_cast({:add, k}, n), do: {:noreply, n + k}; end";

    /** The inputs before a trace of a call or a cast: Counter runs with 0. */
    static final String[] COUNTER_RUNNING = {COUNTER, "{:ok, _} = Counter.start_link(0)"};
    static final String CALL = "GenServer.call(Counter, :get)";
    static final String CAST = "GenServer.cast(Counter, {:add, 2}); GenServer.call(Counter, :get)";

    /** The inputs before the kill: Counter under Sup, its pid in {@code old}. */
    static final String[] SUPERVISED = {COUNTER,
            "{:ok, _} = Supervisor.start_link([{Counter, 0}], strategy: :one_for_one, name: Sup)",
            "old = Process.whereis(Counter)",
            "defmodule Wait do; def new(old) do; case Process.whereis(Counter) do; ^old -> new(old); nil -> new(old); pid -> pid; end; end; end"};
    /**
     * Kills the child and waits for the new one under the name; the supervisor restarts before it
     * handles the next message, so once count_children answers, the restart is recorded (no settle time needed).
     */
    static final String KILL = "Process.exit(old, :kill); Wait.new(old); Supervisor.count_children(Sup).active";

    /** The inputs before the dispatch: two processes registered in Rooms under "lobby" and "kitchen". */
    static final String[] ROOMS = {
            "{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)",
            "for room <- [\"lobby\", \"kitchen\"], do: spawn(fn -> Registry.register(Rooms, room, nil); receive do :never -> :ok end end)",
            "defmodule Wait do; def registered(k), do: (if Registry.lookup(Rooms, k) == [], do: registered(k), else: :ok); end",
            "Wait.registered(\"lobby\"); Wait.registered(\"kitchen\")"};
    static final String DISPATCH = "for room <- [\"lobby\", \"kitchen\"], do: Registry.dispatch(Rooms, room, fn entries -> for {pid, _} <- entries, do: send(pid, {:hello, room}) end)";

    private TraceSessions() {}

    /** {@code trace(fn -> work end, settle: 0, extra)} as typed. */
    static String trace(String work, String extra) {
        return "trace(fn -> " + work + " end, settle: 0" + (extra.isEmpty() ? "" : ", " + extra) + ")";
    }

    /** The inputs followed by more. */
    static String[] then(String[] before, String... more) {
        String[] all = java.util.Arrays.copyOf(before, before.length + more.length);
        System.arraycopy(more, 0, all, before.length, more.length);
        return all;
    }

    /** Runs the inputs in a fresh shell and returns the transcript; fails on any error printed. */
    static String run(String... inputs) {
        String text = transcript(inputs);
        assertFalse(text.contains("** ("), text);
        return text;
    }

    /** Runs the inputs in a fresh shell and returns the transcript, errors and all. */
    static String transcript(String... inputs) {
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        try {
            Console c = shell.piped(new BufferedReader(new StringReader(String.join("\n", inputs) + "\n")), new PrintWriter(out, true));
            c.run();
        } finally {
            shell.shutdown();
        }
        return out.toString();
    }

    /**
     * A drawing with each pid as {@code #PID<_>}, and each run of spaces or of {@code ─} as one:
     * what is left (names, labels, arrowheads, lifelines, their order on each line) does not depend
     * on the digits of the pids a run happened to get.
     */
    static String flatten(String drawing) {
        return drawing.replaceAll("#PID<[0-9._]+>", "#PID<_>").replaceAll(" +", " ").replaceAll("─+", "─");
    }
}
