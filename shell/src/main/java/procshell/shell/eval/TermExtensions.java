package procshell.shell.eval;

import java.util.Iterator;

import procshell.runtime.node.Tuple;

/**
 * Groovy extension methods that let typed code use runtime terms naturally: {@code t[0]} and
 * {@code t[-1]} on a tuple, {@code for (x in t)}, and {@code def (a, b) = t}.
 */
public final class TermExtensions {
    private TermExtensions() {}

    /**
     * The element at an index, as {@code elem/2}; negative indexes count from the end.
     *
     * @throws IndexOutOfBoundsException outside the tuple
     */
    public static Object getAt(Tuple self, int index) {
        return self.get(index < 0 ? self.size() + index : index);
    }

    /**
     * Groovy's {@code ==} on tuples, as Elixir's: elements compare as {@code ==} does, numbers by
     * value ({@code {1, :a} == {1.0, :a}}). {@link Tuple#equals} itself stays exact, as map keys
     * and hashing need.
     */
    public static boolean equals(Tuple self, Tuple other) {
        return Values.termEquals(self, other);
    }

    /** The elements in order. */
    public static Iterator<Object> iterator(Tuple self) {
        return self.toList().iterator();
    }
}
