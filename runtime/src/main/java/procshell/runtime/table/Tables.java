package procshell.runtime.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Ref;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * A node's tables, as the BEAM's ETS: tables by reference and named tables by name, created by a
 * process that owns them ({@code :ets.new/2}), listed by {@code :ets.all/0}, and deleted when
 * their owner dies.
 *
 * <p>An owner's death needs no hook into process exits: every table call checks its owner's
 * liveness, so a dead owner's table fails at once for everyone; its memory is released when a
 * call first finds it so, or by the sweep that {@link #create} and {@link #all} make.
 */
public final class Tables {
    private final Node node;
    private final ConcurrentHashMap<Ref, Table> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Atom, Table> byName = new ConcurrentHashMap<>();
    /** Every reference that ever named a table, so that a deleted table's id is told from another ref. */
    private final java.util.Set<Ref> everIds = ConcurrentHashMap.newKeySet();

    /** The table registry of {@code node}; the node creates it. */
    public Tables(Node node) {
        this.node = node;
    }

    /**
     * Creates a table owned by the calling process, as {@code :ets.new(name, options)}.
     *
     * @param name    the table's name (its identifier too when {@code options.named()})
     * @param options type, protection, named, concurrency flags
     * @return the table
     * @throws IllegalArgumentException ETS's {@code table name already exists} when a live named
     *         table has the name
     * @throws IllegalStateException when the caller is no process
     */
    public Table create(Atom name, TableOptions options) {
        LocalProcess owner = ProcessContext.require().process();
        owner.checkAlive();
        sweep();
        Table t = new Table(this, node.makeRef(), name, options, owner);
        if (options.named()) {
            Table[] dead = new Table[1];
            byName.compute(name, (n, existing) -> {
                if (existing != null && existing.isAliveQuietly()) throw TableErrors.nameExists();
                dead[0] = existing;
                return t;
            });
            // The previous holder's owner died and nobody noticed yet: its table goes now.
            if (dead[0] != null) drop(dead[0]);
        }
        byId.put(t.id(), t);
        everIds.add(t.id());
        return t;
    }

    /** True when {@code ref} is or was a table's identifier (ETS tells such refs from others in its errors). */
    public boolean isTableRef(Ref ref) {
        return everIds.contains(ref);
    }

    /**
     * Renames a table, as {@code :ets.rename/2}: a named table is found by its new name only;
     * an unnamed table just reports the new name.
     *
     * @throws IllegalArgumentException ETS's {@code table name already exists} (2nd argument)
     */
    public void rename(Table t, Atom newName) {
        t.requireWritable();
        if (!t.isNamed()) {
            t.setName(newName);
            return;
        }
        Table[] dead = new Table[1];
        byName.compute(newName, (n, existing) -> {
            if (existing != null && existing.isAliveQuietly()) throw TableErrors.argument(2, "table name already exists");
            dead[0] = existing;
            return t;
        });
        if (dead[0] != null) drop(dead[0]);
        byName.remove(t.name(), t);
        t.setName(newName);
    }

    /**
     * The table a name or reference identifies.
     *
     * @param tab a named table's name, a table's reference, or a {@link Table}
     * @throws IllegalArgumentException ETS's {@code the table identifier does not refer to an
     *         existing ETS table} when there is none
     */
    public Table get(Object tab) {
        Table t = find(tab);
        if (t == null) throw TableErrors.noTable();
        return t;
    }

    /** As {@link #get}, but null when there is no such live table. */
    public Table find(Object tab) {
        Table t = null;
        if (tab instanceof Atom a) t = byName.get(a);
        else if (tab instanceof Ref r) t = byId.get(r);
        else if (tab instanceof Table table) t = table;
        return t != null && t.isAlive() ? t : null;
    }

    /** The live named table called {@code name}, or null (the fast path of Registry's lookups). */
    public Table named(Atom name) {
        Table t = byName.get(name);
        return t != null && t.isAlive() ? t : null;
    }

    /**
     * The identifiers of all live tables, oldest first, as {@code :ets.all/0}: names of named
     * tables, references of the others.
     */
    public List<Object> all() {
        List<Object> out = new ArrayList<>();
        for (Table t : tables()) out.add(t.tid());
        return out;
    }

    /** All live tables, oldest first. */
    public List<Table> tables() {
        sweep();
        List<Table> out = new ArrayList<>(byId.values());
        out.removeIf(t -> !t.isAlive());
        out.sort(Comparator.comparingLong(t -> t.id().id()));
        return out;
    }

    /**
     * A snapshot of every live table, sorted by table name as Observer's Table Viewer sorts its
     * rows (Table Name, Objects, Size (kB), Owner Pid, Owner Name, Table Id: see {@link TableInfo}).
     */
    public List<TableInfo> infos() {
        List<TableInfo> out = new ArrayList<>();
        for (Table t : tables()) {
            try {
                out.add(t.info());
            } catch (IllegalArgumentException gone) {
                // Deleted while listing: not a row any more.
            }
        }
        out.sort(Comparator.comparing((TableInfo t) -> t.name().name()).thenComparingLong(t -> t.id().id()));
        return out;
    }

    /** The number of live tables. */
    public int count() {
        return tables().size();
    }

    /** Removes a deleted table (or one whose owner died) from the node. */
    void drop(Table t) {
        t.markDeleted();
        byId.remove(t.id(), t);
        if (t.isNamed()) byName.remove(t.name(), t);
    }

    /** Drops the tables whose owner has died. */
    private void sweep() {
        for (Table t : byId.values()) t.isAlive();
    }
}
