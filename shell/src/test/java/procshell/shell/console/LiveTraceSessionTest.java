package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code trace(name, :infinity, live: true)} at a terminal: each arrow prints the moment it happens (here a neighbour's ticks to a process registered as Counter),
 * while the input still runs; Ctrl-C ends the trace as the time running out would (no error), and
 * the shell process keeps its pid, its link to the traced server and its bindings.
 */
@Timeout(60)
class LiveTraceSessionTest {
    private static final Pattern CAST_LINE = Pattern.compile(
            "(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[trace\\] #PID<[0-9.]+> ─INFO :tick─▶ Counter$");

    @Test
    void arrowsPrintAsTheyHappenAndCtrlCStopsTheTraceOnly() throws Exception {
        try (TerminalSession session = new TerminalSession()) {
            session.typeLine("counter = spawn_link(fn -> Stream.repeatedly(fn -> receive do _ -> :ok end end) |> Stream.run() end)", "ps(2)> ");
            session.typeLine("Process.register(counter, Counter); shell = self()", "ps(3)> ");
            // a neighbour that sends a tick now and then, for as long as the test runs
            session.typeLine("caster = spawn(fn -> Stream.repeatedly(fn -> send(Counter, :tick); Process.sleep(30) end) |> Stream.run() end)", "ps(4)> ");
            int from = session.cursorLine();
            session.keys.type("trace(Counter, :infinity, live: true)\r");
            // Arrows show up while the trace still runs (no prompt after them yet).
            session.awaitScreen("a live arrow", s -> CAST_LINE.matcher(s).find() && !s.endsWith("ps(5)> "));
            session.terminal.raise(Terminal.Signal.INT);
            String shown = session.awaitScreen("the prompt after Ctrl-C", s -> s.endsWith("ps(5)> "));
            String trace = shown.substring(shown.indexOf("trace(Counter, :infinity, live: true)"));
            assertTrue(CAST_LINE.matcher(trace).find(), trace);
            assertFalse(trace.contains("** ("), trace);
            assertTrue(session.screenFrom(from).lines().skip(1).filter(l -> !l.startsWith("ps(")).allMatch(l -> l.contains(" [trace] ")), trace);
            String kept = session.typeLine("Process.exit(caster, :kill); {:links, links} = Process.info(self(), :links); {self() == shell, counter in links}", "ps(6)> ");
            assertEquals("{true, true}", kept.lines().toList().get(1), kept);
        }
    }
}
