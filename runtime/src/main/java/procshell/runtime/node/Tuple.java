package procshell.runtime.node;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable Erlang tuple, such as {@code {:ok, #PID<0.123.0>}}.
 *
 * <p>Equality is element-wise; a tuple never equals a {@link List}.
 */
public final class Tuple {
    private static final Object[] EMPTY = new Object[0];
    private final Object[] elements;

    private Tuple(Object[] elements) {
        this.elements = elements;
    }

    /**
     * Builds a tuple. {@code Tuple.of(Atom.OK, pid)} is {@code {:ok, pid}}.
     *
     * @param elements the elements, in order (copied)
     * @return the tuple
     */
    public static Tuple of(Object... elements) {
        return new Tuple(elements.length == 0 ? EMPTY : elements.clone());
    }

    /** Builds a tuple from a list of elements (copied). */
    public static Tuple fromList(List<?> elements) {
        return new Tuple(elements.toArray());
    }

    /** The number of elements, as {@code tuple_size/1}. */
    public int size() {
        return elements.length;
    }

    /**
     * The element at a zero-based index, as {@code elem/2}.
     *
     * @throws IndexOutOfBoundsException when the index is outside {@code 0..size()-1}
     */
    public Object get(int index) {
        return elements[index];
    }

    /** True when this tuple has {@code size} elements and its first is {@code tag}: {@code {tag, ...}}. */
    public boolean isTagged(Atom tag, int size) {
        return elements.length == size && size > 0 && tag.equals(elements[0]);
    }

    /** The elements as an unmodifiable list, as {@code Tuple.to_list/1}. */
    public List<Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(elements.clone()));
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Tuple t && Arrays.equals(elements, t.elements));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements) * 31 + 7;
    }

    @Override
    public String toString() {
        return procshell.runtime.inspect.Inspect.inspect(this);
    }
}
