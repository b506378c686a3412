package procshell.runtime.gproc;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * A gproc key {@code {type, scope, name}}: type {@code n} (unique name), {@code p} (property),
 * {@code c} (counter), {@code a} (aggregated counter), {@code r} (resource) or {@code rc}
 * (resource counter); scope {@code l} (local) or {@code g} (global); any term as name.
 *
 * @param type  the type atom
 * @param scope the scope atom
 * @param name  the name term
 * @param term  the key as given, {@code {type, scope, name}}
 */
record GprocKey(Atom type, Atom scope, Object name, Tuple term) {
    static final Atom N = Atom.of("n");
    static final Atom P = Atom.of("p");
    static final Atom C = Atom.of("c");
    static final Atom A = Atom.of("a");
    static final Atom R = Atom.of("r");
    static final Atom RC = Atom.of("rc");
    static final Atom L = Atom.of("l");
    static final Atom G = Atom.of("g");

    /**
     * Reads a key.
     *
     * @throws IllegalArgumentException gproc's badarg for anything but {@code {n|p|c|a|r|rc, l|g, name}}
     */
    static GprocKey of(Object key) {
        if (key instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Atom type && t.get(1) instanceof Atom scope
                && isType(type) && (L.equals(scope) || G.equals(scope))) {
            return new GprocKey(type, scope, t.get(2), t);
        }
        throw Gproc.badarg();
    }

    private static boolean isType(Atom t) {
        return N.equals(t) || P.equals(t) || C.equals(t) || A.equals(t) || R.equals(t) || RC.equals(t);
    }

    /** True for the types one process at most holds: names, aggregated counters, resource counters. */
    boolean unique() {
        return N.equals(type) || A.equals(type) || RC.equals(type);
    }

    boolean is(Atom t) {
        return t.equals(type);
    }

    boolean global() {
        return G.equals(scope);
    }

    /**
     * The key of the registration object in the {@code gproc} table, as gproc lays it out:
     * {@code {key, type}} for a unique key, {@code {key, pid}} for the others.
     */
    Tuple regKey(Pid pid) {
        return Tuple.of(term, unique() ? type : pid);
    }

    /** The key of the owner's reverse entry, {@code {pid, key}}. */
    Tuple revKey(Pid pid) {
        return Tuple.of(pid, term);
    }

    /** The key of the aggregated counter ({@code a}) or resource counter ({@code rc}) this counter or resource feeds. */
    GprocKey aggregate() {
        Atom t = C.equals(type) ? A : RC;
        return new GprocKey(t, scope, name, Tuple.of(t, scope, name));
    }

    /** The gproc default value of {@code reg/1}: 0 for a counter, {@code :undefined} otherwise. */
    Object defaultValue() {
        return C.equals(type) ? (Object) 0 : Atom.UNDEFINED;
    }
}
