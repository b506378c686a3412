package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.term.PersistentMap;
import procshell.runtime.term.TermMap;

/**
 * Elixir's MapSet as a term: the struct {@code %MapSet{map: %{element => []}, version: 2}}, so
 * that sets compare and match as maps do. Its elements are the inner map's keys, in map order;
 * adding or removing one is an O(log n) update of the inner map, as on the BEAM.
 */
final class MapSetTerm {
    static final Atom MAP = Atom.of("map");
    static final Atom VERSION = Atom.of("version");
    /** The value every element maps to, as Elixir's MapSet has it. */
    static final List<Object> MARK = List.of();
    /** {@code %MapSet{map: %{}, version: 2}}: every set is this with its inner map in {@code :map} (sharing its keys). */
    private static final PersistentMap SHELL = PersistentMap.ofPairs(Structs.STRUCT, Structs.MAP_SET, MAP, new MapTerm(), VERSION, 2);

    private MapSetTerm() {}

    /** A set of these elements (duplicates by {@code ===} collapse; 1 and 1.0 stay apart). */
    static MapTerm of(Collection<?> elements) {
        PersistentMap.Builder inner = new PersistentMap.Builder(PersistentMap.EMPTY);
        for (Object e : elements) inner.put(e, MARK);
        return of(inner.build());
    }

    /** The set whose elements are the keys of {@code inner}. */
    static MapTerm of(PersistentMap inner) {
        return MapTerm.of(SHELL.put(MAP, MapTerm.of(inner)));
    }

    /** True when the term is a MapSet struct. */
    static boolean is(Object term) {
        return Structs.is(term, Structs.MAP_SET) && ((Map<?, ?>) term).get(MAP) instanceof Map<?, ?>;
    }

    /** The inner map of a set ({@link #is} holds): element to {@code []}. */
    static PersistentMap inner(Object set) {
        Object m = ((Map<?, ?>) set).get(MAP);
        return m instanceof TermMap t ? t.persistent() : new MapTerm((Map<?, ?>) m).persistent();
    }

    /** The elements, in map order (term order). */
    static List<Object> elements(Object set) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : procshell.runtime.inspect.Inspect.sortedEntries(MapTerm.of(inner(set)))) {
            out.add(e.getKey());
        }
        return out;
    }

    /** Whether the set holds the element (exactly: 1 is not 1.0). */
    static boolean member(Object set, Object element) {
        return inner(set).containsKey(element);
    }

    /**
     * A map key lookup with Erlang's exact equality: O(1) for a map term, a scan of the keys for
     * another Java map (whose {@code equals} takes {@code 1} for {@code 1.0}'s twin in lists).
     */
    static boolean containsKey(Map<?, ?> m, Object key) {
        if (m instanceof TermMap) return m.containsKey(key);
        if (m.containsKey(key)) return true;
        for (Object k : m.keySet()) if (procshell.runtime.term.TermKeys.equal(k, key)) return true;
        return false;
    }

    /** As Elixir's {@code Inspect.MapSet}: {@code MapSet.new([1, 2])}. */
    static String inspect(Object set, procshell.runtime.inspect.InspectOptions opts) {
        return "MapSet.new(" + procshell.runtime.inspect.Inspect.inspect(elements(set), opts) + ")";
    }
}
