package procshell.runtime.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/**
 * A GenServer whose {@code terminate/2} hangs, shut down by its supervisor as supervisor.erl does:
 * killed once its shutdown time ({@code 5000} ms by default for a worker) has passed, even when it
 * hangs in a loop that ignores interruption; waited for without end with {@code :infinity}.
 * (The 200 ms shutdown and {@code :brutal_kill} are in {@link SupervisorTest}.)
 */
class ShutdownTimeoutTest {
    private static final Atom HANG = Atom.of("hang");

    @RegisterExtension
    final TestNode rt = new TestNode();

    private final AtomicBoolean spinning = new AtomicBoolean(true);

    @AfterEach
    void stopTheLoops() {
        spinning.set(false);
    }

    /** Traps exits; its terminate/2 says it started, then runs {@code hang}. */
    private static final class Hanging extends GenServer {
        final CountDownLatch terminating;
        final Runnable hang;

        Hanging(CountDownLatch terminating, Runnable hang) {
            this.terminating = terminating;
            this.hang = hang;
        }

        @Override
        public Object init(Object arg) {
            ProcessContext.require().trapExit(true);
            return Tuple.of(Atom.OK, arg);
        }

        @Override
        public Object terminate(Object reason, Object state) {
            terminating.countDown();
            hang.run();
            return Atom.OK;
        }
    }

    private Pid startUnder(Object shutdown, CountDownLatch terminating, Runnable hang) {
        ChildSpec spec = ChildSpec.worker(HANG, () -> GenServer.startLink(new Hanging(terminating, hang), HANG, StartOptions.named(HANG)));
        if (shutdown != null) spec = spec.withShutdown(shutdown);
        return SupervisorTest.okPid(Supervisor.startLink(List.of(spec), SupervisorFlags.oneForOne(), null));
    }

    @Test
    void theDefaultShutdownKillsAWorkerAfterFiveSeconds() {
        CountDownLatch terminating = new CountDownLatch(1);
        Pid sup = startUnder(null, terminating, () -> ProcessContext.require().receive(m -> false, 60_000));
        Pid child = rt.node().whereis(HANG);
        Ref mon = rt.self().monitor(child);
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, HANG));
        assertEquals(0, terminating.getCount(), "terminate/2 ran");
        assertEquals(Atom.KILLED, Await.down(rt.self(), mon), "killed after 5000 ms, as supervisor.erl's default");
    }

    @Test
    void aTerminateStuckInALoopThatIgnoresInterruptsIsKilledAndDeadForEveryone() {
        CountDownLatch terminating = new CountDownLatch(1);
        Pid sup = startUnder(100, terminating, () -> {
            while (spinning.get()) Thread.interrupted();
        });
        Pid child = rt.node().whereis(HANG);
        Ref mon = rt.self().monitor(child);
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, HANG));
        assertEquals(Atom.KILLED, Await.down(rt.self(), mon));
        assertFalse(rt.node().isAlive(child));
        assertEquals(null, rt.node().whereis(HANG), "its name is free though its thread still loops");
        assertEquals(Atom.OK, ((Tuple) Supervisor.restartChild(sup, HANG)).get(0), "and it starts again under its name");
        assertTrue(rt.node().isAlive(rt.node().whereis(HANG)));
    }

    @Test
    void infinityWaitsForTerminateHoweverLongItTakes() throws InterruptedException {
        CountDownLatch terminating = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Pid sup = startUnder(Atom.INFINITY, terminating, () -> Await.latch(release));
        Pid child = rt.node().whereis(HANG);
        Ref mon = rt.self().monitor(child);
        // The supervisor's call blocks until terminate/2 returns: make it from another process.
        Ref caller = (Ref) rt.self().spawnMonitor(p -> {
            if (!Atom.OK.equals(Supervisor.terminateChild(sup, HANG))) throw new AssertionError("terminate_child");
        }).get(1);
        Await.latch(terminating);
        assertTrue(rt.node().isAlive(child), "still running its terminate/2");
        release.countDown();
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), mon), "it stopped by itself, never killed");
        assertEquals(Atom.NORMAL, Await.down(rt.self(), caller));
    }
}
