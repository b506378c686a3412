package procshell.shell.iex;

import java.math.BigInteger;

/**
 * The generators behind {@code :rand}, bit for bit as OTP 25's {@code rand.erl} computes them, so
 * that a seeded sequence is the BEAM's: {@code :exsss} (Xorshift116**, the default),
 * {@code :exsp} and {@code :exsplus} (Xorshift116+) and {@code :exrop} (Xoroshiro116+). A state is
 * the two 58-bit words {@code [s0 | s1]} that {@code :rand.export_seed/0} shows.
 */
enum RandAlgorithm {
    /** Xorshift116**, OTP's default. */
    EXSSS("exsss", 0, false),
    /** Xorshift116+ with 58 bits and a weak lowest bit. */
    EXSP("exsp", 1, false),
    /** Xorshift116+ in its old form ({@code max} instead of {@code bits}). */
    EXSPLUS("exsplus", 0, true),
    /** Xoroshiro116+. */
    EXROP("exrop", 1, false);

    static final long MASK58 = (1L << 58) - 1;
    static final double TWO_POW_MINUS53 = 1.11022302462515657e-16;

    final String type;
    final int weakLowBits;
    /** True for the old {@code max}-style handler (exsplus): different float and range formulas. */
    final boolean legacy;

    RandAlgorithm(String type, int weakLowBits, boolean legacy) {
        this.type = type;
        this.weakLowBits = weakLowBits;
        this.legacy = legacy;
    }

    /** The algorithm of a name, or null. */
    static RandAlgorithm of(String name) {
        for (RandAlgorithm a : values()) if (a.type.equals(name)) return a;
        return null;
    }

    private static long bsl58(long x, int n) {
        return (x & ((1L << (58 - n)) - 1)) << n;
    }

    private static long rotl58(long x, int n) {
        return bsl58(x, n) | (x >>> (58 - n));
    }

    /** Xorshift116's state step: the new s1 from s0 and s1. */
    private static long exsNext(long s0, long s1) {
        long s1b = (s1 & MASK58) ^ bsl58(s1, 24);
        return s1b ^ s0 ^ (s1b >>> 11) ^ (s0 >>> 41);
    }

    /** The ** scrambler: ((s * 5) rotl 7) * 9, all modulo 2^58. */
    private static long starstar(long s) {
        long a = s + bsl58(s, 2);
        long b = bsl58(a, 7) | ((a >>> 51) & 0x7F);
        return (b + bsl58(b, 3)) & MASK58;
    }

    /**
     * One step: the 58-bit output, and the new state written into {@code state} ({@code [head, tail]}).
     */
    long next(long[] state) {
        if (this == EXROP) {
            long s0 = state[0], s1 = state[1];
            long out = (s0 + s1) & MASK58;
            long s1a = s1 ^ s0;
            state[0] = rotl58(s0, 24) ^ s1a ^ bsl58(s1a, 2);
            state[1] = rotl58(s1a, 35);
            return out;
        }
        // the list is [s1 | s0]: its members are swapped, as rand.erl notes
        long s1 = state[0];
        long s0 = state[1] & MASK58;
        long ns1 = exsNext(s0, s1);
        state[0] = s0;
        state[1] = ns1;
        return this == EXSSS ? starstar(s0) : (s0 + ns1) & MASK58;
    }

    // ---- seeding ----------------------------------------------------------------------------------

    private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** SplitMix64: returns {output, new x}, both unsigned 64-bit in longs. */
    private static long[] splitmix64(long x) {
        long nx = x + 0x9e3779b97f4a7c15L;
        long z = (nx ^ (nx >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return new long[] {z ^ (z >>> 31), nx};
    }

    /** rand.erl's seed58/1: a non-zero 58-bit word and the new splitmix state. */
    private static long[] seed58(long x) {
        while (true) {
            long[] zx = splitmix64(x);
            long z = zx[0] & MASK58;
            if (z != 0) return new long[] {z, zx[1]};
            x = zx[1];
        }
    }

    /** An Erlang integer's low 64 bits (two's complement, as {@code band} would give). */
    static long low64(Object integer) {
        return procshell.shell.eval.Arithmetic.big(integer).and(MASK64).longValue();
    }

    /** The state of an integer seed (seed58(2, X)). */
    long[] seedInteger(long x) {
        long[] a = seed58(x);
        long[] b = seed58(a[1]);
        return new long[] {a[0], b[0]};
    }

    /** The state of a {@code {a1, a2, a3}} seed. */
    long[] seedTriple(Object a1, Object a2, Object a3) {
        if (this == EXSSS) {
            long[] x0 = seed58(low64(a1));
            long[] s0 = seed58(low64(a2) ^ x0[1]);
            long[] s1 = seed58(low64(a3) ^ s0[1]);
            return new long[] {s0[0], s1[0]};
        }
        long m1 = mixed(a1, 4294967197L), m2 = mixed(a2, 4294967231L), m3 = mixed(a3, 4294967279L);
        if (this == EXROP) {
            long[] st = {m1, m2};
            stepExrop(st);
            long[] out = {m3, st[1]};
            stepExrop(out);
            return out;
        }
        long[] r1 = {m1, m2};
        next(r1);
        long[] r2 = {m3, r1[1]};
        next(r2);
        return r2;
    }

    private static void stepExrop(long[] st) {
        long s0 = st[0], s1 = st[1];
        long s1a = s1 ^ s0;
        st[0] = rotl58(s0, 24) ^ s1a ^ bsl58(s1a, 2);
        st[1] = rotl58(s1a, 35);
    }

    /** {@code ?MASK(58, A * K + 1)}. */
    private static long mixed(Object a, long k) {
        return procshell.shell.eval.Arithmetic.big(a).multiply(BigInteger.valueOf(k)).add(BigInteger.ONE).longValue() & MASK58;
    }

    // ---- drawing ----------------------------------------------------------------------------------

    /** A float in [0.0, 1.0). */
    double uniform(long[] state) {
        long v = next(state);
        if (legacy) return v / (double) (1L << 58);
        return (v >>> 5) * TWO_POW_MINUS53;
    }

    /** An integer in 1..n (n >= 1). */
    BigInteger uniform(BigInteger n, long[] state) {
        while (true) {
            long v = next(state);
            if (legacy) {
                if (n.compareTo(BigInteger.valueOf(MASK58)) <= 0) return BigInteger.valueOf(v).mod(n).add(BigInteger.ONE);
                double f = v / (double) (1L << 58);
                return new java.math.BigDecimal(f).multiply(new java.math.BigDecimal(n)).toBigInteger().add(BigInteger.ONE);
            }
            BigInteger maxMinusRange = BigInteger.ONE.shiftLeft(58).subtract(n);
            if (maxMinusRange.signum() < 0) return uniformLarge(n, state, v);
            BigInteger bv = BigInteger.valueOf(v);
            if (bv.compareTo(n) < 0) return bv.add(BigInteger.ONE);
            BigInteger i = bv.mod(n);
            if (bv.subtract(i).compareTo(maxMinusRange) <= 0) return i.add(BigInteger.ONE);
        }
    }

    /** rand.erl's uniform_range/4, for ranges wider than 58 bits. */
    private BigInteger uniformLarge(BigInteger range, long[] state, long first) {
        int shift = 58 - weakLowBits;
        BigInteger shiftMask = BigInteger.ONE.shiftLeft(weakLowBits).subtract(BigInteger.ONE).not();
        BigInteger v = BigInteger.valueOf(first);
        while (true) {
            BigInteger rangeMinus1 = range.subtract(BigInteger.ONE);
            boolean pow2 = range.and(rangeMinus1).signum() == 0;
            BigInteger r = range.shiftRight(pow2 ? 58 : 58 - 2);
            int b = 58;
            while (r.compareTo(BigInteger.ONE) > 0) {
                long v1 = next(state);
                v = v.and(shiftMask).shiftLeft(shift).or(BigInteger.valueOf(v1));
                r = r.shiftRight(shift);
                b += shift;
            }
            if (pow2) return v.and(rangeMinus1).add(BigInteger.ONE);
            BigInteger i = v.mod(range);
            if (v.subtract(i).compareTo(BigInteger.ONE.shiftLeft(b).subtract(range)) <= 0) return i.add(BigInteger.ONE);
            v = BigInteger.valueOf(next(state));
        }
    }

    /** A float in (0.0, 1.0], as uniform_real_s/1 (58-bit generators). */
    double uniformReal(long[] state) {
        long m1 = next(state) >>> 2;
        double top = top56(m1, 0);
        if (!Double.isNaN(top)) return top;
        return realMore(m1, -56, state);
    }

    /** The float of a 56-bit draw with at least 53 significant bits, else NaN. */
    private static double top56(long m1, int bitNo) {
        if (m1 >= 1L << 55) return (m1 >>> 3) * Math.pow(2.0, bitNo - 53);
        if (m1 >= 1L << 54) return (m1 >>> 2) * Math.pow(2.0, bitNo - 54);
        if (m1 >= 1L << 53) return (m1 >>> 1) * Math.pow(2.0, bitNo - 55);
        if (m1 >= 1L << 52) return m1 * Math.pow(2.0, bitNo - 56);
        return Double.NaN;
    }

    private double realMore(long m0, int bitNo, long[] state) {
        while (true) {
            long v1 = next(state);
            if (m0 >= 1L << 51) return ((m0 << 1) | (v1 >>> 57)) * Math.pow(2.0, bitNo - 1);
            if (m0 >= 1L << 50) return ((m0 << 2) | (v1 >>> 56)) * Math.pow(2.0, bitNo - 2);
            if (m0 >= 1L << 49) return ((m0 << 3) | (v1 >>> 55)) * Math.pow(2.0, bitNo - 3);
            if (m0 != 0) {
                int b0 = 53 - (64 - Long.numberOfLeadingZeros(m0));
                return ((m0 << b0) | (v1 >>> (58 - b0))) * Math.pow(2.0, bitNo - b0);
            }
            long m1 = v1 >>> 2;
            double top = top56(m1, bitNo);
            if (!Double.isNaN(top)) return top;
            m0 = m1;
            bitNo -= 56;
            if (bitNo < -1000) return uniformReal(state); // the BEAM's endgame: start over
        }
    }

    /** The jump of the Xorshift116 generators: 2^64 steps at once. */
    long[] jump(long[] s) {
        long[] cur = s.clone();
        long as0 = 0, as1 = 0;
        for (long j : new long[] {0x02f8ea6bc32c797L, 0x345d2a0f85f788cL}) {
            for (int n = 0; n < 58; n++) {
                if ((j & 1) == 1) {
                    as0 ^= cur[0];
                    as1 ^= cur[1];
                }
                EXSP.next(cur);
                j >>>= 1;
            }
        }
        return new long[] {as0, as1};
    }
}
