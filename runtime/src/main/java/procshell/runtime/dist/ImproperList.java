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

    /** The elements of a call tag, {@code [:alias]}, as cells (which the constructor keeps as they are). */
    private static final List<Object> ALIAS = procshell.runtime.term.ConsList.cons(procshell.runtime.node.Atom.of("alias"), List.of());

    /**
     * OTP 24+'s tag of a call's {@code from}, {@code [:alias | ref]}: gen.erl calls with the
     * monitor as an alias of the caller, and a {@code handle_call} and its crash report show it.
     */
    public static ImproperList alias(procshell.runtime.node.Ref ref) {
        return new ImproperList(ALIAS, ref);
    }

    /**
     * The ref a call's reply tag names: the tag itself when it is a ref, {@code ref} of
     * {@code [:alias | ref]}; null for any other term.
     */
    public static procshell.runtime.node.Ref replyRef(Object tag) {
        if (tag instanceof procshell.runtime.node.Ref r) return r;
        return tag instanceof ImproperList l && l.tail instanceof procshell.runtime.node.Ref r && ALIAS.equals(l.elements) ? r : null;
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
