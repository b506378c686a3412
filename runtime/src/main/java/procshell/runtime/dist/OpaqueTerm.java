package procshell.runtime.dist;

import java.util.Arrays;

/**
 * A term procshell carries but cannot run or take apart: a fun (NEW_FUN_EXT, EXPORT_EXT) or a
 * bitstring whose length is no whole number of bytes (BIT_BINARY_EXT). It keeps its encoded
 * bytes and is re-encoded byte for byte, so it can travel through procshell to another node.
 */
public final class OpaqueTerm {
    private final String description;
    private final byte[] encoded;
    private final procshell.runtime.node.Tuple fun;

    /**
     * @param description what iex would show, e.g. {@code &:erlang.node/0}
     * @param encoded     the term's bytes, tag included, without the version byte
     */
    public OpaqueTerm(String description, byte[] encoded) {
        this(description, encoded, null);
    }

    /**
     * @param fun for a fun, {@code {module, function, arity}}: the function is null for an
     *            anonymous fun (only its module and arity are known)
     */
    public OpaqueTerm(String description, byte[] encoded, procshell.runtime.node.Tuple fun) {
        this.description = description;
        this.encoded = encoded.clone();
        this.fun = fun;
    }

    /**
     * For a fun, {@code {module, function, arity}} ({@code &Mod.fun/arity}) or
     * {@code {module, nil, arity}} (an anonymous fun, whose code lives in its module); null for
     * anything else.
     */
    public procshell.runtime.node.Tuple fun() {
        return fun;
    }

    /** The term's external-format bytes (tag included, no version byte). */
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueTerm t && Arrays.equals(t.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return description;
    }
}
