package procshell.shell.iex;

import static procshell.shell.iex.ErlangArgs.call;
import static procshell.shell.iex.ErlangArgs.fun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.TermCompare;
import procshell.runtime.table.TermCopy;
import procshell.shell.eval.CaseClauseError;

/**
 * Erlang's {@code :maps} (OTP 25's {@code maps.erl} and its built-ins), with its results and
 * errors: a non-map is a {@code BadMapError}, a missing key a {@code KeyError}, a bad fun or list
 * OTP's {@code errors were found at the given arguments}. Keys are visited in term order, as the
 * BEAM orders a map of up to 32 keys; an iterator is {@code [index | map]}, as
 * {@code :maps.iterator/1} returns for such maps.
 */
@Doc("""
    The :maps module: Erlang's map functions (get, put, find, fold, merge, ...).
    """)
@ElixirName(":maps")
public final class ErlangMaps {
    private static final Atom OK = Atom.of("ok");
    private static final Atom ERROR = Atom.of("error");
    private static final Atom NONE = Atom.of("none");

    private ErlangMaps() {}

    private static Map<?, ?> map(Object m) {
        if (m instanceof Map<?, ?> map) return map;
        throw new BadMapError(m);
    }

    private static MapTerm copy(Object m) {
        return new MapTerm(map(m));
    }

    private static Object key(Object k) {
        return TermCopy.of(k);
    }

    /** The keys of a map in term order. */
    static List<Object> sortedKeys(Map<?, ?> m) {
        List<Object> keys = new ArrayList<>(m.keySet());
        keys.sort(TermCompare::compare);
        return keys;
    }

    private static Closure<?> funOf(Object f, int arity, String fn, Object... args) {
        Closure<?> c = fun(f, arity);
        if (c != null) return c;
        int position = java.util.Arrays.asList(args).indexOf(f) + 1;
        String what = switch (arity) {
            case 1 -> "one argument";
            case 2 -> "two arguments";
            default -> "three arguments";
        };
        throw new BifErrors(":maps." + fn, args).fail(position, "not a fun that takes " + what);
    }

    private static List<?> listArg(Object l, String fn, int position, Object... args) {
        if (l instanceof List<?> list) return list;
        throw new BifErrors(":maps." + fn, args).fail(position, "not a list");
    }

    /** {@code maps:get/2}: the value of a key; KeyError when missing. */
    @Doc("""
        Returns the value of the key; raises KeyError when the map does not hold it.
        """)
    public static Object get(Object key, Object map) {
        Map<?, ?> m = map(map);
        Object k = key(key);
        if (!m.containsKey(k)) throw KeyError.badkey(key, map, List.of());
        return m.get(k);
    }

    /** {@code maps:get/3}: the value of a key, or the default. */
    public static Object get(Object key, Object map, Object defaultValue) {
        Map<?, ?> m = map(map);
        Object k = key(key);
        return m.containsKey(k) ? m.get(k) : defaultValue;
    }

    /** {@code maps:find/2}: {@code {:ok, value}} or {@code :error}. */
    @Doc("""
        Returns {:ok, value} for the key, or :error.
        """)
    public static Object find(Object key, Object map) {
        Map<?, ?> m = map(map);
        Object k = key(key);
        return m.containsKey(k) ? Tuple.of(OK, m.get(k)) : ERROR;
    }

    /** {@code maps:is_key/2}. */
    @Doc("""
        Returns true if the map holds the key (matched exactly: 1 is not 1.0).
        """)
    public static boolean is_key(Object key, Object map) {
        return map(map).containsKey(key(key));
    }

    /** {@code maps:put/3}: the map with the key set. */
    @Doc("""
        Returns the map with the key set to the value.
        """)
    public static MapTerm put(Object key, Object value, Object map) {
        MapTerm m = copy(map);
        m.put(key(key), value);
        return m;
    }

    /** {@code maps:remove/2}: the map without the key. */
    @Doc("""
        Returns the map without the key.
        """)
    public static MapTerm remove(Object key, Object map) {
        MapTerm m = copy(map);
        m.remove(key(key));
        return m;
    }

    /** {@code maps:update/3}: the map with an existing key set; KeyError when missing. */
    @Doc("""
        Returns the map with an existing key set to the value; KeyError when missing.
        """)
    public static MapTerm update(Object key, Object value, Object map) {
        MapTerm m = copy(map);
        Object k = key(key);
        if (!m.containsKey(k)) throw KeyError.badkey(key, map, List.of());
        m.put(k, value);
        return m;
    }

    /** {@code maps:update_with/3}: the key's value replaced by the fun of it; KeyError when missing. */
    @Doc("""
        Replaces the key's value with fun.(value); with a default, puts the default
        when the key is missing (else KeyError).
        """)
    public static MapTerm update_with(Object key, Object fun, Object map) {
        Closure<?> f = funOf(fun, 1, "update_with", key, fun, map);
        MapTerm m = copy(map);
        Object k = key(key);
        if (!m.containsKey(k)) throw new KeyError("key " + Kernel.inspect(key) + " not found").erlang(Tuple.of(Atom.of("badkey"), key));
        m.put(k, call(f, m.get(k)));
        return m;
    }

    /** {@code maps:update_with/4}: as update_with/3, putting the default when the key is missing. */
    public static MapTerm update_with(Object key, Object fun, Object init, Object map) {
        Closure<?> f = funOf(fun, 1, "update_with", key, fun, init, map);
        MapTerm m = copy(map);
        Object k = key(key);
        m.put(k, m.containsKey(k) ? call(f, m.get(k)) : init);
        return m;
    }

    /** {@code maps:take/2}: {@code {value, map_without_key}} or {@code :error}. */
    @Doc("""
        Removes the key: {value, rest_of_map}, or :error when the map does not hold it.
        """)
    public static Object take(Object key, Object map) {
        MapTerm m = copy(map);
        Object k = key(key);
        if (!m.containsKey(k)) return ERROR;
        Object v = m.remove(k);
        return Tuple.of(v, m);
    }

    /** {@code maps:keys/1}, in term order. */
    @Doc("""
        Returns the keys of the map.
        """)
    public static List<Object> keys(Object map) {
        return sortedKeys(map(map));
    }

    /** {@code maps:values/1}, in the order of the keys. */
    @Doc("""
        Returns the values of the map, in the order of its keys.
        """)
    public static List<Object> values(Object map) {
        Map<?, ?> m = map(map);
        List<Object> out = new ArrayList<>(m.size());
        for (Object k : sortedKeys(m)) out.add(m.get(k));
        return out;
    }

    /** {@code maps:to_list/1}: {@code [{key, value}]} in key order. */
    @Doc("""
        Returns the map's {key, value} pairs.
        """)
    public static List<Object> to_list(Object map) {
        Map<?, ?> m = map(map);
        List<Object> out = new ArrayList<>(m.size());
        for (Object k : sortedKeys(m)) out.add(Tuple.of(k, m.get(k)));
        return out;
    }

    /** {@code maps:from_list/1}: later pairs win. */
    @Doc("""
        Builds a map from {key, value} pairs (a later pair wins).
        """)
    public static MapTerm from_list(Object pairs) {
        List<?> l = listArg(pairs, "from_list", 1, pairs);
        MapTerm m = new MapTerm();
        for (Object o : l) {
            if (!(o instanceof Tuple t) || t.size() != 2) throw ArgumentError.badarg();
            m.put(key(t.get(0)), t.get(1));
        }
        return m;
    }

    /** {@code maps:from_keys/2}: every key with the same value. */
    @Doc("""
        Builds a map of the keys, each with the value.
        """)
    public static MapTerm from_keys(Object keys, Object value) {
        List<?> l = listArg(keys, "from_keys", 1, keys, value);
        MapTerm m = new MapTerm();
        for (Object k : l) m.put(key(k), value);
        return m;
    }

    /** {@code maps:new/0}. */
    @Doc("""
        Returns an empty map.
        """)
    public static MapTerm new_() {
        return new MapTerm();
    }

    /** {@code maps:size/1}. */
    @Doc("""
        Returns the number of keys of the map.
        """)
    public static int size(Object map) {
        return map(map).size();
    }

    /** {@code maps:merge/2}: map2's values win. */
    @Doc("""
        Merges two maps; map2's values win.
        """)
    public static MapTerm merge(Object map1, Object map2) {
        MapTerm m = copy(map1);
        m.putAll(map(map2));
        return m;
    }

    /** {@code maps:merge_with/3}: keys in both combined by {@code fun.(key, v1, v2)}. */
    @Doc("""
        Merges two maps, combining the values of keys in both with fun.(key, value1, value2).
        """)
    public static MapTerm merge_with(Object fun, Object map1, Object map2) {
        Closure<?> f = funOf(fun, 3, "merge_with", fun, map1, map2);
        MapTerm m = copy(map1);
        Map<?, ?> b = map(map2);
        for (Object k : sortedKeys(b)) m.put(k, m.containsKey(k) ? call(f, k, m.get(k), b.get(k)) : b.get(k));
        return m;
    }

    /** {@code maps:intersect/2}: the keys in both, with map2's values. */
    @Doc("""
        Returns the keys in both maps, with map2's values.
        """)
    public static MapTerm intersect(Object map1, Object map2) {
        Map<?, ?> a = map(map1), b = map(map2);
        MapTerm m = new MapTerm();
        for (Object k : sortedKeys(a)) if (b.containsKey(k)) m.put(k, b.get(k));
        return m;
    }

    /** {@code maps:intersect_with/3}: the keys in both, with {@code fun.(key, v1, v2)}. */
    @Doc("""
        Returns the keys in both maps, with fun.(key, value1, value2).
        """)
    public static MapTerm intersect_with(Object fun, Object map1, Object map2) {
        Closure<?> f = funOf(fun, 3, "intersect_with", fun, map1, map2);
        Map<?, ?> a = map(map1), b = map(map2);
        MapTerm m = new MapTerm();
        for (Object k : sortedKeys(a)) if (b.containsKey(k)) m.put(k, call(f, k, a.get(k), b.get(k)));
        return m;
    }

    /** {@code maps:fold/3}: {@code fun.(key, value, acc)} over the keys in order. */
    @Doc("""
        Folds over the map: fun.(key, value, acc) for each key.
        """)
    public static Object fold(Object fun, Object init, Object map) {
        Closure<?> f = funOf(fun, 3, "fold", fun, init, map);
        Map<?, ?> m = map(map);
        Object acc = init;
        for (Object k : sortedKeys(m)) acc = call(f, k, m.get(k), acc);
        return acc;
    }

    /** {@code maps:map/2}: each value replaced by {@code fun.(key, value)}. */
    @Doc("""
        Replaces each value with fun.(key, value).
        """)
    public static MapTerm map(Object fun, Object map) {
        Closure<?> f = funOf(fun, 2, "map", fun, map);
        Map<?, ?> m = map(map);
        MapTerm out = new MapTerm();
        for (Object k : sortedKeys(m)) out.put(k, call(f, k, m.get(k)));
        return out;
    }

    /** {@code maps:filter/2}: the pairs for which {@code pred.(key, value)} is true. */
    @Doc("""
        Keeps the keys for which pred.(key, value) returns true.
        """)
    public static MapTerm filter(Object pred, Object map) {
        Closure<?> f = funOf(pred, 2, "filter", pred, map);
        Map<?, ?> m = map(map);
        MapTerm out = new MapTerm();
        for (Object k : sortedKeys(m)) if (ErlangArgs.bool(call(f, k, m.get(k)))) out.put(k, m.get(k));
        return out;
    }

    /** {@code maps:filtermap/2}: kept on true, replaced on {@code {true, value}}, dropped on false. */
    @Doc("""
        Filters and maps in one pass: fun.(key, value) returns true, false or {true, new_value}.
        """)
    public static MapTerm filtermap(Object fun, Object map) {
        Closure<?> f = funOf(fun, 2, "filtermap", fun, map);
        Map<?, ?> m = map(map);
        MapTerm out = new MapTerm();
        for (Object k : sortedKeys(m)) {
            Object r = call(f, k, m.get(k));
            if (Boolean.TRUE.equals(r)) out.put(k, m.get(k));
            else if (r instanceof Tuple t && t.size() == 2 && Boolean.TRUE.equals(t.get(0))) out.put(k, t.get(1));
            else if (!Boolean.FALSE.equals(r)) throw new CaseClauseError(r);
        }
        return out;
    }

    /** {@code maps:foreach/2}: {@code fun.(key, value)} for each key; :ok. */
    @Doc("""
        Calls fun.(key, value) for each key; returns :ok.
        """)
    public static Atom foreach(Object fun, Object map) {
        Closure<?> f = funOf(fun, 2, "foreach", fun, map);
        Map<?, ?> m = map(map);
        for (Object k : sortedKeys(m)) call(f, k, m.get(k));
        return OK;
    }

    /** {@code maps:with/2}: only the listed keys. */
    @Doc("""
        Returns the map with only the listed keys.
        """)
    public static MapTerm with(Object keys, Object map) {
        List<?> l = listArg(keys, "with", 1, keys, map);
        Map<?, ?> m = map(map);
        MapTerm out = new MapTerm();
        for (Object k : l) {
            Object kk = key(k);
            if (m.containsKey(kk)) out.put(kk, m.get(kk));
        }
        return out;
    }

    /** {@code maps:without/2}: without the listed keys. */
    @Doc("""
        Returns the map without the listed keys.
        """)
    public static MapTerm without(Object keys, Object map) {
        List<?> l = listArg(keys, "without", 1, keys, map);
        MapTerm out = copy(map);
        for (Object k : l) out.remove(key(k));
        return out;
    }

    /** {@code maps:groups_from_list/2}: elements grouped under {@code fun.(element)}, in order. */
    @Doc("""
        Groups the elements of a list by key_fun.(element) (values mapped by value_fun).
        """)
    public static MapTerm groups_from_list(Object keyFun, Object list) {
        return groups_from_list(keyFun, null, list);
    }

    /** {@code maps:groups_from_list/3}: as groups_from_list/2 with each element mapped. */
    public static MapTerm groups_from_list(Object keyFun, Object valueFun, Object list) {
        Object[] args = valueFun == null ? new Object[] {keyFun, list} : new Object[] {keyFun, valueFun, list};
        Closure<?> kf = funOf(keyFun, 1, "groups_from_list", args);
        Closure<?> vf = valueFun == null ? null : funOf(valueFun, 1, "groups_from_list", args);
        List<?> l = listArg(list, "groups_from_list", args.length, args);
        MapTerm out = new MapTerm();
        for (Object o : l) {
            Object k = key(call(kf, o));
            @SuppressWarnings("unchecked")
            List<Object> group = (List<Object>) out.computeIfAbsent(k, x -> new ArrayList<>());
            group.add(vf == null ? o : call(vf, o));
        }
        return out;
    }

    /** {@code maps:iterator/1}: {@code [0 | map]}, for next/1. */
    @Doc("""
        Returns an iterator over the map, for :maps.next/1.
        """)
    public static Object iterator(Object map) {
        return new ImproperList(List.of(0), map(map));
    }

    /** {@code maps:next/1}: {@code {key, value, iterator}} or {@code :none}. */
    @Doc("""
        Returns {key, value, next_iterator} for the iterator, or :none at the end.
        """)
    public static Object next(Object iterator) {
        if (NONE.equals(iterator)) return NONE;
        if (iterator instanceof ImproperList it && it.elements().size() == 1 && it.elements().get(0) instanceof Integer i
                && it.tail() instanceof Map<?, ?> m) {
            List<Object> keys = sortedKeys(m);
            if (i >= keys.size()) return NONE;
            Object k = keys.get(i);
            return Tuple.of(k, m.get(k), new ImproperList(List.of(i + 1), m));
        }
        throw new BifErrors(":maps.next", iterator).fail(1, "not a valid iterator");
    }
}
