package procshell.shell.iex;

import static procshell.shell.iex.Enumerables.call;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.term.PersistentMap;
import procshell.runtime.term.TermMap;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Map} module (1.14), function by function. Maps are {@link MapTerm}s; keys,
 * values and lists come out in the BEAM's map order (term order of the keys). A non-map raises
 * {@code BadMapError}, a missing key in the bang functions {@code KeyError}, as Elixir does.
 */
@Doc("""
    Maps: key-value stores where keys can be any value (%{a: 1, "b" => 2}).
    """)
@ElixirName("Map")
public final class ElixirMap {
    private static final Atom POP = Atom.of("pop");

    private ElixirMap() {}

    /** The map, or BadMapError. */
    static Map<?, ?> map(Object term) {
        Object m = Values.normalize(term);
        if (m instanceof Map<?, ?> map) return map;
        throw new BadMapError(m);
    }

    private static MapTerm copy(Object term) {
        return new MapTerm(map(term));
    }

    /** The map's entries (O(1) for a map term), or BadMapError. */
    private static PersistentMap entries(Object term) {
        Map<?, ?> m = map(term);
        return m instanceof TermMap t ? t.persistent() : new MapTerm(m).persistent();
    }

    /** What a lookup answers for an absent key (nil is a value like any other). */
    private static final Object ABSENT = new Object();

    /** The BEAM's {@code {:badkey, key}}: Map.update!, replace! and get_and_update! are maps' and erlang's BIFs there. */
    private static KeyError missing(Object key, Object map) {
        return KeyError.badkey(Values.normalize(key), Values.normalize(map), List.of());
    }

    /**
     * Calls {@code action} with each key and value in map order: a small map term's own (term
     * order, kept so), another map's sorted the same way, as it prints.
     */
    private static void inOrder(Map<?, ?> m, java.util.function.BiConsumer<Object, Object> action) {
        if (m instanceof TermMap t && t.persistent().inKeyOrder()) {
            t.persistent().forEach(action);
            return;
        }
        for (Map.Entry<?, ?> e : Inspect.sortedEntries(m)) action.accept(e.getKey(), e.getValue());
    }

    /** The map with the key removed, as {@code Map.delete/2}. */
    @Doc("Deletes the entry under the key.")
    public static MapTerm delete(Object map, Object key) {
        return new MapTerm(entries(map).remove(Values.normalize(key)));
    }

    /** The map without these keys, as {@code Map.drop/2}. */
    @Doc("Drops the given keys from the map.")
    public static MapTerm drop(Object map, Object keys) {
        MapTerm m = copy(map);
        for (Iterator<Object> it = Enumerables.iterator(keys); it.hasNext();) m.remove(it.next());
        return m;
    }

    /** True when the maps are equal ({@code ===}), as {@code Map.equal?/2}. */
    @Doc("Checks if two maps are equal (strictly).")
    public static boolean equal_qm(Object a, Object b) {
        return procshell.runtime.table.TermCompare.exactEquals(map(a), map(b));
    }

    /** {@code {:ok, value}} or {@code :error}, as {@code Map.fetch/2}. */
    @Doc("Fetches the value under the key: {:ok, value} or :error.")
    public static Object fetch(Object map, Object key) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        return m.containsKey(k) ? Tuple.of(Atom.OK, m.get(k)) : Atom.of("error");
    }

    /** The value under the key, as {@code Map.fetch!/2}; KeyError when missing. */
    @Doc("Fetches the value under the key; raises KeyError when it is missing.")
    public static Object fetch_bang(Object map, Object key) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        if (!m.containsKey(k)) {
            // Map.fetch!/2 is :maps.get/2 on the BEAM: iex shows that frame
            throw KeyError.badkey(k, m, List.of("(stdlib 4.2) :maps.get(" + Inspect.inspect(k) + ", " + Inspect.inspect(m) + ")"));
        }
        return m.get(k);
    }

    /** The entries for which {@code fun({k, v})} is truthy, as {@code Map.filter/2}. */
    @Doc("Returns the entries for which the function (given {key, value}) is truthy.")
    public static MapTerm filter(Object map, Object fun) {
        return keep(map, fun, true);
    }

    /** The entries for which {@code fun({k, v})} is falsy, as {@code Map.reject/2}. */
    @Doc("Returns the entries for which the function (given {key, value}) is falsy.")
    public static MapTerm reject(Object map, Object fun) {
        return keep(map, fun, false);
    }

    private static MapTerm keep(Object map, Object fun, boolean truthy) {
        Map<?, ?> m = map(map);
        MapTerm out = new MapTerm();
        for (Map.Entry<?, ?> e : Inspect.sortedEntries(m)) {
            if (Enumerables.truthy(call(fun, Tuple.of(e.getKey(), e.getValue()))) == truthy) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A map of each key to the value, as {@code Map.from_keys/2}. */
    @Doc("Builds a map from the keys, each with the same value.")
    public static MapTerm from_keys(Object keys, Object value) {
        MapTerm out = new MapTerm();
        for (Iterator<Object> it = Enumerables.iterator(keys); it.hasNext();) out.put(it.next(), Values.normalize(value));
        return out;
    }

    /** The struct as a plain map (without {@code __struct__}), as {@code Map.from_struct/1}. */
    @Doc("Converts a struct to a map (without the __struct__ field).")
    public static MapTerm from_struct(Object struct) {
        MapTerm out = copy(struct);
        out.remove(Structs.STRUCT);
        return out;
    }

    /** The value under the key, or nil, as {@code Map.get/2}. */
    @Doc("Gets the value under the key, or the default (nil).")
    public static Object get(Object map, Object key) {
        return get(map, key, null);
    }

    /** The value under the key, or the default, as {@code Map.get/3}. */
    public static Object get(Object map, Object key, Object fallback) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        return m.containsKey(k) ? m.get(k) : Values.normalize(fallback);
    }

    /** The value under the key, or {@code fun.()}, as {@code Map.get_lazy/3}. */
    @Doc("Gets the value under the key, or the result of the function when it is missing.")
    public static Object get_lazy(Object map, Object key, Object fun) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        return m.containsKey(k) ? m.get(k) : call(fun);
    }

    /** As {@code Map.get_and_update/3}: {@code fun(current)} returns {@code {get, new}} or {@code :pop}. */
    @Doc("Gets the value and updates it in one pass: the function returns {get, new} or :pop.")
    public static Tuple get_and_update(Object map, Object key, Object fun) {
        Map<?, ?> m = map(map);
        Object k = Values.normalize(key);
        Object r = call(fun, m.get(k));
        MapTerm out = new MapTerm(m);
        if (POP.equals(r)) {
            Object old = out.remove(k);
            return Tuple.of(old, out);
        }
        if (!(r instanceof Tuple t && t.size() == 2)) {
            throw new RuntimeError("the given function must return a two-element tuple or :pop, got: " + Inspect.inspect(r));
        }
        out.put(k, t.get(1));
        return Tuple.of(t.get(0), out);
    }

    /** As {@code Map.get_and_update!/3}; KeyError when the key is missing. */
    @Doc("As get_and_update/3; raises KeyError when the key is missing.")
    public static Tuple get_and_update_bang(Object map, Object key, Object fun) {
        Map<?, ?> m = map(map);
        if (!m.containsKey(Values.normalize(key))) throw missing(key, m);
        return get_and_update(m, key, fun);
    }

    /** True when the key is there (exactly: 1 is not 1.0), as {@code Map.has_key?/2}. */
    @Doc("Returns whether the key is in the map.")
    public static boolean has_key_qm(Object map, Object key) {
        return map(map).containsKey(Values.normalize(key));
    }

    /** The keys in map order, as {@code Map.keys/1}. */
    @Doc("Returns the keys, in map order.")
    public static List<Object> keys(Object map) {
        Map<?, ?> m = map(map);
        List<Object> out = new ArrayList<>(m.size());
        inOrder(m, (k, v) -> out.add(k));
        return out;
    }

    /** The values in map order (of their keys), as {@code Map.values/1}. */
    @Doc("Returns the values, in the map order of their keys.")
    public static List<Object> values(Object map) {
        Map<?, ?> m = map(map);
        List<Object> out = new ArrayList<>(m.size());
        inOrder(m, (k, v) -> out.add(v));
        return out;
    }

    /** The entries as {@code {key, value}} tuples in map order, as {@code Map.to_list/1}. */
    @Doc("Converts the map to a list of {key, value} tuples.")
    public static List<Object> to_list(Object map) {
        Map<?, ?> m = map(map);
        List<Object> out = new ArrayList<>(m.size());
        inOrder(m, (k, v) -> out.add(Tuple.of(k, v)));
        return out;
    }

    /** Each value replaced by {@code fun({k, v})}, as {@code Map.map/2}. */
    @Doc("Maps the function over {key, value} entries, keeping the keys.")
    public static MapTerm map(Object map, Object fun) {
        MapTerm out = new MapTerm();
        for (Map.Entry<?, ?> e : Inspect.sortedEntries(map(map))) out.put(e.getKey(), call(fun, Tuple.of(e.getKey(), e.getValue())));
        return out;
    }

    /** The second map's entries over the first's, as {@code Map.merge/2}. */
    @Doc("Merges two maps; the second wins (or the function resolves conflicts).")
    public static MapTerm merge(Object map1, Object map2) {
        PersistentMap.Builder out = new PersistentMap.Builder(entries(map1));
        entries(map2).forEach(out::put);
        return new MapTerm(out.build());
    }

    /** As {@code Map.merge/3}: conflicts resolved by {@code fun(key, v1, v2)}. */
    public static MapTerm merge(Object map1, Object map2, Object fun) {
        MapTerm out = copy(map1);
        for (Map.Entry<?, ?> e : Inspect.sortedEntries(map(map2))) {
            Object k = e.getKey();
            out.put(k, out.containsKey(k) ? call(fun, k, out.get(k), e.getValue()) : e.getValue());
        }
        return out;
    }

    /** An empty map, as {@code Map.new/0}. */
    @Doc("Creates a map from an enumerable of {key, value} (or through a transformation).")
    public static MapTerm new_() {
        return new MapTerm();
    }

    /** A map of the {@code {key, value}} elements (later keys win), as {@code Map.new/1}. */
    public static MapTerm new_(Object enumerable) {
        return (MapTerm) Collectables.into(new MapTerm(), Enumerables.toList(enumerable));
    }

    /** A map of {@code fun(element)} pairs, as {@code Map.new/2}. */
    public static MapTerm new_(Object enumerable, Object fun) {
        return (MapTerm) Collectables.into(new MapTerm(), ElixirEnum.map(enumerable, fun));
    }

    /** {@code {value or nil, map without key}}, as {@code Map.pop/2}. */
    @Doc("Removes the key: {value, map} (the default when it is missing).")
    public static Tuple pop(Object map, Object key) {
        return pop(map, key, null);
    }

    /** {@code {value or default, map without key}}, as {@code Map.pop/3}. */
    public static Tuple pop(Object map, Object key, Object fallback) {
        MapTerm m = copy(map);
        Object k = Values.normalize(key);
        if (!m.containsKey(k)) return Tuple.of(Values.normalize(fallback), m);
        Object v = m.remove(k);
        return Tuple.of(v, m);
    }

    /** As {@code Map.pop!/2}; KeyError when missing. */
    @Doc("Removes the key: {value, map}; raises KeyError when missing.")
    public static Tuple pop_bang(Object map, Object key) {
        Map<?, ?> m = map(map);
        // Map.pop!/2 raises KeyError itself: the struct, not the BEAM's {:badkey, key}
        if (!m.containsKey(Values.normalize(key))) throw KeyError.notFound(Values.normalize(key), Values.normalize(m));
        return pop(m, key, null);
    }

    /** As {@code Map.pop_lazy/3}: the default from {@code fun.()}. */
    @Doc("Removes the key: {value, map}; the default comes from the function.")
    public static Tuple pop_lazy(Object map, Object key, Object fun) {
        Map<?, ?> m = map(map);
        if (!m.containsKey(Values.normalize(key))) return Tuple.of(call(fun), new MapTerm(m));
        return pop(m, key, null);
    }

    /** The map with the key set, as {@code Map.put/3}. */
    @Doc("Puts the value under the key.")
    public static MapTerm put(Object map, Object key, Object value) {
        return new MapTerm(entries(map).put(Values.normalize(key), Values.normalize(value)));
    }

    /** The key set unless already there, as {@code Map.put_new/3}. */
    @Doc("Puts the value under the key unless the key is already there.")
    public static MapTerm put_new(Object map, Object key, Object value) {
        MapTerm m = copy(map);
        m.putIfAbsent(Values.normalize(key), Values.normalize(value));
        return m;
    }

    /** The key set to {@code fun.()} unless already there, as {@code Map.put_new_lazy/3}. */
    @Doc("Puts the function's result under the key unless the key is there.")
    public static MapTerm put_new_lazy(Object map, Object key, Object fun) {
        MapTerm m = copy(map);
        Object k = Values.normalize(key);
        if (!m.containsKey(k)) m.put(k, call(fun));
        return m;
    }

    /** The key's value replaced if present, as {@code Map.replace/3}. */
    @Doc("Replaces the value under the key, only if the key is there.")
    public static MapTerm replace(Object map, Object key, Object value) {
        MapTerm m = copy(map);
        Object k = Values.normalize(key);
        if (m.containsKey(k)) m.put(k, Values.normalize(value));
        return m;
    }

    /** As {@code Map.replace!/3}; KeyError when missing. */
    @Doc("Replaces the value under the key; raises KeyError when missing.")
    public static MapTerm replace_bang(Object map, Object key, Object value) {
        Map<?, ?> m = map(map);
        if (!m.containsKey(Values.normalize(key))) throw missing(key, m);
        return replace(m, key, value);
    }

    /** {@code {taken, rest}} by keys, as {@code Map.split/2}. */
    @Doc("Splits the map in two: the entries under the keys, and the others.")
    public static Tuple split(Object map, Object keys) {
        MapTerm taken = take(map, keys);
        MapTerm rest = copy(map);
        for (Object k : taken.keySet()) rest.remove(k);
        return Tuple.of(taken, rest);
    }

    /** Only the entries under these keys, as {@code Map.take/2}. */
    @Doc("Returns the entries under the given keys.")
    public static MapTerm take(Object map, Object keys) {
        Map<?, ?> m = map(map);
        MapTerm out = new MapTerm();
        for (Iterator<Object> it = Enumerables.iterator(keys); it.hasNext();) {
            Object k = it.next();
            if (m.containsKey(k)) out.put(k, m.get(k));
        }
        return out;
    }

    /** The key's value through {@code fun}, or the default when missing, as {@code Map.update/4}. */
    @Doc("Updates the value under the key with the function (the default when missing).")
    public static MapTerm update(Object map, Object key, Object fallback, Object fun) {
        PersistentMap m = entries(map);
        Object k = Values.normalize(key);
        Object v = m.get(k, ABSENT);
        return new MapTerm(m.put(k, v == ABSENT ? Values.normalize(fallback) : call(fun, v)));
    }

    /** The key's value through {@code fun}, as {@code Map.update!/3}; KeyError when missing. */
    @Doc("Updates the value under the key with the function; raises KeyError when missing.")
    public static MapTerm update_bang(Object map, Object key, Object fun) {
        PersistentMap m = entries(map);
        Object k = Values.normalize(key);
        Object v = m.get(k, ABSENT);
        if (v == ABSENT) throw missing(k, map);
        return new MapTerm(m.put(k, call(fun, v)));
    }

    /** The number of entries, as {@code map_size/1}. */
    @Doc("Returns the number of entries.")
    public static int size(Object map) {
        return map(map).size();
    }
}
