package procshell.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The atom table: real counts ({@code :erlang.system_info(:atom_count)}), the limit
 * ({@code :atom_limit}, 1,048,576 by default) and {@code system_limit} when it is full. Small
 * limits keep the tests quick; a node's table starts with its boot atoms.
 */
class AtomTableTest {
    @Test
    void theDefaultLimitIsTheBeams() {
        Node node = new Node();
        assertEquals(1_048_576, node.atoms().limit());
        assertEquals(AtomTable.DEFAULT_LIMIT, node.atoms().limit());
        assertTrue(node.atoms().count() > 0, "boot atoms are counted");
        assertNotNull(node.atoms().existing("ok"));
        assertNotNull(node.atoms().existing("nonode@nohost"));
    }

    @Test
    void countGrowsByNewAtomsOnly() {
        AtomTable table = new AtomTable(100);
        assertEquals(0, table.count());
        Atom a = table.intern("atom_table_a");
        assertEquals(1, table.count());
        assertSame(a, table.intern("atom_table_a"));
        assertEquals(1, table.count());
        table.intern("atom_table_b");
        assertEquals(2, table.count());
        assertTrue(table.contains(a));
        assertEquals(java.util.Set.of("atom_table_a", "atom_table_b"), table.names());
    }

    @Test
    void existingFindsOnlyAtomsAlreadyInTheTable() {
        AtomTable table = new AtomTable(10);
        assertNull(table.existing("never_interned_here"));
        assertEquals(0, table.count(), "a lookup creates nothing");
        Atom a = table.intern("now_interned");
        assertSame(a, table.existing("now_interned"));
    }

    @Test
    void aFullTableIsSystemLimit() {
        AtomTable table = new AtomTable(3);
        table.intern("x1");
        table.intern("x2");
        table.intern("x3");
        SystemLimitException e = assertThrows(SystemLimitException.class, () -> table.intern("x4"));
        assertTrue(e.getMessage().contains("max=3"), e.getMessage());
        assertEquals(3, table.count());
        assertNull(table.existing("x4"));
        assertNotNull(table.intern("x2"), "existing atoms are still found");
    }

    @Test
    void aNodeWithASmallLimitRunsOutOfAtoms() {
        int boot = new Node().atoms().count();
        Node node = new Node("small@localhost", boot + 6); // boot atoms + its name + 5
        assertEquals(boot + 1, node.atoms().count());
        for (int i = 0; i < 5; i++) node.atoms().intern("small_" + i);
        assertThrows(SystemLimitException.class, () -> node.atoms().intern("one_too_many"));
        assertEquals(node.atoms().limit(), node.atoms().count());
    }

    @Test
    void atomsLongerThan255CharactersAreRejected() {
        AtomTable table = new AtomTable(10);
        assertNotNull(table.intern("a".repeat(255)));
        assertThrows(IllegalArgumentException.class, () -> table.intern("a".repeat(256)));
        assertEquals(1, table.count());
    }

    @Test
    void aLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new AtomTable(0));
    }

    /** Many threads interning different atoms at once never push the table past its limit. */
    @Test
    void concurrentInternsNeverExceedTheLimit() throws Exception {
        for (int round = 0; round < 20; round++) {
            int limit = 500;
            AtomTable table = new AtomTable(limit);
            AtomicInteger created = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 200; i++) {
                        try {
                            table.intern("c_" + id + "_" + i);
                            created.incrementAndGet();
                        } catch (SystemLimitException full) {
                            // expected once the table is full
                        }
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) t.join();
            assertEquals(limit, table.count(), "round " + round);
            assertEquals(limit, created.get(), "round " + round);
            assertEquals(limit, table.names().size(), "round " + round);
        }
    }
}
