package procshell.runtime.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import procshell.runtime.node.Tuple;

/**
 * The rows of a set, bag or duplicate_bag table by key, without an entry object per row: open
 * addressing hash tables (linear probing) whose slots hold the stored values themselves (a
 * {@link Tuple}, whose key is its element at the table's key position, or a {@link Bucket}, which
 * knows its key). A row costs its tuple and a slot, as an ETS object costs its term and a bucket
 * pointer; a {@code ConcurrentHashMap} added a 32-byte node per row.
 *
 * <p>The keys are spread over {@link #SEGMENTS} segments by hash, each with its own slot array and
 * writers' lock, as ETS's {@code write_concurrency} spreads its locks: writers of different keys
 * rarely meet (they would on one lock, whenever the OS suspends a carrier holding it), and a
 * segment's resize holds up only that segment's writers.
 *
 * <p>Each slot's key hash sits beside it in an {@code int} array, so that a probe passes the
 * slots of other keys without reading their rows: a probe that read each row's key (the row and
 * then its key object, two cache misses a slot in a table of 100,000 rows) took 43% of
 * {@code Registry.register/3}'s samples (bench/README.md, "Registry, tables and atoms"), and a
 * resize rehashes without reading any row.
 *
 * <p>Reads take no lock: they probe a segment's {@link Slots} as they were when they started (writes
 * store a slot's hash, then its value with release semantics, so a reader that sees the value sees
 * its hash; a resize fills new arrays and publishes them whole, and the old ones are never written
 * again). Writes take the segment's lock for one probe and one store (or
 * a bucket's append). Functions given to {@link #compute} run under that lock: they must be short
 * and must not touch the table.
 */
final class RowMap extends AbstractMap<Object, Object> implements ConcurrentMap<Object, Object> {
    /** How many segments a map has (a power of two). */
    static final int SEGMENTS = 16;
    private static final int SEGMENT_SHIFT = 32 - Integer.numberOfTrailingZeros(SEGMENTS);
    /** A removed row: probing goes past it; an insert of a new key may take its place. */
    private static final Object TOMBSTONE = new Object();
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    /** For {@link Segment#swap}: whatever the current value is. */
    private static final Object ANY = new Object();
    /** What {@link #keyAfter} answers for a key that is not in the map. */
    static final Object NO_KEY = new Object();

    private final int keyIndex;
    private final Segment[] segments = new Segment[SEGMENTS];

    /** An empty map for a table whose key is at 1-based position {@code keypos}. */
    RowMap(int keypos) {
        this.keyIndex = keypos - 1;
        for (int i = 0; i < SEGMENTS; i++) segments[i] = new Segment();
    }

    /** The key of a stored value. */
    private Object keyOf(Object value) {
        return value instanceof Tuple t ? t.get(keyIndex) : ((Bucket) value).key();
    }

    private static int hash(Object key) {
        return key == null ? 0 : key.hashCode() * 0x9E3779B9; // nil is null, and a key
    }

    private Segment segment(int hash) {
        return segments[hash >>> SEGMENT_SHIFT];
    }

    private static int home(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    /** A segment's slots: the stored values (or null, or {@link #TOMBSTONE}) and, beside each, its key's {@link #hash}. */
    private static final class Slots {
        final Object[] values;
        final int[] hashes;

        Slots(int size) {
            values = new Object[size];
            hashes = new int[size];
        }
    }

    /**
     * One segment: its slot array, its counts and (being a {@link ReentrantLock}) its writers'
     * lock. A lock of {@code java.util.concurrent}, not a monitor, so that a process that finds it
     * taken parks through the runtime's scheduler (a monitor's waiter is woken by the JDK's
     * unblocker thread: a thread switch).
     */
    private final class Segment extends ReentrantLock {
        volatile Slots slots = new Slots(8);
        /** Rows and tombstones in {@link #slots}; written under the lock. */
        int live;
        int tombstones;

        /** The slot holding {@code key} in {@code table}, or -1 (no lock). */
        int find(Slots table, Object key, int hash) {
            Object[] values = table.values;
            int mask = values.length - 1;
            for (int i = home(hash, mask); ; i = (i + 1) & mask) {
                Object v = SLOTS.getAcquire(values, i);
                if (v == null) return -1;
                if (v != TOMBSTONE && table.hashes[i] == hash && Objects.equals(key, keyOf(v))) return i;
            }
        }

        /** The row (or bucket) of {@code key}, or null (no lock): the value the probe matched, never read again (a writer may have removed it since). */
        Object get(Object key, int hash) {
            Slots table = slots;
            Object[] values = table.values;
            int[] hashes = table.hashes;
            int mask = values.length - 1;
            for (int i = home(hash, mask); ; i = (i + 1) & mask) {
                Object v = SLOTS.getAcquire(values, i);
                if (v == null) return null;
                if (v != TOMBSTONE && hashes[i] == hash && Objects.equals(key, keyOf(v))) return v;
            }
        }

        /**
         * Under the lock: the slot holding {@code key}, or, when absent, {@code ~i} with {@code i}
         * the slot a new row goes to (the first tombstone the probe passed, else the empty slot that
         * ended it).
         */
        int slotFor(Slots table, Object key, int hash) {
            Object[] values = table.values;
            int[] hashes = table.hashes;
            int mask = values.length - 1;
            int free = -1;
            int i = home(hash, mask);
            Object v;
            while ((v = values[i]) != null) {
                if (v == TOMBSTONE) {
                    if (free < 0) free = i;
                } else if (hashes[i] == hash && Objects.equals(key, keyOf(v))) {
                    return i;
                }
                i = (i + 1) & mask;
            }
            return ~(free >= 0 ? free : i);
        }

        /**
         * Under the lock: puts {@code next} (null: none), whose key hashes to {@code hash}, where
         * {@link #slotFor} answered {@code at}.
         */
        void store(Slots table, int at, int hash, Object next) {
            Object[] values = table.values;
            if (at >= 0) {
                if (next == null) {
                    SLOTS.setRelease(values, at, TOMBSTONE);
                    live--;
                    tombstones++;
                } else {
                    SLOTS.setRelease(values, at, next);
                }
            } else if (next != null) {
                int i = ~at;
                if (values[i] == TOMBSTONE) tombstones--;
                table.hashes[i] = hash; // before the value's release: a reader that sees the value sees its hash
                SLOTS.setRelease(values, i, next);
                live++;
                if (4 * (live + tombstones) > 3 * values.length) resize();
            }
        }

        /** Under the lock: a new array for the live rows (twice as large when they fill half of it), published whole. */
        void resize() {
            Slots old = slots;
            int size = old.values.length;
            while (2 * live > size) size *= 2;
            while (size > 8 && 8 * live < size) size /= 2;
            Slots table = new Slots(size);
            int mask = size - 1;
            for (int j = 0; j < old.values.length; j++) {
                Object v = old.values[j];
                if (v == null || v == TOMBSTONE) continue;
                int h = old.hashes[j];
                int i = home(h, mask);
                while (table.values[i] != null) i = (i + 1) & mask;
                table.values[i] = v;
                table.hashes[i] = h;
            }
            tombstones = 0;
            slots = table; // a volatile write: readers that load the arrays see their slots filled
        }

        /** Under the lock, lets {@code change} decide the value from the current one (null: absent) and stores it. */
        Object update(Object key, int hash, BiFunction<? super Object, ? super Object, ?> change, boolean onlyIfPresent) {
            lock();
            try {
                Slots table = slots;
                int at = slotFor(table, key, hash);
                Object current = at >= 0 ? table.values[at] : null;
                if (current == null && onlyIfPresent) return null;
                Object next = change.apply(key, current);
                if (next != current) store(table, at, hash, next);
                return next;
            } finally {
                unlock();
            }
        }

        /** Stores {@code value} (null: removes) when {@code expected} is the current value (null: absent; {@link #ANY}: any); returns the value before. */
        Object swap(Object key, int hash, Object expected, Object value) {
            lock();
            try {
                Slots table = slots;
                int at = slotFor(table, key, hash);
                Object current = at >= 0 ? table.values[at] : null;
                if ((expected == ANY || Objects.equals(expected, current)) && value != current) store(table, at, hash, value);
                return current;
            } finally {
                unlock();
            }
        }

        void clear() {
            lock();
            try {
                slots = new Slots(8);
                live = 0;
                tombstones = 0;
            } finally {
                unlock();
            }
        }
    }

    // ---- reads (no lock) ------------------------------------------------------------------------

    @Override
    public Object get(Object key) {
        int h = hash(key);
        return segment(h).get(key, h);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (Segment s : segments) n += s.live;
        return n;
    }

    /**
     * The key stored after {@code key} in the order {@link #keySet()} walks, for
     * {@code :ets.next/2}, without a walk from the start.
     *
     * @return the next key, or null past the last; {@link #NO_KEY} when {@code key} is absent
     */
    Object keyAfter(Object key) {
        int h = hash(key);
        int s = h >>> SEGMENT_SHIFT;
        Slots first = segments[s].slots;
        Object[] table = first.values;
        int i = segments[s].find(first, key, h);
        if (i < 0) return NO_KEY;
        for (int j = i + 1; ; j++) {
            if (j >= table.length) {
                if (++s == SEGMENTS) return null;
                table = segments[s].slots.values;
                j = -1;
                continue;
            }
            Object v = SLOTS.getAcquire(table, j);
            if (v != null && v != TOMBSTONE) return keyOf(v);
        }
    }

    // ---- writes (under a segment's lock) --------------------------------------------------------

    @Override
    public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> f) {
        int h = hash(key);
        return segment(h).update(key, h, f, false);
    }

    @Override
    public Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> f) {
        int h = hash(key);
        return segment(h).update(key, h, f, true);
    }

    private Object swap(Object key, Object expected, Object value) {
        int h = hash(key);
        return segment(h).swap(key, h, expected, value);
    }

    @Override
    public Object put(Object key, Object value) {
        return swap(key, ANY, Objects.requireNonNull(value));
    }

    @Override
    public Object putIfAbsent(Object key, Object value) {
        return swap(key, null, Objects.requireNonNull(value));
    }

    @Override
    public Object remove(Object key) {
        return swap(key, ANY, null);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return value != null && value.equals(swap(key, value, null));
    }

    @Override
    public boolean replace(Object key, Object oldValue, Object newValue) {
        Objects.requireNonNull(newValue);
        return oldValue != null && oldValue.equals(swap(key, oldValue, newValue));
    }

    @Override
    public Object replace(Object key, Object value) {
        Objects.requireNonNull(value);
        Object[] before = new Object[1];
        computeIfPresent(key, (k, v) -> {
            before[0] = v;
            return value;
        });
        return before[0];
    }

    @Override
    public void clear() {
        for (Segment s : segments) s.clear();
    }

    // ---- views (weakly consistent, as a ConcurrentHashMap's) ------------------------------------

    /** Walks the stored values segment by segment, each slot as it held when reached. */
    private final class Values implements Iterator<Object> {
        private int segment = -1;
        private Object[] table = new Object[0];
        private int at = -1;
        private Object pending = advance();

        private Object advance() {
            while (true) {
                while (++at < table.length) {
                    Object v = SLOTS.getAcquire(table, at);
                    if (v != null && v != TOMBSTONE) return v;
                }
                if (++segment == SEGMENTS) return null;
                table = segments[segment].slots.values;
                at = -1;
            }
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Object next() {
            Object v = pending;
            if (v == null) throw new NoSuchElementException();
            pending = advance();
            return v;
        }
    }

    @Override
    public Collection<Object> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Object> iterator() {
                return new Values();
            }

            @Override
            public int size() {
                return RowMap.this.size();
            }
        };
    }

    @Override
    public Set<Object> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Object> iterator() {
                return mapped(RowMap.this::keyOf);
            }

            @Override
            public int size() {
                return RowMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Object, Object>> iterator() {
                return mapped(v -> new SimpleImmutableEntry<>(keyOf(v), v));
            }

            @Override
            public int size() {
                return RowMap.this.size();
            }
        };
    }

    /** The stored values, each seen through {@code view} (a row's key, an entry). */
    private <T> Iterator<T> mapped(java.util.function.Function<Object, T> view) {
        Iterator<Object> values = new Values();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public T next() {
                return view.apply(values.next());
            }
        };
    }
}
