package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * Ctrl-C at a terminal ({@link TerminalSession}): whatever the input does, it stops that input and
 * nothing else. The shell process keeps its pid, its links (a linked Registry keeps its entries),
 * its mailbox and the bindings, and the prompt goes on with its number, as iex's does after an
 * interrupted input. The first time, one line says so.
 *
 * <p>Each input first puts {@code :phase} in the shell process's dictionary, so the test presses
 * Ctrl-C only once the input runs (pressed earlier, there would be nothing to stop).
 */
@Timeout(60)
class CtrlCSessionTest {
    private static final String INTERRUPTED = "** (exit) interrupted\n";

    private TerminalSession session;
    private Pid shellPid;

    @BeforeEach
    void start() throws IOException {
        session = new TerminalSession();
        assertEquals("ps(1)> x = 5\n5\nps(2)> ", session.typeLine("x = 5", "ps(2)> "));
        session.typeLine("{:ok, _} = Registry.start_link(keys: :unique, name: R); {:ok, _} = Registry.register(R, :k, 1)", "ps(3)> ");
        shellPid = session.shell.process().pid();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    private int phase;

    /** The prompt the screen ends with. */
    private String prompt() {
        String[] lines = session.screen().split("\n", -1);
        return lines[lines.length - 1];
    }

    /** Types a line that succeeds and returns what it prints (the lines between it and the next prompt). */
    private String eval(String line) {
        String prompt = prompt();
        int n = Integer.parseInt(prompt.replaceAll("\\D", ""));
        String shown = session.typeLine(line, "ps(" + (n + 1) + ")> ");
        return shown.substring(shown.indexOf('\n') + 1, shown.lastIndexOf('\n'));
    }

    /**
     * Types {@code input} (after the marker), waits until it runs and, when {@code waits}, until
     * the shell process waits; presses Ctrl-C and returns what the screen shows from the line after
     * the input to the next prompt, which must be the same as the input's.
     */
    private String interrupt(String input, boolean waits) {
        return interrupt(input, waits, false);
    }

    /**
     * As {@link #interrupt(String, boolean)}; when {@code mayFinish}, the input may also end by
     * itself on Ctrl-C (the next prompt is then the following number).
     */
    private String interrupt(String input, boolean waits, boolean mayFinish) {
        String prompt = prompt();
        String next = "ps(" + (Integer.parseInt(prompt.replaceAll("\\D", "")) + 1) + ")> ";
        int from = session.cursorLine();
        Integer mark = ++phase;
        session.keys.type("Process.put(:phase, " + mark + "); " + input + "\r");
        LocalProcess shell = session.shell.node().process(shellPid);
        long deadline = System.nanoTime() + TerminalSession.WAIT_MS * 1_000_000;
        while (System.nanoTime() < deadline && (!mark.equals(shell.dictionaryGet(Atom.of("phase")))
                || (waits && !shell.status().equals(Atom.of("waiting"))))) {
            Thread.onSpinWait();
        }
        session.terminal.raise(Terminal.Signal.INT);
        session.awaitScreen("the prompt after Ctrl-C", s -> (s.endsWith(prompt) || mayFinish && s.endsWith(next)) && s.split("\n", -1).length - 1 > from + 1);
        String shown = session.screenFrom(from);
        assertEquals(prompt + "Process.put(:phase, " + mark + "); " + input, shown.substring(0, shown.indexOf('\n')));
        return shown.substring(shown.indexOf('\n') + 1);
    }

    /** What shows that nothing but the input was stopped: the same shell process, its links, its mailbox, the bindings. */
    private void assertEverythingKept() {
        assertEquals("{true, 5}", eval("{inspect(self()) == \"" + shellPid + "\", x}"));
        assertEquals("true", eval("Registry.lookup(R, :k) == [{self(), 1}]"));
        assertEquals("{:messages, []}", eval("Process.info(self(), :messages)"));
    }

    private static final String FIRST = INTERRUPTED + Console.INTERRUPT_NOTE + "\n\n";

    @Test
    void aReceiveThatNothingMatchesIsStoppedAndOnlyTheFirstInterruptIsExplained() {
        assertEquals(FIRST + "ps(3)> ", interrupt("receive do :never -> 1 end", true));
        assertEverythingKept();
        assertEquals(INTERRUPTED + "\nps(6)> ", interrupt("receive do :never -> 1 end", true));
        assertEverythingKept();
    }

    @Test
    void aCallWithoutTimeoutIsStoppedAndItsLateReplyNeverArrives() {
        eval("defmodule Slow do use GenServer; def init(s), do: {:ok, s}; "
                + "def handle_call(:wait, from, s), do: (send(s, {:from, from}); {:noreply, s}) end");
        eval("{:ok, server} = GenServer.start_link(Slow, self())");
        assertEquals(FIRST + "ps(5)> ", interrupt("GenServer.call(server, :wait, :infinity)", true));
        // the server answers after all: the reply is dropped, as a timed-out call's is
        assertEquals(":ok", eval("receive do {:from, f} -> GenServer.reply(f, :late) end"));
        eval("Process.sleep(50)");
        assertEquals("{true, {:messages, []}}", eval("{Process.alive?(server), Process.info(self(), :messages)}"));
        assertEverythingKept();
    }

    @Test
    void aStartLinkWhoseInitHangsIsStoppedAndTheHalfStartedServerGoes() {
        eval("defmodule Hang do use GenServer; def init(_), do: (Process.sleep(:infinity); {:ok, 0}) end");
        assertEquals(FIRST + "ps(4)> ", interrupt("GenServer.start_link(Hang, 1, name: Hang)", false));
        assertEquals("nil", eval("Process.whereis(Hang)"));
        assertEverythingKept();
    }

    @Test
    void anEndlessSleepIsStopped() {
        assertEquals(FIRST + "ps(3)> ", interrupt("Process.sleep(:infinity)", true));
        assertEverythingKept();
    }

    @Test
    void aLongComputationOverARangeIsStopped() {
        assertEquals(FIRST + "ps(3)> ", interrupt("Enum.count(1..2_000_000_000, &(&1 > 0))", false));
        assertEverythingKept();
    }

    @Test
    void aFunctionThatCallsItselfForeverIsStopped() {
        eval("defmodule Loop do def forever(n), do: forever(n + 1) end");
        assertEquals(FIRST + "ps(4)> ", interrupt("Loop.forever(0)", false));
        assertEverythingKept();
    }

    @Test
    void anEndlessTimerSleepIsStopped() {
        assertEquals(FIRST + "ps(3)> ", interrupt(":timer.sleep(:infinity)", true));
        assertEverythingKept();
    }

    @Test
    void anAwaitWithoutTimeoutIsStoppedAndTheLinkedTaskStays() {
        eval("t = Task.async(fn -> Process.sleep(:infinity) end); :ok");
        assertEquals(FIRST + "ps(4)> ", interrupt("Task.await(t, :infinity)", true));
        assertEquals("true", eval("Process.alive?(t.pid)"));
        assertEverythingKept();
    }

    @Test
    void aGetFromAHangingAgentIsStopped() {
        eval("{:ok, agent} = Agent.start_link(fn -> 0 end); Agent.cast(agent, fn s -> Process.sleep(:infinity); s end)");
        assertEquals(FIRST + "ps(4)> ", interrupt("Agent.get(agent, & &1, :infinity)", true));
        assertEquals("true", eval("Process.alive?(agent)"));
        assertEverythingKept();
    }

    @Test
    void aTraceOfProcessesIsStoppedAndTracesAgain() {
        eval("{:ok, echo} = Agent.start_link(fn -> 0 end)");
        // what was recorded until Ctrl-C is drawn (here: nothing); the trace then ends as an
        // interrupted input or, when Ctrl-C reached it while it stopped recording, by itself
        String shown = interrupt("trace([echo], 600_000)", true, true);
        assertTrue(shown.equals("(no messages among the traced processes)\n" + FIRST + "ps(4)> ")
                || shown.equals("(no messages among the traced processes)\nps(5)> "), shown);
        assertEverythingKept();
        // tracing goes on working: a new trace draws the call and returns its value
        String drawn = eval("trace(fn -> Agent.get(echo, & &1) end)");
        assertEquals("0", drawn.substring(drawn.lastIndexOf('\n') + 1), drawn);
    }

    /**
     * An input stuck in a Java call that no Ctrl-C reaches (a lock's uninterruptible wait): a
     * second Ctrl-C a second after the first ends the shell process, and the console goes on at
     * once (on a new thread: the input ran on the one that read it) with the bindings; when the
     * stuck call returns at last, it prints nothing.
     */
    @Test
    void anInputStuckInAJavaCallIsGivenUpOnByASecondCtrlCAndTheConsoleGoesOn() throws InterruptedException {
        String key = "procshell.test.stuck." + System.nanoTime();
        java.util.concurrent.locks.ReentrantLock stuck = new java.util.concurrent.locks.ReentrantLock();
        System.getProperties().put(key, stuck);
        stuck.lock();
        try {
            int from = session.cursorLine();
            session.keys.type("~G\"System.getProperties().get('" + key + "').lock(); 1\"\r");
            long deadline = System.nanoTime() + TerminalSession.WAIT_MS * 1_000_000;
            while (System.nanoTime() < deadline && !stuck.hasQueuedThreads()) Thread.sleep(5);
            session.terminal.raise(Terminal.Signal.INT); // the lock's wait never looks
            Thread.sleep(1_200);
            session.terminal.raise(Terminal.Signal.INT);
            session.awaitScreen("the new shell process's prompt, and the report of the Registry it took along",
                    s -> s.endsWith("ps(1)> ") && s.contains("GenServer R terminating"));
            String shown = session.screenFrom(from);
            shown = shown.substring(shown.indexOf('\n') + 1);
            assertTrue(shown.startsWith("** (EXIT) interrupted\n\n" + Console.RESTART_BANNER + "\n"), shown);
            // the Registry linked to the shell process got its exit signal, as on the BEAM
            assertTrue(shown.contains("[error] GenServer R terminating\n** (stop) :interrupted\n"), shown);
            assertEquals("ps(1)> x\n5\nps(2)> ", session.typeLine("x", "ps(2)> "));
        } finally {
            stuck.unlock(); // the stuck call returns
            System.getProperties().remove(key);
        }
        Thread.sleep(200);
        assertEquals("ps(2)> x + 1\n6\nps(3)> ", session.typeLine("x + 1", "ps(3)> "));
        assertFalse(session.shell.node().isAlive(shellPid));
    }
}
