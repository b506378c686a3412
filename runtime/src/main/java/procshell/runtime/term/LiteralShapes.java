package procshell.runtime.term;

import procshell.runtime.node.Atom;

/**
 * The sorted keys of small maps built from the same atom keys again and again, as a literal
 * {@code %{a: i, b: 2}} or a struct is at every evaluation: the BEAM keeps such a literal's keys
 * as one constant, so a map built from it only writes its values. Here {@link PersistentMap#ofPairs}
 * looks the key sequence up by identity and, when found, shares the sorted keys array and puts
 * each value at its remembered place, instead of sorting the keys into a new array.
 *
 * <p>A small direct-mapped table; an entry is immutable and replaced whole, so threads share it
 * without locks (a lost or stale entry only costs a sort).
 */
final class LiteralShapes {
    /** The longest key sequence remembered. */
    static final int MAX_KEYS = 8;

    private static final int SLOTS = 64;

    /**
     * A key sequence as given ({@code input}), its keys in map-key order ({@code sorted}) and,
     * for each given key, its index in {@code sorted}.
     */
    record Shape(Object[] input, Object[] sorted, int[] slot) {
    }

    private static final Shape[] TABLE = new Shape[SLOTS];

    private LiteralShapes() {
    }

    /** The shape of the keys of {@code keysAndValues} ({@code k1, v1, k2, v2, ...}), or null when none is remembered. */
    static Shape find(Object[] keysAndValues) {
        int n = keysAndValues.length / 2;
        if (n == 0 || n > MAX_KEYS) return null;
        Shape s = TABLE[index(keysAndValues[0], n)];
        if (s == null || s.input.length != n) return null;
        for (int i = 0; i < n; i++) {
            if (s.input[i] != keysAndValues[2 * i]) return null;
        }
        return s;
    }

    /** Remembers the sorted keys of {@code keysAndValues} when all its keys are atoms; {@code sorted} must never change. */
    static void remember(Object[] keysAndValues, Object[] sorted) {
        int n = keysAndValues.length / 2;
        if (n == 0 || n > MAX_KEYS) return;
        Object[] input = new Object[n];
        int[] slot = new int[n];
        for (int i = 0; i < n; i++) {
            Object k = keysAndValues[2 * i];
            if (!(k instanceof Atom)) return;
            input[i] = k;
            int at = 0;
            while (sorted[at] != k) at++;
            slot[i] = at;
        }
        TABLE[index(input[0], n)] = new Shape(input, sorted, slot);
    }

    private static int index(Object firstKey, int n) {
        int h = System.identityHashCode(firstKey) * 31 + n;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
