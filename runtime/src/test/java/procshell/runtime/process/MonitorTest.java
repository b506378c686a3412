package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/** Monitors, as {@code Process.monitor/1} and {@code Process.demonitor/2} behave on the BEAM. */
class MonitorTest {
    private static final Atom BOOM = Atom.of("boom");

    private Node node;
    private ProcessContext me;

    @BeforeEach
    void attach() {
        node = new Node();
        me = node.attach();
    }

    @AfterEach
    void detach() {
        node.detach();
        node.shutdown();
    }

    private Pid idle() {
        return node.spawn(self -> {
            while (true) self.receive();
        });
    }

    private static boolean isDown(Object m, Ref ref) {
        return m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1));
    }

    @Test
    void downCarriesTheExitReason() {
        Pid a = node.spawn(self -> {
            throw new ExitException(self.receive());
        });
        Ref ref = me.monitor(a);
        me.send(a, Tuple.of(BOOM, 1));
        Tuple down = (Tuple) Await.receive(me, m -> isDown(m, ref), "DOWN");
        assertEquals(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, a, Tuple.of(BOOM, 1)), down);
    }

    @Test
    void anExceptionGivesExceptionAndStacktrace() {
        Pid a = node.spawn(self -> {
            self.receive();
            throw new IllegalStateException("bad");
        });
        Ref ref = me.monitor(a);
        me.send(a, Atom.of("go"));
        Tuple reason = (Tuple) Await.down(me, ref);
        assertTrue(reason.get(0) instanceof IllegalStateException);
        assertTrue(reason.get(1) instanceof List<?>);
    }

    @Test
    void monitoringADeadPidGivesNoproc() {
        Tuple spawned = me.spawnMonitor(self -> {});
        Pid dead = (Pid) spawned.get(0);
        Await.down(me, (Ref) spawned.get(1));
        Ref ref = me.monitor(dead);
        assertEquals(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, dead, Atom.NOPROC), me.receive(0));
        Pid never = node.pid(0, 1_000_000_000L, 0);
        Ref ref2 = me.monitor(never);
        assertEquals(Tuple.of(Atom.DOWN, ref2, Atom.PROCESS, never, Atom.NOPROC), me.receive(0));
    }

    @Test
    void eachMonitorFiresOnce() {
        Pid a = idle();
        Ref r1 = me.monitor(a);
        Ref r2 = me.monitor(a);
        me.exit(a, BOOM);
        assertEquals(BOOM, Await.down(me, r1));
        assertEquals(BOOM, Await.down(me, r2));
        assertSame(Mailbox.TIMEOUT, me.receive(0));
    }

    @Test
    void demonitorStopsTheDown() {
        Pid a = idle();
        Ref ref = me.monitor(a);
        assertTrue(me.demonitor(ref, false));
        me.exit(a, BOOM);
        assertFalse(node.isAlive(a));
        assertSame(Mailbox.TIMEOUT, me.receive(0));
        assertFalse(me.demonitor(ref, false));
    }

    @Test
    void demonitorWithFlushRemovesAQueuedDown() {
        Pid a = idle();
        Ref ref = me.monitor(a);
        me.send(me.self(), Atom.of("keep"));
        me.exit(a, BOOM);
        assertFalse(me.demonitor(ref, true));
        assertEquals(Atom.of("keep"), me.receive(0));
        assertSame(Mailbox.TIMEOUT, me.receive(0));
    }

    @Test
    void aFiredMonitorLeavesBothTables() {
        Pid a = idle();
        Ref ref = me.monitor(a);
        assertEquals(List.of(a), me.process().monitoredPids());
        assertEquals(List.of(me.self()), node.process(a).monitoredBy());
        me.exit(a, BOOM);
        Await.down(me, ref);
        assertEquals(List.of(), me.process().monitoredPids());
        assertFalse(me.demonitor(ref, false));
    }

    @Test
    void theDeathOfTheWatcherRemovesItsMonitors() {
        Pid a = idle();
        Pid test = me.self();
        Pid watcher = node.spawn(self -> {
            self.monitor(a);
            self.send(test, Atom.of("watching"));
            self.receive();
        });
        Await.receiveEqual(me, Atom.of("watching"));
        assertEquals(List.of(watcher), node.process(a).monitoredBy());
        me.exit(watcher, Atom.KILL);
        assertEquals(List.of(), node.process(a).monitoredBy());
    }

    /**
     * Monitoring while the target is being killed: exactly one DOWN, with its real reason or
     * {@code :noproc}, and no monitor left behind.
     */
    @Test
    void monitorRacingWithDeathFiresExactlyOnce() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Pid target = idle();
            CountDownLatch go = new CountDownLatch(1);
            Thread killer = Thread.ofPlatform().start(() -> {
                LinkTest.await(go);
                node.exit(null, target, Atom.KILL);
            });
            go.countDown();
            Ref ref = me.monitor(target);
            killer.join();
            Object reason = Await.down(me, ref);
            assertTrue(Atom.KILLED.equals(reason) || Atom.NOPROC.equals(reason), "reason " + reason);
            assertSame(Mailbox.TIMEOUT, me.receive(m -> isDown(m, ref), 0), "a second DOWN");
            assertEquals(List.of(), me.process().monitoredPids(), "stale monitor after round " + i);
        }
    }

    /**
     * {@code demonitor(ref, [:flush])} racing with the target's death: once it returns, no DOWN for
     * that reference is queued or can still arrive.
     */
    @Test
    void demonitorWithFlushRacingWithDeathLeavesNoDown() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Pid target = idle();
            Ref ref = me.monitor(target);
            CountDownLatch go = new CountDownLatch(1);
            Thread killer = Thread.ofPlatform().start(() -> {
                LinkTest.await(go);
                node.exit(null, target, Atom.KILL);
            });
            go.countDown();
            me.demonitor(ref, true);
            killer.join(); // the kill, DOWN delivery included, is over
            assertSame(Mailbox.TIMEOUT, me.receive(m -> isDown(m, ref), 0), "late DOWN in round " + i);
        }
    }
}
