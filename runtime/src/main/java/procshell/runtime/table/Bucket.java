package procshell.runtime.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;

import procshell.runtime.node.Tuple;

/**
 * The objects of one key in a bag or duplicate_bag table, in insertion order (as ETS returns
 * them). With {@link TableOptions#groupBy} the objects are also indexed by their group, so that
 * finding or deleting one group's objects costs the size of the group, not of the key: a key
 * shared by 100,000 processes (a PubSub topic) loses one process's entries without a scan.
 *
 * <p>Guarded by its own monitor: writers (already inside the map's {@code compute} for the key)
 * and readers both lock it, so no read sees a half-done change and no lock spans more than one key.
 */
final class Bucket {
    private static final Object SINGLE_GROUP = new Object();

    /** One object, linked in insertion order. */
    private static final class Entry {
        final Tuple object;
        final Object group;
        Entry prev;
        Entry next;
        boolean removed;

        Entry(Tuple object, Object group) {
            this.object = object;
            this.group = group;
        }
    }

    /**
     * A grouped bucket builds its index when a group is first searched while it holds this many
     * objects; a smaller one is scanned. Most buckets hold one object (a process's row in a
     * registry's PID table), and an index for it would cost more than the row. Built at the first
     * search rather than the first appends: a key that only gains objects (100,000 processes
     * subscribing to a topic) never looks a group up, and keeping its index took a lookup and an
     * insert per append (its {@code HashMap}'s nodes and resizes a fifth of
     * {@code registry_duplicate}'s subscribe phase's samples).
     */
    private static final int INDEX_AT = 8;

    private Entry head;
    private Entry tail;
    private final Object key;
    private final boolean grouped;
    /** Group to its entries (one {@link Entry}, or an {@code ArrayList} of them in order); null until a search needs it. */
    private HashMap<Object, Object> index;
    private int size;

    /** An empty bucket for the objects of {@code key}; {@code grouped} when the table has a {@link TableOptions#groupBy} path. */
    Bucket(Object key, boolean grouped) {
        this.key = key;
        this.grouped = grouped;
    }

    /** The key of every object in the bucket. */
    Object key() {
        return key;
    }

    /** The group an object belongs to: the part at {@code path}, or the single group. */
    static Object groupOf(Tuple object, int[] path) {
        if (path == null) return SINGLE_GROUP;
        Object part = object;
        for (int p : path) {
            if (!(part instanceof Tuple t) || t.size() < p) return SINGLE_GROUP;
            part = t.get(p - 1);
        }
        return part;
    }

    /** The group to search for a ground {@code part}, as {@link #groupOf} would file it. */
    static Object groupKey(Object part, int[] path) {
        return path == null ? SINGLE_GROUP : part;
    }

    /** The number of objects. */
    int size() {
        return size;
    }

    /**
     * Appends an object.
     *
     * @param unique true for a bag: an identical object already there is not added again
     * @return true when added
     */
    boolean add(Object group, Tuple object, boolean unique) {
        if (unique) {
            for (Entry e : candidates(group)) if (e.object.equals(object)) return false;
        }
        Entry e = new Entry(object, group);
        if (tail == null) {
            head = e;
        } else {
            tail.next = e;
            e.prev = tail;
        }
        tail = e;
        size++;
        if (index != null) indexAdd(e);
        return true;
    }

    private void indexAdd(Entry e) {
        Object g = index.get(e.group);
        if (g == null) {
            index.put(e.group, e);
        } else if (g instanceof Entry first) {
            ArrayList<Entry> list = new ArrayList<>(4);
            list.add(first);
            list.add(e);
            index.put(e.group, list);
        } else {
            @SuppressWarnings("unchecked")
            ArrayList<Entry> list = (ArrayList<Entry>) g;
            list.add(e);
        }
    }

    /** Every object, in insertion order. */
    List<Tuple> all() {
        List<Tuple> out = new ArrayList<>(size);
        for (Entry e = head; e != null; e = e.next) out.add(e.object);
        return out;
    }

    /** The objects of one group in insertion order (of all groups when {@code group} is null). */
    List<Tuple> inGroup(Object group) {
        if (group == null) return all();
        List<Tuple> out = new ArrayList<>(4);
        for (Entry e : candidates(group)) out.add(e.object);
        return out;
    }

    /**
     * Removes the objects that {@code which} accepts, from one group (from all when
     * {@code group} is null).
     *
     * @param removed receives the removed objects
     */
    void removeIf(Object group, Predicate<Tuple> which, List<Tuple> removed) {
        List<Entry> gone = new ArrayList<>(2);
        if (group == null) {
            for (Entry e = head; e != null; e = e.next) if (which.test(e.object)) gone.add(e);
        } else {
            for (Entry e : candidates(group)) if (which.test(e.object)) gone.add(e);
        }
        for (Entry e : gone) {
            unlink(e);
            removed.add(e.object);
        }
        if (index == null) return;
        // Each affected group's list is filtered once, so removing a big group stays linear.
        java.util.Set<Object> done = new java.util.HashSet<>();
        for (Entry e : gone) {
            if (!done.add(e.group)) continue;
            Object g = index.get(e.group);
            if (g == e) {
                index.remove(e.group);
            } else if (g instanceof ArrayList<?> list && !list.isEmpty()) {
                list.removeIf(x -> ((Entry) x).removed);
                if (list.isEmpty()) index.remove(e.group);
                else if (list.size() == 1) index.put(e.group, list.get(0));
            }
        }
    }

    /** The entries a group's search must look at: the group's (from the index once there is one), else all. */
    @SuppressWarnings("unchecked")
    private List<Entry> candidates(Object group) {
        List<Entry> out = new ArrayList<>(4);
        if (index == null && grouped && size >= INDEX_AT) {
            index = new HashMap<>();
            for (Entry x = head; x != null; x = x.next) indexAdd(x);
        }
        if (index == null) {
            for (Entry e = head; e != null; e = e.next) if (!grouped || java.util.Objects.equals(e.group, group)) out.add(e);
            return out;
        }
        Object g = index.get(group);
        if (g instanceof Entry e) out.add(e);
        else if (g != null) out.addAll((ArrayList<Entry>) g);
        return out;
    }

    private void unlink(Entry e) {
        if (e.prev == null) head = e.next;
        else e.prev.next = e.next;
        if (e.next == null) tail = e.prev;
        else e.next.prev = e.prev;
        e.removed = true;
        size--;
    }
}
