package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.table.TermCompare;
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
        Object s = Values.normalize(term);
        if (!MapSetTerm.is(s)) throw new FunctionClauseError("MapSet." + function, arity);
        return MapSetTerm.elements(s);
    }

    private static boolean contains(List<Object> elements, Object x) {
        for (Object e : elements) if (TermCompare.exactEquals(e, x)) return true;
        return false;
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
        List<Object> out = new ArrayList<>();
        for (Object e : set(set, "delete", 2)) if (!TermCompare.exactEquals(e, value)) out.add(e);
        return MapSetTerm.of(out);
    }

    /** The elements of the first set not in the second, as {@code MapSet.difference/2}. */
    @Doc("Returns the elements of the first set that are not in the second.")
    public static MapTerm difference(Object a, Object b) {
        List<Object> other = set(b, "difference", 2);
        List<Object> out = new ArrayList<>();
        for (Object e : set(a, "difference", 2)) if (!contains(other, e)) out.add(e);
        return MapSetTerm.of(out);
    }

    /** True when no element is in both, as {@code MapSet.disjoint?/2}. */
    @Doc("Checks if the two sets have no element in common.")
    public static boolean disjoint_qm(Object a, Object b) {
        List<Object> other = set(b, "disjoint?", 2);
        for (Object e : set(a, "disjoint?", 2)) if (contains(other, e)) return false;
        return true;
    }

    /** True when both hold the same elements, as {@code MapSet.equal?/2}. */
    @Doc("Checks if two sets are equal.")
    public static boolean equal_qm(Object a, Object b) {
        return TermCompare.exactEquals(set(a, "equal?", 2), set(b, "equal?", 2));
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
        List<Object> other = set(b, "intersection", 2);
        List<Object> out = new ArrayList<>();
        for (Object e : set(a, "intersection", 2)) if (contains(other, e)) out.add(e);
        return MapSetTerm.of(out);
    }

    /** True when the value is in the set ({@code ===}), as {@code MapSet.member?/2}. */
    @Doc("Checks if the set contains the value.")
    public static boolean member_qm(Object set, Object value) {
        return contains(set(set, "member?", 2), value);
    }

    /** The set with the value, as {@code MapSet.put/2}. */
    @Doc("Inserts the value into the set.")
    public static MapTerm put(Object set, Object value) {
        List<Object> l = set(set, "put", 2);
        l.add(Values.normalize(value));
        return MapSetTerm.of(l);
    }

    /** The number of elements, as {@code MapSet.size/1}. */
    @Doc("Returns the number of elements.")
    public static int size(Object set) {
        return set(set, "size", 1).size();
    }

    /** True when every element of the first is in the second, as {@code MapSet.subset?/2}. */
    @Doc("Checks if every element of the first set is in the second.")
    public static boolean subset_qm(Object a, Object b) {
        List<Object> other = set(b, "subset?", 2);
        for (Object e : set(a, "subset?", 2)) if (!contains(other, e)) return false;
        return true;
    }

    /** The elements in exactly one of the sets, as {@code MapSet.symmetric_difference/2}. */
    @Doc("Returns the elements in exactly one of the sets.")
    public static MapTerm symmetric_difference(Object a, Object b) {
        List<Object> x = set(a, "symmetric_difference", 2);
        List<Object> y = set(b, "symmetric_difference", 2);
        List<Object> out = new ArrayList<>();
        for (Object e : x) if (!contains(y, e)) out.add(e);
        for (Object e : y) if (!contains(x, e)) out.add(e);
        return MapSetTerm.of(out);
    }

    /** The elements as a list, in order, as {@code MapSet.to_list/1}. */
    @Doc("Converts the set to a list.")
    public static List<Object> to_list(Object set) {
        return set(set, "to_list", 1);
    }

    /** The elements of both, as {@code MapSet.union/2}. */
    @Doc("Returns the elements of both sets.")
    public static MapTerm union(Object a, Object b) {
        List<Object> l = set(a, "union", 2);
        l.addAll(set(b, "union", 2));
        return MapSetTerm.of(l);
    }
}
