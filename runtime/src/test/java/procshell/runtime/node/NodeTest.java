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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.process.Await;
import procshell.runtime.process.SpawnOptions;

/** Pids, refs and the node's process table. */
class NodeTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void pidsPrintAsIexDoesAndAreNeverReused() {
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Tuple t = rt.self().spawnMonitor(self -> {});
            Pid pid = (Pid) t.get(0);
            assertTrue(numbers.add(pid.number()), "reused " + pid);
            assertTrue(pid.toString().matches("#PID<0\\.\\d+\\.0>"), pid.toString());
            Await.down(rt.self(), (Ref) t.get(1));
        }
    }

    @Test
    void pidEqualityTakesEveryFieldIntoAccount() {
        Pid local = rt.node().pid(0, 5, 0);
        assertEquals(local, rt.node().pid(0, 5, 0));
        assertEquals(local.hashCode(), rt.node().pid(0, 5, 0).hashCode());
        assertNotEquals(local, rt.node().pid(1, 5, 0), "#PID<0.5.0> is not #PID<1.5.0>");
        assertNotEquals(local, rt.node().pid(0, 5, 1));
        assertNotEquals(local, rt.node().pid(0, 6, 0));
        assertNotEquals(local, new Node().pid(0, 5, 0), "pids of different nodes differ");
        assertThrows(IllegalArgumentException.class, () -> rt.node().pid(0, -1, 0));
    }

    @Test
    void pidOfALiveProcessIsItsPid() {
        assertSame(rt.pid(), rt.node().pid(0, rt.pid().number(), 0));
        assertFalse(rt.node().isAlive(rt.node().pid(0, 999_999_999L, 0)));
        assertNull(rt.node().process(rt.node().pid(1, rt.pid().number(), 0)), "a remote pid names no local process");
    }

    @Test
    void processListAndCount() {
        int before = rt.node().processCount();
        Pid a = rt.node().spawn(self -> self.receive());
        assertTrue(rt.node().processes().contains(a));
        assertTrue(rt.node().processes().contains(rt.pid()));
        assertEquals(before + 1, rt.node().processCount());
        rt.self().exit(a, Atom.KILL);
        assertFalse(rt.node().processes().contains(a));
        assertEquals(before, rt.node().processCount());
    }

    @Test
    void refsAreUnique() {
        Ref a = rt.node().makeRef();
        Ref b = rt.node().makeRef();
        assertNotEquals(a, b);
        assertEquals(a, a);
        assertTrue(a.toString().startsWith("#Reference<0."), a.toString());
    }

    @Test
    void spawnLinkNeedsACallingProcess() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                rt.node().spawn(self -> {}, SpawnOptions.LINK);
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
