package procshell.runtime.term;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The tail of a list term that is no {@link ConsList} (an {@code ArrayList} a function returned)
 * from some index on: a view, O(1) to make, whose own tails are views of the same list, never a
 * chain of views. Immutable as the list under it.
 */
final class ListSuffix extends AbstractList<Object> implements RandomAccess {
    private final List<?> base;
    private final int from;
    private final int size;

    private ListSuffix(List<?> base, int from) {
        this.base = base;
        this.from = from;
        this.size = base.size() - from;
    }

    /** {@code list} without its first {@code n} elements, {@code 0 < n < list.size()}; {@code list} gives O(1) {@code get(i)}. */
    static ListSuffix of(List<?> list, int n) {
        if (list instanceof ListSuffix s) return s.drop(n);
        return new ListSuffix(list, n);
    }

    /** This list without its first {@code n} elements, {@code 0 < n < size()}. */
    ListSuffix drop(int n) {
        return new ListSuffix(base, from + n);
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        return base.get(from + index);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return false; // an empty suffix is never made: dropping everything gives the empty list
    }

    @Override
    public List<Object> subList(int fromIndex, int toIndex) {
        if (toIndex == size && fromIndex >= 0 && fromIndex <= size) return ConsList.drop(this, fromIndex);
        return super.subList(fromIndex, toIndex);
    }
}
