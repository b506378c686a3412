package procshell.shell.iex;

import groovy.lang.Closure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Map} module at the prompt ({@code Map.put(m, :k, 1)}); the shell's translation
 * sends {@code Map.fun(...)} here when {@code fun} is not a static method of {@code java.util.Map}
 * ({@code Map.of}, {@code Map.entry}, ... stay). Maps are immutable as in Elixir: every function
 * returns a new map and leaves its argument as it was.
 */
@Doc("""
    Maps are the key-value data structure: %{key => value}, %{id: 1}.

    Functions return new maps; the original is left unchanged.
    """)
@ElixirName("Map")
public final class ElixirMap {
    private ElixirMap() {}

    /**
     * A copy of the map with {@code key} set to {@code value}, as {@code Map.put/3}.
     *
     * @throws BadMapError when {@code map} is not a map
     */
    @Doc("""
        Puts the value under the key and returns the new map.
        """)
    public static Map<Object, Object> put(Object map, Object key, Object value) {
        Map<Object, Object> m = copy(map);
        m.put(Values.normalize(key), Values.normalize(value));
        return m;
    }

    /** The value under {@code key}, or nil, as {@code Map.get/2}. */
    @Doc("""
        Gets the value for the key, or the default (nil) when the key is missing.
        """)
    public static Object get(Object map, Object key) {
        return get(map, key, null);
    }

    /** The value under {@code key}, or {@code fallback}, as {@code Map.get/3}. */
    public static Object get(Object map, Object key, Object fallback) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        return m.containsKey(k) ? m.get(k) : fallback;
    }

    /** {@code {:ok, value}} or {@code :error}, as {@code Map.fetch/2}. */
    @Doc("""
        Fetches the value for the key: {:ok, value} or :error.
        """)
    public static Object fetch(Object map, Object key) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        return m.containsKey(k) ? Kernel.tuple(Atom.OK, m.get(k)) : Kernel._atom_("error");
    }

    /**
     * The value under {@code key}, as {@code Map.fetch!/2}.
     *
     * @throws KeyError {@code key :b not found in: %{a: 1}} when the key is missing
     */
    @Doc("""
        Fetches the value for the key; raises KeyError when the key is missing.
        """)
    public static Object fetch_bang(Object map, Object key) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        if (!m.containsKey(k)) {
            throw new KeyError("key " + Inspect.inspect(k) + " not found in: " + Inspect.inspect(m),
                    java.util.List.of("(stdlib 4.2) :maps.get(" + Inspect.inspect(k) + ", " + Inspect.inspect(m) + ")"));
        }
        return m.get(k);
    }

    /** Whether the map has the key, as {@code Map.has_key?/2}. */
    @Doc("""
        Tells whether the map has the key.
        """)
    public static boolean has_key_qm(Object map, Object key) {
        return map(map).containsKey(Values.normalize(key));
    }

    /** A copy of the map without {@code key}, as {@code Map.delete/2}. */
    @Doc("""
        Deletes the entry for the key and returns the new map.
        """)
    public static Map<Object, Object> delete(Object map, Object key) {
        Map<Object, Object> m = copy(map);
        m.remove(Values.normalize(key));
        return m;
    }

    /** The keys, as {@code Map.keys/1}. */
    @Doc("""
        Returns all keys of the map.
        """)
    public static List<Object> keys(Object map) {
        return new ArrayList<>(map(map).keySet());
    }

    /** The values, as {@code Map.values/1}. */
    @Doc("""
        Returns all values of the map.
        """)
    public static List<Object> values(Object map) {
        return new ArrayList<>(map(map).values());
    }

    /** The entries of both maps, the second's winning, as {@code Map.merge/2}. */
    @Doc("""
        Merges two maps; the second map's values win for keys in both.
        """)
    public static Map<Object, Object> merge(Object map1, Object map2) {
        Map<Object, Object> m = copy(map1);
        m.putAll(map(map2));
        return m;
    }

    /**
     * A copy with {@code key} set to {@code fun.(old)}, or to {@code initial} when missing, as
     * {@code Map.update/4}.
     */
    @Doc("""
        Updates the value under the key with the function, or puts the default when
        the key is missing.
        """)
    public static Map<Object, Object> update(Object map, Object key, Object initial, Closure<?> fun) {
        Map<Object, Object> m = copy(map);
        Object k = Values.normalize(key);
        m.put(k, m.containsKey(k) ? Values.normalize(fun.call(m.get(k))) : Values.normalize(initial));
        return m;
    }

    /**
     * A copy with {@code key} set to {@code fun.(old)}, as {@code Map.update!/3}.
     *
     * @throws KeyError when the key is missing
     */
    @Doc("""
        Updates the value under the key with the function; raises KeyError when the
        key is missing.
        """)
    public static Map<Object, Object> update_bang(Object map, Object key, Closure<?> fun) {
        Object old = fetch_bang(map, key);
        Map<Object, Object> m = copy(map);
        m.put(Values.normalize(key), Values.normalize(fun.call(old)));
        return m;
    }

    /** The number of entries, as {@code map_size/1}. */
    @Doc("""
        Returns the number of entries of the map.
        """)
    public static int size(Object map) {
        return map(map).size();
    }

    /** The map as a list of {@code {key, value}} tuples, as {@code Map.to_list/1}. */
    @Doc("""
        Converts the map to a list of {key, value} tuples.
        """)
    public static List<Tuple> to_list(Object map) {
        List<Tuple> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : map(map).entrySet()) {
            out.add(Kernel.tuple(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Map<?, ?> map(Object map) {
        Object m = Values.normalize(map);
        if (!(m instanceof Map<?, ?> result)) {
            throw new BadMapError(m);
        }
        return result;
    }

    private static Map<Object, Object> copy(Object map) {
        return new MapTerm(map(map));
    }
}
