package procshell.runtime.table;

import procshell.runtime.node.Pid;

/**
 * How to create a table, as the option list of {@code :ets.new/2}.
 *
 * @param type             set, ordered_set, bag or duplicate_bag
 * @param protection       public, protected or private
 * @param named            {@code :named_table}: the name is the table's identifier and must be unique
 * @param readConcurrency  {@code read_concurrency: true} (reported by info, counted in memory)
 * @param writeConcurrency {@code write_concurrency: true} or {@code :auto} (reported by info, counted in memory)
 * @param groupBy          for bags: a path of 1-based tuple positions to a part of each object that
 *                         groups the objects under one key (e.g. {@code {2, 1}}: the pid in a
 *                         Registry entry {@code {key, {pid, value}}}), so that deleting the objects
 *                         of one key and one group costs the size of the group, not of the key;
 *                         null for none. ETS has no such option; it changes no result, only costs.
 * @param keypos           the 1-based position of the key in each object ({@code {:keypos, n}}, 1 by default)
 * @param compressed       {@code :compressed} (reported by info; objects are stored as they are)
 * @param heir             the process that inherits the table when its owner dies, or null ({@code {:heir, pid, data}})
 * @param heirData         the data sent to the heir in {@code {:"ETS-TRANSFER", tab, from, data}}
 * @param autoWriteConcurrency {@code write_concurrency: :auto}
 */
public record TableOptions(TableType type, Protection protection, boolean named, boolean readConcurrency,
                           boolean writeConcurrency, int[] groupBy, int keypos, boolean compressed, Pid heir, Object heirData,
                           boolean autoWriteConcurrency) {
    /** ETS's defaults: {@code [:set, :protected]}, unnamed. */
    public static final TableOptions DEFAULT = new TableOptions(TableType.SET, Protection.PROTECTED, false, false, false, null);

    /** Checks the fields. */
    public TableOptions {
        if (type == null) throw new IllegalArgumentException("a table needs a type");
        if (protection == null) throw new IllegalArgumentException("a table needs a protection");
        if (keypos < 1) throw new IllegalArgumentException("keypos is 1-based");
        if (groupBy != null) {
            if (groupBy.length == 0) throw new IllegalArgumentException("groupBy needs at least one position");
            for (int p : groupBy) if (p < 1) throw new IllegalArgumentException("groupBy positions are 1-based");
            groupBy = groupBy.clone();
        }
    }

    /** Options with the key first, no heir, uncompressed. */
    public TableOptions(TableType type, Protection protection, boolean named, boolean readConcurrency, boolean writeConcurrency,
                        int[] groupBy) {
        this(type, protection, named, readConcurrency, writeConcurrency, groupBy, 1, false, null, null, false);
    }

    /** These options with another type. */
    public TableOptions withType(TableType t) {
        return new TableOptions(t, protection, named, readConcurrency, writeConcurrency, groupBy, keypos, compressed, heir, heirData,
                autoWriteConcurrency);
    }

    /** These options with another protection. */
    public TableOptions withProtection(Protection p) {
        return new TableOptions(type, p, named, readConcurrency, writeConcurrency, groupBy, keypos, compressed, heir, heirData,
                autoWriteConcurrency);
    }

    /** These options with {@code :named_table} on or off. */
    public TableOptions withNamed(boolean on) {
        return new TableOptions(type, protection, on, readConcurrency, writeConcurrency, groupBy, keypos, compressed, heir, heirData,
                autoWriteConcurrency);
    }

    /** These options with {@code read_concurrency} and {@code write_concurrency} set. */
    public TableOptions withConcurrency(boolean read, boolean write) {
        return new TableOptions(type, protection, named, read, write, groupBy, keypos, compressed, heir, heirData, false);
    }

    /** These options with {@code write_concurrency: :auto}. */
    public TableOptions withAutoWriteConcurrency() {
        return new TableOptions(type, protection, named, readConcurrency, true, groupBy, keypos, compressed, heir, heirData, true);
    }

    /** These options grouping each key's objects by the part at {@code path} (see {@link #groupBy}). */
    public TableOptions withGroupBy(int... path) {
        return new TableOptions(type, protection, named, readConcurrency, writeConcurrency, path, keypos, compressed, heir, heirData,
                autoWriteConcurrency);
    }

    /** These options with the key at another 1-based position. */
    public TableOptions withKeypos(int position) {
        return new TableOptions(type, protection, named, readConcurrency, writeConcurrency, groupBy, position, compressed, heir, heirData,
                autoWriteConcurrency);
    }

    /** These options with {@code :compressed} on or off. */
    public TableOptions withCompressed(boolean on) {
        return new TableOptions(type, protection, named, readConcurrency, writeConcurrency, groupBy, keypos, on, heir, heirData,
                autoWriteConcurrency);
    }

    /** These options with an heir (null for none) and the data it is sent. */
    public TableOptions withHeir(Pid pid, Object data) {
        return new TableOptions(type, protection, named, readConcurrency, writeConcurrency, groupBy, keypos, compressed, pid, data,
                autoWriteConcurrency);
    }

    /** {@code :ets.info(t, :decentralized_counters)}: an ordered_set with write concurrency, or {@code write_concurrency: :auto}. */
    public boolean decentralizedCounters() {
        return autoWriteConcurrency || writeConcurrency && type == TableType.ORDERED_SET;
    }

    @Override
    public int[] groupBy() {
        return groupBy == null ? null : groupBy.clone();
    }
}
