package procshell.runtime.term;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;

/**
 * The order in which the BEAM keeps the keys of a small map (a flatmap, up to 32 keys): Erlang's
 * exact term order, where all integers sort before all floats ({@link Inspect#compareKeys}). Atoms
 * and small integers, the commonest keys, are compared here without the general comparison.
 */
final class KeyOrder {
    private KeyOrder() {}

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b} among map keys. */
    static int compare(Object a, Object b) {
        if (a instanceof Atom x && b instanceof Atom y) return x.compareTo(y);
        if (a instanceof Integer x && b instanceof Integer y) return Integer.compare(x, y);
        return Inspect.compareKeys(a, b);
    }
}
