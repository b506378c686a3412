package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.table.TermCompare;

/**
 * Elixir's MapSet as a term: the struct {@code %MapSet{map: %{element => []}, version: 2}}, so
 * that sets compare and match as maps do. Its elements are the inner map's keys, in map order.
 */
final class MapSetTerm {
    static final Atom MAP = Atom.of("map");
    static final Atom VERSION = Atom.of("version");

    private MapSetTerm() {}

    /** A set of these elements (duplicates by {@code ===} collapse; 1 and 1.0 stay apart). */
    static MapTerm of(Collection<?> elements) {
        MapTerm inner = new MapTerm();
        for (Object e : elements) {
            if (!containsKey(inner, e)) inner.put(e, List.of());
        }
        MapTerm m = new MapTerm();
        m.put(Structs.STRUCT, Structs.MAP_SET);
        m.put(MAP, inner);
        m.put(VERSION, 2);
        return m;
    }

    /** True when the term is a MapSet struct. */
    static boolean is(Object term) {
        return Structs.is(term, Structs.MAP_SET) && ((Map<?, ?>) term).get(MAP) instanceof Map<?, ?>;
    }

    /** The elements, in map order (term order). */
    static List<Object> elements(Object set) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : procshell.runtime.inspect.Inspect.sortedEntries((Map<?, ?>) ((Map<?, ?>) set).get(MAP))) {
            out.add(e.getKey());
        }
        return out;
    }

    /** Whether the set holds the element (exactly: 1 is not 1.0). */
    static boolean member(Object set, Object element) {
        return containsKey((Map<?, ?>) ((Map<?, ?>) set).get(MAP), element);
    }

    /** A map key lookup with Erlang's exact equality (Java's equals would confuse nothing else). */
    static boolean containsKey(Map<?, ?> m, Object key) {
        if (m.containsKey(key)) return true;
        if (!(key instanceof Number || key instanceof List<?> || key instanceof procshell.runtime.node.Tuple || key instanceof Map<?, ?>)) {
            return false;
        }
        for (Object k : m.keySet()) if (TermCompare.exactEquals(k, key)) return true;
        return false;
    }

    /** As Elixir's {@code Inspect.MapSet}: {@code MapSet.new([1, 2])}. */
    static String inspect(Object set, procshell.runtime.inspect.InspectOptions opts) {
        return "MapSet.new(" + procshell.runtime.inspect.Inspect.inspect(elements(set), opts) + ")";
    }
}
