package procshell.runtime.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableErrors;
import procshell.runtime.table.TermHash;

/**
 * A registry's partitions as objects, kept on the registry's table ({@link Table#attachment()}):
 * its kind, partition count and listeners, and per partition the key table, the partition process
 * and the PID table.
 *
 * <p>The table itself holds Elixir's rows, which is what {@code :ets.tab2list(registry)} shows: the
 * tables of the only partition in the {@code -1}/{@code -2} rows when there is one, a row
 * {@code {i, key_table, {pid, pid_table}}} per partition when there are several. Reading them meant
 * a branch on the count, and code compiled while only one-partition registries ran had no path for
 * the other case: every process parked in that compiled code deoptimized on its own when it next
 * registered in a registry of several partitions (30,000 times in {@code bench registry_unique}'s
 * second round; bench/README.md, "Registry, tables and atoms"). Here every count takes the same
 * path: the partition is {@code phash2(term, partitions)}, an index into the same arrays.
 *
 * <p>Each partition's init records its part together with its row ({@link #set}); a part is read
 * without a lock. A part whose partition died names its dead tables until the restarted partition
 * replaces it, as the row does: a call on them raises ETS's ArgumentError.
 */
final class RegistryLayout {
    /** One partition: its key table, its process, its PID table. */
    record Part(Table keyTable, Pid server, Table pidTable) {}

    private final Atom kind;
    private final boolean unique;
    private final int partitions;
    private final List<Atom> listeners;
    private final AtomicReferenceArray<Part> parts;

    /**
     * The layout of a registry before any partition has started.
     *
     * @param kind       {@code :unique} or {@code :duplicate}
     * @param partitions how many partitions (at least 1)
     * @param listeners  the registered names told of registrations
     */
    RegistryLayout(Atom kind, int partitions, List<Atom> listeners) {
        this.kind = kind;
        this.unique = RegistryOptions.UNIQUE.equals(kind);
        this.partitions = partitions;
        this.listeners = listeners;
        this.parts = new AtomicReferenceArray<>(partitions);
    }

    /** The layout kept on a registry's table, or null when {@code table} is no registry's. */
    static RegistryLayout of(Table table) {
        return table.attachment() instanceof RegistryLayout l ? l : null;
    }

    /** Records partition {@code index} (its init has made its tables). */
    void set(int index, Table keyTable, Pid server, Table pidTable) {
        parts.set(index, new Part(keyTable, server, pidTable));
    }

    Atom kind() {
        return kind;
    }

    boolean unique() {
        return unique;
    }

    int partitions() {
        return partitions;
    }

    List<Atom> listeners() {
        return listeners;
    }

    /**
     * Partition {@code index}.
     *
     * @throws IllegalArgumentException ETS's {@code not a key that exists in the table}, as Elixir's
     *         {@code :ets.lookup_element(registry, index, 2)} raises before that partition has started
     */
    Part part(int index) {
        Part p = parts.get(index);
        if (p == null) throw TableErrors.argument(2, "not a key that exists in the table");
        return p;
    }

    /** The partition of {@code term}, as Elixir's {@code hash(term, partitions)}: 0 for one partition. */
    int partitionOf(Object term) {
        return TermHash.phash2(term, partitions);
    }

    /** The partition holding the entry of {@code pid} under {@code key}: by key for unique registries, by pid for duplicate ones. */
    int keyPartition(Object key, Pid pid) {
        return partitionOf(unique ? key : pid);
    }

    /** Partition {@code index}'s key table. */
    Table keyTable(int index) {
        return part(index).keyTable();
    }
}
