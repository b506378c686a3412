package procshell.runtime.node;

/**
 * The strings of the atoms whose text is asked for often ({@link Atom#name()}): an atom keeps
 * only bytes, and making a string on each call would cost an allocation where a field read did.
 * A direct-mapped cache: each atom has one place, and the last atom asked for there keeps it.
 */
final class AtomNames {
    private static final int SIZE = 4096;

    private record Named(Atom atom, String name) {}

    private static final Named[] CACHE = new Named[SIZE];

    private AtomNames() {}

    static String of(Atom atom) {
        int i = atom.hashCode() & (SIZE - 1);
        Named n = CACHE[i]; // a racy read of an immutable record: the worst is a miss
        if (n != null && n.atom == atom) return n.name;
        String text = AtomStore.text(atom.ref());
        CACHE[i] = new Named(atom, text);
        return text;
    }
}
