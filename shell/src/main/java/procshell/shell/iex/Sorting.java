package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Elixir's sorters ({@code Enum.sort/2}, {@code sort_by/3}, {@code max/2}): {@code :asc},
 * {@code :desc}, a module with {@code compare/2} ({@code Date}), {@code {:asc | :desc, module}},
 * or {@code fn a, b -> true when a goes first end}; and the stable merge sort they drive, which
 * takes the left element whenever the sorter allows it, as {@code :lists.sort/2}.
 */
final class Sorting {
    private static final Atom ASC = Atom.of("asc");
    private static final Atom DESC = Atom.of("desc");
    private static final Atom LT = Atom.of("lt");
    private static final Atom GT = Atom.of("gt");

    private Sorting() {}

    /** The sorter as "a may go before b". */
    static BiPredicate<Object, Object> lessOrEqual(Object sorter) {
        if (ASC.equals(sorter)) return (a, b) -> Inspect.compare(a, b) <= 0;
        if (DESC.equals(sorter)) return (a, b) -> Inspect.compare(a, b) >= 0;
        if (sorter instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Atom module && (ASC.equals(t.get(0)) || DESC.equals(t.get(0)))) {
            boolean asc = ASC.equals(t.get(0));
            return (a, b) -> !(asc ? GT : LT).equals(Ops.call(module, "compare", a, b));
        }
        if (sorter instanceof Atom module) return (a, b) -> !GT.equals(Ops.call(module, "compare", a, b));
        if (sorter == null) return (a, b) -> !GT.equals(Ops.call(null, "compare", a, b));
        return (a, b) -> Enumerables.truthy(Enumerables.call(sorter, a, b));
    }

    /** A stable merge sort: of two candidates the left one goes first when {@code le(left, right)}. */
    static List<Object> mergeSort(List<Object> in, BiPredicate<Object, Object> le) {
        if (in.size() <= 1) return new ArrayList<>(in);
        int mid = in.size() / 2;
        List<Object> left = mergeSort(in.subList(0, mid), le);
        List<Object> right = mergeSort(in.subList(mid, in.size()), le);
        List<Object> out = new ArrayList<>(in.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            if (le.test(left.get(i), right.get(j))) out.add(left.get(i++));
            else out.add(right.get(j++));
        }
        while (i < left.size()) out.add(left.get(i++));
        while (j < right.size()) out.add(right.get(j++));
        return out;
    }
}
