package procshell.shell.iex;

import java.util.List;

import procshell.runtime.term.PersistentMap;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code MapSet} module (1.14): sets as {@code %MapSet{}} structs ({@link MapSetTerm}),
 * printed as {@code MapSet.new([1, 2])}; a non-set argument fails with Elixir's FunctionClauseError.
 */
@Doc("""
    Sets of unique values (compared with ===), printed as MapSet.new([1, 2]).
    """)
@ElixirName("MapSet")
public final class ElixirMapSet {
    private ElixirMapSet() {}

    private static List<Object> set(Object term, String function, int arity) {
        return MapSetTerm.elements(checked(term, function, arity));
    }

    /** The set's inner map (element to {@code []}); FunctionClauseError when the term is no set. */
    private static PersistentMap inner(Object term, String function, int arity) {
        return MapSetTerm.inner(checked(term, function, arity));
    }

    private static Object checked(Object term, String function, int arity) {
        Object s = Values.normalize(term);
        if (!MapSetTerm.is(s)) throw new FunctionClauseError("MapSet." + function, arity);
        return s;
    }

    /** The keys of {@code from} for which {@code other} holding them is {@code wanted}. */
    private static PersistentMap keep(PersistentMap from, PersistentMap other, boolean wanted) {
        PersistentMap.Builder out = new PersistentMap.Builder(PersistentMap.EMPTY);
        from.forEach((e, mark) -> {
            if (other.containsKey(e) == wanted) out.put(e, mark);
        });
        return out.build();
    }

    /** An empty set, as {@code MapSet.new/0}. */
    @Doc("Creates a set (from an enumerable, through the function if given).")
    public static MapTerm new_() {
        return MapSetTerm.of(List.of());
    }

    /** A set of the enumerable's elements, as {@code MapSet.new/1}. */
    public static MapTerm new_(Object enumerable) {
        if (MapSetTerm.is(enumerable)) return (MapTerm) enumerable;
        return MapSetTerm.of(Enumerables.toList(enumerable));
    }

    /** A set of {@code fun}'s results, as {@code MapSet.new/2}. */
    public static MapTerm new_(Object enumerable, Object fun) {
        return MapSetTerm.of(ElixirEnum.map(enumerable, fun));
    }

    /** The set without the value, as {@code MapSet.delete/2}. */
    @Doc("Deletes the value from the set.")
    public static MapTerm delete(Object set, Object value) {
        PersistentMap inner = inner(set, "delete", 2);
        PersistentMap out = inner.remove(Values.normalize(value));
        return out == inner ? (MapTerm) Values.normalize(set) : MapSetTerm.of(out);
    }

    /** The elements of the first set not in the second, as {@code MapSet.difference/2}. */
    @Doc("Returns the elements of the first set that are not in the second.")
    public static MapTerm difference(Object a, Object b) {
        PersistentMap x = inner(a, "difference", 2);
        PersistentMap y = inner(b, "difference", 2);
        if (y.size() <= x.size()) {
            PersistentMap[] out = {x};
            y.forEach((e, mark) -> out[0] = out[0].remove(e));
            return MapSetTerm.of(out[0]);
        }
        return MapSetTerm.of(keep(x, y, false));
    }

    /** True when no element is in both, as {@code MapSet.disjoint?/2}. */
    @Doc("Checks if the two sets have no element in common.")
    public static boolean disjoint_qm(Object a, Object b) {
        PersistentMap x = inner(a, "disjoint?", 2);
        PersistentMap y = inner(b, "disjoint?", 2);
        return (x.size() <= y.size() ? keep(x, y, true) : keep(y, x, true)).isEmpty();
    }

    /** True when both hold the same elements, as {@code MapSet.equal?/2}. */
    @Doc("Checks if two sets are equal.")
    public static boolean equal_qm(Object a, Object b) {
        return inner(a, "equal?", 2).equals(inner(b, "equal?", 2));
    }

    /** The elements for which {@code fun} is truthy, as {@code MapSet.filter/2}. */
    @Doc("Returns the elements for which the function is truthy.")
    public static MapTerm filter(Object set, Object fun) {
        return MapSetTerm.of(ElixirEnum.filter(set(set, "filter", 2), fun));
    }

    /** The elements for which {@code fun} is falsy, as {@code MapSet.reject/2}. */
    @Doc("Returns the elements for which the function is falsy.")
    public static MapTerm reject(Object set, Object fun) {
        return MapSetTerm.of(ElixirEnum.reject(set(set, "reject", 2), fun));
    }

    /** The elements in both, as {@code MapSet.intersection/2}. */
    @Doc("Returns the elements in both sets.")
    public static MapTerm intersection(Object a, Object b) {
        PersistentMap x = inner(a, "intersection", 2);
        PersistentMap y = inner(b, "intersection", 2);
        return MapSetTerm.of(x.size() <= y.size() ? keep(x, y, true) : keep(y, x, true));
    }

    /** True when the value is in the set ({@code ===}), as {@code MapSet.member?/2}. */
    @Doc("Checks if the set contains the value.")
    public static boolean member_qm(Object set, Object value) {
        return inner(set, "member?", 2).containsKey(Values.normalize(value));
    }

    /** The set with the value, as {@code MapSet.put/2}. */
    @Doc("Inserts the value into the set.")
    public static MapTerm put(Object set, Object value) {
        PersistentMap inner = inner(set, "put", 2);
        PersistentMap out = inner.put(Values.normalize(value), MapSetTerm.MARK); // itself when the value is there
        return out == inner ? (MapTerm) Values.normalize(set) : MapSetTerm.of(out);
    }

    /** The number of elements, as {@code MapSet.size/1}. */
    @Doc("Returns the number of elements.")
    public static int size(Object set) {
        return inner(set, "size", 1).size();
    }

    /** True when every element of the first is in the second, as {@code MapSet.subset?/2}. */
    @Doc("Checks if every element of the first set is in the second.")
    public static boolean subset_qm(Object a, Object b) {
        PersistentMap x = inner(a, "subset?", 2);
        PersistentMap y = inner(b, "subset?", 2);
        return x.size() <= y.size() && keep(x, y, false).isEmpty();
    }

    /** The elements in exactly one of the sets, as {@code MapSet.symmetric_difference/2}. */
    @Doc("Returns the elements in exactly one of the sets.")
    public static MapTerm symmetric_difference(Object a, Object b) {
        PersistentMap x = inner(a, "symmetric_difference", 2);
        PersistentMap y = inner(b, "symmetric_difference", 2);
        PersistentMap.Builder out = new PersistentMap.Builder(keep(x, y, false));
        y.forEach((e, mark) -> {
            if (!x.containsKey(e)) out.put(e, mark);
        });
        return MapSetTerm.of(out.build());
    }

    /** The elements as a list, in order, as {@code MapSet.to_list/1}. */
    @Doc("Converts the set to a list.")
    public static List<Object> to_list(Object set) {
        return set(set, "to_list", 1);
    }

    /** The elements of both, as {@code MapSet.union/2}. */
    @Doc("Returns the elements of both sets.")
    public static MapTerm union(Object a, Object b) {
        PersistentMap x = inner(a, "union", 2);
        PersistentMap y = inner(b, "union", 2);
        PersistentMap.Builder out = new PersistentMap.Builder(x.size() >= y.size() ? x : y);
        (x.size() >= y.size() ? y : x).forEach(out::put);
        return MapSetTerm.of(out.build());
    }
}
