package procshell.runtime.dist;

import java.util.Arrays;
import java.util.List;

import procshell.runtime.node.Atom;

/**
 * A fun as NEW_FUN_EXT writes it, every field read: the module whose code it runs, its arity, the
 * code's identity in that module ({@code uniq}, {@code index}, {@code oldIndex}, {@code oldUniq}:
 * a node whose loaded module has other values raises {@code badfun}), the process that made it and
 * its free variables. An {@code erl_eval} fun (what iex and {@code elixir -e} make of a typed
 * {@code fn}) holds one free variable, its environment {@code {Anno, Bindings, LocalHandler,
 * NonLocalHandler, FunUsedVars, Clauses}}, from which any node can run it.
 *
 * @param module   the module the fun's code is in
 * @param arity    how many arguments it takes (0..255)
 * @param uniq     the 16-byte MD5 of that module's code
 * @param index    the fun's index in the module
 * @param oldIndex the fun's old index (the BEAM writes the index again)
 * @param oldUniq  the module's 27-bit old uniq
 * @param pid      the process that made it (a pid term)
 * @param free     the free variables, in order
 * @param encoded  the bytes it arrived as (tag included), written again unchanged; null for a fun
 *                 built here
 */
public record FunTerm(Atom module, int arity, byte[] uniq, long index, long oldIndex, long oldUniq, Object pid, List<Object> free,
        byte[] encoded) {
    /** Checks the shape of the fields. */
    public FunTerm {
        if (arity < 0 || arity > 255) throw new IllegalArgumentException("fun arity " + arity);
        if (uniq.length != 16) throw new IllegalArgumentException("a fun's uniq is 16 bytes");
        uniq = uniq.clone();
        free = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(free)); // nil is null: no List.copyOf
        encoded = encoded == null ? null : encoded.clone();
    }

    @Override
    public byte[] uniq() {
        return uniq.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded == null ? null : encoded.clone();
    }

    /** The same fun as made here, to be encoded from its fields (another identity or environment). */
    public FunTerm withFree(List<Object> newFree) {
        return new FunTerm(module, arity, uniq, index, oldIndex, oldUniq, pid, newFree, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunTerm f && f.module.equals(module) && f.arity == arity && f.index == index && Arrays.equals(f.uniq, uniq)
                && f.free.equals(free);
    }

    @Override
    public int hashCode() {
        return (module.hashCode() * 31 + Arrays.hashCode(uniq)) * 31 + Long.hashCode(index);
    }

    @Override
    public String toString() {
        return "#Function<" + index + "." + oldUniq + "/" + arity + " in " + procshell.runtime.inspect.Inspect.inspectAtom(module) + ">";
    }
}
