package procshell.runtime.node;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A set of atoms found by their text, for the atom tables (the JVM-wide one behind
 * {@link Atom#of} and each node's {@link AtomTable}): open addressing on the texts' hashes with
 * linear probing, at most half full, so an atom costs one reference slot (8 to 16 bytes) rather
 * than a hash map's entry object (about 40 bytes), as the BEAM's atom table is compact too.
 *
 * <p>Adding takes a lock; finding does not, and checks a miss again under the lock, so that an
 * atom added by another thread is never missed once that thread has added it.
 */
final class AtomSet {
    private final Object lock = new Object();
    private volatile Atom[] slots = new Atom[1024];
    private volatile int size;

    /** The atom whose text is {@code name}, or null. */
    Atom get(String name) {
        Atom a = find(slots, name);
        if (a != null) return a;
        synchronized (lock) {
            return find(slots, name);
        }
    }

    /**
     * The atom whose text is {@code name}, made with {@code make} and added when absent and the
     * set holds fewer than {@code limit} atoms.
     *
     * @return the atom, or null when it is absent and the set is full
     */
    Atom getOrAdd(String name, int limit, Function<String, Atom> make) {
        Atom a = find(slots, name);
        if (a != null) return a;
        synchronized (lock) {
            a = find(slots, name);
            if (a != null || size >= limit) return a;
            a = make.apply(name);
            add(a);
            return a;
        }
    }

    /** How many atoms the set holds. */
    int size() {
        return size;
    }

    /** A snapshot of the atoms' texts. */
    Set<String> names() {
        Set<String> out = new HashSet<>();
        for (Atom a : slots) if (a != null) out.add(a.name());
        return Set.copyOf(out);
    }

    private static Atom find(Atom[] table, String name) {
        int mask = table.length - 1;
        int h = name.hashCode();
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            Atom a = table[i];
            if (a == null) return null;
            if (a.hashCode() == h && a.name().equals(name)) return a;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Adds an atom known to be absent; under the lock. */
    private void add(Atom a) {
        Atom[] table = slots;
        if (2 * (size + 1) > table.length) {
            Atom[] bigger = new Atom[table.length * 2];
            for (Atom x : table) if (x != null) place(bigger, x);
            place(bigger, a);
            slots = bigger; // published whole: readers of the old array still find what it held
        } else {
            place(table, a);
        }
        size = size + 1;
    }

    private static void place(Atom[] table, Atom a) {
        int mask = table.length - 1;
        int i = spread(a.hashCode()) & mask;
        while (table[i] != null) i = (i + 1) & mask;
        table[i] = a;
    }
}
