package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/** Monitors, as {@code Process.monitor/1} and {@code Process.demonitor/2} behave on the BEAM. */
class MonitorTest {
    private static final Atom BOOM = Atom.of("boom");

    @RegisterExtension
    final TestNode rt = new TestNode();

    private static boolean isDown(Object m, Ref ref) {
        return m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1));
    }

    @Test
    void downCarriesTheExitReason() {
        Pid a = rt.node().spawn(self -> {
            throw new ExitException(self.receive());
        });
        Ref ref = rt.self().monitor(a);
        rt.self().send(a, Tuple.of(BOOM, 1));
        Tuple down = (Tuple) Await.receive(rt.self(), m -> isDown(m, ref), "DOWN");
        assertEquals(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, a, Tuple.of(BOOM, 1)), down);
    }

    @Test
    void anExceptionGivesExceptionAndStacktrace() {
        Pid a = rt.node().spawn(self -> {
            self.receive();
            throw new IllegalStateException("bad");
        });
        Ref ref = rt.self().monitor(a);
        rt.self().send(a, Atom.of("go"));
        Tuple reason = (Tuple) Await.down(rt.self(), ref);
        assertTrue(reason.get(0) instanceof IllegalStateException);
        assertTrue(reason.get(1) instanceof List<?>);
    }

    @Test
    void monitoringADeadPidGivesNoproc() {
        Pid dead = rt.deadPid();
        Ref ref = rt.self().monitor(dead);
        assertEquals(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, dead, Atom.NOPROC), rt.self().receive(0));
        Pid never = rt.node().pid(0, 1_000_000_000L, 0);
        Ref ref2 = rt.self().monitor(never);
        assertEquals(Tuple.of(Atom.DOWN, ref2, Atom.PROCESS, never, Atom.NOPROC), rt.self().receive(0));
    }

    @Test
    void eachMonitorFiresOnce() {
        Pid a = rt.idle();
        Ref r1 = rt.self().monitor(a);
        Ref r2 = rt.self().monitor(a);
        rt.self().exit(a, BOOM);
        assertEquals(BOOM, Await.down(rt.self(), r1));
        assertEquals(BOOM, Await.down(rt.self(), r2));
        assertSame(Mailbox.TIMEOUT, rt.self().receive(0));
    }

    @Test
    void demonitorStopsTheDown() {
        Pid a = rt.idle();
        Ref ref = rt.self().monitor(a);
        assertTrue(rt.self().demonitor(ref, false));
        rt.self().exit(a, BOOM);
        assertFalse(rt.node().isAlive(a));
        assertSame(Mailbox.TIMEOUT, rt.self().receive(0));
        assertFalse(rt.self().demonitor(ref, false));
    }

    @Test
    void demonitorWithFlushRemovesAQueuedDown() {
        Pid a = rt.idle();
        Ref ref = rt.self().monitor(a);
        rt.self().send(rt.pid(), Atom.of("keep"));
        rt.self().exit(a, BOOM);
        assertFalse(rt.self().demonitor(ref, true));
        assertEquals(Atom.of("keep"), rt.self().receive(0));
        assertSame(Mailbox.TIMEOUT, rt.self().receive(0));
    }

    @Test
    void aFiredMonitorLeavesBothTables() {
        Pid a = rt.idle();
        Ref ref = rt.self().monitor(a);
        assertEquals(List.of(a), rt.self().process().monitoredPids());
        assertEquals(List.of(rt.pid()), rt.node().process(a).monitoredBy());
        rt.self().exit(a, BOOM);
        Await.down(rt.self(), ref);
        assertEquals(List.of(), rt.self().process().monitoredPids());
        assertFalse(rt.self().demonitor(ref, false));
    }

    @Test
    void theDeathOfTheWatcherRemovesItsMonitors() {
        Pid a = rt.idle();
        Pid test = rt.pid();
        Pid watcher = rt.node().spawn(self -> {
            self.monitor(a);
            self.send(test, Atom.of("watching"));
            self.receive();
        });
        Await.receiveEqual(rt.self(), Atom.of("watching"));
        assertEquals(List.of(watcher), rt.node().process(a).monitoredBy());
        rt.self().exit(watcher, Atom.KILL);
        assertEquals(List.of(), rt.node().process(a).monitoredBy());
    }

    /**
     * Monitoring while the target is being killed: exactly one DOWN, with its real reason or
     * {@code :noproc}, and no monitor left behind.
     */
    @Test
    void monitorRacingWithDeathFiresExactlyOnce() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Pid target = rt.idle();
            Thread killer = rt.killFromAnotherThread(target);
            Ref ref = rt.self().monitor(target);
            killer.join();
            Object reason = Await.down(rt.self(), ref);
            assertTrue(Atom.KILLED.equals(reason) || Atom.NOPROC.equals(reason), "reason " + reason);
            assertSame(Mailbox.TIMEOUT, rt.self().receive(m -> isDown(m, ref), 0), "a second DOWN");
            assertEquals(List.of(), rt.self().process().monitoredPids(), "stale monitor after round " + i);
        }
    }

    /**
     * {@code demonitor(ref, [:flush])} racing with the target's death: once it returns, no DOWN for
     * that reference is queued or can still arrive.
     */
    @Test
    void demonitorWithFlushRacingWithDeathLeavesNoDown() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Pid target = rt.idle();
            Ref ref = rt.self().monitor(target);
            Thread killer = rt.killFromAnotherThread(target);
            rt.self().demonitor(ref, true);
            killer.join(); // the kill, DOWN delivery included, is over
            assertSame(Mailbox.TIMEOUT, rt.self().receive(m -> isDown(m, ref), 0), "late DOWN in round " + i);
        }
    }
}
