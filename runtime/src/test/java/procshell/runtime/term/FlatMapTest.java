package procshell.runtime.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Small maps are flat and in the BEAM's order (what {@code :maps.to_list/1} gives for up to 32
 * keys); maps cross 32 keys both ways and stay the same maps; builders change only their own nodes.
 */
class FlatMapTest {
    private static List<Object> keys(PersistentMap m) {
        List<Object> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k));
        List<Object> viaIterator = new ArrayList<>();
        m.iterator().forEachRemaining(e -> viaIterator.add(e.getKey()));
        assertEquals(out, viaIterator, "forEach and the iterator agree");
        return out;
    }

    private static Map<Object, Object> contents(PersistentMap m) {
        Map<Object, Object> out = new HashMap<>();
        m.forEach(out::put);
        return out;
    }

    @Test
    void aSmallMapIteratesInMapKeyOrderWhateverTheOrderOfItsPuts() {
        // iex: Map.keys(%{:b => 1, "s" => 2, 2.0 => 3, 1 => 4, {1} => 5, [1] => 6, %{} => 7, :a => 8, nil => 9, 1.0 => 10})
        // [1, 1.0, 2.0, :a, :b, nil, {1}, %{}, [1], "s"]
        List<Object> expected = List.of(1, 1.0, 2.0, Atom.of("a"), Atom.of("b"), "nil", Tuple.of(1), Map.of(), List.of(1), "s");
        Object[] pairs = {Atom.of("b"), 1, "s", 2, 2.0, 3, 1, 4, Tuple.of(1), 5, List.of(1), 6, Map.of(), 7,
            Atom.of("a"), 8, null, 9, 1.0, 10};
        PersistentMap literal = PersistentMap.ofPairs(pairs);
        PersistentMap put = PersistentMap.EMPTY;
        for (int i = pairs.length - 2; i >= 0; i -= 2) put = put.put(pairs[i], pairs[i + 1]);
        for (PersistentMap m : List.of(literal, put)) {
            assertTrue(m.inKeyOrder());
            List<Object> ks = keys(m);
            assertEquals(expected.size(), ks.size());
            for (int i = 0; i < ks.size(); i++) {
                Object k = ks.get(i);
                String shown = k == null ? "nil" : k instanceof Map ? "{}" : String.valueOf(k);
                String want = expected.get(i) instanceof Map ? "{}" : String.valueOf(expected.get(i));
                assertEquals(want, shown, "key " + i + " of " + ks);
            }
            for (int i = 1; i < ks.size(); i++) assertTrue(Inspect.compareKeys(ks.get(i - 1), ks.get(i)) < 0);
        }
        assertEquals(literal, put);
        assertEquals(literal.hashCode(), put.hashCode());
    }

    @Test
    void aLaterKeyOfALiteralWinsAndKeysAreExact() {
        PersistentMap m = PersistentMap.ofPairs(Atom.of("a"), 1, Atom.of("a"), 2, 1, "int", 1L, "long", 1.0, "float");
        assertEquals(3, m.size());
        assertEquals(2, m.get(Atom.of("a"), null));
        assertEquals("long", m.get(BigInteger.ONE, null), "an integer is one key whatever Java type carries it");
        assertEquals("float", m.get(1.0, null));
        assertSame(PersistentMap.EMPTY, PersistentMap.ofPairs());
    }

    @Test
    void updateReplacesOnlyAKeyThatIsThere() {
        PersistentMap m = PersistentMap.ofPairs(Atom.of("a"), 1, Atom.of("b"), 2);
        assertNull(m.update(Atom.of("c"), 3));
        assertEquals(PersistentMap.ofPairs(Atom.of("a"), 1, Atom.of("b"), 5), m.update(Atom.of("b"), 5));
        assertSame(m, m.update(Atom.of("a"), 1));
        assertEquals(2, m.get(Atom.of("b"), null), "the map updated is unchanged");
        PersistentMap big = PersistentMap.EMPTY;
        for (int i = 0; i < 100; i++) big = big.put(i, i);
        assertNull(big.update(100, 0));
        assertEquals(-1, big.update(50, -1).get(50, null));
        assertEquals(50, big.get(50, null));
    }

    @Test
    void mapsCrossThirtyTwoKeysBothWays() {
        PersistentMap m = PersistentMap.EMPTY;
        List<PersistentMap> versions = new ArrayList<>();
        for (int i = 40; i > 0; i--) {
            m = m.put(Atom.of("k" + i), i);
            versions.add(m);
            assertEquals(m.size() <= PersistentMap.FLAT_MAX, m.inKeyOrder());
        }
        for (int i = 0; i < versions.size(); i++) assertEquals(i + 1, versions.get(i).size(), "earlier versions are unchanged");
        for (int i = 1; i <= 40; i++) {
            m = m.remove(Atom.of("k" + i));
            assertEquals(40 - i, m.size());
            assertEquals(m.size() <= PersistentMap.FLAT_MAX, m.inKeyOrder());
            if (m.size() == 32) {
                List<Object> ks = keys(m);
                for (int j = 1; j < ks.size(); j++) assertTrue(Inspect.compareKeys(ks.get(j - 1), ks.get(j)) < 0, "sorted again");
                PersistentMap over = m.put(Atom.of("k1"), 1);
                assertFalse(over.inKeyOrder());
                assertEquals(m, over.remove(Atom.of("k1")), "a map of 32 keys equals itself after going over and back");
                assertEquals(m.hashCode(), over.remove(Atom.of("k1")).hashCode());
            }
        }
        assertSame(PersistentMap.EMPTY, m);
    }

    @Test
    void aBuilderNeverChangesTheMapItStartedFromNorWhatItBuilt() {
        Random r = new Random(7);
        PersistentMap start = PersistentMap.EMPTY;
        for (int i = 0; i < 1000; i++) start = start.put(i, i);
        Map<Object, Object> startContents = contents(start);
        PersistentMap.Builder b = new PersistentMap.Builder(start);
        Map<Object, Object> ref = new HashMap<>(startContents);
        List<PersistentMap> built = new ArrayList<>();
        List<Map<Object, Object>> refs = new ArrayList<>();
        for (int step = 0; step < 5000; step++) {
            int k = r.nextInt(3000);
            b.put(k, -step);
            ref.put(k, -step);
            if (step % 500 == 0) {
                built.add(b.build());
                refs.add(new HashMap<>(ref));
            }
        }
        assertEquals(startContents, contents(start));
        assertEquals(ref, contents(b.build()));
        assertEquals(ref.size(), b.build().size());
        for (int i = 0; i < built.size(); i++) assertEquals(refs.get(i), contents(built.get(i)), "built " + i);
        // a small builder stays flat, then turns into a trie
        PersistentMap.Builder small = new PersistentMap.Builder(PersistentMap.EMPTY);
        for (int i = 0; i < 32; i++) small.put(Atom.of("x" + i), i);
        PersistentMap flat = small.build();
        assertTrue(flat.inKeyOrder());
        small.put(Atom.of("y"), 0);
        assertFalse(small.build().inKeyOrder());
        assertEquals(32, flat.size());
        assertEquals(33, small.build().size());
    }
}
