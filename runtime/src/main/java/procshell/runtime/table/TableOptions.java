package procshell.runtime.table;

/**
 * How to create a table, as the option list of {@code :ets.new/2} (the key is always the first
 * element, {@code keypos: 1}).
 *
 * @param type             set, bag or duplicate_bag
 * @param protection       public, protected or private
 * @param named            {@code :named_table}: the name is the table's identifier and must be unique
 * @param readConcurrency  {@code read_concurrency: true} (reported by info, counted in memory)
 * @param writeConcurrency {@code write_concurrency: true} (reported by info, counted in memory)
 * @param groupBy          for bags: a path of 1-based tuple positions to a part of each object that
 *                         groups the objects under one key (e.g. {@code {2, 1}}: the pid in a
 *                         Registry entry {@code {key, {pid, value}}}), so that deleting the objects
 *                         of one key and one group costs the size of the group, not of the key;
 *                         null for none. ETS has no such option; it changes no result, only costs.
 */
public record TableOptions(TableType type, Protection protection, boolean named, boolean readConcurrency,
                           boolean writeConcurrency, int[] groupBy) {
    /** ETS's defaults: {@code [:set, :protected]}, unnamed. */
    public static final TableOptions DEFAULT = new TableOptions(TableType.SET, Protection.PROTECTED, false, false, false, null);

    /** Checks the fields. */
    public TableOptions {
        if (type == null) throw new IllegalArgumentException("a table needs a type");
        if (protection == null) throw new IllegalArgumentException("a table needs a protection");
        if (groupBy != null) {
            if (groupBy.length == 0) throw new IllegalArgumentException("groupBy needs at least one position");
            for (int p : groupBy) if (p < 1) throw new IllegalArgumentException("groupBy positions are 1-based");
            groupBy = groupBy.clone();
        }
    }

    /** These options with another type. */
    public TableOptions withType(TableType t) {
        return new TableOptions(t, protection, named, readConcurrency, writeConcurrency, groupBy);
    }

    /** These options with another protection. */
    public TableOptions withProtection(Protection p) {
        return new TableOptions(type, p, named, readConcurrency, writeConcurrency, groupBy);
    }

    /** These options with {@code :named_table} on or off. */
    public TableOptions withNamed(boolean on) {
        return new TableOptions(type, protection, on, readConcurrency, writeConcurrency, groupBy);
    }

    /** These options with {@code read_concurrency} and {@code write_concurrency} set. */
    public TableOptions withConcurrency(boolean read, boolean write) {
        return new TableOptions(type, protection, named, read, write, groupBy);
    }

    /** These options grouping each key's objects by the part at {@code path} (see {@link #groupBy}). */
    public TableOptions withGroupBy(int... path) {
        return new TableOptions(type, protection, named, readConcurrency, writeConcurrency, path);
    }

    @Override
    public int[] groupBy() {
        return groupBy == null ? null : groupBy.clone();
    }
}
