package procshell.runtime.node;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable Erlang tuple, such as {@code {:ok, #PID<0.123.0>}}.
 *
 * <p>Equality is element-wise; a tuple never equals a {@link List}.
 *
 * <p>A tuple of up to six elements holds them in fields of its own (one object of 16 to 40
 * bytes), a larger one in an array: as the BEAM's tuple is one header word and its elements,
 * a {@code {pid, value}} row of a table costs one small object, not an object and an array.
 * Which class holds a tuple is not part of the API: build tuples with {@link #of}.
 */
public abstract class Tuple {
    Tuple() {}

    /**
     * Builds a tuple. {@code Tuple.of(Atom.OK, pid)} is {@code {:ok, pid}}.
     *
     * @param elements the elements, in order (copied)
     * @return the tuple
     */
    public static Tuple of(Object... elements) {
        return switch (elements.length) {
            case 0 -> SmallTuples.EMPTY;
            case 1 -> new SmallTuples.T1(elements[0]);
            case 2 -> new SmallTuples.T2(elements[0], elements[1]);
            case 3 -> new SmallTuples.T3(elements[0], elements[1], elements[2]);
            case 4 -> new SmallTuples.T4(elements[0], elements[1], elements[2], elements[3]);
            case 5 -> new SmallTuples.T5(elements[0], elements[1], elements[2], elements[3], elements[4]);
            case 6 -> new SmallTuples.T6(elements[0], elements[1], elements[2], elements[3], elements[4], elements[5]);
            default -> new SmallTuples.TN(elements.clone());
        };
    }

    /** {@code {a, b}}, without the varargs array of {@link #of(Object...)}. */
    public static Tuple of(Object a, Object b) {
        return new SmallTuples.T2(a, b);
    }

    /** {@code {a, b, c}}, without the varargs array of {@link #of(Object...)}. */
    public static Tuple of(Object a, Object b, Object c) {
        return new SmallTuples.T3(a, b, c);
    }

    /** {@code {a, b, c, d}}, without the varargs array of {@link #of(Object...)}. */
    public static Tuple of(Object a, Object b, Object c, Object d) {
        return new SmallTuples.T4(a, b, c, d);
    }

    /** Builds a tuple from a list of elements (copied). */
    public static Tuple fromList(List<?> elements) {
        return of(elements.toArray());
    }

    /** The number of elements, as {@code tuple_size/1}. */
    public abstract int size();

    /**
     * The element at a zero-based index, as {@code elem/2}.
     *
     * @throws IndexOutOfBoundsException when the index is outside {@code 0..size()-1}
     */
    public abstract Object get(int index);

    /** True when this tuple has {@code size} elements and its first is {@code tag}: {@code {tag, ...}}. */
    public boolean isTagged(Atom tag, int size) {
        return size() == size && size > 0 && tag.equals(get(0));
    }

    /** The elements as an unmodifiable list, as {@code Tuple.to_list/1}. */
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(toArray()));
    }

    /** The elements in a fresh array. */
    public Object[] toArray() {
        Object[] out = new Object[size()];
        for (int i = 0; i < out.length; i++) out[i] = get(i);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Tuple t) || t.size() != size()) return false;
        for (int i = 0, n = size(); i < n; i++) {
            Object a = get(i), b = t.get(i);
            if (a != b && (a == null || !a.equals(b))) return false;
        }
        return true;
    }

    /** As {@code Arrays.hashCode} of the elements, times 31, plus 7 (so no list of the same elements collides). */
    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0, n = size(); i < n; i++) {
            Object e = get(i);
            h = 31 * h + (e == null ? 0 : e.hashCode());
        }
        return h * 31 + 7;
    }

    @Override
    public String toString() {
        return procshell.runtime.inspect.Inspect.inspect(this);
    }
}
