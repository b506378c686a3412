package procshell.runtime.registry;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The options of {@code Registry.start_link/1}, checked as Elixir 1.14 checks them, in the same
 * order and with the same ArgumentError texts.
 *
 * @param keys       {@code :unique} or {@code :duplicate}
 * @param name       the registry's name: its supervisor's registered name and its table's name
 * @param partitions how many partitions (each a process with two tables)
 * @param listeners  named processes told {@code {:register, ...}} and {@code {:unregister, ...}}
 * @param meta       the keyword list stored as the registry's metadata
 * @param compressed the {@code :compressed} flag (accepted and checked; tables are never compressed)
 */
public record RegistryOptions(Atom keys, Atom name, int partitions, List<Atom> listeners, List<Tuple> meta,
                              boolean compressed) {
    /** {@code :unique}. */
    public static final Atom UNIQUE = Atom.of("unique");
    /** {@code :duplicate}. */
    public static final Atom DUPLICATE = Atom.of("duplicate");

    /**
     * Checks a keyword list as {@code Registry.start_link/1} does.
     *
     * @param options {@code [keys: ..., name: ..., partitions: ..., listeners: ..., meta: ..., compressed: ...]}
     *                as a list of {@code {atom, value}} tuples
     * @return the options
     * @throws IllegalArgumentException with Elixir's text, e.g. {@code expected :keys to be given
     *         and be one of :unique or :duplicate, got: nil} or {@code expected :name option to be present}
     */
    public static RegistryOptions parse(List<?> options) {
        Object keys = get(options, "keys", null);
        if (!UNIQUE.equals(keys) && !DUPLICATE.equals(keys)) {
            throw new IllegalArgumentException("expected :keys to be given and be one of :unique or :duplicate, got: " + Inspect.inspect(keys));
        }
        Object[] name = fetch(options, "name");
        if (name == null) throw new IllegalArgumentException("expected :name option to be present");
        if (!(name[0] instanceof Atom registry)) {
            throw new IllegalArgumentException("expected :name to be an atom, got: " + Inspect.inspect(name[0]));
        }
        Object meta = get(options, "meta", List.of());
        if (!isKeyword(meta)) throw new IllegalArgumentException("expected :meta to be a keyword list, got: " + Inspect.inspect(meta));
        Object partitions = get(options, "partitions", 1);
        if (!(partitions instanceof Integer || partitions instanceof Long) || ((Number) partitions).longValue() < 1
                || ((Number) partitions).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected :partitions to be a positive integer, got: " + Inspect.inspect(partitions));
        }
        Object listeners = get(options, "listeners", List.of());
        if (!(listeners instanceof List<?> given) || !given.stream().allMatch(l -> l instanceof Atom)) {
            throw new IllegalArgumentException("expected :listeners to be a list of named processes, got: " + Inspect.inspect(listeners));
        }
        Object compressed = get(options, "compressed", Boolean.FALSE);
        if (!(compressed instanceof Boolean c)) {
            throw new IllegalArgumentException("expected :compressed to be a boolean, got: " + Inspect.inspect(compressed));
        }
        List<Atom> ls = new ArrayList<>();
        for (Object l : (List<?>) listeners) ls.add((Atom) l);
        List<Tuple> m = new ArrayList<>();
        for (Object o : (List<?>) meta) m.add((Tuple) o);
        return new RegistryOptions((Atom) keys, registry, ((Number) partitions).intValue(), List.copyOf(ls), List.copyOf(m), c);
    }

    /** True for {@code :unique} keys. */
    public boolean unique() {
        return UNIQUE.equals(keys);
    }

    /** {@code Keyword.get/3}: the first value under {@code key}, or {@code dflt}. */
    private static Object get(List<?> options, String key, Object dflt) {
        Object[] v = fetch(options, key);
        return v == null ? dflt : v[0];
    }

    /** {@code Keyword.fetch/2}: the first value under {@code key} in a one-element array, or null. */
    private static Object[] fetch(List<?> options, String key) {
        if (options == null) return null;
        Atom k = Atom.of(key);
        for (Object o : options) {
            if (o instanceof Tuple t && t.size() == 2 && k.equals(t.get(0))) return new Object[] {t.get(1)};
        }
        return null;
    }

    /** {@code Keyword.keyword?/1}: a list of {@code {atom, value}} tuples. */
    private static boolean isKeyword(Object o) {
        if (!(o instanceof List<?> l)) return false;
        for (Object e : l) if (!(e instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Atom)) return false;
        return true;
    }
}
