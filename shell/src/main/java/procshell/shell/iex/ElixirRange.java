package procshell.shell.iex;

/**
 * Elixir's {@code Range} module (1.14): ranges are {@code %Range{first, last, step}} structs
 * ({@link RangeTerm}), printed {@code 1..3} and {@code 1..10//2}.
 */
@Doc("""
    Ranges of integers with a step: first..last//step (1..3, 1..10//2).
    """)
@ElixirName("Range")
public final class ElixirRange {
    private ElixirRange() {}

    /** {@code first..last}, step 1 or -1 as the bounds go, as {@code Range.new/2}. */
    @Doc("Creates a range (step -1 when first > last, unless a step is given).")
    public static MapTerm new_(Object first, Object last) {
        if (!ElixirEnum.isInt(first) || !ElixirEnum.isInt(last)) {
            throw new ArgumentError("ranges (first..last) expect both sides to be integers, got: " + Kernel.inspect(first) + ".."
                    + Kernel.inspect(last));
        }
        long f = ((Number) first).longValue();
        long l = ((Number) last).longValue();
        return RangeTerm.of(f, l, f <= l ? 1 : -1);
    }

    /** {@code first..last//step}, as {@code Range.new/3}. */
    public static MapTerm new_(Object first, Object last, Object step) {
        return (MapTerm) Ops.range(first, last, step);
    }

    /** The number of elements, as {@code Range.size/1}. */
    @Doc("Returns the number of elements of the range.")
    public static Number size(Object range) {
        if (!RangeTerm.is(range)) throw new FunctionClauseError("Range.size", 1);
        return procshell.shell.eval.Arithmetic.integer(RangeTerm.size(range));
    }

    /** True when no integer is in both ranges, as {@code Range.disjoint?/2}. */
    @Doc("Checks if the two ranges have no element in common.")
    public static boolean disjoint_qm(Object a, Object b) {
        if (!RangeTerm.is(a) || !RangeTerm.is(b)) throw new FunctionClauseError("Range.disjoint?", 2);
        if (RangeTerm.size(a) == 0 || RangeTerm.size(b) == 0) return true;
        // walk the smaller one: ranges at the prompt are small enough, and steps make gaps
        Object small = RangeTerm.size(a) <= RangeTerm.size(b) ? a : b;
        Object other = small == a ? b : a;
        long lo = Math.min(RangeTerm.first(other), RangeTerm.at(other, RangeTerm.size(other) - 1));
        long hi = Math.max(RangeTerm.first(other), RangeTerm.at(other, RangeTerm.size(other) - 1));
        long n = RangeTerm.size(small);
        if (n > 10_000_000) return !(Math.max(lo, Math.min(RangeTerm.first(small), RangeTerm.at(small, n - 1)))
                <= Math.min(hi, Math.max(RangeTerm.first(small), RangeTerm.at(small, n - 1))));
        for (long i = 0; i < n; i++) {
            long x = RangeTerm.at(small, i);
            if (x >= lo && x <= hi && RangeTerm.contains(other, x)) return false;
        }
        return true;
    }
}
