package procshell.runtime.table;

import procshell.runtime.node.Atom;

/**
 * How a table treats objects with the same key, as the type option of {@code :ets.new/2}.
 */
public enum TableType {
    /** One object per key; inserting replaces. */
    SET("set"),
    /**
     * One object per key, kept in Erlang term order (scans and {@code tab2list} return objects
     * sorted by key); keys that compare equal ({@code 1} and {@code 1.0}) are the same key.
     */
    ORDERED_SET("ordered_set"),
    /** Many objects per key, but no two identical ones. */
    BAG("bag"),
    /** Many objects per key, identical ones included. */
    DUPLICATE_BAG("duplicate_bag");

    private final Atom atom;

    TableType(String name) {
        this.atom = Atom.of(name);
    }

    /** True for the types that hold one object per key (set and ordered_set). */
    public boolean oneObjectPerKey() {
        return this == SET || this == ORDERED_SET;
    }

    /** The type as {@code :ets.info(t, :type)} reports it, e.g. {@code :duplicate_bag}. */
    public Atom atom() {
        return atom;
    }
}
