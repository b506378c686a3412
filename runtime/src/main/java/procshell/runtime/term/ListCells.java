package procshell.runtime.term;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import procshell.runtime.dist.ImproperList;

/**
 * Every list term seen as the BEAM's chain of cons cells, proper ({@code java.util.List}) or
 * improper ({@link ImproperList}, such as {@code [1, 2 | 3]}): what {@code [h | t]} builds and
 * what a {@code [a, b | t]} pattern, {@code hd/1} and {@code tl/1} take apart, where a tail need
 * not be a list. Proper lists are {@link ConsList}s as before; an improper list keeps its cells'
 * heads as a {@link ConsList} (shared, as a proper list's tail is) and its final tail.
 */
public final class ListCells {
    private ListCells() {
    }

    /**
     * {@code [h1, h2, ... | tail]}: the heads consed onto any term.
     *
     * @param heads at least one head, first element first
     * @param tail  any term: a list gives a proper list, anything else an improper one
     * @return a {@code java.util.List} when {@code tail} is a proper list, else an {@link ImproperList}
     */
    public static Object cons(Object[] heads, Object tail) {
        if (tail instanceof List<?> t) {
            for (int i = heads.length - 1; i >= 0; i--) t = ConsList.cons(heads[i], t);
            return t;
        }
        if (tail instanceof ImproperList il) return new ImproperList(ConsList.prependAll(Arrays.asList(heads), il.elements()), il.tail());
        return new ImproperList(ConsList.prependAll(Arrays.asList(heads), List.of()), tail);
    }

    /**
     * {@code left ++ right} (Erlang's {@code ++}): {@code left} copied, {@code right} shared;
     * {@code [] ++ x} is {@code x} and {@code [1] ++ 2} is {@code [1 | 2]}, as on the BEAM.
     *
     * @param left  a proper list
     * @param right any term
     */
    public static Object append(List<?> left, Object right) {
        if (left.isEmpty()) return right;
        if (right instanceof List<?> r) return ConsList.prependAll(left, r);
        return cons(left.toArray(), right);
    }

    /**
     * How many cons cells the term starts with: a proper list's length, an improper list's
     * number of heads, -1 for a term that is no list.
     */
    public static int cells(Object term) {
        if (term instanceof List<?> l) return l.size();
        if (term instanceof ImproperList il) return il.elements().size();
        return -1;
    }

    /**
     * Erlang's term order of two list terms, proper or improper: head by head, then what follows
     * the shorter run of cells ({@code []} before any cell; an improper list's tail compared as
     * the term it is, so {@code [1 | 2] < [1]}, a number being less than a list).
     *
     * @param order the term order, for the heads and the tails
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compare(Object a, Object b, Comparator<Object> order) {
        Iterator<?> i = heads(a).iterator(), j = heads(b).iterator();
        int n = 0;
        while (i.hasNext() && j.hasNext()) {
            int c = order.compare(i.next(), j.next());
            if (c != 0) return c;
            n++;
        }
        if (i.hasNext()) {
            Object endB = end(b);
            return endB instanceof List ? 1 : order.compare(drop(a, n), endB);
        }
        if (j.hasNext()) {
            Object endA = end(a);
            return endA instanceof List ? -1 : order.compare(endA, drop(b, n));
        }
        Object endA = end(a), endB = end(b);
        return endA instanceof List && endB instanceof List ? 0 : order.compare(endA, endB);
    }

    private static List<?> heads(Object list) {
        return list instanceof ImproperList il ? il.elements() : (List<?>) list;
    }

    /** What follows the last cell: {@code []} or an improper list's tail. */
    private static Object end(Object list) {
        return list instanceof ImproperList il ? il.tail() : List.of();
    }

    /**
     * The head of cell {@code i} (from 0) of a list term with more than {@code i} cells.
     *
     * @throws ClassCastException when the term is no list
     */
    public static Object head(Object list, int i) {
        if (list instanceof ImproperList il) return il.elements().get(i);
        return ((List<?>) list).get(i);
    }

    /**
     * The term after the first {@code n} cells of a list term with at least {@code n} cells
     * ({@code tl/1} applied {@code n} times): a list, an improper list, or an improper list's
     * final tail, shared and never copied.
     *
     * @throws ClassCastException when the term is no list
     */
    public static Object drop(Object list, int n) {
        if (list instanceof ImproperList il) {
            List<?> heads = il.elements();
            return n == heads.size() ? il.tail() : new ImproperList(ConsList.drop(heads, n), il.tail());
        }
        return ConsList.drop((List<?>) list, n);
    }
}
