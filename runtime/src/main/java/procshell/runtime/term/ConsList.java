package procshell.runtime.term;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An Elixir list as the BEAM has it: an immutable cons cell, {@code [head | tail]}, whose tail is
 * shared. {@link #cons} is one allocation, {@link #drop} of one element allocates nothing (it is
 * the tail), whatever was consed onto the list before: a pop then a push (which forked the shared
 * buffers of the earlier layout at every push) costs two cells, as on the BEAM.
 *
 * <p>It is a {@code java.util.List} like every other list term: {@code equals}/{@code hashCode}
 * are {@code List}'s, so it equals an {@code ArrayList} of the same elements; nil ({@code null})
 * elements are allowed; every mutator throws {@link UnsupportedOperationException}. The tail is a
 * cell of this kind, or any other list (an {@code ArrayList} a function returned), which is never
 * copied. {@code size()} is O(1) (each cell holds its length). {@code get(i)} walks the first few
 * cells and, deeper, reads an array of the cells' heads that the cell makes once, on the first
 * such call, and keeps: code indexing a list in a loop stays linear, as it was with the buffers.
 *
 * <p>Thread safety: a cell's fields are final, so lists are shared between processes without
 * copying or locks; the heads array is published through a volatile field after it is filled.
 */
public final class ConsList extends AbstractList<Object> {
    /** {@code get(i)} walks at most this many cells before it reads the heads array. */
    private static final int WALK = 8;

    private static final List<Object> NIL = List.of();

    private final Object head;
    /** A proper list: a cell of this kind or any other list term. */
    private final List<?> tail;
    private final int size;
    /**
     * Made by the first deep {@code get(i)}: the heads of the cells from this one, in order, then
     * as its last element the first tail that is no cell of this kind.
     */
    private volatile Object[] heads;

    private ConsList(Object head, List<?> tail) {
        this.head = head;
        this.tail = tail;
        this.size = tail.size() + 1;
    }

    /**
     * {@code [head | tail]} (Elixir's cons): O(1), {@code tail} shared, never copied (a list that
     * is no cell of this kind and gives no O(1) {@code get(i)}, as a {@code LinkedList}, is copied
     * to an array once).
     *
     * @param head any term (null is nil)
     * @param tail a list, which must not change afterwards (every list term is immutable)
     * @return the new list, of size {@code tail.size() + 1}
     */
    public static List<Object> cons(Object head, List<?> tail) {
        return new ConsList(head, shareable(tail));
    }

    /**
     * {@code list} without its first {@code n} elements (Elixir's tail, {@code tl/1} applied
     * {@code n} times): O(n) steps, nothing allocated while the list is cells of this kind (the
     * tail itself is the answer), one view of another list (never a copy of its elements).
     *
     * @throws IndexOutOfBoundsException when {@code n} is negative or above the size
     */
    @SuppressWarnings("unchecked")
    public static List<Object> drop(List<?> list, int n) {
        if (list instanceof ConsList c && n == 1) return (List<Object>) c.tail; // a [_ | t] pattern, tl/1
        int size = list.size();
        if (n < 0 || n > size) throw new IndexOutOfBoundsException("drop " + n + " of " + size);
        if (list instanceof ListSuffix s && n > 0 && n < size) return s.drop(n);
        List<?> l = list;
        while (n > 0 && l instanceof ConsList c) {
            l = c.tail;
            n--;
        }
        if (n == 0) return (List<Object>) l;
        if (n == l.size()) return NIL;
        return ListSuffix.of(l instanceof RandomAccess ? l : Arrays.asList(l.toArray()), n);
    }

    /**
     * {@code heads ++ tail} (Elixir's {@code ++}, and {@code [h1, h2 | tail]}): one cell per
     * head, {@code tail} shared as {@link #cons} shares it.
     *
     * @param heads the elements in front, in order (copied)
     * @param tail  a list, which must not change afterwards
     * @return the new list ({@code tail} itself when {@code heads} is empty)
     */
    @SuppressWarnings("unchecked")
    public static List<Object> prependAll(List<?> heads, List<?> tail) {
        int n = heads.size();
        if (n == 0) return (List<Object>) tail;
        List<?> out = shareable(tail);
        if (heads instanceof RandomAccess) {
            for (int i = n - 1; i >= 0; i--) out = new ConsList(heads.get(i), out);
        } else {
            Object[] a = heads.toArray();
            for (int i = n - 1; i >= 0; i--) out = new ConsList(a[i], out);
        }
        return (List<Object>) out;
    }

    /** The tail as a cell keeps it: itself when its {@code get(i)} is O(1) or it is a cell, else an array copy. */
    private static List<?> shareable(List<?> tail) {
        if (tail instanceof ConsList || tail instanceof RandomAccess) return tail;
        return tail.isEmpty() ? NIL : Arrays.asList(tail.toArray());
    }

    /** The first element. */
    public Object head() {
        return head;
    }

    /** The list after the first element (shared, never copied). */
    public List<?> tail() {
        return tail;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        ConsList c = this;
        for (int k = 0; k < WALK; k++) {
            if (index == 0) return c.head;
            index--;
            if (!(c.tail instanceof ConsList next)) return c.tail.get(index);
            c = next;
        }
        return c.deepGet(index);
    }

    private Object deepGet(int index) {
        Object[] a = heads;
        if (a == null) heads = a = headsArray();
        int cells = a.length - 1;
        return index < cells ? a[index] : ((List<?>) a[cells]).get(index - cells);
    }

    private Object[] headsArray() {
        int cells = 0;
        List<?> l = this;
        while (l instanceof ConsList c) {
            cells++;
            l = c.tail;
        }
        Object[] a = new Object[cells + 1];
        l = this;
        for (int i = 0; i < cells; i++) {
            ConsList c = (ConsList) l;
            a[i] = c.head;
            l = c.tail;
        }
        a[cells] = l;
        return a;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public List<Object> subList(int fromIndex, int toIndex) {
        if (toIndex == size && fromIndex >= 0 && fromIndex <= size) return drop(this, fromIndex);
        return super.subList(fromIndex, toIndex);
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private List<?> at = ConsList.this;
            private Iterator<?> rest;

            @Override
            public boolean hasNext() {
                if (at instanceof ConsList) return true;
                if (rest == null) rest = at.iterator();
                return rest.hasNext();
            }

            @Override
            public Object next() {
                if (at instanceof ConsList c) {
                    at = c.tail;
                    return c.head;
                }
                if (rest == null) rest = at.iterator();
                if (!rest.hasNext()) throw new NoSuchElementException();
                return rest.next();
            }
        };
    }

    @Override
    public Object[] toArray() {
        Object[] out = new Object[size];
        int i = 0;
        List<?> l = this;
        while (l instanceof ConsList c) {
            out[i++] = c.head;
            l = c.tail;
        }
        for (Object o : l) out[i++] = o;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof List<?> other) || other.size() != size) return false;
        // cell by cell while both are cells: lists sharing a tail are equal once the walk meets it
        List<?> a = this, b = other;
        while (a instanceof ConsList x && b instanceof ConsList y) {
            if (!Objects.equals(x.head, y.head)) return false;
            a = x.tail;
            b = y.tail;
            if (a == b) return true;
        }
        Iterator<?> i = a.iterator(), j = b.iterator();
        while (i.hasNext()) {
            if (!Objects.equals(i.next(), j.next())) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        List<?> l = this;
        while (l instanceof ConsList c) {
            h = 31 * h + Objects.hashCode(c.head);
            l = c.tail;
        }
        for (Object o : l) h = 31 * h + Objects.hashCode(o);
        return h;
    }
}
