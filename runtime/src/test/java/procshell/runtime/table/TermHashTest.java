package procshell.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/** {@link TermHash#phash2}: the partition a Registry key or pid goes to. */
class TermHashTest {
    @Test
    void everyHashIsInRangeAndOnePartitionIsZero() {
        List<Object> terms = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, "key", Atom.of("topic"),
                Tuple.of(1, "a"), List.of(1, 2, 3), 1.5);
        for (int range : new int[] {1, 2, 3, 7, 8, 64, Integer.MAX_VALUE}) {
            for (Object t : terms) {
                int h = TermHash.phash2(t, range);
                assertTrue(h >= 0 && h < range, t + " in " + range + ": " + h);
                if (range == 1) assertEquals(0, h);
            }
        }
        assertEquals(0, TermHash.phash2(null, 1));
    }

    @Test
    void exactlyEqualTermsGoToOnePartitionWhateverJavaTypeCarriesThem() {
        for (int range : new int[] {2, 8}) {
            assertEquals(TermHash.phash2(42, range), TermHash.phash2(42L, range));
            assertEquals(TermHash.phash2(42, range), TermHash.phash2(BigInteger.valueOf(42), range));
            assertEquals(TermHash.phash2(Tuple.of(1, "a"), range), TermHash.phash2(Tuple.of(1L, new StringBuilder("a")), range));
        }
    }

    @Test
    void consecutiveIntegersAreSpreadOverThePartitions() {
        int[] counts = new int[2];
        for (int i = 1; i <= 10_000; i++) counts[TermHash.phash2(i, 2)]++;
        assertTrue(counts[0] > 4_000 && counts[1] > 4_000, counts[0] + " / " + counts[1]);
        assertNotEquals(TermHash.phash2(1, 8), TermHash.phash2(2, 8));
    }

    @Test
    void aRangeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TermHash.phash2(1, 0));
    }
}
