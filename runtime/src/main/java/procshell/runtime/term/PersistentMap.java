package procshell.runtime.term;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

/**
 * An immutable map of terms, as the BEAM's maps are values: {@link #put} and {@link #remove}
 * return a new map that shares all it can with this one, so a map handed to another process can
 * never change under it.
 *
 * <p>As on the BEAM, a map of up to {@value #FLAT_MAX} keys is flat: its keys in one array, sorted
 * in map-key order ({@link KeyOrder}: term order, integers before floats), its values in another,
 * so that it iterates in the order {@code :maps.to_list/1} gives, and an update of a key it holds
 * copies only the values (the keys array is shared by every map derived so, as a struct's updates
 * share their field names). A bigger map is a hash array mapped trie of 32-way nodes (CHAMP:
 * pairs and sub-nodes apart, a sub-node in one element), keyed by {@link TermKeys#hash}: an update
 * copies only the path to the key, O(log32 n); it iterates in the trie's order, which is no term
 * order (callers that show it sort its entries).
 *
 * <p>Keys are compared with Erlang's exact equality ({@link TermKeys#equal}: {@code 1} and
 * {@code 1.0} are two keys); nil (null) is a key and a value like any other.
 */
public final class PersistentMap implements Iterable<Map.Entry<Object, Object>> {
    /** The most keys a flat map holds, as the BEAM's {@code MAP_SMALL_MAP_LIMIT}. */
    public static final int FLAT_MAX = 32;

    private static final Object[] NONE = new Object[0];

    /** The empty map. */
    public static final PersistentMap EMPTY = new PersistentMap(NONE, NONE);

    private static final Object ABSENT = new Object();
    private static final int BITS = 5;

    /** The trie of a map of more than {@link #FLAT_MAX} keys; null when the map is flat. */
    private final Node root;
    /** A flat map's keys in map-key order (possibly shared with other maps); null for a trie. */
    private final Object[] keys;
    /** A flat map's values, {@code values[i]} under {@code keys[i]}; null for a trie. */
    private final Object[] values;
    private final int size;
    /** The cached {@link #hashCode}, 0 until computed (a benign race; a map whose hash is 0 computes it each time). */
    private int hash;

    private PersistentMap(Node root, int size) {
        this.root = root;
        this.size = size;
        this.keys = null;
        this.values = null;
    }

    private PersistentMap(Object[] keys, Object[] values) {
        this.root = null;
        this.size = keys.length;
        this.keys = keys;
        this.values = values;
    }

    /**
     * The map of these keys and values in turn ({@code k1, v1, k2, v2, ...}); a later key wins,
     * as in {@code %{k1 => v1, k1 => v2}}.
     *
     * @param keysAndValues an even number of terms (not kept: the map copies what it needs)
     */
    public static PersistentMap ofPairs(Object... keysAndValues) {
        LiteralShapes.Shape shape = LiteralShapes.find(keysAndValues);
        if (shape == null) return sortedPairs(keysAndValues);
        // the same atom keys as an earlier map: its sorted keys shared, each value put at its place
        Object[] vs = new Object[shape.sorted().length];
        int[] slot = shape.slot();
        for (int i = 0; i < slot.length; i++) vs[slot[i]] = keysAndValues[2 * i + 1];
        return new PersistentMap(shape.sorted(), vs);
    }

    /** {@link #ofPairs} of keys met for the first time: sorted into a new keys array (remembered when they are atoms). */
    private static PersistentMap sortedPairs(Object[] keysAndValues) {
        int n = keysAndValues.length / 2;
        if (n > FLAT_MAX) {
            Builder b = new Builder(EMPTY);
            for (int i = 0; i < keysAndValues.length; i += 2) b.put(keysAndValues[i], keysAndValues[i + 1]);
            return b.build();
        }
        Object[] ks = new Object[n];
        Object[] vs = new Object[n];
        int count = 0;
        for (int p = 0; p < keysAndValues.length; p += 2) count = insert(ks, vs, count, keysAndValues[p], keysAndValues[p + 1]);
        if (count < n) {
            ks = java.util.Arrays.copyOf(ks, count);
            vs = java.util.Arrays.copyOf(vs, count);
        }
        if (count == 0) return EMPTY;
        LiteralShapes.remember(keysAndValues, ks);
        return new PersistentMap(ks, vs);
    }

    /**
     * Puts into the first {@code count} sorted keys of {@code ks} (room for one more): replaces the
     * value of an equal key, or inserts the key at its place.
     *
     * @return the new count
     */
    private static int insert(Object[] ks, Object[] vs, int count, Object key, Object value) {
        int i = indexOf(ks, count, key);
        if (i >= 0) {
            vs[i] = value;
            return count;
        }
        int at = insertionPoint(ks, count, key);
        System.arraycopy(ks, at, ks, at + 1, count - at);
        System.arraycopy(vs, at, vs, at + 1, count - at);
        ks[at] = key;
        vs[at] = value;
        return count + 1;
    }

    /** Where an exactly equal key is among the first {@code count} of {@code ks}, or -1. */
    private static int indexOf(Object[] ks, int count, Object key) {
        if (key == null || key instanceof procshell.runtime.node.Atom) {
            for (int i = 0; i < count; i++) if (ks[i] == key) return i; // one atom per text
            return -1;
        }
        for (int i = 0; i < count; i++) if (TermKeys.equal(key, ks[i])) return i;
        return -1;
    }

    /** Where a key not among the first {@code count} sorted keys goes, by binary search. */
    private static int insertionPoint(Object[] ks, int count, Object key) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (KeyOrder.compare(ks[mid], key) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
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
     * True when the map iterates in map-key order (term order, integers before floats), as the
     * BEAM's maps of up to {@value #FLAT_MAX} keys do; false for a bigger map (the trie's order).
     */
    public boolean inKeyOrder() {
        return keys != null;
    }

    /**
     * The value under the key.
     *
     * @param notFound what to answer when the key is absent
     * @return the value (null is nil), or {@code notFound}
     */
    public Object get(Object key, Object notFound) {
        if (keys != null) {
            int i = indexOf(keys, keys.length, key);
            return i < 0 ? notFound : values[i];
        }
        return root.find(key, TermKeys.hash(key), 0, notFound);
    }

    /** True when the key is in the map (exactly: {@code 1} is not {@code 1.0}). */
    public boolean containsKey(Object key) {
        return get(key, ABSENT) != ABSENT;
    }

    /**
     * This map with {@code key} mapped to {@code value}, as {@code :maps.put/3}.
     *
     * @return a new map, or this one when the key already holds this very value
     */
    public PersistentMap put(Object key, Object value) {
        if (keys != null) return flatPut(key, value);
        Change c = new Change();
        Node r = root.put(0, TermKeys.hash(key), key, value, c, null);
        return r == root ? this : new PersistentMap(r, c.added ? size + 1 : size);
    }

    /**
     * This map with the value under a key it holds replaced, as {@code :maps.update/3}
     * ({@code %{map | key => value}}), in one lookup.
     *
     * @return the new map (this one when the key already holds this very value), or null when
     *         the key is absent
     */
    public PersistentMap update(Object key, Object value) {
        if (keys != null) {
            int i = indexOf(keys, size, key);
            if (i < 0) return null;
            if (values[i] == value) return this;
            Object[] vs = values.clone();
            vs[i] = value;
            return new PersistentMap(keys, vs);
        }
        Change c = new Change();
        Node r = root.put(0, TermKeys.hash(key), key, value, c, null);
        return c.added ? null : r == root ? this : new PersistentMap(r, size);
    }

    private PersistentMap flatPut(Object key, Object value) {
        int i = indexOf(keys, keys.length, key);
        if (i >= 0) {
            if (values[i] == value) return this;
            Object[] vs = values.clone();
            vs[i] = value;
            return new PersistentMap(keys, vs);
        }
        if (size == FLAT_MAX) {
            Builder b = new Builder(this);
            b.put(key, value);
            return b.build();
        }
        int at = insertionPoint(keys, size, key);
        Object[] ks = new Object[size + 1];
        Object[] vs = new Object[size + 1];
        System.arraycopy(keys, 0, ks, 0, at);
        System.arraycopy(values, 0, vs, 0, at);
        ks[at] = key;
        vs[at] = value;
        System.arraycopy(keys, at, ks, at + 1, size - at);
        System.arraycopy(values, at, vs, at + 1, size - at);
        return new PersistentMap(ks, vs);
    }

    /**
     * This map without {@code key}, as {@code :maps.remove/2}.
     *
     * @return a new map, or this one when the key is absent
     */
    public PersistentMap remove(Object key) {
        if (keys != null) {
            int i = indexOf(keys, size, key);
            if (i < 0) return this;
            if (size == 1) return EMPTY;
            Object[] ks = new Object[size - 1];
            Object[] vs = new Object[size - 1];
            System.arraycopy(keys, 0, ks, 0, i);
            System.arraycopy(values, 0, vs, 0, i);
            System.arraycopy(keys, i + 1, ks, i, size - 1 - i);
            System.arraycopy(values, i + 1, vs, i, size - 1 - i);
            return new PersistentMap(ks, vs);
        }
        Change c = new Change();
        Node r = root.remove(0, TermKeys.hash(key), key, c);
        if (!c.removed) return this;
        return size - 1 <= FLAT_MAX ? flat(r, size - 1) : new PersistentMap(r, size - 1);
    }

    /** The flat map of a trie's {@code n} entries (at most {@link #FLAT_MAX}), sorted. */
    private static PersistentMap flat(Node root, int n) {
        if (n == 0) return EMPTY;
        Object[] ks = new Object[n];
        Object[] vs = new Object[n];
        int[] count = {0};
        root.forEach((k, v) -> count[0] = insert(ks, vs, count[0], k, v));
        return new PersistentMap(ks, vs);
    }

    /** Calls {@code action} with every key and value, in the map's order (see the class comment). */
    public void forEach(BiConsumer<Object, Object> action) {
        if (keys != null) {
            for (int i = 0; i < keys.length; i++) action.accept(keys[i], values[i]);
        } else {
            root.forEach(action);
        }
    }

    /** The entries (immutable), in the map's order (see the class comment). */
    @Override
    public Iterator<Map.Entry<Object, Object>> iterator() {
        return keys != null ? new FlatEntries(keys, values) : new Entries(root);
    }

    /** Order-free: the sum of the entries' hashes (see {@link TermKeys#hash}); computed once. */
    @Override
    public int hashCode() {
        if (hash == 0) {
            int[] h = {0};
            forEach((k, v) -> h[0] += TermKeys.entryHash(k, v));
            hash = h[0];
        }
        return hash;
    }

    /** True when the other is a PersistentMap with exactly equal keys and values ({@code =:=}). */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof PersistentMap other) || other.size != size) return false;
        if (hash != 0 && other.hash != 0 && hash != other.hash) return false;
        if (keys != null && other.keys != null) {
            // both sorted in one order: equal maps hold equal keys at the same places
            for (int i = 0; i < size; i++) {
                if (!TermKeys.equal(keys[i], other.keys[i]) || !TermKeys.equal(values[i], other.values[i])) return false;
            }
            return true;
        }
        for (Iterator<Map.Entry<Object, Object>> it = iterator(); it.hasNext();) {
            Map.Entry<Object, Object> e = it.next();
            Object v = other.get(e.getKey(), ABSENT);
            if (v == ABSENT || !TermKeys.equal(e.getValue(), v)) return false;
        }
        return true;
    }

    /**
     * Makes a map by many puts, changing in place the trie nodes it made itself (as Clojure's
     * transients), so that building a map of n keys does not copy a path per key: what
     * {@code Map.new/1}, {@code for ... into: %{}} and {@code MapSet.new/1} need. The map it
     * starts from, and every map it built before, are never changed.
     */
    public static final class Builder {
        /** Marks the nodes this builder made; {@link #build} retires it, so later puts copy again. */
        private Object owner;
        private PersistentMap start;
        private Node root;
        private int size;

        /** A builder starting from the entries of {@code from}. */
        public Builder(PersistentMap from) {
            if (from.keys != null) {
                start = from;
            } else {
                root = from.root;
                size = from.size;
            }
        }

        /** The number of entries so far. */
        public int size() {
            return start != null ? start.size : size;
        }

        /** Puts {@code value} under {@code key} (a later put of an equal key wins). */
        public Builder put(Object key, Object value) {
            if (start != null) {
                if (start.size < FLAT_MAX || start.containsKey(key)) {
                    start = start.put(key, value);
                    return this;
                }
                // the flat map is full: from here on, a trie of nodes this builder owns
                PersistentMap flat = start;
                start = null;
                root = Bitmap.EMPTY;
                size = 0;
                flat.forEach(this::trieput);
            }
            trieput(key, value);
            return this;
        }

        private void trieput(Object key, Object value) {
            if (owner == null) owner = new Object();
            Change c = new Change();
            root = root.put(0, TermKeys.hash(key), key, value, c, owner);
            if (c.added) size++;
        }

        /** The map built so far; the builder may go on, without changing it. */
        public PersistentMap build() {
            if (start != null) return start;
            owner = null;
            return new PersistentMap(root, size);
        }
    }

    /** What an update did: whether it added a key or removed one. */
    private static final class Change {
        boolean added;
        boolean removed;
    }

    /**
     * A trie node; its array holds key, value pairs, then sub-nodes, one slot each (a key is a
     * term, never a node). A node whose {@code owner} is a {@link Builder}'s mark is changed in
     * place by that builder's puts, and never again once the builder has built: every other node
     * is immutable.
     */
    private abstract static class Node {
        Object[] array;
        final Object owner;

        Node(Object[] array, Object owner) {
            this.array = array;
            this.owner = owner;
        }

        abstract Object find(Object key, int hash, int shift, Object notFound);

        /** The node with the key put; {@code owner}: the builder's mark, or null for a copy. */
        abstract Node put(int shift, int hash, Object key, Object value, Change c, Object owner);

        /** The node without the key, or null when nothing is left. */
        abstract Node remove(int shift, int hash, Object key, Change c);

        /** True when this node may be changed in place by the builder marking with {@code owner}. */
        final boolean ownedBy(Object owner) {
            return owner != null && this.owner == owner;
        }

        /** True when the node holds one pair and no sub-node: its parent holds the pair itself. */
        final boolean singleLeaf() {
            return array.length == 2 && !(array[0] instanceof Node);
        }

        void forEach(BiConsumer<Object, Object> action) {
            Object[] a = array;
            for (int i = 0; i < a.length;) {
                if (a[i] instanceof Node n) {
                    n.forEach(action);
                    i++;
                } else {
                    action.accept(a[i], a[i + 1]);
                    i += 2;
                }
            }
        }
    }

    /**
     * A node of up to 32 slots, one per 5 bits of the hash at its depth (a compressed hash array
     * mapped prefix trie, CHAMP): {@code dataMap} says which slots hold a pair, {@code nodeMap}
     * which hold a sub-node. A sub-node takes one array element, not two, so a path copy of a big
     * map copies half the references a pair-per-slot node would; a sub-node left with one pair is
     * folded into its parent, so equal maps have equal tries.
     */
    private static final class Bitmap extends Node {
        static final Bitmap EMPTY = new Bitmap(0, 0, new Object[0], null);

        int dataMap;
        int nodeMap;

        Bitmap(int dataMap, int nodeMap, Object[] array, Object owner) {
            super(array, owner);
            this.dataMap = dataMap;
            this.nodeMap = nodeMap;
        }

        /** Where the pair of slot {@code bit} starts. */
        private int pairAt(int bit) {
            return Integer.bitCount(dataMap & (bit - 1)) << 1;
        }

        /** Where the sub-node of slot {@code bit} is. */
        private int nodeAt(int bit) {
            return (Integer.bitCount(dataMap) << 1) + Integer.bitCount(nodeMap & (bit - 1));
        }

        @Override
        Object find(Object key, int hash, int shift, Object notFound) {
            Bitmap node = this;
            while (true) {
                int bit = 1 << ((hash >>> shift) & 31);
                if ((node.dataMap & bit) != 0) {
                    int i = node.pairAt(bit);
                    return TermKeys.equal(key, node.array[i]) ? node.array[i + 1] : notFound;
                }
                if ((node.nodeMap & bit) == 0) return notFound;
                Object sub = node.array[node.nodeAt(bit)];
                if (!(sub instanceof Bitmap b)) return ((Node) sub).find(key, hash, shift + BITS, notFound);
                node = b;
                shift += BITS;
            }
        }

        @Override
        Node put(int shift, int hash, Object key, Object value, Change c, Object owner) {
            int bit = 1 << ((hash >>> shift) & 31);
            if ((dataMap & bit) != 0) {
                int i = pairAt(bit);
                Object k = array[i];
                if (TermKeys.equal(key, k)) return array[i + 1] == value ? this : set(i + 1, value, owner);
                c.added = true;
                Node sub = pair(shift + BITS, k, array[i + 1], TermKeys.hash(k), key, value, hash, owner);
                return pairToNode(bit, i, sub, owner);
            }
            if ((nodeMap & bit) != 0) {
                int j = nodeAt(bit);
                Node sub = (Node) array[j];
                Node n = sub.put(shift + BITS, hash, key, value, c, owner);
                return n == sub ? this : set(j, n, owner);
            }
            c.added = true;
            int i = pairAt(bit);
            Object[] a = new Object[array.length + 2];
            System.arraycopy(array, 0, a, 0, i);
            a[i] = key;
            a[i + 1] = value;
            System.arraycopy(array, i, a, i + 2, array.length - i);
            return change(dataMap | bit, nodeMap, a, owner);
        }

        @Override
        Node remove(int shift, int hash, Object key, Change c) {
            int bit = 1 << ((hash >>> shift) & 31);
            if ((dataMap & bit) != 0) {
                int i = pairAt(bit);
                if (!TermKeys.equal(key, array[i])) return this;
                c.removed = true;
                if (array.length == 2) return null;
                Object[] a = new Object[array.length - 2];
                System.arraycopy(array, 0, a, 0, i);
                System.arraycopy(array, i + 2, a, i, a.length - i);
                return new Bitmap(dataMap ^ bit, nodeMap, a, null);
            }
            if ((nodeMap & bit) == 0) return this;
            int j = nodeAt(bit);
            Node sub = (Node) array[j];
            Node n = sub.remove(shift + BITS, hash, key, c);
            if (n == sub) return this;
            if (n == null) {
                if (array.length == 1) return null;
                Object[] a = new Object[array.length - 1];
                System.arraycopy(array, 0, a, 0, j);
                System.arraycopy(array, j + 1, a, j, a.length - j);
                return new Bitmap(dataMap, nodeMap ^ bit, a, null);
            }
            return n.singleLeaf() ? nodeToPair(bit, j, n.array[0], n.array[1]) : set(j, n, null);
        }

        /** This node with element {@code i} replaced: in place when owned, else a copy. */
        private Bitmap set(int i, Object element, Object owner) {
            if (ownedBy(owner)) {
                array[i] = element;
                return this;
            }
            Object[] a = array.clone();
            a[i] = element;
            return new Bitmap(dataMap, nodeMap, a, owner);
        }

        /** This node with new maps and array: in place when owned, else a new node. */
        private Bitmap change(int dataMap, int nodeMap, Object[] a, Object owner) {
            if (ownedBy(owner)) {
                this.dataMap = dataMap;
                this.nodeMap = nodeMap;
                array = a;
                return this;
            }
            return new Bitmap(dataMap, nodeMap, a, owner);
        }

        /** The pair at {@code i} (slot {@code bit}) replaced by the sub-node holding it and another. */
        private Bitmap pairToNode(int bit, int i, Node sub, Object owner) {
            int pairsEnd = Integer.bitCount(dataMap) << 1;
            int before = Integer.bitCount(nodeMap & (bit - 1));
            Object[] a = new Object[array.length - 1];
            System.arraycopy(array, 0, a, 0, i);
            System.arraycopy(array, i + 2, a, i, pairsEnd - i - 2);
            System.arraycopy(array, pairsEnd, a, pairsEnd - 2, before);
            a[pairsEnd - 2 + before] = sub;
            System.arraycopy(array, pairsEnd + before, a, pairsEnd - 1 + before, array.length - pairsEnd - before);
            return change(dataMap ^ bit, nodeMap | bit, a, owner);
        }

        /** The sub-node at {@code j} (slot {@code bit}), left with one pair, replaced by that pair. */
        private Bitmap nodeToPair(int bit, int j, Object key, Object value) {
            int i = pairAt(bit);
            int pairsEnd = Integer.bitCount(dataMap) << 1;
            Object[] a = new Object[array.length + 1];
            System.arraycopy(array, 0, a, 0, i);
            a[i] = key;
            a[i + 1] = value;
            System.arraycopy(array, i, a, i + 2, pairsEnd - i);
            System.arraycopy(array, pairsEnd, a, pairsEnd + 2, j - pairsEnd);
            System.arraycopy(array, j + 1, a, j + 2, array.length - j - 1);
            return new Bitmap(dataMap | bit, nodeMap ^ bit, a, null);
        }

        /** A node holding two keys that share the hash bits above {@code shift}. */
        private static Node pair(int shift, Object k1, Object v1, int h1, Object k2, Object v2, int h2, Object owner) {
            if (h1 == h2) return new Collision(h1, new Object[] {k1, v1, k2, v2});
            int b1 = (h1 >>> shift) & 31;
            int b2 = (h2 >>> shift) & 31;
            if (b1 == b2) return new Bitmap(0, 1 << b1, new Object[] {pair(shift + BITS, k1, v1, h1, k2, v2, h2, owner)}, owner);
            return new Bitmap((1 << b1) | (1 << b2), 0, b1 < b2 ? new Object[] {k1, v1, k2, v2} : new Object[] {k2, v2, k1, v1}, owner);
        }
    }

    /** Keys whose whole hashes are equal, in a list (always copied: collisions are rare). */
    private static final class Collision extends Node {
        final int hash;

        Collision(int hash, Object[] array) {
            super(array, null);
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
        Node put(int shift, int hash, Object key, Object value, Change c, Object owner) {
            if (hash != this.hash) {
                // a key of another hash reaches here: the collision moves one level down
                Bitmap up = new Bitmap(0, 1 << ((this.hash >>> shift) & 31), new Object[] {this}, owner);
                return up.put(shift, hash, key, value, c, owner);
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
    }

    /** A flat map's entries, in order. */
    private static final class FlatEntries implements Iterator<Map.Entry<Object, Object>> {
        private final Object[] keys;
        private final Object[] values;
        private int next;

        FlatEntries(Object[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public boolean hasNext() {
            return next < keys.length;
        }

        @Override
        public Map.Entry<Object, Object> next() {
            if (next >= keys.length) throw new NoSuchElementException();
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
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
                if (a[i] instanceof Node n) {
                    positions[depth] = i + 1; // a sub-node takes one element, a pair two
                    arrays[++depth] = n.array;
                    positions[depth] = 0;
                    continue;
                }
                positions[depth] = i + 2;
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
