package procshell.runtime.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;

/** {@link LiteralShapes}: maps built again from the same atom keys are the maps a sort would give. */
class LiteralShapesTest {
    private static final Atom A = Atom.of("shape_a"), B = Atom.of("shape_b"), C = Atom.of("shape_c");

    private static List<Object> entries(PersistentMap m) {
        List<Object> out = new ArrayList<>();
        m.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out;
    }

    @Test
    void aRepeatedKeySequenceSharesItsSortedKeysAndPlacesEachValue() {
        PersistentMap first = PersistentMap.ofPairs(C, 1, A, 2, B, 3);
        assertNotNull(LiteralShapes.find(new Object[] {C, 0, A, 0, B, 0}));
        for (int i = 0; i < 3; i++) {
            PersistentMap again = PersistentMap.ofPairs(C, 10 + i, A, 20 + i, B, 30 + i);
            assertEquals(List.of(A, 20 + i, B, 30 + i, C, 10 + i), entries(again));
            assertEquals(20 + i, again.get(A, null));
        }
        assertEquals(List.of(A, 2, B, 3, C, 1), entries(first));
    }

    @Test
    void aLaterEqualKeyStillWins() {
        PersistentMap.ofPairs(A, 1, B, 2, A, 3);
        PersistentMap again = PersistentMap.ofPairs(A, 4, B, 5, A, 6);
        assertEquals(List.of(A, 6, B, 5), entries(again));
        assertEquals(2, again.size());
    }

    @Test
    void otherSequencesAndKeysThatAreNoAtomsAreSortedAsBefore() {
        PersistentMap.ofPairs(A, 1, B, 2);
        assertEquals(List.of(A, 1, B, 2), entries(PersistentMap.ofPairs(B, 2, A, 1)));
        assertEquals(List.of(A, 1), entries(PersistentMap.ofPairs(A, 1)));
        assertEquals(List.of(1, "x", 2, "y"), entries(PersistentMap.ofPairs(2, "y", 1, "x")));
        assertNull(LiteralShapes.find(new Object[] {2, "y", 1, "x"}));
        assertSame(PersistentMap.EMPTY, PersistentMap.ofPairs());
    }
}
