package procshell.runtime.dist;

import java.util.Arrays;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * A fun made on this node, as it goes to another: a NEW_FUN_EXT naming the module it was made in
 * and its arity, with no free variables. Procshell's funs carry no code another node could load,
 * so there, as on a BEAM node that lacks the fun's module, calling it fails with {@code :undef}.
 *
 * @param module  the module the fun was made in
 * @param arity   how many arguments it takes
 * @param uniq    16 bytes that tell this fun's code from another's (the BEAM's MD5 of its module)
 * @param creator the process that made or sends it, or null for none known
 */
public record LocalFun(Atom module, int arity, byte[] uniq, Pid creator) {
    /** Checks the shape of the fields. */
    public LocalFun {
        if (arity < 0 || arity > 255) throw new IllegalArgumentException("fun arity " + arity);
        if (uniq.length != 16) throw new IllegalArgumentException("a fun's uniq is 16 bytes");
        uniq = uniq.clone();
    }

    @Override
    public byte[] uniq() {
        return uniq.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalFun f && f.module.equals(module) && f.arity == arity && Arrays.equals(f.uniq, uniq);
    }

    @Override
    public int hashCode() {
        return module.hashCode() * 31 + Arrays.hashCode(uniq);
    }

    @Override
    public String toString() {
        return "#Function<0." + Integer.toUnsignedString(oldUniq()) + "/" + arity + " in " + procshell.runtime.inspect.Inspect.inspectAtom(module) + ">";
    }

    /** The 27-bit hash the BEAM keeps as a fun's old uniq, from {@link #uniq}. */
    int oldUniq() {
        return ((uniq[0] & 0x07) << 24 | (uniq[1] & 0xff) << 16 | (uniq[2] & 0xff) << 8 | (uniq[3] & 0xff));
    }
}
