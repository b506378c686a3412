package procshell.shell.iex;

import java.util.Map;

import procshell.runtime.node.Atom;

/**
 * Elixir structs as the shell holds them: maps with a {@code :__struct__} key naming their module
 * ({@code %Range{first: 1, last: 3, step: 1}}, {@code %MapSet{map: %{1 => []}, version: 2}}).
 */
final class Structs {
    static final Atom STRUCT = Atom.of("__struct__");
    static final Atom RANGE = Atom.of("Elixir.Range");
    static final Atom MAP_SET = Atom.of("Elixir.MapSet");

    private Structs() {}

    /** Each struct's fields in the order its defstruct lists them, as Elixir prints a struct. */
    private static final java.util.Map<Atom, java.util.List<Object>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Records a struct's fields in their defstruct order (a redefinition replaces them). */
    static void defineFields(Atom module, java.util.List<Object> fields) {
        FIELDS.put(module, java.util.List.copyOf(fields));
    }

    /**
     * A struct's fields in their defstruct order ({@code __info__(:struct)}'s), or null for a
     * module whose struct was not defined in the shell.
     */
    static java.util.List<Object> fields(Atom module) {
        return FIELDS.get(module);
    }

    /** The struct's module atom, or null when the term is no struct. */
    static Atom structOf(Object term) {
        return term instanceof Map<?, ?> m && m.get(STRUCT) instanceof Atom a ? a : null;
    }

    /** True when the term is a struct of this module. */
    static boolean is(Object term, Atom module) {
        return module.equals(structOf(term));
    }
}
