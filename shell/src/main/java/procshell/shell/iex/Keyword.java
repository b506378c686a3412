package procshell.shell.iex;

import static procshell.shell.iex.Enumerables.call;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Keyword} module (1.14): keyword lists are lists of {@code {atom, value}}
 * tuples, keys may repeat and order matters. Guards fail as Elixir's do
 * ({@code FunctionClauseError} for a non-list or non-atom key), missing keys in the bang
 * functions raise {@code KeyError}.
 */
@Doc("""
    Keyword lists: lists of {atom, value} tuples, written [a: 1, b: 2].
    """)
public final class Keyword {
    private static final Atom POP = Atom.of("pop");

    private Keyword() {}

    /** The list, checking Elixir's guard {@code is_list(keywords) and is_atom(key)}. */
    private static List<?> list(Object keywords, Object key, String function, int arity) {
        Object l = Values.normalize(keywords);
        Object k = Values.normalize(key);
        if (!(l instanceof List<?> list) || !(k == null || k instanceof Atom || k instanceof Boolean)) {
            throw new FunctionClauseError("Keyword." + function, arity);
        }
        return list;
    }

    private static List<?> list(Object keywords, String function, int arity) {
        Object l = Values.normalize(keywords);
        if (!(l instanceof List<?> list)) throw new FunctionClauseError("Keyword." + function, arity);
        return list;
    }

    private static boolean isKey(Object entry, Object key) {
        return entry instanceof Tuple t && t.size() == 2 && java.util.Objects.equals(t.get(0), key);
    }

    private static Tuple entry(List<?> keywords, Object key) {
        for (Object o : keywords) if (isKey(o, key)) return (Tuple) o;
        return null;
    }

    private static KeyError missing(Object key, Object keywords) {
        return KeyError.notFound(key, Values.normalize(keywords));
    }

    private static List<Object> without(List<?> keywords, Object key) {
        List<Object> out = new ArrayList<>();
        for (Object o : keywords) if (!isKey(o, key)) out.add(o);
        return out;
    }

    /** The value of the first entry for the key, or nil, as {@code Keyword.get/2}. */
    @Doc("""
        Gets the value of the first entry for the key, or the default (nil).
        """)
    public static Object get(Object keywords, Object key) {
        return get(keywords, key, null);
    }

    /** As {@code Keyword.get/3}. */
    public static Object get(Object keywords, Object key, Object fallback) {
        Tuple t = entry(list(keywords, key, "get", 3), Values.normalize(key));
        return t == null ? Values.normalize(fallback) : t.get(1);
    }

    /** As {@code Keyword.get_lazy/3}: the default from {@code fun.()}. */
    @Doc("Gets the value under the key, or the function's result when it is missing.")
    public static Object get_lazy(Object keywords, Object key, Object fun) {
        Tuple t = entry(list(keywords, key, "get_lazy", 3), Values.normalize(key));
        return t == null ? call(fun) : t.get(1);
    }

    /** Every value of the key, as {@code Keyword.get_values/2}. */
    @Doc("Gets all values under the key.")
    public static List<Object> get_values(Object keywords, Object key) {
        Object k = Values.normalize(key);
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords, key, "get_values", 2)) if (isKey(o, k)) out.add(((Tuple) o).get(1));
        return out;
    }

    /** As {@code Keyword.get_and_update/3}: {@code fun(value)} returns {@code {get, new}} or {@code :pop}. */
    @Doc("Gets the value under the key and updates it: the function returns {get, new} or :pop.")
    public static Tuple get_and_update(Object keywords, Object key, Object fun) {
        List<?> l = list(keywords, key, "get_and_update", 3);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        Object r = call(fun, t == null ? null : t.get(1));
        if (POP.equals(r)) return Tuple.of(t == null ? null : t.get(1), without(l, k));
        if (!(r instanceof Tuple pair && pair.size() == 2)) {
            throw new RuntimeError("the given function must return a two-element tuple or :pop, got: " + Inspect.inspect(r));
        }
        return Tuple.of(pair.get(0), t == null ? prepend(Tuple.of(k, pair.get(1)), l) : replaceFirst(l, k, pair.get(1)));
    }

    /** As {@code Keyword.get_and_update!/3}; KeyError when the key is missing. */
    @Doc("As get_and_update/3; raises KeyError when the key is missing.")
    public static Tuple get_and_update_bang(Object keywords, Object key, Object fun) {
        List<?> l = list(keywords, key, "get_and_update!", 3);
        if (entry(l, Values.normalize(key)) == null) throw missing(Values.normalize(key), l);
        return get_and_update(l, key, fun);
    }

    private static List<Object> prepend(Object first, List<?> rest) {
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** The first entry of the key set to the value, the later ones dropped. */
    private static List<Object> replaceFirst(List<?> l, Object k, Object value) {
        List<Object> out = new ArrayList<>();
        boolean done = false;
        for (Object o : l) {
            if (!isKey(o, k)) out.add(o);
            else if (!done) {
                out.add(Tuple.of(k, value));
                done = true;
            }
        }
        return out;
    }

    /** Whether the key is there, as {@code Keyword.has_key?/2}. */
    @Doc("Tells whether the key is in the keyword list.")
    public static boolean has_key_qm(Object keywords, Object key) {
        return entry(list(keywords, key, "has_key?", 2), Values.normalize(key)) != null;
    }

    /** {@code {:ok, value}} or {@code :error}, as {@code Keyword.fetch/2}. */
    @Doc("Fetches the value under the key: {:ok, value} or :error.")
    public static Object fetch(Object keywords, Object key) {
        Tuple t = entry(list(keywords, key, "fetch", 2), Values.normalize(key));
        return t == null ? Atom.of("error") : Tuple.of(Atom.OK, t.get(1));
    }

    /** The value under the key, as {@code Keyword.fetch!/2}; KeyError when missing. */
    @Doc("Fetches the value under the key; raises KeyError when it is missing.")
    public static Object fetch_bang(Object keywords, Object key) {
        List<?> l = list(keywords, key, "fetch!", 2);
        Tuple t = entry(l, Values.normalize(key));
        if (t == null) throw missing(Values.normalize(key), l);
        return t.get(1);
    }

    /** Every entry of the key removed, as {@code Keyword.delete/2}. */
    @Doc("Deletes every entry under the key.")
    public static List<Object> delete(Object keywords, Object key) {
        return without(list(keywords, key, "delete", 2), Values.normalize(key));
    }

    /** The first entry of the key removed, as {@code Keyword.delete_first/2}. */
    @Doc("Deletes the first entry under the key.")
    public static List<Object> delete_first(Object keywords, Object key) {
        Object k = Values.normalize(key);
        List<Object> out = new ArrayList<>();
        boolean done = false;
        for (Object o : list(keywords, key, "delete_first", 2)) {
            if (!done && isKey(o, k)) done = true;
            else out.add(o);
        }
        return out;
    }

    /** The entries under none of the keys, as {@code Keyword.drop/2}. */
    @Doc("Drops the entries under the given keys.")
    public static List<Object> drop(Object keywords, Object keys) {
        return select(list(keywords, "drop", 2), keys, false);
    }

    /** The entries under the keys, as {@code Keyword.take/2}. */
    @Doc("Takes the entries under the given keys (duplicates kept).")
    public static List<Object> take(Object keywords, Object keys) {
        return select(list(keywords, "take", 2), keys, true);
    }

    /** {@code {taken, rest}}, as {@code Keyword.split/2}. */
    @Doc("Splits the keyword list in two: the entries under the keys, and the others.")
    public static Tuple split(Object keywords, Object keys) {
        List<?> l = list(keywords, "split", 2);
        return Tuple.of(select(l, keys, true), select(l, keys, false));
    }

    private static List<Object> select(List<?> l, Object keys, boolean keep) {
        List<Object> wanted = Enumerables.toList(keys);
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof Tuple t && t.size() == 2 && wanted.contains(t.get(0)) == keep) out.add(o);
        }
        return out;
    }

    /** True when both hold the same keys with the same last values, as {@code Keyword.equal?/2}. */
    @Doc("Checks if two keyword lists are equal (same keys and values, order aside).")
    public static boolean equal_qm(Object left, Object right) {
        List<Object> a = new ArrayList<>(list(left, "equal?", 2));
        List<Object> b = new ArrayList<>(list(right, "equal?", 2));
        a.sort(Inspect.TERM_ORDER);
        b.sort(Inspect.TERM_ORDER);
        return procshell.runtime.table.TermCompare.exactEquals(a, b);
    }

    /** The entries for which {@code fun({k, v})} is truthy, as {@code Keyword.filter/2}. */
    @Doc("Returns the entries for which the function is truthy.")
    public static List<Object> filter(Object keywords, Object fun) {
        return ElixirEnum.filter(list(keywords, "filter", 2), fun);
    }

    /** The entries for which {@code fun({k, v})} is falsy, as {@code Keyword.reject/2}. */
    @Doc("Returns the entries for which the function is falsy.")
    public static List<Object> reject(Object keywords, Object fun) {
        return ElixirEnum.reject(list(keywords, "reject", 2), fun);
    }

    /** The keys, duplicates included, as {@code Keyword.keys/1}. */
    @Doc("Returns all keys (duplicates included).")
    public static List<Object> keys(Object keywords) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords, "keys", 1)) out.add(pair(o).get(0));
        return out;
    }

    /** The values, as {@code Keyword.values/1}. */
    @Doc("Returns all values.")
    public static List<Object> values(Object keywords) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords, "values", 1)) out.add(pair(o).get(1));
        return out;
    }

    private static Tuple pair(Object o) {
        if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom) return t;
        throw new ArgumentError("expected a keyword list, but an entry in the list is not a two-element tuple with an atom as its first element, got: "
                + Inspect.inspect(o));
    }

    /** True for a list of {@code {atom, value}} tuples, as {@code Keyword.keyword?/1}. */
    @Doc("Returns true if the term is a keyword list.")
    public static boolean keyword_qm(Object term) {
        if (!(Values.normalize(term) instanceof List<?> l)) return false;
        for (Object o : l) {
            if (!(o instanceof Tuple t && t.size() == 2 && (t.get(0) instanceof Atom || t.get(0) == null || t.get(0) instanceof Boolean))) {
                return false;
            }
        }
        return true;
    }

    /** The first list without the second's keys, then the second, as {@code Keyword.merge/2}. */
    @Doc("Merges two keyword lists: the second's keys replace the first's (or the function resolves conflicts).")
    public static List<Object> merge(Object keywords1, Object keywords2) {
        List<?> a = checked(keywords1, "first");
        List<?> b = checked(keywords2, "second");
        List<Object> out = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (Object o : b) keys.add(((Tuple) o).get(0));
        for (Object o : a) if (!keys.contains(((Tuple) o).get(0))) out.add(o);
        out.addAll(b);
        return out;
    }

    /** As {@code Keyword.merge/3}: conflicts resolved by {@code fun(key, v1, v2)}. */
    public static List<Object> merge(Object keywords1, Object keywords2, Object fun) {
        List<Object> rest = new ArrayList<>(checked(keywords1, "first"));
        List<Object> original = new ArrayList<>(rest);
        List<Object> acc = new ArrayList<>();
        for (Object o : checked(keywords2, "second")) {
            Tuple t = (Tuple) o;
            Object k = t.get(0);
            Tuple found = entry(original, k);
            if (found != null) {
                acc.add(Tuple.of(k, call(fun, k, found.get(1), t.get(1))));
                original.remove(found);
                rest = without(rest, k);
            } else {
                acc.add(t);
            }
        }
        rest.addAll(acc);
        return rest;
    }

    private static List<?> checked(Object keywords, String which) {
        Object l = Values.normalize(keywords);
        if (!keyword_qm(l)) throw new ArgumentError("expected a keyword list as the " + which + " argument, got: " + Inspect.inspect(l));
        return (List<?>) l;
    }

    /** An empty keyword list, as {@code Keyword.new/0}. */
    @Doc("Creates a keyword list from an enumerable of {atom, value} (the last of duplicates wins).")
    public static List<Object> new_() {
        return new ArrayList<>();
    }

    /** A keyword list of the pairs, the last of a duplicated key winning, as {@code Keyword.new/1}. */
    public static List<Object> new_(Object pairs) {
        return build(Enumerables.toList(pairs), null);
    }

    /** As {@code Keyword.new/2}: each element through {@code fun} first. */
    public static List<Object> new_(Object enumerable, Object fun) {
        return build(Enumerables.toList(enumerable), fun);
    }

    private static List<Object> build(List<Object> elements, Object fun) {
        List<Object> out = new ArrayList<>();
        for (int i = elements.size() - 1; i >= 0; i--) {
            Object p = fun == null ? elements.get(i) : call(fun, elements.get(i));
            if (!(p instanceof Tuple t && t.size() == 2)) throw new MatchError(p);
            if (entry(out, t.get(0)) == null) out.add(0, t);
        }
        return out;
    }

    /** {@code {first value or nil, list without the key}}, as {@code Keyword.pop/2}. */
    @Doc("Removes every entry under the key: {first value, rest} (the default when missing).")
    public static Tuple pop(Object keywords, Object key) {
        return pop(keywords, key, null);
    }

    /** As {@code Keyword.pop/3}. */
    public static Tuple pop(Object keywords, Object key, Object fallback) {
        List<?> l = list(keywords, key, "pop", 3);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        return t == null ? Tuple.of(Values.normalize(fallback), l) : Tuple.of(t.get(1), without(l, k));
    }

    /** As {@code Keyword.pop!/2}; KeyError when missing. */
    @Doc("Removes every entry under the key: {value, rest}; raises KeyError when missing.")
    public static Tuple pop_bang(Object keywords, Object key) {
        List<?> l = list(keywords, key, "pop!", 2);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        if (t == null) throw missing(k, l);
        return Tuple.of(t.get(1), without(l, k));
    }

    /** As {@code Keyword.pop_lazy/3}. */
    @Doc("Removes every entry under the key; the default comes from the function.")
    public static Tuple pop_lazy(Object keywords, Object key, Object fun) {
        List<?> l = list(keywords, key, "pop_lazy", 3);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        return t == null ? Tuple.of(call(fun), l) : Tuple.of(t.get(1), without(l, k));
    }

    /** {@code {first value, list without that entry}}, as {@code Keyword.pop_first/2}. */
    @Doc("Removes the first entry under the key: {value, rest} (the default when missing).")
    public static Tuple pop_first(Object keywords, Object key) {
        return pop_first(keywords, key, null);
    }

    /** As {@code Keyword.pop_first/3}. */
    public static Tuple pop_first(Object keywords, Object key, Object fallback) {
        List<?> l = list(keywords, key, "pop_first", 3);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        return t == null ? Tuple.of(Values.normalize(fallback), l) : Tuple.of(t.get(1), delete_first(l, k));
    }

    /** {@code {all values, list without the key}}, as {@code Keyword.pop_values/2}. */
    @Doc("Removes every entry under the key: {all values, rest}.")
    public static Tuple pop_values(Object keywords, Object key) {
        List<?> l = list(keywords, key, "pop_values", 2);
        return Tuple.of(get_values(l, key), without(l, Values.normalize(key)));
    }

    /** The key set (its old entries removed), first, as {@code Keyword.put/3}. */
    @Doc("Puts the value under the key, removing its other entries.")
    public static List<Object> put(Object keywords, Object key, Object value) {
        List<?> l = list(keywords, key, "put", 3);
        Object k = Values.normalize(key);
        return prepend(Tuple.of(k, Values.normalize(value)), without(l, k));
    }

    /** The key put first unless there, as {@code Keyword.put_new/3}. */
    @Doc("Puts the value under the key unless the key is already there.")
    public static List<Object> put_new(Object keywords, Object key, Object value) {
        List<?> l = list(keywords, key, "put_new", 3);
        Object k = Values.normalize(key);
        return entry(l, k) != null ? new ArrayList<>(l) : prepend(Tuple.of(k, Values.normalize(value)), l);
    }

    /** As {@code Keyword.put_new_lazy/3}. */
    @Doc("Puts the function's result under the key unless the key is there.")
    public static List<Object> put_new_lazy(Object keywords, Object key, Object fun) {
        List<?> l = list(keywords, key, "put_new_lazy", 3);
        Object k = Values.normalize(key);
        return entry(l, k) != null ? new ArrayList<>(l) : prepend(Tuple.of(k, call(fun)), l);
    }

    /** The first entry's value replaced (the others removed) if there, as {@code Keyword.replace/3}. */
    @Doc("Replaces the value under the key, only if the key is there.")
    public static List<Object> replace(Object keywords, Object key, Object value) {
        List<?> l = list(keywords, key, "replace", 3);
        Object k = Values.normalize(key);
        return entry(l, k) == null ? new ArrayList<>(l) : replaceFirst(l, k, Values.normalize(value));
    }

    /** As {@code Keyword.replace!/3}; KeyError when missing. */
    @Doc("Replaces the value under the key; raises KeyError when missing.")
    public static List<Object> replace_bang(Object keywords, Object key, Object value) {
        List<?> l = list(keywords, key, "replace!", 3);
        Object k = Values.normalize(key);
        if (entry(l, k) == null) throw missing(k, l);
        return replaceFirst(l, k, Values.normalize(value));
    }

    /** As {@code Keyword.replace_lazy/3}: the value through {@code fun} if the key is there. */
    @Doc("Replaces the value under the key with the function's result, if the key is there.")
    public static List<Object> replace_lazy(Object keywords, Object key, Object fun) {
        List<?> l = list(keywords, key, "replace_lazy", 3);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        return t == null ? new ArrayList<>(l) : replaceFirst(l, k, call(fun, t.get(1)));
    }

    /** The first entry through {@code fun}, or the default appended, as {@code Keyword.update/4}. */
    @Doc("Updates the value under the key with the function (the default, appended, when missing).")
    public static List<Object> update(Object keywords, Object key, Object fallback, Object fun) {
        List<?> l = list(keywords, key, "update", 4);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        if (t != null) return replaceFirst(l, k, call(fun, t.get(1)));
        List<Object> out = new ArrayList<>(l);
        out.add(Tuple.of(k, Values.normalize(fallback)));
        return out;
    }

    /** As {@code Keyword.update!/3}; KeyError when missing. */
    @Doc("Updates the value under the key with the function; raises KeyError when missing.")
    public static List<Object> update_bang(Object keywords, Object key, Object fun) {
        List<?> l = list(keywords, key, "update!", 3);
        Object k = Values.normalize(key);
        Tuple t = entry(l, k);
        if (t == null) throw missing(k, l);
        return replaceFirst(l, k, call(fun, t.get(1)));
    }

    /** The list itself, as {@code Keyword.to_list/1}. */
    @Doc("Returns the keyword list itself.")
    public static List<Object> to_list(Object keywords) {
        return new ArrayList<>(list(keywords, "to_list", 1));
    }

    /**
     * {@code {:ok, keywords with defaults}} or {@code {:error, unknown keys}}, as
     * {@code Keyword.validate/2}: {@code values} lists the allowed keys, atoms or {@code {key, default}}.
     */
    @Doc("Ensures the keyword list has only the allowed keys, adding the defaults: {:ok, list} or {:error, bad keys}.")
    public static Tuple validate(Object keywords, Object values) {
        List<?> l = list(keywords, "validate", 2);
        List<Object> allowed = new ArrayList<>(list(values, "validate", 2));
        List<Object> seen = new ArrayList<>();
        List<Object> acc = new ArrayList<>();
        List<Object> bad = new ArrayList<>();
        for (Object o : l) {
            Tuple t = pair(o);
            Object k = t.get(0);
            Object spec = null;
            for (Object a : allowed) if (java.util.Objects.equals(a, k) || a instanceof Tuple d && java.util.Objects.equals(d.get(0), k)) spec = a;
            if (spec != null) {
                allowed.remove(spec);
                seen.add(k);
                acc.add(0, t);
            } else if (seen.contains(k)) {
                acc.add(0, t);
            } else {
                bad.add(0, k);
            }
        }
        if (!bad.isEmpty()) return Tuple.of(Atom.of("error"), bad);
        for (Object a : allowed) if (a instanceof Tuple d && d.size() == 2) acc.add(0, d);
        return Tuple.of(Atom.OK, acc);
    }

    /** As {@code Keyword.validate!/2}; ArgumentError naming the unknown keys. */
    @Doc("As validate/2, returning the list; raises ArgumentError naming unknown keys.")
    public static List<Object> validate_bang(Object keywords, Object values) {
        Tuple r = validate(keywords, values);
        if (Atom.OK.equals(r.get(0))) return castList(r.get(1));
        List<Object> allowedKeys = new ArrayList<>();
        for (Object a : list(values, "validate!", 2)) allowedKeys.add(a instanceof Tuple d ? d.get(0) : a);
        throw new ArgumentError("unknown keys " + Inspect.inspect(r.get(1)) + " in " + Inspect.inspect(Values.normalize(keywords))
                + ", the allowed keys are: " + Inspect.inspect(allowedKeys));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }
}
