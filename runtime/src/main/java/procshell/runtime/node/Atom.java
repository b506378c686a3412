package procshell.runtime.node;

/**
 * An Erlang atom: a named constant, compared by name.
 *
 * <p>There is one Atom object per text in the JVM ({@link AtomStore}), so atoms compare with
 * {@code ==}; the object holds only where its text is stored (16 bytes, as compact as the BEAM's
 * atom table). The BEAM-visible atom table, with its count and its limit, belongs to each
 * {@link Node}: see {@link AtomTable}. Elixir module names are atoms whose text starts with {@code "Elixir."}
 * ({@code HelloServer} is {@code :"Elixir.HelloServer"}).
 *
 * <p>{@code true}, {@code false} and {@code nil} are not represented as atoms in the runtime:
 * they are {@link Boolean#TRUE}, {@link Boolean#FALSE} and {@code null}.
 */
public final class Atom implements Comparable<Atom> {
    public static final Atom OK = of("ok");
    public static final Atom ERROR = of("error");
    public static final Atom NORMAL = of("normal");
    public static final Atom KILL = of("kill");
    public static final Atom KILLED = of("killed");
    public static final Atom SHUTDOWN = of("shutdown");
    public static final Atom EXIT = of("EXIT");
    public static final Atom DOWN = of("DOWN");
    public static final Atom PROCESS = of("process");
    public static final Atom NOPROC = of("noproc");
    public static final Atom UNDEFINED = of("undefined");
    public static final Atom TIMEOUT = of("timeout");
    public static final Atom IGNORE = of("ignore");
    public static final Atom INFINITY = of("infinity");
    public static final Atom YES = of("yes");
    public static final Atom NO = of("no");
    public static final Atom VIA = of("via");
    public static final Atom GLOBAL = of("global");

    /** Where the atom's text is in the {@link AtomStore}: the atom's only field (an atom is 16 bytes). */
    private final int ref;

    Atom(int ref) {
        this.ref = ref;
    }

    int ref() {
        return ref;
    }

    /**
     * Returns the atom with this text, without touching any node's atom table. Use it for the
     * runtime's own atoms; user-created atoms go through {@link AtomTable#intern(String)} so that
     * they count, as {@code String.to_atom/1} does.
     *
     * @param name the atom's text, e.g. {@code "ok"} or {@code "Elixir.HelloServer"}
     * @return the interned atom
     */
    public static Atom of(String name) {
        return AtomStore.findOrAdd(name);
    }

    /** The module atom for an Elixir module name: {@code module("HelloServer")} is {@code :"Elixir.HelloServer"}. */
    public static Atom module(String elixirName) {
        return of("Elixir." + elixirName);
    }

    /**
     * The atom's text, e.g. {@code "ok"}. The text is kept as bytes, so this makes a string; the
     * strings of atoms asked for often are cached.
     */
    public String name() {
        return AtomNames.of(this);
    }

    /** True when this atom names an Elixir module ({@code Elixir.} prefix). */
    public boolean isElixirModule() {
        return AtomStore.startsWith(ref, "Elixir.");
    }

    /** An atom equals only itself: there is one per text. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /** From where the atom is stored (one atom per text, so equal atoms are the same atom). */
    @Override
    public int hashCode() {
        int h = ref * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /** Term order among atoms: by their texts' UTF-8 bytes, as the BEAM compares them. */
    @Override
    public int compareTo(Atom o) {
        return AtomStore.compare(ref, o.ref);
    }

    /** As Elixir's {@code inspect/1}: {@code :ok}, {@code :"hello world"}, {@code HelloServer}. */
    @Override
    public String toString() {
        return procshell.runtime.inspect.Inspect.inspect(this);
    }
}
