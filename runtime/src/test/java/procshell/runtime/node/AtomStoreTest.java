package procshell.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

/**
 * The compact store behind {@link Atom#of} and {@link AtomTable}: one atom per text, found again
 * through every resize and new chunk, by any thread, while others add; texts come back as given.
 */
class AtomStoreTest {
    @Test
    void oneAtomPerTextThroughResizesAndConcurrentAdds() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        ConcurrentHashMap<String, Atom> seen = new ConcurrentHashMap<>();
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            running.add(Thread.ofPlatform().start(() -> {
                try {
                    // Every thread adds the same texts, so adds of one text race each other.
                    for (int i = 0; i < perThread; i++) {
                        String name = "atom_store_test_" + i;
                        Atom a = Atom.of(name);
                        Atom first = seen.putIfAbsent(name, a);
                        if (first != null) assertSame(first, a);
                        assertSame(a, AtomStore.find(name));
                        assertEquals(name, a.name());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : running) t.join();
        assertEquals(List.of(), failures);
        assertEquals(perThread, seen.size());
        assertNull(AtomStore.find("atom_store_test_absent"));
    }

    @Test
    void textsComeBackAsGivenWhateverTheirLength() {
        for (String text : List.of("", "a", "é", "Ελληνικά", "日本語", "\u0000x", "a".repeat(127), "a".repeat(128), "ü".repeat(255), "😀".repeat(255))) {
            Atom a = Atom.of(text);
            assertEquals(text, a.name());
            assertSame(a, Atom.of(new String(text)));
        }
    }

    @Test
    void atomsCompareByTheirBytesAndKnowTheElixirPrefix() {
        assertTrue(Atom.of("a").compareTo(Atom.of("b")) < 0);
        assertTrue(Atom.of("ab").compareTo(Atom.of("a")) > 0);
        assertEquals(0, Atom.of("same").compareTo(Atom.of("same")));
        assertTrue(Atom.of("z").compareTo(Atom.of("é")) < 0);
        assertTrue(Atom.module("Foo").isElixirModule());
        assertFalse(Atom.of("Elixir").isElixirModule());
        assertFalse(Atom.of("ok").isElixirModule());
    }

    @Test
    void aSecondTableHoldsItsOwnAtoms() {
        AtomTable first = new AtomTable(10);
        AtomTable second = new AtomTable(10);
        Atom a = first.intern("atom_store_shared");
        assertNull(second.existing("atom_store_shared"));
        assertSame(a, second.intern("atom_store_shared"));
        assertSame(a, second.existing("atom_store_shared"));
        assertEquals(1, first.count());
        assertEquals(1, second.count());
        assertTrue(first.contains(a) && second.contains(a));
    }
}
