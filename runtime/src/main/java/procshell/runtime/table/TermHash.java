package procshell.runtime.table;

/**
 * A portable hash of a term into a range, as {@code :erlang.phash2(term, range)} is used by
 * Elixir's Registry to pick a partition: equal terms ({@code =:=}) hash alike, whatever Java type
 * carries an integer.
 */
public final class TermHash {
    private TermHash() {}

    /**
     * The hash of {@code term} in {@code 0..range-1}. It takes the same steps for every range
     * (no shortcut for 1), so that code compiled while one range was used needs no other path
     * for the next (see {@code RegistryLayout}).
     *
     * @throws IllegalArgumentException when {@code range} is not positive
     */
    public static int phash2(Object term, int range) {
        if (range <= 0) throw new IllegalArgumentException("range must be positive, got: " + range);
        Object c = TermCopy.of(term);
        int h = c == null ? 0 : c.hashCode();
        // Spread the bits: consecutive pids and small integers must not all land in one partition.
        h *= 0x9E3779B9;
        h ^= h >>> 16;
        // Math.floorMod(h, range) without its sign test (a branch that one range never takes)
        int r = h % range;
        return r + (range & (r >> 31));
    }
}
