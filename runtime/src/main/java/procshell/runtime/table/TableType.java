package procshell.runtime.table;

import procshell.runtime.node.Atom;

/**
 * How a table treats objects with the same key, as the type option of {@code :ets.new/2}.
 * ({@code ordered_set} is not provided: nothing in the runtime needs it yet.)
 */
public enum TableType {
    /** One object per key; inserting replaces. */
    SET("set"),
    /** Many objects per key, but no two identical ones. */
    BAG("bag"),
    /** Many objects per key, identical ones included. */
    DUPLICATE_BAG("duplicate_bag");

    private final Atom atom;

    TableType(String name) {
        this.atom = Atom.of(name);
    }

    /** The type as {@code :ets.info(t, :type)} reports it, e.g. {@code :duplicate_bag}. */
    public Atom atom() {
        return atom;
    }
}
