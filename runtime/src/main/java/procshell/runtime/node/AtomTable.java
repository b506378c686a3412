package procshell.runtime.node;

/**
 * A node's atom table: every atom the node has ever created, never collected, with the BEAM's
 * default limit of 1,048,576 entries.
 *
 * <p>Mirrors the BEAM's atom table as seen through {@code :erlang.system_info(:atom_count)} and
 * {@code :erlang.system_info(:atom_limit)}. When the table is full, {@link #intern(String)} throws
 * {@link SystemLimitException}: on the BEAM the whole node dies with
 * {@code no more index entries in atom_tab (max=1048576)}.
 */
public final class AtomTable {
    /** The BEAM's default atom table size ({@code +t}). */
    public static final int DEFAULT_LIMIT = 1_048_576;

    /** Tables numbered 1..255 mark their atoms in the store; later ones keep them all in {@link #others}. */
    private static final java.util.concurrent.atomic.AtomicInteger TABLES = new java.util.concurrent.atomic.AtomicInteger();

    /** This table's mark in the {@link AtomStore} (0: none). */
    private final int index;
    /** The atoms this table holds that the store marks as another table's (a second node's boot atoms). */
    private final java.util.Set<Atom> others = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile int count;
    private final int limit;
    private final Runnable onFull;

    /**
     * Creates an empty table.
     *
     * @param limit the most atoms the table can hold
     */
    public AtomTable(int limit) {
        this(limit, () -> { });
    }

    /**
     * Creates an empty table that reports when it is full.
     *
     * @param limit  the most atoms the table can hold
     * @param onFull run (before the {@link SystemLimitException} is thrown) when an atom does not
     *               fit: the BEAM stops the whole node then
     */
    public AtomTable(int limit, Runnable onFull) {
        if (limit < 1) throw new IllegalArgumentException("atom limit must be positive: " + limit);
        this.limit = limit;
        this.onFull = onFull;
        int n = TABLES.incrementAndGet();
        this.index = n <= 255 ? n : 0;
    }

    /** True when this table holds the atom (a racy read: a miss is checked again under the store's lock). */
    private boolean holds(Atom a) {
        return (index != 0 && AtomStore.holder(a.ref()) == index) || others.contains(a);
    }

    /** Under the store's lock: adds an atom this table does not hold yet. */
    private void add(Atom a) {
        if (index != 0 && AtomStore.holder(a.ref()) == 0) AtomStore.setHolder(a.ref(), index);
        else others.add(a);
        count = count + 1;
    }

    /**
     * Returns the atom for this text, adding it to the table when new, as {@code String.to_atom/1}.
     *
     * @param name the atom's text; at most 255 characters, as on the BEAM
     * @return the atom
     * @throws SystemLimitException when the table is full (the BEAM's {@code system_limit})
     * @throws IllegalArgumentException when the text is longer than 255 characters
     */
    public Atom intern(String name) {
        if (name.length() > 255) throw new IllegalArgumentException("atom length must be less than system limit: " + name.length());
        Atom a = AtomStore.find(name);
        if (a != null && holds(a)) return a;
        synchronized (AtomStore.LOCK) {
            a = AtomStore.findLocked(name, count < limit);
            if (a != null && holds(a)) return a;
            if (count < limit) {
                add(a);
                return a;
            }
        }
        onFull.run(); // outside the store's lock: stopping a node is no small job
        throw new SystemLimitException("no more index entries in atom_tab (max=" + limit + ")");
    }

    /**
     * Returns the atom only if it already exists, as {@code String.to_existing_atom/1}.
     *
     * @return the atom, or {@code null} when the table has no such atom
     */
    public Atom existing(String name) {
        Atom a = AtomStore.find(name);
        if (a != null && holds(a)) return a;
        synchronized (AtomStore.LOCK) {
            a = AtomStore.findLocked(name, false);
            return a != null && holds(a) ? a : null;
        }
    }

    /** True when this table holds the atom. */
    public boolean contains(Atom atom) {
        if (holds(atom)) return true;
        synchronized (AtomStore.LOCK) {
            return holds(atom);
        }
    }

    /** The number of atoms in the table, as {@code :erlang.system_info(:atom_count)}. */
    public int count() {
        return count;
    }

    /** The most atoms the table can hold, as {@code :erlang.system_info(:atom_limit)}. */
    public int limit() {
        return limit;
    }

    /** A snapshot of the atoms' texts, for completion. */
    public java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.HashSet<>();
        AtomStore.forEach(a -> {
            if (holds(a)) out.add(a.name());
        });
        return java.util.Set.copyOf(out);
    }
}
