package procshell.runtime.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** The persistent map against a HashMap, with keys whose hashes collide, and Erlang's exact keys. */
class PersistentMapTest {
    /** A key whose hash is chosen: many keys share few hashes, so collision nodes are made and taken apart. */
    private record Colliding(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static Map<Object, Object> contents(PersistentMap m) {
        Map<Object, Object> out = new HashMap<>();
        m.forEach(out::put);
        int[] n = {0};
        m.iterator().forEachRemaining(e -> n[0]++);
        assertEquals(m.size(), n[0], "the iterator and size agree");
        return out;
    }

    @Test
    void randomPutsAndRemovesMatchAHashMapAndLeaveEveryEarlierVersionAsItWas() {
        Random r = new Random(42);
        PersistentMap m = PersistentMap.EMPTY;
        Map<Object, Object> ref = new HashMap<>();
        List<PersistentMap> versions = new ArrayList<>();
        List<Map<Object, Object>> refs = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            // hashes that agree on their low bits, on all bits, or not at all
            int id = r.nextInt(3000);
            Object key = switch (id % 3) {
                case 0 -> new Colliding(id, id % 7);
                case 1 -> new Colliding(id, (id % 5) << 27);
                default -> id;
            };
            if (r.nextInt(3) == 0) {
                m = m.remove(key);
                ref.remove(key);
            } else {
                m = m.put(key, step);
                ref.put(key, step);
            }
            assertEquals(ref.size(), m.size());
            if (step % 1000 == 0) {
                versions.add(m);
                refs.add(new HashMap<>(ref));
            }
        }
        assertEquals(ref, contents(m));
        for (Map.Entry<Object, Object> e : ref.entrySet()) assertEquals(e.getValue(), m.get(e.getKey(), "absent"));
        for (int i = 0; i < versions.size(); i++) assertEquals(refs.get(i), contents(versions.get(i)), "version " + i);
        PersistentMap emptied = m;
        for (Object k : ref.keySet()) emptied = emptied.remove(k);
        assertEquals(0, emptied.size());
        assertFalse(emptied.iterator().hasNext());
    }

    @Test
    void keysAreExact() {
        PersistentMap m = PersistentMap.EMPTY.put(1, "int").put(1.0, "float");
        assertEquals(2, m.size());
        assertEquals("int", m.get(1L, null), "an integer is one key whatever Java type carries it");
        assertEquals("int", m.get(BigInteger.ONE, null));
        assertEquals("float", m.get(1.0, null));
        PersistentMap t = PersistentMap.EMPTY.put(Tuple.of(1, List.of(2)), "t");
        assertEquals("t", t.get(Tuple.of(1L, List.of(2L)), null));
        assertEquals(null, t.get(Tuple.of(1, List.of(2.0)), null));
        assertTrue(PersistentMap.EMPTY.put(null, null).containsKey(null), "nil is a key like any other");
        assertFalse(PersistentMap.EMPTY.put(null, null).containsKey(Atom.of("nil_")));
    }

    @Test
    void equalityAndHashDoNotDependOnInsertionOrder() {
        PersistentMap a = PersistentMap.EMPTY;
        PersistentMap b = PersistentMap.EMPTY;
        for (int i = 0; i < 500; i++) {
            a = a.put(i, Atom.of("v" + i));
            b = b.put(499 - i, Atom.of("v" + (499 - i)));
        }
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.put(7, 7.0));
        assertNotEquals(a.put(7, 7), a.put(7, 7.0), "values compare exactly");
        assertEquals(TermKeys.hash(a), TermKeys.hash(b));
    }

    @Test
    void aMapIteratesInOneOrderWhateverItsHistory() {
        // a sub-node left with one pair is folded into its parent: no trace of removed keys stays
        PersistentMap a = PersistentMap.EMPTY;
        PersistentMap b = PersistentMap.EMPTY;
        for (int i = 0; i < 1000; i++) a = a.put(i, i);
        for (int i = 2999; i >= 0; i--) b = b.put(i % 2 == 0 ? i / 2 : new Colliding(i, i / 2), i < 2000 ? i / 2 : -1);
        for (int i = 1; i < 3000; i += 2) b = b.remove(new Colliding(i, i / 2));
        for (int i = 1000; i < 1500; i++) b = b.remove(i);
        List<Object> ka = new ArrayList<>();
        List<Object> kb = new ArrayList<>();
        a.forEach((k, v) -> ka.add(k));
        b.forEach((k, v) -> kb.add(k));
        assertEquals(ka, kb);
        assertEquals(a, b);
    }

    @Test
    void anUpdateThatChangesNothingGivesTheSameMap() {
        PersistentMap m = PersistentMap.EMPTY.put(Atom.of("a"), 1);
        assertSame(m, m.put(Atom.of("a"), m.get(Atom.of("a"), null)));
        assertSame(m, m.remove(Atom.of("b")));
    }
}
