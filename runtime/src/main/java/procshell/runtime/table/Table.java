package procshell.runtime.table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * An ETS-like table: tuples stored by their first element (the key), owned by a process, gone
 * when the owner dies or the table is deleted. Created by {@link Tables#create}; its functions
 * mirror {@code :ets}'s ({@code insert/2}, {@code insert_new/2}, {@code lookup/2},
 * {@code lookup_element/3}, {@code member/2}, {@code delete/2}, {@code delete_object/2},
 * {@code take/2}, {@code select/2}, {@code select_count/2}, {@code select_delete/2},
 * {@code match_delete/2}, {@code tab2list/1}, {@code info/1}, {@code delete/1}) and raise
 * ArgumentErrors ({@link IllegalArgumentException}) with ETS's texts.
 *
 * <p>Reads take no lock: objects live by key in a {@link RowMap} (no entry object per row; writes
 * hold its short spin lock), or a {@link ConcurrentSkipListMap} in term order for an ordered_set;
 * a set's value is the object itself, a bag's is its only object or a {@link Bucket} locked per key. Stored terms are copied into {@link TermCopy}'s immutable canonical form, as
 * ETS copies them. Like ETS without {@code safe_fixtable}, a scan running alongside writers sees
 * each object at most once but not necessarily a single moment's snapshot.
 *
 * <p>A table is dead for every caller the moment its owner is: each call checks the owner's
 * liveness (a volatile read), and the first call that finds it dead deletes the table.
 */
public final class Table {
    /** ETS's memory for an empty table, in words (OTP 25, 64-bit). */
    private static final int BASE_WORDS = 305;
    private static final int READ_CONCURRENCY_WORDS = 32;
    private static final int WRITE_CONCURRENCY_WORDS = 3104;

    private final Tables tables;
    private final Ref id;
    private volatile Atom name;
    private final TableType type;
    private volatile Protection protection;
    private final boolean named;
    private final boolean readConcurrency;
    private final boolean writeConcurrency;
    private final int[] groupBy;
    private final int keypos;
    private final boolean compressed;
    private final boolean autoWriteConcurrency;
    private final boolean decentralizedCounters;
    private volatile LocalProcess owner;
    private volatile Pid heir;
    private volatile Object heirData;
    private java.util.function.Consumer<Object> heirHook;
    private final ConcurrentMap<Object, Object> data;
    private final LongAdder objects = new LongAdder();
    private final LongAdder words = new LongAdder();
    private volatile boolean deleted;
    private volatile Object attachment;

    Table(Tables tables, Ref id, Atom name, TableOptions options, LocalProcess owner) {
        this.tables = tables;
        this.id = id;
        this.name = name;
        this.type = options.type();
        this.protection = options.protection();
        this.named = options.named();
        this.readConcurrency = options.readConcurrency();
        this.writeConcurrency = options.writeConcurrency();
        this.groupBy = options.groupBy();
        this.keypos = options.keypos();
        this.compressed = options.compressed();
        this.autoWriteConcurrency = options.autoWriteConcurrency();
        this.decentralizedCounters = options.decentralizedCounters();
        this.owner = owner;
        setHeir(options.heir(), options.heirData());
        // An ordered_set keeps its keys in term order, so that scans return them sorted as ETS does.
        this.data = type == TableType.ORDERED_SET ? new ConcurrentSkipListMap<>(TermCompare::compare) : new RowMap(keypos);
    }

    // ---- identity -------------------------------------------------------------------------------

    /** The table's reference, as {@code :ets.info(t, :id)}. */
    public Ref id() {
        return id;
    }

    /** The name given at creation, as {@code :ets.info(t, :name)}. */
    public Atom name() {
        return name;
    }

    /** What {@code :ets.new/2} returns and {@code :ets.all/0} lists: the name for a named table, else the reference. */
    public Object tid() {
        return named ? name : id;
    }

    /** True for a {@code :named_table}. */
    public boolean isNamed() {
        return named;
    }

    /** Set, ordered_set, bag or duplicate_bag. */
    public TableType type() {
        return type;
    }

    /** Public, protected or private. */
    public Protection protection() {
        return protection;
    }

    /** The owner's pid, as {@code :ets.info(t, :owner)}. */
    public Pid owner() {
        return owner.pid();
    }

    /**
     * An object the creator keeps with the table for its own use (a Registry keeps its partitions
     * there: {@code RegistryLayout}); no row, so no ETS function sees it. Null when none.
     */
    public Object attachment() {
        return attachment;
    }

    /** Keeps {@code value} with the table (see {@link #attachment()}). */
    public void attach(Object value) {
        attachment = value;
    }

    /** The owner's registered name, or null (Observer's "Owner Name" column). */
    public Atom ownerName() {
        return owner.registeredName();
    }

    /** True until the table is deleted or its owner dies. */
    public boolean isAlive() {
        if (deleted) return false;
        LocalProcess o = owner;
        if (o.isAlive()) return true;
        if (heir != null && inherit(o)) return true;
        tables.drop(this);
        return false;
    }

    /** As {@link #isAlive()} without dropping a dead table (for use inside the node's map updates). */
    boolean isAliveQuietly() {
        return !deleted && (owner.isAlive() || heir != null);
    }

    /** The number of objects, as {@code :ets.info(t, :size)}; 0 once the table is gone. */
    public long size() {
        return deleted ? 0 : Math.max(0, objects.sum());
    }

    /**
     * An estimate of the table's memory in words, as {@code :ets.info(t, :memory)}: the empty
     * table's cost (more with {@code read_concurrency} and {@code write_concurrency}), each object
     * per {@link TermWords}, and the hash table's growth.
     */
    public long memoryWords() {
        long n = size();
        long w = BASE_WORDS + (readConcurrency ? READ_CONCURRENCY_WORDS : 0) + (writeConcurrency ? WRITE_CONCURRENCY_WORDS : 0);
        if (n > 256) {
            long slots = Long.highestOneBit(n - 1) << 1;
            w += 2 * slots + slots / 4;
        }
        return w + Math.max(0, words.sum());
    }

    /** {@link #memoryWords()} in bytes (8 per word). */
    public long memoryBytes() {
        return memoryWords() * 8;
    }

    /** A snapshot of the table's attributes (for {@code :ets.info/1} and the Table Viewer). */
    public TableInfo info() {
        alive();
        Pid h = heir;
        return new TableInfo(id, name, named, type, protection, size(), memoryWords(), owner(), ownerName(),
                readConcurrency, writeConcurrency, owner.node().name(), keypos, compressed, h == null ? Atom.of("none") : h,
                autoWriteConcurrency, decentralizedCounters);
    }

    /** True when this table groups each key's objects by the part at this path ({@link TableOptions#groupBy}). */
    int[] groupBy() {
        return groupBy == null ? null : groupBy.clone();
    }

    /** The 1-based key position ({@code :ets.info(t, :keypos)}). */
    public int keypos() {
        return keypos;
    }

    /** The process that inherits the table when its owner dies, or null. */
    public Pid heir() {
        return heir;
    }

    /** Renames the table (the node's name index is {@link Tables#rename}'s). */
    void setName(Atom newName) {
        name = newName;
    }

    /**
     * Sets the heir, as {@code {:heir, pid, data}} in {@code :ets.new/2} or {@code :ets.setopts/2}:
     * when the owner dies, a live heir becomes the owner and is sent
     * {@code {:"ETS-TRANSFER", tab, old_owner, data}}.
     *
     * @param pid  the heir, or null for none
     * @param data what the heir is sent
     */
    public synchronized void setHeir(Pid pid, Object data) {
        heir = pid;
        heirData = data;
        if (heirHook != null) owner.removeExitHook(heirHook);
        heirHook = null;
        if (pid != null) watchOwner();
    }

    /** Runs {@link #inherit} when the owner exits, while there is an heir. */
    private void watchOwner() {
        LocalProcess o = owner;
        java.util.function.Consumer<Object> hook = reason -> inherit(o);
        heirHook = hook;
        if (!o.onExit(hook)) inherit(o);
    }

    /**
     * The owner {@code dead} has died: a live heir (other than the dead owner) takes the table
     * and is told so; else the table goes.
     *
     * @return true when the heir took it
     */
    private synchronized boolean inherit(LocalProcess dead) {
        if (owner != dead || deleted) return owner.isAlive();
        Pid h = heir;
        LocalProcess next = h == null ? null : dead.node().process(h);
        if (next == null || !next.isAlive() || next == dead) return false;
        owner = next;
        heirHook = null;
        next.deliver(Tuple.of(Atom.of("ETS-TRANSFER"), tid(), dead.pid(), heirData));
        // the heir stays heir, as on the BEAM; it watches its own death from now on
        watchOwner();
        return true;
    }

    /**
     * Gives the table to another process, as {@code :ets.give_away/3}: it becomes the owner and is
     * sent {@code {:"ETS-TRANSFER", tab, from, data}}.
     *
     * @throws IllegalArgumentException ETS's errors: the caller is not the owner, the pid is the
     *         owner already, or refers to a terminated process
     */
    public synchronized void giveAway(Pid to, Object data) {
        alive();
        if (!callerOwns()) throw TableErrors.argument(2, "the current process is not the owner");
        if (to.equals(owner.pid())) throw TableErrors.argument(2, "the process is already the owner of the table");
        LocalProcess next = owner.node().process(to);
        if (next == null || !next.isAlive()) throw TableErrors.argument(2, "the pid refers to a terminated process");
        LocalProcess from = owner;
        if (heirHook != null) from.removeExitHook(heirHook);
        heirHook = null;
        owner = next;
        if (heir != null) watchOwner();
        next.deliver(Tuple.of(Atom.of("ETS-TRANSFER"), tid(), from.pid(), data));
    }

    /** Changes the protection, as {@code :ets.setopts(t, {:protection, p})} (owner only). */
    public void setProtection(Protection p) {
        alive();
        if (!callerOwns()) throw TableErrors.accessRights();
        protection = p;
    }

    /** Checks that the caller may write the table (its owner, or anyone for a public table), as rename does. */
    public void requireWritable() {
        writable();
    }

    /** Checks that the caller owns the table (setopts), as ETS does. */
    public void requireOwner() {
        alive();
        if (!callerOwns()) throw TableErrors.accessRights();
    }

    // ---- writes ---------------------------------------------------------------------------------

    /**
     * Inserts one object or a list of objects, as {@code :ets.insert/2}: a set replaces the
     * object with the same key; a bag keeps one copy of identical objects; a duplicate_bag keeps all.
     *
     * @param objects a non-empty tuple or a list of them
     * @return true
     * @throws IllegalArgumentException when the table is gone, not writable by the caller, or an
     *         object is not a non-empty tuple
     */
    public boolean insert(Object objects) {
        writable();
        if (objects instanceof Tuple t) {
            put(object(t));
            return true;
        }
        List<Tuple> list = objectsOf(objects);
        // ETS puts a list's objects of one key into a bag last first
        if (type == TableType.BAG) for (int i = list.size() - 1; i >= 0; i--) put(list.get(i));
        else for (Tuple t : list) put(t);
        return true;
    }

    /**
     * Inserts unless a key is already present, as {@code :ets.insert_new/2}; for a list, inserts
     * none of them when any key is present (checked, then inserted: unlike ETS, not atomic
     * against concurrent writers of the same keys; a single object is).
     *
     * @return true when inserted
     */
    public boolean insertNew(Object objects) {
        writable();
        if (objects instanceof Tuple t) return putNew(object(t));
        List<Tuple> list = objectsOf(objects);
        if (list.size() == 1) return putNew(list.get(0));
        for (Tuple t : list) if (data.containsKey(key(t))) return false;
        for (Tuple t : list) put(t);
        return true;
    }

    /** The key of an object: its element at {@code keypos}. */
    private Object key(Tuple obj) {
        return obj.get(keypos - 1);
    }

    private void put(Tuple obj) {
        Object key = key(obj);
        long w = TermWords.ofObject(obj);
        if (type.oneObjectPerKey()) {
            Object prev = data.put(key, obj);
            if (prev == null) objects.increment();
            else w -= TermWords.ofObject((Tuple) prev);
            words.add(w);
            return;
        }
        Object group = Bucket.groupOf(obj, groupBy);
        boolean[] added = new boolean[1];
        data.compute(key, (k, v) -> {
            if (v == null) {
                added[0] = true;
                return obj; // a key's only object is stored bare; a Bucket comes with the second
            }
            Bucket b;
            if (v instanceof Tuple only) {
                if (type == TableType.BAG && only.equals(obj)) return only;
                b = new Bucket(k, groupBy != null);
                b.add(Bucket.groupOf(only, groupBy), only, false);
            } else {
                b = (Bucket) v;
            }
            synchronized (b) {
                added[0] = b.add(group, obj, type == TableType.BAG);
            }
            return b;
        });
        if (added[0]) {
            objects.increment();
            words.add(w);
        }
    }

    private boolean putNew(Tuple obj) {
        Object key = key(obj);
        if (data.putIfAbsent(key, obj) != null) return false; // a bag's only object is stored bare too
        objects.increment();
        words.add(TermWords.ofObject(obj));
        return true;
    }

    /** Deletes every object with {@code key}, as {@code :ets.delete/2}; returns true. */
    public boolean delete(Object key) {
        writable();
        removed(toList(data.remove(TermCopy.of(key))));
        return true;
    }

    /** Deletes the objects identical to {@code object} (all copies in a duplicate_bag), as {@code :ets.delete_object/2}. */
    public boolean deleteObject(Object object) {
        writable();
        Tuple obj = objectsOf(object).get(0);
        deleteWhere(key(obj), Bucket.groupOf(obj, groupBy), obj::equals);
        return true;
    }

    /** Removes and returns the objects with {@code key}, as {@code :ets.take/2}. */
    public List<Tuple> take(Object key) {
        writable();
        List<Tuple> out = toList(data.remove(TermCopy.of(key)));
        removed(out);
        return out;
    }

    /** Deletes every object, as {@code :ets.delete_all_objects/1}; returns true. */
    public boolean deleteAllObjects() {
        writable();
        for (Object k : data.keySet()) removed(toList(data.remove(k)));
        return true;
    }

    /**
     * Deletes the objects a match specification returns {@code true} for, as
     * {@code :ets.select_delete/2}.
     *
     * @return how many were deleted
     * @throws IllegalArgumentException for an invalid spec, or when the table is gone or not writable
     */
    public long selectDelete(Object spec) {
        writable();
        MatchSpec ms = MatchSpec.compile(spec);
        return deleteMatching(ms, ms::isTrueFor);
    }

    /** Deletes the objects that match {@code pattern} (a tuple with {@code :_} and {@code :"$N"}), as {@code :ets.match_delete/2}. */
    public boolean matchDelete(Object pattern) {
        writable();
        MatchSpec ms = MatchSpec.ofPattern(pattern);
        deleteMatching(ms, ms::isTrueFor);
        return true;
    }

    private long deleteMatching(MatchSpec ms, Predicate<Tuple> which) {
        Object key = keypos == 1 ? ms.boundKey() : MatchSpec.NONE;
        Object group = groupBy == null ? null : ms.groundPart(groupBy);
        if (group == MatchSpec.NONE) group = null;
        if (key != MatchSpec.NONE) return deleteWhere(key, group, which);
        long n = 0;
        for (Object k : data.keySet()) n += deleteWhere(k, group, which);
        return n;
    }

    /** Deletes the objects of one key (and one group, when not null) that {@code which} accepts. */
    private long deleteWhere(Object key, Object group, Predicate<Tuple> which) {
        Object k = TermCopy.of(key);
        if (type.oneObjectPerKey()) {
            Object v = data.get(k);
            if (v instanceof Tuple t && which.test(t) && data.remove(k, t)) {
                removed(List.of(t));
                return 1;
            }
            return 0;
        }
        Object g = group == null ? null : Bucket.groupKey(group, groupBy);
        List<Tuple> gone = new ArrayList<>(1);
        data.computeIfPresent(k, (kk, v) -> {
            if (v instanceof Tuple only) {
                if ((g != null && !java.util.Objects.equals(Bucket.groupOf(only, groupBy), g)) || !which.test(only)) return only;
                gone.add(only);
                return null;
            }
            Bucket b = (Bucket) v;
            synchronized (b) {
                b.removeIf(g, which, gone);
                return b.size() == 0 ? null : b;
            }
        });
        removed(gone);
        return gone.size();
    }

    private void removed(List<Tuple> gone) {
        for (Tuple t : gone) {
            objects.decrement();
            words.add(-TermWords.ofObject(t));
        }
    }

    /** Deletes the table, as {@code :ets.delete/1}; returns true. */
    public boolean deleteTable() {
        writable();
        tables.drop(this);
        return true;
    }

    /** Marks the table deleted and frees its objects; {@link Tables} calls this once. */
    void markDeleted() {
        deleted = true;
        data.clear();
        objects.reset();
        words.reset();
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** The objects with {@code key}, as {@code :ets.lookup/2}. */
    public List<Tuple> lookup(Object key) {
        readable();
        return copyOf(data.get(TermCopy.of(key)));
    }

    /**
     * Element {@code pos} (1-based) of the object with {@code key}, as {@code :ets.lookup_element/3};
     * for a bag, the list of that element of each object.
     *
     * @throws IllegalArgumentException when no object has the key, or {@code pos} is out of range
     */
    public Object lookupElement(Object key, int pos) {
        readable();
        if (pos < 1) throw TableErrors.argument(3, "out of range");
        Object v = data.get(TermCopy.of(key));
        if (v == null) throw TableErrors.argument(2, "not a key that exists in the table");
        if (v instanceof Tuple t && type.oneObjectPerKey()) {
            if (pos > t.size()) throw TableErrors.argument(3, "position is greater than the size of the object");
            return t.get(pos - 1);
        }
        List<Tuple> all = copyOf(v);
        if (all.isEmpty()) throw TableErrors.argument(2, "not a key that exists in the table");
        List<Object> out = new ArrayList<>(all.size());
        for (Tuple t : all) {
            if (pos > t.size()) throw TableErrors.argument(3, "position is greater than the size of the object");
            out.add(t.get(pos - 1));
        }
        return out;
    }

    /** True when an object has {@code key}, as {@code :ets.member/2}. */
    public boolean member(Object key) {
        readable();
        return data.containsKey(TermCopy.of(key));
    }

    /** Every object, as {@code :ets.tab2list/1}. */
    public List<Tuple> tab2list() {
        readable();
        List<Tuple> out = new ArrayList<>();
        for (Object v : data.values()) out.addAll(copyOf(v));
        return out;
    }

    /**
     * The results of a match specification over the table, as {@code :ets.select/2}.
     *
     * @throws IllegalArgumentException for an invalid spec, or when the table is gone or not readable
     */
    public List<Object> select(Object spec) {
        readable();
        MatchSpec ms = MatchSpec.compile(spec);
        List<Object> out = new ArrayList<>();
        scan(ms, t -> {
            Object r = ms.run(t);
            if (r != MatchSpec.NO_MATCH) out.add(r);
        });
        return out;
    }

    /** How many objects a match specification returns {@code true} for, as {@code :ets.select_count/2}. */
    public long selectCount(Object spec) {
        readable();
        MatchSpec ms = MatchSpec.compile(spec);
        long[] n = new long[1];
        scan(ms, t -> {
            if (ms.isTrueFor(t)) n[0]++;
        });
        return n[0];
    }

    /** Feeds the objects a spec may match to {@code each}: one key's (one group's) when the spec pins them, else all. */
    private void scan(MatchSpec ms, Consumer<Tuple> each) {
        Object key = keypos == 1 ? ms.boundKey() : MatchSpec.NONE;
        Object group = groupBy == null ? MatchSpec.NONE : ms.groundPart(groupBy);
        if (key != MatchSpec.NONE) {
            Object v = data.get(TermCopy.of(key));
            if (v instanceof Bucket b && group != MatchSpec.NONE) {
                List<Tuple> in;
                synchronized (b) {
                    in = b.inGroup(Bucket.groupKey(group, groupBy));
                }
                in.forEach(each);
            } else {
                copyOf(v).forEach(each);
            }
            return;
        }
        for (Object v : data.values()) copyOf(v).forEach(each);
    }

    // ---- traversal -------------------------------------------------------------------------------

    /** What first/next/last/prev return past the last key: {@code :"$end_of_table"}. */
    public static final Atom END_OF_TABLE = Atom.of("$end_of_table");

    private java.util.NavigableMap<Object, Object> ordered() {
        return (java.util.NavigableMap<Object, Object>) data;
    }

    /** The first key, as {@code :ets.first/1} (term order for an ordered_set), or {@link #END_OF_TABLE}. */
    public Object first() {
        readable();
        if (type == TableType.ORDERED_SET) {
            var e = ordered().firstEntry();
            return e == null ? END_OF_TABLE : key(copyOf(e.getValue()).get(0));
        }
        for (Object v : data.values()) return key(copyOf(v).get(0));
        return END_OF_TABLE;
    }

    /** The last key, as {@code :ets.last/1}; for a set, bag or duplicate_bag the same as {@link #first}. */
    public Object last() {
        readable();
        if (type != TableType.ORDERED_SET) return first();
        var e = ordered().lastEntry();
        return e == null ? END_OF_TABLE : key(copyOf(e.getValue()).get(0));
    }

    /**
     * The key after {@code key}, as {@code :ets.next/2}: in term order for an ordered_set (the key
     * need not be in it), in the table's order for the others (it must be).
     *
     * @throws IllegalArgumentException {@code not a key that exists in the table} for a missing key of a set or bag
     */
    public Object next(Object key) {
        readable();
        Object k = TermCopy.of(key);
        if (type == TableType.ORDERED_SET) {
            var e = ordered().higherEntry(k);
            return e == null ? END_OF_TABLE : key(copyOf(e.getValue()).get(0));
        }
        Object after = ((RowMap) data).keyAfter(k);
        if (after == RowMap.NO_KEY) throw TableErrors.argument(2, "not a key that exists in the table");
        return after == null ? END_OF_TABLE : after;
    }

    /** The key before {@code key}, as {@code :ets.prev/2}; for a set, bag or duplicate_bag the same as {@link #next}. */
    public Object prev(Object key) {
        readable();
        if (type != TableType.ORDERED_SET) return next(key);
        var e = ordered().lowerEntry(TermCopy.of(key));
        return e == null ? END_OF_TABLE : key(copyOf(e.getValue()).get(0));
    }

    // ---- counters and elements --------------------------------------------------------------------

    /**
     * Updates counters of the object with {@code key}, as {@code :ets.update_counter/3,4}: {@code op}
     * is an increment (of the element after the key), {@code {pos, incr}},
     * {@code {pos, incr, threshold, set_value}}, or a list of those; a missing object is first
     * inserted as {@code defaultObject} (with its key put in) when that is not null.
     *
     * @return the new value, or the list of new values for a list of operations
     * @throws IllegalArgumentException ETS's texts (bad operation, key position, out of range,
     *         not an integer, no such key, not a set or ordered_set)
     */
    public Object updateCounter(Object key, Object op, Object defaultObject) {
        writable();
        if (!type.oneObjectPerKey()) {
            throw TableErrors.argument(1, "the table identifier refers to an ETS table of a type not supported by this operation");
        }
        List<Object[]> ops = counterOps(op);
        Object k = TermCopy.of(key);
        Tuple def = null;
        if (defaultObject != null) {
            if (!(defaultObject instanceof Tuple d) || d.size() < keypos) throw TableErrors.argument(4, "not a tuple");
            Object[] parts = d.toArray();
            parts[keypos - 1] = key;
            def = TermCopy.tuple(Tuple.of(parts));
        }
        Object[] result = new Object[ops.size()];
        RuntimeException[] failure = new RuntimeException[1];
        Tuple fallback = def;
        Object[] before = new Object[1];
        data.compute(k, (kk, v) -> {
            Tuple obj = v == null ? fallback : (Tuple) v;
            before[0] = v;
            if (obj == null) {
                failure[0] = TableErrors.argument(2, "not a key that exists in the table");
                return null;
            }
            try {
                Object[] parts = obj.toArray();
                for (int i = 0; i < ops.size(); i++) result[i] = applyCounter(parts, ops.get(i));
                return Tuple.of(parts);
            } catch (RuntimeException e) {
                failure[0] = e;
                return v;
            }
        });
        if (failure[0] != null) throw failure[0];
        if (before[0] == null) objects.increment();
        else words.add(-TermWords.ofObject((Tuple) before[0]));
        words.add(TermWords.ofObject((Tuple) data.get(k)));
        return op instanceof List<?> ? new ArrayList<>(java.util.Arrays.asList(result)) : result[0];
    }

    /** The operations of update_counter as {@code {pos, incr, threshold or null, set_value}}. */
    private List<Object[]> counterOps(Object op) {
        List<Object[]> out = new ArrayList<>();
        if (op instanceof List<?> l) {
            for (Object o : l) out.add(counterOp(o, false));
        } else {
            out.add(counterOp(op, true));
        }
        return out;
    }

    private Object[] counterOp(Object op, boolean bareIncrement) {
        if (bareIncrement && TermCompare.isInteger(op)) return new Object[] {keypos + 1, op, null, null};
        if (op instanceof Tuple t && (t.size() == 2 || t.size() == 4) && t.get(0) instanceof Integer pos && TermCompare.isInteger(t.get(1))
                && (t.size() == 2 || TermCompare.isInteger(t.get(2)) && TermCompare.isInteger(t.get(3)))) {
            return new Object[] {pos, t.get(1), t.size() == 4 ? t.get(2) : null, t.size() == 4 ? t.get(3) : null};
        }
        throw TableErrors.argument(3, "not a valid update operation");
    }

    private Object applyCounter(Object[] parts, Object[] op) {
        int pos = (Integer) op[0];
        if (pos == keypos) throw TableErrors.argument(3, "the position is the same as the key position");
        if (pos < 1 || pos > parts.length) throw TableErrors.argument(3, "the position in the update operation is out of range");
        Object current = parts[pos - 1];
        if (!TermCompare.isInteger(current)) {
            throw TableErrors.argument(3, "the value in the given position, in the object, is not an integer");
        }
        java.math.BigInteger incr = big(op[1]);
        java.math.BigInteger value = big(current).add(incr);
        if (op[2] != null) {
            java.math.BigInteger threshold = big(op[2]);
            if (incr.signum() >= 0 ? value.compareTo(threshold) > 0 : value.compareTo(threshold) < 0) value = big(op[3]);
        }
        Object v = TermCopy.of(value);
        parts[pos - 1] = v;
        return v;
    }

    private static java.math.BigInteger big(Object n) {
        return n instanceof java.math.BigInteger b ? b : java.math.BigInteger.valueOf(((Number) n).longValue());
    }

    /**
     * Replaces elements of the object with {@code key}, as {@code :ets.update_element/3}:
     * {@code {pos, value}} or a list of those.
     *
     * @return false when no object has the key
     * @throws IllegalArgumentException for a bag, the key position, or a position out of range
     */
    public boolean updateElement(Object key, Object change) {
        writable();
        if (!type.oneObjectPerKey()) throw TableErrors.argument(3, "out of range");
        List<Object> changes = change instanceof List<?> l ? new ArrayList<>(l) : List.of(change);
        for (Object c : changes) {
            if (!(c instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Integer)) throw TableErrors.argument(3, "out of range");
            if ((Integer) t.get(0) == keypos) throw TableErrors.argument(3, "the position is the same as the key position");
        }
        Object k = TermCopy.of(key);
        RuntimeException[] failure = new RuntimeException[1];
        boolean[] found = new boolean[1];
        Object[] before = new Object[1];
        data.computeIfPresent(k, (kk, v) -> {
            found[0] = true;
            before[0] = v;
            Object[] parts = ((Tuple) v).toArray();
            for (Object c : changes) {
                Tuple t = (Tuple) c;
                int pos = (Integer) t.get(0);
                if (pos < 1 || pos > parts.length) {
                    failure[0] = TableErrors.argument(3, "out of range");
                    return v;
                }
                parts[pos - 1] = TermCopy.of(t.get(1));
            }
            return Tuple.of(parts);
        });
        if (failure[0] != null) throw failure[0];
        if (found[0]) {
            words.add(-TermWords.ofObject((Tuple) before[0]));
            words.add(TermWords.ofObject((Tuple) data.get(k)));
        }
        return found[0];
    }

    /**
     * Every object, in the order {@code :ets.foldl/3} visits them (term order for an ordered_set).
     */
    public List<Tuple> objects() {
        return tab2list();
    }

    /**
     * Replaces objects by a match specification's results, as {@code :ets.select_replace/2}: a
     * result must keep the object's key.
     *
     * @return how many were replaced
     */
    public long selectReplace(Object spec) {
        writable();
        MatchSpec ms = MatchSpec.compile(spec);
        long n = 0;
        for (Tuple t : tab2list()) {
            Object r = ms.run(t);
            if (r instanceof Tuple nt && nt.size() >= keypos && TermCompare.exactEquals(key(nt), key(t))) {
                Tuple copy = TermCopy.tuple(nt);
                if (data.replace(TermCopy.of(key(t)), t, copy)) {
                    words.add(TermWords.ofObject(copy) - TermWords.ofObject(t));
                    n++;
                }
            }
        }
        return n;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static List<Tuple> copyOf(Object v) {
        if (v == null) return List.of();
        if (v instanceof Tuple t) return List.of(t);
        Bucket b = (Bucket) v;
        synchronized (b) {
            return b.all();
        }
    }

    /** As {@link #copyOf} for a value just removed from the map (no writer can reach it any more). */
    private static List<Tuple> toList(Object v) {
        return copyOf(v);
    }

    /** The stored form of one object given to a write: ETS's errors for an empty or too short tuple. */
    private Tuple object(Tuple t) {
        if (t.size() == 0) throw TableErrors.argument(2, "is an empty tuple");
        if (t.size() < keypos) throw TableErrors.plain();
        return TermCopy.tuple(t);
    }

    private List<Tuple> objectsOf(Object objects) {
        if (objects instanceof Tuple t) return List.of(object(t));
        if (objects instanceof List<?> l) {
            List<Tuple> out = new ArrayList<>(l.size());
            for (Object o : l) {
                if (!(o instanceof Tuple t) || t.size() == 0) {
                    throw TableErrors.argument(2, "not a non-empty tuple or a list of non-empty tuples");
                }
                if (t.size() < keypos) throw TableErrors.plain();
                out.add(TermCopy.tuple(t));
            }
            return out;
        }
        throw TableErrors.argument(2, "not a tuple");
    }

    private void alive() {
        if (!isAlive()) throw TableErrors.noTable();
    }

    private void readable() {
        alive();
        if (protection == Protection.PRIVATE && !callerOwns()) throw TableErrors.accessRights();
    }

    private void writable() {
        alive();
        if (protection != Protection.PUBLIC && !callerOwns()) throw TableErrors.accessRights();
    }

    private boolean callerOwns() {
        ProcessContext c = ProcessContext.current();
        return c != null && c.process() == owner;
    }

    @Override
    public String toString() {
        return named ? name.toString() : id.toString();
    }
}
