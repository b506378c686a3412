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

    private static List<?> list(Object keywords) {
        Object l = Values.normalize(keywords);
        if (!(l instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a keyword list, got: " + Kernel.inspect(l));
        }
        return list;
    }
}
