package procshell.runtime.node;

/**
 * An Erlang atom: a named constant, compared by name.
 *
 * <p>Atom objects are interned JVM-wide so that {@code ==} works as a fast path, but the
 * BEAM-visible atom table, with its count and its limit, belongs to each {@link Node}: see
 * {@link AtomTable}. Elixir module names are atoms whose text starts with {@code "Elixir."}
 * ({@code HelloServer} is {@code :"Elixir.HelloServer"}).
 *
 * <p>{@code true}, {@code false} and {@code nil} are not represented as atoms in the runtime:
 * they are {@link Boolean#TRUE}, {@link Boolean#FALSE} and {@code null}.
 */
public final class Atom implements Comparable<Atom> {
    /** Every atom of the JVM, one instance per text (compact: see {@link AtomSet}). */
    private static final AtomSet INTERNED = new AtomSet();

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

    private final String name;
    private final int hash;

    private Atom(String name) {
        this.name = name;
        this.hash = name.hashCode();
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
        return INTERNED.getOrAdd(name, Integer.MAX_VALUE, Atom::new);
    }

    /** The module atom for an Elixir module name: {@code module("HelloServer")} is {@code :"Elixir.HelloServer"}. */
    public static Atom module(String elixirName) {
        return of("Elixir." + elixirName);
    }

    /** The atom's text, e.g. {@code "ok"}. */
    public String name() {
        return name;
    }

    /** True when this atom names an Elixir module ({@code Elixir.} prefix). */
    public boolean isElixirModule() {
        return name.startsWith("Elixir.");
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Atom a && a.name.equals(name));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Atom o) {
        return name.compareTo(o.name);
    }

    /** As Elixir's {@code inspect/1}: {@code :ok}, {@code :"hello world"}, {@code HelloServer}. */
    @Override
    public String toString() {
        return procshell.runtime.inspect.Inspect.inspect(this);
    }
}
