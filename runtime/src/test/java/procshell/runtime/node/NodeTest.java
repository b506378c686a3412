package procshell.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/** Pids, refs and the node's process table. */
class NodeTest {
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

    @Test
    void pidsPrintAsIexDoesAndAreNeverReused() {
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Tuple t = me.spawnMonitor(self -> {});
            Pid pid = (Pid) t.get(0);
            assertTrue(numbers.add(pid.number()), "reused " + pid);
            assertTrue(pid.toString().matches("#PID<0\\.\\d+\\.0>"), pid.toString());
            Await.down(me, (Ref) t.get(1));
        }
    }

    @Test
    void pidEqualityTakesEveryFieldIntoAccount() {
        Pid local = node.pid(0, 5, 0);
        assertEquals(local, node.pid(0, 5, 0));
        assertEquals(local.hashCode(), node.pid(0, 5, 0).hashCode());
        assertNotEquals(local, node.pid(1, 5, 0), "#PID<0.5.0> is not #PID<1.5.0>");
        assertNotEquals(local, node.pid(0, 5, 1));
        assertNotEquals(local, node.pid(0, 6, 0));
        assertNotEquals(local, new Node().pid(0, 5, 0), "pids of different nodes differ");
        assertThrows(IllegalArgumentException.class, () -> node.pid(0, -1, 0));
    }

    @Test
    void pidOfALiveProcessIsItsPid() {
        assertSame(me.self(), node.pid(0, me.self().number(), 0));
        assertFalse(node.isAlive(node.pid(0, 999_999_999L, 0)));
        assertNull(node.process(node.pid(1, me.self().number(), 0)), "a remote pid names no local process");
    }

    @Test
    void processListAndCount() {
        int before = node.processCount();
        Pid a = node.spawn(self -> self.receive());
        assertTrue(node.processes().contains(a));
        assertTrue(node.processes().contains(me.self()));
        assertEquals(before + 1, node.processCount());
        me.exit(a, Atom.KILL);
        assertFalse(node.processes().contains(a));
        assertEquals(before, node.processCount());
    }

    @Test
    void refsAreUnique() {
        Ref a = node.makeRef();
        Ref b = node.makeRef();
        assertNotEquals(a, b);
        assertEquals(a, a);
        assertTrue(a.toString().startsWith("#Reference<0."), a.toString());
    }

    @Test
    void spawnLinkNeedsACallingProcess() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                node.spawn(self -> {}, SpawnOptions.LINK);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
    }

    @Test
    void tuplesCompareByElements() {
        assertEquals(Tuple.of(Atom.OK, 1), Tuple.of(Atom.OK, 1));
        assertNotEquals(Tuple.of(Atom.OK, 1), List.of(Atom.OK, 1));
        assertTrue(Tuple.of(Atom.EXIT, 1, 2).isTagged(Atom.EXIT, 3));
        assertFalse(Tuple.of().isTagged(Atom.EXIT, 0));
    }
}
