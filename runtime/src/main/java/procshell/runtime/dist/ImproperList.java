package procshell.runtime.dist;

import java.util.List;

import procshell.runtime.inspect.Inspect;

/**
 * A list whose tail is not {@code []}, such as {@code [1, 2 | 3]} or OTP 24's call tag
 * {@code [:alias | ref]}: what the external term format's LIST_EXT carries when its tail is not
 * NIL_EXT. Kept as its own type so that it re-encodes exactly and never passes for a proper list.
 *
 * @param elements the elements before the tail (at least one)
 * @param tail     the final tail, any term but {@code []}
 */
public record ImproperList(List<Object> elements, Object tail) {
    /**
     * Keeps the elements as cons cells (copied once unless they are), so that its tails, and
     * the lists consed onto it, share them; {@code elements} must not be empty.
     */
    public ImproperList {
        if (elements.isEmpty()) throw new IllegalArgumentException("an improper list has at least one element");
        if (!(elements instanceof procshell.runtime.term.ConsList)) {
            elements = procshell.runtime.term.ConsList.prependAll(elements, List.of()); // nil elements allowed
        }
    }

    /** {@code [1, 2 | 3]}, as iex prints it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(Inspect.inspect(elements.get(i)));
        }
        return b.append(" | ").append(Inspect.inspect(tail)).append(']').toString();
    }
}
