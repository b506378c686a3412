package procshell.runtime.table;

import procshell.runtime.node.Atom;

/** Who may read and write a table, as the access option of {@code :ets.new/2}. */
public enum Protection {
    /** Any process reads and writes. */
    PUBLIC("public"),
    /** Any process reads; only the owner writes (ETS's default). */
    PROTECTED("protected"),
    /** Only the owner reads and writes. */
    PRIVATE("private");

    private final Atom atom;

    Protection(String name) {
        this.atom = Atom.of(name);
    }

    /** The access as {@code :ets.info(t, :protection)} reports it, e.g. {@code :public}. */
    public Atom atom() {
        return atom;
    }
}
