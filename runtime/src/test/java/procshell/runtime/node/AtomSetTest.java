package procshell.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/**
 * The compact atom set behind {@link Atom#of} and {@link AtomTable}: one atom per text, found
 * again through every resize, by any thread, while others add.
 */
class AtomSetTest {
    @Test
    void oneAtomPerTextThroughResizesAndConcurrentAdds() throws Exception {
        AtomSet set = new AtomSet();
        int threads = 4;
        int perThread = 20_000;
        ConcurrentHashMap<String, Atom> seen = new ConcurrentHashMap<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(Thread.ofPlatform().start(() -> {
                // Every thread adds the same texts, so adds of one text race each other.
                for (int i = 0; i < perThread; i++) {
                    String name = "atom_set_test_" + i;
                    Atom a = set.getOrAdd(name, Integer.MAX_VALUE, Atom::of);
                    Atom first = seen.putIfAbsent(name, a);
                    if (first != null) assertSame(first, a);
                    assertSame(a, set.get(name));
                }
            }));
        }
        for (Thread t : running) t.join();
        assertEquals(perThread, set.size());
        assertEquals(perThread, set.names().size());
        assertNull(set.get("atom_set_test_absent"));
    }

    @Test
    void aFullSetAddsNothing() {
        AtomSet set = new AtomSet();
        assertSame(Atom.of("a1"), set.getOrAdd("a1", 1, Atom::of));
        assertNull(set.getOrAdd("a2", 1, Atom::of));
        assertSame(Atom.of("a1"), set.getOrAdd("a1", 1, Atom::of));
        assertEquals(1, set.size());
    }
}
