package procshell.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Tuple;

/** The rows of a table without entry objects: the map operations ETS tables use, alone and under concurrent writers. */
class RowMapTest {
    private static Tuple row(int key, Object value) {
        return Tuple.of(key, value);
    }

    @Test
    void answersAsAHashMapForRandomOperations() {
        RowMap rows = new RowMap(1);
        Map<Object, Object> expected = new HashMap<>();
        Random random = new Random(18);
        for (int step = 0; step < 200_000; step++) {
            int key = random.nextInt(3000);
            Tuple value = row(key, step);
            switch (random.nextInt(6)) {
                case 0 -> assertEquals(expected.put(key, value), rows.put(key, value));
                case 1 -> assertEquals(expected.putIfAbsent(key, value), rows.putIfAbsent(key, value));
                case 2 -> assertEquals(expected.remove(key), rows.remove(key));
                case 3 -> {
                    Object current = expected.get(key);
                    assertEquals(expected.remove(key, current), rows.remove(key, current));
                }
                case 4 -> assertEquals(expected.computeIfPresent(key, (k, v) -> null), rows.computeIfPresent(key, (k, v) -> null));
                default -> assertEquals(expected.get(key), rows.get(key));
            }
        }
        assertEquals(expected.size(), rows.size());
        assertEquals(expected.keySet(), new HashSet<>(rows.keySet()));
        assertEquals(new HashSet<>(expected.values()), new HashSet<>(rows.values()));
    }

    @Test
    void nextKeyWalksEveryKeyOnce() {
        RowMap rows = new RowMap(1);
        for (int i = 0; i < 1000; i++) rows.put(i, row(i, null));
        for (int i = 0; i < 1000; i += 3) rows.remove(i);
        Set<Object> seen = new HashSet<>();
        Object k = rows.keySet().iterator().next();
        while (k != null) {
            assertTrue(seen.add(k), "twice: " + k);
            k = rows.keyAfter(k);
        }
        assertEquals(rows.size(), seen.size());
        assertSame(RowMap.NO_KEY, rows.keyAfter(0));
    }

    @Test
    void aReaderNeverMissesARowThatStaysWhileOthersGrowAndShrinkTheTable() throws Exception {
        RowMap rows = new RowMap(1);
        int stable = 2000;
        for (int i = 0; i < stable; i++) rows.put(i, row(i, "stay"));
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int base = 1_000_000 * (w + 1);
            writers.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < 50_000; i++) rows.put(base + i, row(base + i, round));
                    for (int i = 0; i < 50_000; i++) {
                        if (rows.remove(base + i) == null) failure.compareAndSet(null, "lost " + (base + i));
                    }
                }
            }));
        }
        Thread reader = Thread.ofPlatform().start(() -> {
            Random random = new Random(1);
            while (writers.stream().anyMatch(Thread::isAlive)) {
                int k = random.nextInt(stable);
                Object v = rows.get(k);
                if (!(v instanceof Tuple t) || !"stay".equals(t.get(1))) failure.compareAndSet(null, "missed " + k + ": " + v);
            }
        });
        for (Thread t : writers) t.join();
        reader.join();
        assertNull(failure.get());
        assertEquals(stable, rows.size());
        assertFalse(rows.containsKey(1_000_000));
    }

    /** A lookup racing the removal of its own key finds the row or nothing, never the slot's removal marker. */
    @Test
    void aReaderOfAKeyBeingRemovedSeesTheRowOrNothing() throws Exception {
        RowMap rows = new RowMap(1);
        AtomicReference<String> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 200_000; round++) {
                rows.put(7, row(7, round));
                rows.remove(7);
            }
        });
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writer.isAlive()) {
                Object v = rows.get(7);
                if (v != null && !(v instanceof Tuple)) failure.compareAndSet(null, "saw " + v);
            }
        });
        writer.join();
        reader.join();
        assertNull(failure.get());
    }
}
