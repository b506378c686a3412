package procshell.runtime.table;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Tuple;

/**
 * An estimate of the memory a term takes in a table, in machine words (8 bytes), after the BEAM's
 * 64-bit term layout: immediates (small integers, atoms, local pids) live in their slot; a tuple
 * is a header and one slot per element; a list cell is two words; a float is two; a binary of up
 * to 64 bytes is stored on the heap (two words and its bytes), a larger one as a reference-counted
 * binary. Calibrated against {@code :ets.info(t, :memory)} on OTP 25: the object {@code {1, 2}}
 * takes 7 words (3 for the tuple, 4 of per-object overhead).
 */
public final class TermWords {
    /** What a table spends per object beyond the term itself (hash link, hash value, size). */
    public static final int OBJECT_OVERHEAD = 4;

    private TermWords() {}

    /** Words one stored object takes: its term plus the per-object overhead. */
    public static long ofObject(Tuple object) {
        return OBJECT_OVERHEAD + heapWords(object);
    }

    /** Words a term takes outside its own slot. */
    public static long heapWords(Object t) {
        if (t == null || t instanceof Boolean || t instanceof procshell.runtime.node.Atom
                || t instanceof procshell.runtime.node.Pid) {
            return 0;
        }
        if (t instanceof Integer || t instanceof Short || t instanceof Byte) return 0;
        if (t instanceof Long l) return (l >> 59) == 0 || (l >> 59) == -1 ? 0 : 2;
        if (t instanceof BigInteger b) return b.bitLength() < 60 ? 0 : 1 + (b.bitLength() + 63) / 64;
        if (t instanceof Double || t instanceof Float) return 2;
        if (t instanceof procshell.runtime.node.Ref) return 3;
        if (t instanceof CharSequence cs) return binary(cs.toString().getBytes(StandardCharsets.UTF_8).length);
        if (t instanceof byte[] b) return binary(b.length);
        if (t instanceof procshell.runtime.node.Bitstring b) return binary(b.byteLength());
        if (t instanceof Tuple tuple) {
            long w = 1 + tuple.size();
            for (int i = 0; i < tuple.size(); i++) w += heapWords(tuple.get(i));
            return w;
        }
        if (t instanceof List<?> l) {
            long w = 2L * l.size();
            for (Object o : l) w += heapWords(o);
            return w;
        }
        if (t instanceof Map<?, ?> m) {
            // A flatmap: header, size, a keys tuple and the values.
            long w = 3 + 1 + 2L * m.size();
            for (Map.Entry<?, ?> e : m.entrySet()) w += heapWords(e.getKey()) + heapWords(e.getValue());
            return w;
        }
        return 2;
    }

    private static long binary(int bytes) {
        long data = (bytes + 7) / 8;
        return bytes <= 64 ? 2 + data : 6 + data;
    }
}
