package procshell.runtime.node;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Every atom of the JVM, one {@link Atom} per text, kept as compactly as the BEAM keeps its atom
 * table: an atom's text lives in shared chunks of bytes (its UTF-8 bytes after a one- or two-byte
 * length and a byte naming the {@link AtomTable} that holds it), the {@link Atom} object holds only
 * where (16 bytes), and one open-addressing array of atoms finds an atom by its text. A 30-byte
 * atom costs about 55 bytes where it cost an {@code Atom}, a {@code String}, its array and slots in
 * two tables (118).
 *
 * <p>Adding takes the store's lock; finding does not (the slot array and chunks are published
 * whole, and a chunk's bytes are written before the atom that points at them is published).
 */
final class AtomStore {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /** The longest text an entry holds (a two-byte length); the BEAM's atoms stop at 255 characters (1020 bytes). */
    private static final int MAX_TEXT = 0x7FFF;

    static final Object LOCK = new Object();
    private static final java.lang.invoke.VarHandle SLOTS = java.lang.invoke.MethodHandles.arrayElementVarHandle(Atom[].class);
    private static volatile byte[][] chunks = {new byte[CHUNK]};
    /** Where the next entry goes: chunk index << 16 | position. */
    private static int next;

    private AtomStore() {}

    // ---- an atom's bytes ------------------------------------------------------------------------

    private static byte[] chunk(int ref) {
        return chunks[ref >>> CHUNK_BITS];
    }

    /** The text's length in bytes, from the entry's one or two length bytes. */
    private static int length(byte[] c, int p) {
        int b = c[p] & 0xFF;
        return b < 0x80 ? b : ((b & 0x7F) << 8) | (c[p + 1] & 0xFF);
    }

    private static int headerSize(int length) {
        return (length < 0x80 ? 1 : 2) + 1; // the length, then the holder byte
    }

    /** The atom's text. */
    static String text(int ref) {
        byte[] c = chunk(ref);
        int p = ref & (CHUNK - 1);
        int n = length(c, p);
        return new String(c, p + headerSize(n), n, StandardCharsets.UTF_8);
    }

    /** True when the atom's text starts with the ASCII {@code prefix}. */
    static boolean startsWith(int ref, String prefix) {
        byte[] c = chunk(ref);
        int p = ref & (CHUNK - 1);
        int n = length(c, p);
        if (n < prefix.length()) return false;
        int at = p + headerSize(n);
        for (int i = 0; i < prefix.length(); i++) if (c[at + i] != prefix.charAt(i)) return false;
        return true;
    }

    /** The atoms' texts compared byte by byte, as the BEAM orders atoms (UTF-8 byte order is code point order). */
    static int compare(int a, int b) {
        if (a == b) return 0;
        byte[] ca = chunk(a), cb = chunk(b);
        int pa = a & (CHUNK - 1), pb = b & (CHUNK - 1);
        int na = length(ca, pa), nb = length(cb, pb);
        return java.util.Arrays.compareUnsigned(ca, pa + headerSize(na), pa + headerSize(na) + na, cb, pb + headerSize(nb), pb + headerSize(nb) + nb);
    }

    /** The hash of the atom's text: {@link String#hashCode()} of its name (without making the string when it is ASCII). */
    static int hash(int ref) {
        byte[] c = chunk(ref);
        int p = ref & (CHUNK - 1);
        int n = length(c, p);
        int h = 0;
        for (int i = p + headerSize(n), end = i + n; i < end; i++) {
            if (c[i] < 0) return text(ref).hashCode();
            h = 31 * h + c[i];
        }
        return h;
    }

    /** The index of the table holding the atom first (0: none). */
    static int holder(int ref) {
        byte[] c = chunk(ref);
        int p = ref & (CHUNK - 1);
        return c[p + headerSize(length(c, p)) - 1] & 0xFF;
    }

    /** Under {@link #LOCK}: records that table {@code index} holds the atom. */
    static void setHolder(int ref, int index) {
        byte[] c = chunk(ref);
        int p = ref & (CHUNK - 1);
        c[p + headerSize(length(c, p)) - 1] = (byte) index;
    }

    // ---- finding and adding -----------------------------------------------------------------------

    /**
     * The slots: atoms by their texts' hashes (open addressing, at most 4/5 full; probing by
     * triangular steps, which visit every slot of a power-of-two array and, unlike steps of one,
     * do not pile the atoms of neighbouring slots into long runs)
     * and beside each a byte of the hash, so that a probe reads an atom's bytes only when that
     * byte matches (about one in 256 other atoms), not for every atom it passes.
     */
    private record Index(Atom[] atoms, byte[] tags) {
        Index(int size) {
            this(new Atom[size], new byte[size]);
        }
    }

    private static volatile Index index = new Index(4096);
    private static int size;

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** A byte of the hash mixed otherwise than the slot's index, so texts that differ only at the end differ here too. */
    private static byte tag(int h) {
        return (byte) ((h * 0x85EBCA6B) >>> 24);
    }

    /**
     * True when the atom's text is {@code name}. Called only for a candidate whose hash byte
     * matched (about one per lookup): the name's bytes are compared whole (a vectorized compare,
     * fast even before the JIT has compiled a char-by-char loop).
     */
    private static boolean sameText(int ref, String name) {
        byte[] c = chunk(ref);
        int p = ref & (CHUNK - 1);
        int n = length(c, p);
        if (n < name.length()) return false; // a UTF-8 text has at least as many bytes as chars
        int at = p + headerSize(n);
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return utf8.length == n && java.util.Arrays.equals(c, at, at + n, utf8, 0, n);
    }

    private static Atom find(Index in, String name, int h) {
        Atom[] atoms = in.atoms;
        byte[] tags = in.tags;
        int mask = atoms.length - 1;
        byte tag = tag(h);
        for (int i = spread(h) & mask, step = 1; ; i = (i + step++) & mask) {
            Atom a = (Atom) SLOTS.getAcquire(atoms, i);
            if (a == null) return null;
            if (tags[i] == tag && sameText(a.ref(), name)) return a;
        }
    }

    /**
     * The atom whose text is {@code name}, or null (no lock: a miss may be an atom another thread
     * is adding; look again under {@link #LOCK}).
     */
    static Atom find(String name) {
        return find(index, name, name.hashCode());
    }

    /** The atom whose text is {@code name}, added when absent. */
    static Atom findOrAdd(String name) {
        Atom a = find(name);
        if (a != null) return a;
        synchronized (LOCK) {
            return findLocked(name, true);
        }
    }

    /** Under {@link #LOCK}: the atom whose text is {@code name}, added when absent and {@code create}; else null. */
    static Atom findLocked(String name, boolean create) {
        int h = name.hashCode();
        Atom a = find(index, name, h);
        if (a != null || !create) return a;
        a = new Atom(write(name.getBytes(StandardCharsets.UTF_8)));
        Index in = index;
        if (5 * (size + 1) > 4 * in.atoms.length) {
            Index bigger = new Index(in.atoms.length * 2);
            for (Atom x : in.atoms) if (x != null) place(bigger, x, hash(x.ref()));
            place(bigger, a, h);
            index = bigger; // published whole: readers of the old array still find what it held
        } else {
            place(in, a, h);
        }
        size++;
        return a;
    }

    private static void place(Index in, Atom a, int h) {
        int mask = in.atoms.length - 1;
        int i = spread(h) & mask;
        for (int step = 1; in.atoms[i] != null; step++) i = (i + step) & mask;
        in.tags[i] = tag(h);
        SLOTS.setRelease(in.atoms, i, a); // after its tag and bytes: a reader that finds it can read them
    }

    /** Under the lock: appends an entry for the text, in a new chunk when it does not fit; its reference. */
    private static int write(byte[] utf8) {
        int n = utf8.length;
        if (n > MAX_TEXT) throw new IllegalArgumentException("atom text too long: " + n + " bytes");
        int entry = headerSize(n) + n;
        byte[][] cs = chunks;
        int ci = next >>> CHUNK_BITS;
        int p = next & (CHUNK - 1);
        if (p + entry > CHUNK) {
            ci++;
            p = 0;
        }
        if (ci >= cs.length) {
            byte[][] more = java.util.Arrays.copyOf(cs, ci + 1);
            more[ci] = new byte[CHUNK];
            cs = more;
        }
        byte[] c = cs[ci];
        int at = p;
        if (n < 0x80) {
            c[at++] = (byte) n;
        } else {
            c[at++] = (byte) (0x80 | (n >>> 8));
            c[at++] = (byte) n;
        }
        c[at++] = 0; // held by no table yet
        System.arraycopy(utf8, 0, c, at, n);
        chunks = cs; // a volatile write after the bytes: whoever sees the atom sees its bytes
        next = (ci << CHUNK_BITS) + p + entry; // may be the start of a chunk still to make
        return (ci << CHUNK_BITS) | p;
    }

    /** Every atom of the JVM (a snapshot of the table). */
    static void forEach(Consumer<Atom> each) {
        Atom[] atoms = index.atoms;
        for (int i = 0; i < atoms.length; i++) {
            Atom a = (Atom) SLOTS.getAcquire(atoms, i);
            if (a != null) each.accept(a);
        }
    }
}
