package procshell.runtime.term;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

/**
 * An immutable map of terms, as the BEAM's maps are values: {@link #put} and {@link #remove}
 * return a new map that shares all but the path to the changed key with this one (a hash array
 * mapped trie of 32-way nodes, keyed by {@link TermKeys#hash}), so an update costs O(log32 n)
 * time and memory, and a map handed to another process can never change under it.
 *
 * <p>Keys are compared with Erlang's exact equality ({@link TermKeys#equal}: {@code 1} and
 * {@code 1.0} are two keys); nil (null) is a key and a value like any other. Iteration order is
 * the trie's, which is no term order: callers that show a map sort its entries.
 */
public final class PersistentMap implements Iterable<Map.Entry<Object, Object>> {
    /** The empty map. */
    public static final PersistentMap EMPTY = new PersistentMap(Bitmap.EMPTY, 0);

    private static final Object ABSENT = new Object();
    private static final int BITS = 5;

    private final Node root;
    private final int size;
    /** The cached {@link #hashCode}; {@code hashed} says whether it is computed (a benign race). */
    private int hash;
    private boolean hashed;

    private PersistentMap(Node root, int size) {
        this.root = root;
        this.size = size;
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** True when the map has no entry. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The value under the key.
     *
     * @param notFound what to answer when the key is absent
     * @return the value (null is nil), or {@code notFound}
     */
    public Object get(Object key, Object notFound) {
        return root.find(key, TermKeys.hash(key), 0, notFound);
    }

    /** True when the key is in the map (exactly: {@code 1} is not {@code 1.0}). */
    public boolean containsKey(Object key) {
        return root.find(key, TermKeys.hash(key), 0, ABSENT) != ABSENT;
    }

    /**
     * This map with {@code key} mapped to {@code value}, as {@code :maps.put/3}.
     *
     * @return a new map, or this one when the key already holds this very value
     */
    public PersistentMap put(Object key, Object value) {
        Change c = new Change();
        Node r = root.put(0, TermKeys.hash(key), key, value, c);
        return r == root ? this : new PersistentMap(r, c.added ? size + 1 : size);
    }

    /**
     * This map without {@code key}, as {@code :maps.remove/2}.
     *
     * @return a new map, or this one when the key is absent
     */
    public PersistentMap remove(Object key) {
        Change c = new Change();
        Node r = root.remove(0, TermKeys.hash(key), key, c);
        if (!c.removed) return this;
        return r == null ? EMPTY : new PersistentMap(r, size - 1);
    }

    /** Calls {@code action} with every key and value, in the trie's order. */
    public void forEach(BiConsumer<Object, Object> action) {
        root.forEach(action);
    }

    /** The entries (immutable), in the trie's order. */
    @Override
    public Iterator<Map.Entry<Object, Object>> iterator() {
        return new Entries(root);
    }

    /** Order-free: the sum of the entries' hashes (see {@link TermKeys#hash}); computed once. */
    @Override
    public int hashCode() {
        if (!hashed) {
            int[] h = {0};
            root.forEach((k, v) -> h[0] += TermKeys.entryHash(k, v));
            hash = h[0];
            hashed = true;
        }
        return hash;
    }

    /** True when the other is a PersistentMap with exactly equal keys and values ({@code =:=}). */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof PersistentMap other) || other.size != size) return false;
        if (hashed && other.hashed && hash != other.hash) return false;
        for (Iterator<Map.Entry<Object, Object>> it = iterator(); it.hasNext();) {
            Map.Entry<Object, Object> e = it.next();
            Object v = other.get(e.getKey(), ABSENT);
            if (v == ABSENT || !TermKeys.equal(e.getValue(), v)) return false;
        }
        return true;
    }

    /** What an update did: whether it added a key or removed one. */
    private static final class Change {
        boolean added;
        boolean removed;
    }

    /** A trie node; its array holds key, value pairs (a sub-node in a key's place, its value null). */
    private abstract static class Node {
        final Object[] array;

        Node(Object[] array) {
            this.array = array;
        }

        abstract Object find(Object key, int hash, int shift, Object notFound);

        abstract Node put(int shift, int hash, Object key, Object value, Change c);

        /** The node without the key, or null when nothing is left. */
        abstract Node remove(int shift, int hash, Object key, Change c);

        /** True when the node holds one key and no sub-node (its parent may hold the pair itself). */
        boolean singleLeaf() {
            return array.length == 2 && !(array[0] instanceof Node);
        }

        void forEach(BiConsumer<Object, Object> action) {
            for (int i = 0; i < array.length; i += 2) {
                if (array[i] instanceof Node n) n.forEach(action);
                else action.accept(array[i], array[i + 1]);
            }
        }
    }

    /** A node of up to 32 slots, one per 5 bits of the hash at its depth; a bitmap says which are used. */
    private static final class Bitmap extends Node {
        static final Bitmap EMPTY = new Bitmap(0, new Object[0]);

        final int bitmap;

        Bitmap(int bitmap, Object[] array) {
            super(array);
            this.bitmap = bitmap;
        }

        @Override
        Object find(Object key, int hash, int shift, Object notFound) {
            Bitmap node = this;
            while (true) {
                int bit = 1 << ((hash >>> shift) & 31);
                if ((node.bitmap & bit) == 0) return notFound;
                int i = Integer.bitCount(node.bitmap & (bit - 1)) << 1;
                Object k = node.array[i];
                if (k instanceof Bitmap sub) {
                    node = sub;
                    shift += BITS;
                } else if (k instanceof Node sub) {
                    return sub.find(key, hash, shift + BITS, notFound);
                } else {
                    return TermKeys.equal(key, k) ? node.array[i + 1] : notFound;
                }
            }
        }

        @Override
        Node put(int shift, int hash, Object key, Object value, Change c) {
            int bit = 1 << ((hash >>> shift) & 31);
            int i = Integer.bitCount(bitmap & (bit - 1)) << 1;
            if ((bitmap & bit) == 0) {
                Object[] a = new Object[array.length + 2];
                System.arraycopy(array, 0, a, 0, i);
                a[i] = key;
                a[i + 1] = value;
                System.arraycopy(array, i, a, i + 2, array.length - i);
                c.added = true;
                return new Bitmap(bitmap | bit, a);
            }
            Object k = array[i];
            if (k instanceof Node sub) {
                Node n = sub.put(shift + BITS, hash, key, value, c);
                return n == sub ? this : with(i, n, null);
            }
            if (TermKeys.equal(key, k)) {
                return array[i + 1] == value ? this : with(i, k, value);
            }
            c.added = true;
            return with(i, pair(shift + BITS, k, array[i + 1], TermKeys.hash(k), key, value, hash), null);
        }

        @Override
        Node remove(int shift, int hash, Object key, Change c) {
            int bit = 1 << ((hash >>> shift) & 31);
            if ((bitmap & bit) == 0) return this;
            int i = Integer.bitCount(bitmap & (bit - 1)) << 1;
            Object k = array[i];
            if (k instanceof Node sub) {
                Node n = sub.remove(shift + BITS, hash, key, c);
                if (n == sub) return this;
                if (n == null) return without(bit, i);
                return n.singleLeaf() ? with(i, n.array[0], n.array[1]) : with(i, n, null);
            }
            if (!TermKeys.equal(key, k)) return this;
            c.removed = true;
            return without(bit, i);
        }

        private Bitmap with(int i, Object key, Object value) {
            Object[] a = array.clone();
            a[i] = key;
            a[i + 1] = value;
            return new Bitmap(bitmap, a);
        }

        private Bitmap without(int bit, int i) {
            if (bitmap == bit) return null;
            Object[] a = new Object[array.length - 2];
            System.arraycopy(array, 0, a, 0, i);
            System.arraycopy(array, i + 2, a, i, a.length - i);
            return new Bitmap(bitmap ^ bit, a);
        }

        /** A node holding two keys that share the hash bits above {@code shift}. */
        private static Node pair(int shift, Object k1, Object v1, int h1, Object k2, Object v2, int h2) {
            if (h1 == h2) return new Collision(h1, new Object[] {k1, v1, k2, v2});
            int b1 = (h1 >>> shift) & 31;
            int b2 = (h2 >>> shift) & 31;
            if (b1 == b2) return new Bitmap(1 << b1, new Object[] {pair(shift + BITS, k1, v1, h1, k2, v2, h2), null});
            return b1 < b2 ? new Bitmap((1 << b1) | (1 << b2), new Object[] {k1, v1, k2, v2})
                    : new Bitmap((1 << b1) | (1 << b2), new Object[] {k2, v2, k1, v1});
        }
    }

    /** Keys whose whole hashes are equal, in a list. */
    private static final class Collision extends Node {
        final int hash;

        Collision(int hash, Object[] array) {
            super(array);
            this.hash = hash;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < array.length; i += 2) if (TermKeys.equal(key, array[i])) return i;
            return -1;
        }

        @Override
        Object find(Object key, int hash, int shift, Object notFound) {
            if (hash != this.hash) return notFound;
            int i = indexOf(key);
            return i < 0 ? notFound : array[i + 1];
        }

        @Override
        Node put(int shift, int hash, Object key, Object value, Change c) {
            if (hash != this.hash) {
                // a key of another hash reaches here: the collision moves one level down
                Bitmap up = new Bitmap(1 << ((this.hash >>> shift) & 31), new Object[] {this, null});
                return up.put(shift, hash, key, value, c);
            }
            int i = indexOf(key);
            if (i >= 0) {
                if (array[i + 1] == value) return this;
                Object[] a = array.clone();
                a[i + 1] = value;
                return new Collision(hash, a);
            }
            Object[] a = java.util.Arrays.copyOf(array, array.length + 2);
            a[array.length] = key;
            a[array.length + 1] = value;
            c.added = true;
            return new Collision(hash, a);
        }

        @Override
        Node remove(int shift, int hash, Object key, Change c) {
            if (hash != this.hash) return this;
            int i = indexOf(key);
            if (i < 0) return this;
            c.removed = true;
            if (array.length == 2) return null;
            Object[] a = new Object[array.length - 2];
            System.arraycopy(array, 0, a, 0, i);
            System.arraycopy(array, i + 2, a, i, a.length - i);
            return new Collision(hash, a);
        }

        @Override
        boolean singleLeaf() {
            return false; // its one pair must keep its hash check where it is
        }
    }

    /** Depth-first over the trie: a stack of arrays and positions (7 bitmap levels and a collision). */
    private static final class Entries implements Iterator<Map.Entry<Object, Object>> {
        private final Object[][] arrays = new Object[9][];
        private final int[] positions = new int[9];
        private int depth;
        private boolean ready;
        private Object key;
        private Object value;

        Entries(Node root) {
            arrays[0] = root.array;
            advance();
        }

        private void advance() {
            while (depth >= 0) {
                Object[] a = arrays[depth];
                int i = positions[depth];
                if (i >= a.length) {
                    depth--;
                    continue;
                }
                positions[depth] = i + 2;
                if (a[i] instanceof Node n) {
                    arrays[++depth] = n.array;
                    positions[depth] = 0;
                    continue;
                }
                key = a[i];
                value = a[i + 1];
                ready = true;
                return;
            }
            ready = false;
        }

        @Override
        public boolean hasNext() {
            return ready;
        }

        @Override
        public Map.Entry<Object, Object> next() {
            if (!ready) throw new NoSuchElementException();
            Map.Entry<Object, Object> e = new AbstractMap.SimpleImmutableEntry<>(key, value);
            advance();
            return e;
        }
    }
}
