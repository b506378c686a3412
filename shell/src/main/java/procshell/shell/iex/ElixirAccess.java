package procshell.shell.iex;

import static procshell.shell.iex.Enumerables.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Access} (1.14): key-based access to maps and keyword lists, and the accessor
 * functions ({@code all/0}, {@code at/1}, {@code elem/1}, {@code key/1,2}, {@code key!/1},
 * {@code filter/1}, {@code slice/1}) that {@code get_in/2}, {@code put_in/3},
 * {@code update_in/3}, {@code get_and_update_in/3} and {@code pop_in/2} walk.
 */
@Doc("""
    Key-based access to data structures (maps, keyword lists) and the accessors for get_in/put_in/update_in.
    """)
@ElixirName("Access")
public final class ElixirAccess {
    static final Atom GET = Atom.of("get");
    static final Atom GET_AND_UPDATE = Atom.of("get_and_update");
    private static final Atom POP = Atom.of("pop");

    private ElixirAccess() {}

    /** The value under the key (nil data gives the default), as {@code Access.get/3}. */
    @Doc("Gets the value under the key of a map or keyword list (the default when missing or on nil).")
    public static Object get(Object container, Object key) {
        return get(container, key, null);
    }

    /** As {@code Access.get/3}. */
    public static Object get(Object container, Object key, Object fallback) {
        Object c = Values.normalize(container);
        Object f = fetch(c, key, "get", 3);
        return f instanceof Tuple t ? t.get(1) : Values.normalize(fallback);
    }

    /** {@code {:ok, value}} or {@code :error}, as {@code Access.fetch/2}. */
    @Doc("Fetches the value under the key: {:ok, value} or :error.")
    public static Object fetch(Object container, Object key) {
        return fetch(Values.normalize(container), key, "fetch", 2);
    }

    private static Object fetch(Object c, Object key, String function, int arity) {
        Object k = Values.normalize(key);
        if (c == null) return Atom.of("error");
        if (c instanceof Map<?, ?> m) return m.containsKey(k) ? Tuple.of(Atom.OK, m.get(k)) : Atom.of("error");
        if (c instanceof List<?> l) {
            keywordKey(k);
            for (Object o : l) if (o instanceof Tuple t && t.size() == 2 && java.util.Objects.equals(t.get(0), k)) return Tuple.of(Atom.OK, t.get(1));
            return Atom.of("error");
        }
        throw new FunctionClauseError("Access." + function, arity);
    }

    private static void keywordKey(Object k) {
        if (!(k instanceof Atom || k == null || k instanceof Boolean)) {
            throw new ArgumentError("the Access calls for keywords expect the key to be an atom, got: " + Inspect.inspect(k));
        }
    }

    /** The value under the key, as {@code Access.fetch!/2}; KeyError when missing. */
    @Doc("Fetches the value under the key; raises KeyError when missing.")
    public static Object fetch_bang(Object container, Object key) {
        Object c = Values.normalize(container);
        Object f = fetch(c, key, "fetch!", 2);
        if (f instanceof Tuple t) return t.get(1);
        throw KeyError.notFound(Values.normalize(key), c);
    }

    /** {@code {value, container without key}}, as {@code Access.pop/2}. */
    @Doc("Removes the key from a map or keyword list: {value, rest}.")
    public static Tuple pop(Object container, Object key) {
        Object c = Values.normalize(container);
        if (c == null) throw new ArgumentError("could not pop key " + Inspect.inspect(Values.normalize(key)) + " on a nil value");
        if (c instanceof Map<?, ?>) return ElixirMap.pop(c, key);
        if (c instanceof List<?>) {
            keywordKey(Values.normalize(key));
            return Keyword.pop(c, key);
        }
        throw new FunctionClauseError("Access.pop", 2);
    }

    /** As {@code Access.get_and_update/3}: {@code fun(value)} returns {@code {get, new}} or {@code :pop}. */
    @Doc("Gets and updates the value under the key: the function returns {get, new} or :pop.")
    public static Tuple get_and_update(Object container, Object key, Object fun) {
        Object c = Values.normalize(container);
        if (c == null) throw new ArgumentError("could not put/update key " + Inspect.inspect(Values.normalize(key)) + " on a nil value");
        if (c instanceof Map<?, ?>) return ElixirMap.get_and_update(c, key, fun);
        if (c instanceof List<?>) {
            keywordKey(Values.normalize(key));
            return Keyword.get_and_update(c, key, fun);
        }
        throw new FunctionClauseError("Access.get_and_update", 3);
    }

    // ---- accessors ----------------------------------------------------------------------------

    /** Every element of a list, as {@code Access.all/0}. */
    @Doc("An accessor for every element of a list.")
    public static Object all() {
        return Fn.of3((op, data, next) -> {
            List<Object> l = list(data, "all");
            if (GET.equals(op)) return ElixirEnum.map(l, next);
            List<Object> gets = new ArrayList<>();
            List<Object> updates = new ArrayList<>();
            for (Object x : l) {
                Object r = call(next, x);
                if (POP.equals(r)) {
                    gets.add(x);
                } else {
                    Tuple t = pair(r);
                    gets.add(t.get(0));
                    updates.add(t.get(1));
                }
            }
            return Tuple.of(gets, updates);
        });
    }

    /** The list element at an index (negative from the end), as {@code Access.at/1}. */
    @Doc("An accessor for the list element at the index.")
    public static Object at(Object index) {
        if (!ElixirEnum.isInt(index)) throw new FunctionClauseError("Access.at", 1);
        return Fn.of3((op, data, next) -> {
            List<Object> l = list(data, "at");
            int n = l.size();
            long i = ((Number) index).longValue();
            if (i < 0) i += n;
            boolean in = i >= 0 && i < n;
            if (GET.equals(op)) return call(next, in ? l.get((int) i) : null);
            if (!in) return Tuple.of(null, l);
            Object r = call(next, l.get((int) i));
            if (POP.equals(r)) {
                Object old = l.remove((int) i);
                return Tuple.of(old, l);
            }
            Tuple t = pair(r);
            l.set((int) i, t.get(1));
            return Tuple.of(t.get(0), l);
        });
    }

    /** The tuple element at an index, as {@code Access.elem/1}. */
    @Doc("An accessor for the tuple element at the index.")
    public static Object elem(Object index) {
        if (!ElixirEnum.isInt(index)) throw new FunctionClauseError("Access.elem", 1);
        int i = ((Number) index).intValue();
        return Fn.of3((op, data, next) -> {
            if (!(data instanceof Tuple t)) throw new RuntimeError("Access.elem/1 expected a tuple, got: " + Inspect.inspect(data));
            if (GET.equals(op)) return call(next, t.get(i));
            Object r = call(next, t.get(i));
            if (POP.equals(r)) throw new RuntimeError("cannot pop data from a tuple");
            Tuple p = pair(r);
            return Tuple.of(p.get(0), Ops.put_elem(t, i, p.get(1)));
        });
    }

    /** The map value under the key (the default when missing), as {@code Access.key/1,2}. */
    @Doc("An accessor for the map value under the key (the default when missing).")
    public static Object key(Object key) {
        return key(key, null);
    }

    /** As {@code Access.key/2}. */
    public static Object key(Object key, Object fallback) {
        Object k = Values.normalize(key);
        Object d = Values.normalize(fallback);
        return mapKey("key", k, m -> m.containsKey(k) ? m.get(k) : d);
    }

    /** The map value under the key, KeyError when missing, as {@code Access.key!/1}. */
    @Doc("An accessor for the map value under the key; KeyError when missing.")
    public static Object key_bang(Object key) {
        Object k = Values.normalize(key);
        return mapKey("key!", k, m -> ElixirMap.fetch_bang(m, k));
    }

    /** The accessor of {@code key/2} and {@code key!/1}: they differ only in how the value is read. */
    private static Object mapKey(String name, Object k, java.util.function.Function<Map<?, ?>, Object> read) {
        return Fn.of3((op, data, next) -> {
            Map<?, ?> m = map(data, name, k);
            Object value = read.apply(m);
            if (GET.equals(op)) return call(next, value);
            Object r = call(next, value);
            if (POP.equals(r)) return Tuple.of(value, ElixirMap.delete(m, k));
            Tuple p = pair(r);
            return Tuple.of(p.get(0), ElixirMap.put(m, k, p.get(1)));
        });
    }

    /** The list elements for which {@code fun} is truthy, as {@code Access.filter/1}. */
    @Doc("An accessor for the list elements for which the function is truthy.")
    public static Object filter(Object fun) {
        return Fn.of3((op, data, next) -> {
            List<Object> l = list(data, "filter");
            if (GET.equals(op)) return ElixirEnum.map(ElixirEnum.filter(l, fun), next);
            return updateWhere(l, i -> Enumerables.truthy(call(fun, l.get(i))), next);
        });
    }

    /** The list elements at the indexes of a range, as {@code Access.slice/1}. */
    @Doc("An accessor for the list elements at the indexes of the range.")
    public static Object slice(Object range) {
        if (!RangeTerm.is(range)) throw new FunctionClauseError("Access.slice", 1);
        return Fn.of3((op, data, next) -> {
            List<Object> l = list(data, "slice");
            if (GET.equals(op)) return ElixirEnum.map(ElixirEnum.slice(l, range), next);
            List<Object> indexes = ElixirEnum.slice(ElixirEnum.to_list(RangeTerm.of(0, l.size() - 1, 1)), range);
            return updateWhere(l, i -> indexes.contains(i), next);
        });
    }

    private static Tuple updateWhere(List<Object> l, java.util.function.IntPredicate where, Object next) {
        List<Object> gets = new ArrayList<>();
        List<Object> updates = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            Object x = l.get(i);
            if (!where.test(i)) {
                updates.add(x);
                continue;
            }
            Object r = call(next, x);
            if (POP.equals(r)) {
                gets.add(x);
            } else {
                Tuple t = pair(r);
                gets.add(t.get(0));
                updates.add(t.get(1));
            }
        }
        return Tuple.of(gets, updates);
    }

    private static List<Object> list(Object data, String accessor) {
        if (data instanceof List<?> l) return new ArrayList<>(l);
        throw new RuntimeError("Access." + accessor + " expected a list, got: " + Inspect.inspect(data));
    }

    private static Map<?, ?> map(Object data, String accessor, Object key) {
        if (data instanceof Map<?, ?> m) return m;
        throw new RuntimeError("Access." + accessor + "/1 expected a map/struct, got: " + Inspect.inspect(data));
    }

    private static Tuple pair(Object r) {
        if (r instanceof Tuple t && t.size() == 2) return t;
        throw new RuntimeError("the given function must return a two-element tuple or :pop, got: " + Inspect.inspect(r));
    }

    // ---- the *_in functions (Kernel's) --------------------------------------------------------

    /** {@code get_in(data, keys)}. */
    static Object getIn(Object data, Object keys) {
        List<Object> ks = nonEmpty(keys, "get_in");
        return getIn(Values.normalize(data), ks, 0);
    }

    private static Object getIn(Object data, List<Object> keys, int i) {
        if (i == keys.size()) return data;
        Object k = keys.get(i);
        if (k instanceof groovy.lang.Closure<?>) {
            return call(k, GET, data, Fn.of1(v -> getIn(v, keys, i + 1)));
        }
        return data == null ? null : getIn(get(data, k), keys, i + 1);
    }

    /** {@code get_and_update_in(data, keys, fun)}. */
    static Tuple getAndUpdateIn(Object data, Object keys, Object fun) {
        return getAndUpdateIn(Values.normalize(data), nonEmpty(keys, "get_and_update_in"), 0, fun);
    }

    private static Tuple getAndUpdateIn(Object data, List<Object> keys, int i, Object fun) {
        Object k = keys.get(i);
        Object next = i == keys.size() - 1 ? fun : Fn.of1(v -> getAndUpdateIn(v, keys, i + 1, fun));
        if (k instanceof groovy.lang.Closure<?>) return pair(call(k, GET_AND_UPDATE, data, next));
        return get_and_update(data, k, next);
    }

    /** {@code pop_in(data, keys)}. */
    static Tuple popIn(Object data, Object keys) {
        List<Object> ks = nonEmpty(keys, "pop_in");
        Object d = Values.normalize(data);
        if (d == null) throw new ArgumentError("could not pop key " + Inspect.inspect(ks.get(0)) + " on a nil value");
        Object r = popData(d, ks, 0);
        return POP.equals(r) ? Tuple.of(null, d) : (Tuple) r;
    }

    private static Object popData(Object data, List<Object> keys, int i) {
        if (data == null) return POP;
        Object k = keys.get(i);
        boolean last = i == keys.size() - 1;
        if (k instanceof groovy.lang.Closure<?>) {
            return call(k, GET_AND_UPDATE, data, Fn.of1(v -> last ? POP : popData(v, keys, i + 1)));
        }
        if (last) return pop(data, k);
        return get_and_update(data, k, Fn.of1(v -> popData(v, keys, i + 1)));
    }

    private static List<Object> nonEmpty(Object keys, String function) {
        if (Values.normalize(keys) instanceof List<?> l && !l.isEmpty()) return new ArrayList<>(l);
        throw new FunctionClauseError("Kernel." + function, function.equals("get_and_update_in") ? 3 : function.equals("pop_in") ? 2 : 2);
    }
}
