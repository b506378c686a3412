package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Keyword} module at the prompt: keyword lists are lists of {@code {atom, value}}
 * tuples, written {@code [a: 1, b: 2]}.
 */
@Doc("""
    A keyword list is a list of {atom, value} tuples: [name: MyServer, timeout: 5000].
    """)
public final class Keyword {
    private Keyword() {}

    /** The first value under {@code key}, or nil, as {@code Keyword.get/2}. */
    @Doc("""
        Gets the first value under the key, or the default (nil).
        """)
    public static Object get(Object keywords, Object key) {
        return get(keywords, key, null);
    }

    /** The first value under {@code key}, or {@code fallback}, as {@code Keyword.get/3}. */
    public static Object get(Object keywords, Object key, Object fallback) {
        Object k = Values.normalize(key);
        for (Object o : list(keywords)) {
            if (o instanceof Tuple t && t.size() == 2 && k.equals(t.get(0))) {
                return t.get(1);
            }
        }
        return fallback;
    }

    /** Whether the key is present, as {@code Keyword.has_key?/2}. */
    @Doc("""
        Tells whether the key is in the keyword list.
        """)
    public static boolean has_key_qm(Object keywords, Object key) {
        Object k = Values.normalize(key);
        for (Object o : list(keywords)) {
            if (o instanceof Tuple t && t.size() == 2 && k.equals(t.get(0))) {
                return true;
            }
        }
        return false;
    }

    /** The list with every entry of {@code key} removed, then {@code {key, value}} first, as {@code Keyword.put/3}. */
    @Doc("""
        Puts the value under the key, removing other entries with that key.
        """)
    public static List<Object> put(Object keywords, Object key, Object value) {
        List<Object> out = delete(keywords, key);
        out.add(0, Kernel.tuple(Values.normalize(key), Values.normalize(value)));
        return out;
    }

    /** The list without the entries of {@code key}, as {@code Keyword.delete/2}. */
    @Doc("""
        Deletes all entries with the key.
        """)
    public static List<Object> delete(Object keywords, Object key) {
        Object k = Values.normalize(key);
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords)) {
            if (!(o instanceof Tuple t && t.size() == 2 && k.equals(t.get(0)))) {
                out.add(o);
            }
        }
        return out;
    }

    /** The keys in order, as {@code Keyword.keys/1}. */
    @Doc("""
        Returns the keys of the keyword list.
        """)
    public static List<Object> keys(Object keywords) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords)) {
            if (o instanceof Tuple t && t.size() == 2) {
                out.add(t.get(0));
            }
        }
        return out;
    }

    /** {@code {:ok, value}} for the first entry of {@code key}, or {@code :error}, as {@code Keyword.fetch/2}. */
    @Doc("""
        Fetches the value for the key: {:ok, value}, or :error when it is missing.
        """)
    public static Object fetch(Object keywords, Object key) {
        Tuple entry = entry(keywords, key);
        return entry == null ? procshell.runtime.node.Atom.ERROR : Tuple.of(procshell.runtime.node.Atom.OK, entry.get(1));
    }

    /**
     * The first value of {@code key}, as {@code Keyword.fetch!/2}.
     *
     * @throws KeyError {@code key :b not found in: [a: 1]}
     */
    @Doc("""
        Fetches the value for the key; raises KeyError when it is missing.
        """)
    public static Object fetch_bang(Object keywords, Object key) {
        Tuple entry = entry(keywords, key);
        if (entry == null) throw new KeyError("key " + Kernel.inspect(Values.normalize(key)) + " not found in: " + Kernel.inspect(Values.normalize(keywords)));
        return entry.get(1);
    }

    /** The values in order, as {@code Keyword.values/1}. */
    @Doc("""
        Returns the values of the keyword list.
        """)
    public static List<Object> values(Object keywords) {
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords)) {
            if (o instanceof Tuple t && t.size() == 2) out.add(t.get(1));
        }
        return out;
    }

    /** The first list without the second's keys, then the second, as {@code Keyword.merge/2}. */
    @Doc("""
        Merges two keyword lists: the entries of the second win, duplicates in the
        first are removed when the second has the key.
        """)
    public static List<Object> merge(Object keywords, Object other) {
        List<?> second = list(other);
        List<Object> keys = keys(other);
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords)) {
            if (!(o instanceof Tuple t && t.size() == 2 && keys.contains(t.get(0)))) out.add(o);
        }
        out.addAll(second);
        return out;
    }

    /** Puts {@code {key, value}} first unless the key is present, as {@code Keyword.put_new/3}. */
    @Doc("""
        Puts the value under the key unless the key is already present.
        """)
    public static List<Object> put_new(Object keywords, Object key, Object value) {
        List<Object> out = new ArrayList<>(list(keywords));
        if (!has_key_qm(keywords, key)) out.add(0, Kernel.tuple(Values.normalize(key), Values.normalize(value)));
        return out;
    }

    /** {@code {first value or nil, list without the key}}, as {@code Keyword.pop/2}. */
    @Doc("""
        Returns the first value for the key and the list without any entry of the
        key; the default (nil) when the key is missing.
        """)
    public static Tuple pop(Object keywords, Object key) {
        return pop(keywords, key, null);
    }

    /** As {@code Keyword.pop/3}. */
    public static Tuple pop(Object keywords, Object key, Object fallback) {
        Tuple entry = entry(keywords, key);
        return Tuple.of(entry == null ? fallback : entry.get(1), entry == null ? new ArrayList<>(list(keywords)) : delete(keywords, key));
    }

    /** The entries whose key is in {@code keys}, as {@code Keyword.take/2}. */
    @Doc("""
        Takes all entries whose keys are in the given list.
        """)
    public static List<Object> take(Object keywords, Object keys) {
        return filter(keywords, keys, true);
    }

    /** The entries whose key is not in {@code keys}, as {@code Keyword.drop/2}. */
    @Doc("""
        Drops the entries whose keys are in the given list.
        """)
    public static List<Object> drop(Object keywords, Object keys) {
        return filter(keywords, keys, false);
    }

    /** True for a list of {@code {atom, value}} tuples, as {@code Keyword.keyword?/1}. */
    @Doc("""
        Returns true if the term is a keyword list.
        """)
    public static boolean keyword_qm(Object term) {
        if (!(Values.normalize(term) instanceof List<?> l)) return false;
        for (Object o : l) {
            if (!(o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof procshell.runtime.node.Atom)) return false;
        }
        return true;
    }

    private static List<Object> filter(Object keywords, Object keys, boolean keep) {
        List<?> wanted = (List<?>) Values.normalize(keys);
        List<Object> out = new ArrayList<>();
        for (Object o : list(keywords)) {
            if (o instanceof Tuple t && t.size() == 2 && wanted.contains(t.get(0)) == keep) out.add(o);
        }
        return out;
    }

    private static Tuple entry(Object keywords, Object key) {
        Object k = Values.normalize(key);
        for (Object o : list(keywords)) {
            if (o instanceof Tuple t && t.size() == 2 && java.util.Objects.equals(k, t.get(0))) return t;
        }
        return null;
    }

    private static List<?> list(Object keywords) {
        Object l = Values.normalize(keywords);
        if (!(l instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a keyword list, got: " + Kernel.inspect(l));
        }
        return list;
    }
}
