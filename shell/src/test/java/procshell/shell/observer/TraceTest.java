package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import procshell.shell.console.Console;
import procshell.shell.console.Shell;

/**
 * {@code trace(fn)}'s sequence diagrams for scenarios typed at the prompt, as a person sees them:
 * a GenServer call, a cast, a kill and restart under a one_for_one supervisor, a call through a
 * Registry via name; and the Mermaid file {@code to:} writes. Pids in the transcript are
 * normalised digit by digit (their length kept, so the columns stay where they were drawn).
 */
@Timeout(60)
class TraceTest {
    private static final String COUNTER = "defmodule Counter do; use GenServer; "
            + "def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__); "
            + "def init(n), do: {:ok, n}; "
            + "def handle_call(:get, _from, n), do: {:reply, n, n}; "
            + "def handle_cast({:add, k}, n), do: {:noreply, n + k}; end";

    /** Runs the inputs in a fresh shell and returns the transcript with pids' digits as {@code _}. */
    private static String run(String... inputs) {
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        try {
            Console c = shell.piped(new BufferedReader(new StringReader(String.join("\n", inputs) + "\n")), new PrintWriter(out, true));
            c.run();
        } finally {
            shell.shutdown();
        }
        StringBuilder sb = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#PID<[0-9.]+>").matcher(out.toString());
        while (m.find()) m.appendReplacement(sb, m.group().replaceAll("[0-9]", "_"));
        m.appendTail(sb);
        String text = sb.toString();
        assertFalse(text.contains("** ("), text);
        return text;
    }

    @Test
    void aCallIsAnArrowToTheServerAndAReplyBack() {
        String t = run(COUNTER, "{:ok, _} = Counter.start_link(0)",
                "trace(fn -> GenServer.call(Counter, :get) end, settle: 0)");
        assertTrue(t.contains("""
                self()       Counter
                   │            │
                   │─CALL :get─▶│
                   │◀─reply 0───│
                0
                """), t);
    }

    @Test
    void aCastIsAnArrowWithoutReply() {
        String t = run(COUNTER, "{:ok, _} = Counter.start_link(0)",
                "trace(fn -> GenServer.cast(Counter, {:add, 2}); GenServer.call(Counter, :get) end, settle: 0)");
        assertTrue(t.contains("""
                self()            Counter
                   │                 │
                   │─CAST {:add, 2}─▶│
                   │─CALL :get──────▶│
                   │◀─reply 2────────│
                2
                """), t);
    }

    @Test
    void aKilledChildEndsAndItsSupervisorStartsAnother() {
        String t = run(COUNTER,
                "{:ok, _} = Supervisor.start_link([{Counter, 0}], strategy: :one_for_one, name: Sup)",
                "old = Process.whereis(Counter)",
                "defmodule Wait do; def new(old) do; case Process.whereis(Counter) do; ^old -> new(old); nil -> new(old); pid -> pid; end; end; end",
                "trace(fn -> Process.exit(old, :kill); Wait.new(old); Supervisor.count_children(Sup).active end)");
        assertTrue(t.contains("""
                self()       Counter #PID<_._._>        Sup               Counter #PID<_._._>
                   │                  │                  │
                   │─EXIT :kill──────▶│                  │
                   │                  │─EXIT :killed────▶│
                   │                  ✕ exit :killed     │
                   │                                     │─RESTART Counter (link)─▶┬
                   │─CALL :count_children───────────────▶│                         │
                   │◀─reply [specs: 1, active: 1, super…─│                         │
                1
                """), t);
    }

    @Test
    void aCallThroughARegistryNamesTheServerByItsKey() {
        String t = run(COUNTER,
                "{:ok, _} = Registry.start_link(keys: :unique, name: Reg)",
                "{:ok, _} = GenServer.start_link(Counter, 5, name: {:via, Registry, {Reg, \"counter-1\"}})",
                "trace(fn -> GenServer.call({:via, Registry, {Reg, \"counter-1\"}}, :get) end, settle: 0)");
        assertTrue(t.contains("""
                self()     "counter-1"
                   │            │
                   │─CALL :get─▶│
                   │◀─reply 5───│
                5
                """), t);
    }

    @Test
    void aRegistryDispatchSendsToEachProcessUnderTheKey() {
        String t = run(
                "{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)",
                "for room <- [\"lobby\", \"kitchen\"], do: spawn(fn -> Registry.register(Rooms, room, nil); receive do :never -> :ok end end)",
                "defmodule Wait do; def registered(k), do: (if Registry.lookup(Rooms, k) == [], do: registered(k), else: :ok); end",
                "Wait.registered(\"lobby\"); Wait.registered(\"kitchen\")",
                "trace(fn -> for room <- [\"lobby\", \"kitchen\"], do: Registry.dispatch(Rooms, room, fn entries -> for {pid, _} <- entries, do: send(pid, {:hello, room}) end) end, settle: 0)");
        assertTrue(t.contains("""
                self()                    "lobby"    "kitchen"
                   │                         │           │
                   │─INFO {:hello, "lobby"}─▶│           │
                   │─INFO {:hello, "kitchen"}┼──────────▶│
                [:ok, :ok]
                """), t);
    }

    @Test
    void aProcessTracedForAWhileShowsWhatReachesIt() {
        String t = run(COUNTER, "{:ok, _} = Counter.start_link(0)",
                "spawn(fn -> Process.sleep(50); GenServer.cast(Counter, {:add, 1}) end); trace(Counter, 2000)");
        assertTrue(t.contains("""
                #PID<_._._>         Counter
                     │                 │
                     │─CAST {:add, 1}─▶│
                """), t);
    }

    @Test
    void toWritesTheDiagramAsMermaid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("call.mmd");
        run(COUNTER, "{:ok, _} = Counter.start_link(0)",
                "trace(fn -> GenServer.call(Counter, :get) end, settle: 0, to: \"" + file + "\")");
        assertEquals("""
                sequenceDiagram
                    participant P1 as self()
                    participant P2 as Counter
                    P1->>P2: CALL :get
                    P2-->>P1: reply 0
                """, Files.readString(file));
    }
}
