package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.Console;
import procshell.shell.console.Shell;
import procshell.shell.iex.IexSession;

/**
 * {@code watch()}'s lines for what happens in a session typed at the prompt: spawns, exits,
 * registrations in Elixir's Registry and local names, each process's own events with
 * {@code watch(name)}, and silence after {@code unwatch()}. The lines printed above the prompt are
 * collected as the console would receive them.
 */
@Timeout(60)
class WatcherTest {
    private static final String STAMP = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[watch\\] ";
    private static final String PID = "#PID<0\\.\\d+\\.0>";

    /** Runs the inputs in a fresh shell; returns the transcript, and the lines printed above the prompt in {@code above}. */
    private static String run(List<String> above, String... inputs) {
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        try {
            Console c = shell.piped(new BufferedReader(new StringReader(String.join("\n", inputs) + "\n")), new PrintWriter(out, true));
            IexSession.of(shell.node()).setConsole(text -> above.addAll(List.of(text.split("\n"))), null);
            c.run();
            return out.toString();
        } finally {
            shell.shutdown();
        }
    }

    private static void await(List<String> lines, String regex) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.matches(regex))) return;
            Thread.onSpinWait();
        }
        fail("no line matches " + regex + " in " + lines);
    }

    @Test
    void everyEventOfTheNodeThenOneNamesThenNone() {
        List<String> above = new CopyOnWriteArrayList<>();
        String transcript = run(above,
                "{:ok, _} = Registry.start_link(keys: :unique, name: Reg)",
                "watch()",
                "p = spawn(fn -> Registry.register(Reg, \"room-1\", nil); receive do _ -> :ok end end)",
                "Registry.lookup(Reg, \"room-1\") == [] && Process.sleep(100); Process.exit(p, :kill)",
                "Process.sleep(100); unwatch()",
                "Process.register(self(), :me)",
                "watch(:other)",
                "q = spawn(fn -> receive do _ -> :ok end end); Process.register(q, :other); Process.exit(q, :kill)",
                "Process.sleep(100); :done");
        assertFalse(transcript.contains("** ("), transcript);
        await(above, STAMP + "spawn " + PID + " by " + PID);
        await(above, STAMP + "register \"room-1\" -> " + PID + " \\(Reg\\)");
        await(above, STAMP + "exit " + PID + ": :killed");
        await(above, STAMP + "unregister \"room-1\" of " + PID + " \\(Reg\\)");
        await(above, STAMP + "register :other -> " + PID + " \\(local\\)");
        await(above, STAMP + "unregister :other of " + PID + " \\(local\\)");
        await(above, STAMP + "exit " + PID + " \\(:other\\): :killed");
        List<String> mine = new ArrayList<>(above);
        assertTrue(mine.stream().noneMatch(l -> l.contains(":me")), "unwatch() stopped the feed: " + mine);
        assertTrue(mine.stream().filter(l -> l.contains("] spawn ")).count() == 1,
                "p's spawn only: watch(:other) did not show q's, which had no name yet: " + mine);
    }
}
