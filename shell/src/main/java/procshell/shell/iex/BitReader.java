package procshell.shell.iex;

import java.math.BigInteger;
import java.util.Arrays;

import procshell.runtime.node.Bitstring;
import procshell.shell.eval.Arithmetic;

/**
 * Matches a bitstring segment by segment, as a {@code <<>>} pattern does: the compiled pattern
 * takes a reader of its subject ({@link #of}, null when the subject is no bitstring), reads each
 * segment in turn, and tests that every read succeeded ({@link #ok}) and that nothing is left
 * ({@link #atEnd}). A read that does not fit (too few bits left, a size that is no integer of
 * 0 or more, an invalid UTF-8 sequence) answers {@link #NO} and does not raise: the pattern
 * simply does not match, as on the BEAM.
 */
public final class BitReader {
    /** What a read answers when the segment does not match. */
    public static final Object NO = new Object() {
        @Override
        public String toString() {
            return "no match";
        }
    };

    private final byte[] bytes;
    private final long size;
    private long at;

    private BitReader(byte[] bytes, long size) {
        this.bytes = bytes;
        this.size = size;
    }

    /** A reader at the start of a bitstring term, or null when the subject is none. */
    public static BitReader of(Object subject) {
        if (!Bitstring.isBitstring(subject)) return null;
        return new BitReader(Bitstring.bytes(subject), Bitstring.bitSize(subject));
    }

    /**
     * The reader of a comprehension's binary generator ({@code for <<c <- bin>>}).
     *
     * @throws procshell.runtime.process.ErlangError {@code {:bad_generator, value}} when the value is no bitstring
     */
    public static BitReader generator(Object subject) {
        BitReader r = of(subject);
        if (r == null) throw new procshell.runtime.process.ErlangError(procshell.runtime.node.Tuple.of(procshell.runtime.node.Atom.of("bad_generator"), subject));
        return r;
    }

    /** True when a read matched. */
    public static boolean ok(Object read) {
        return read != NO;
    }

    /** True when every bit has been read. */
    public boolean atEnd() {
        return at == size;
    }

    /** An {@code integer} segment of {@code size * unit} bits. */
    public Object integer(Object size, int unit, boolean signed, boolean little) {
        long n = bitCount(size, unit);
        if (n < 0 || n > this.size - at) return NO;
        BigInteger v = little && n > 8 ? readLittle(n) : unsigned(n);
        if (signed && n > 0 && v.testBit((int) n - 1)) v = v.subtract(BigInteger.ONE.shiftLeft((int) n));
        return Arithmetic.integer(v);
    }

    /** A {@code float} segment of 16, 32 or 64 bits; NaN and infinities do not match, as on the BEAM. */
    public Object floating(Object size, int unit, boolean little) {
        long n = bitCount(size, unit);
        if (n != 16 && n != 32 && n != 64 || n > this.size - at) return NO;
        long raw = (little ? readLittle(n) : unsigned(n)).longValue();
        double d = switch ((int) n) {
            case 64 -> Double.longBitsToDouble(raw);
            case 32 -> Float.intBitsToFloat((int) raw);
            default -> Float.float16ToFloat((short) raw);
        };
        return Double.isNaN(d) || Double.isInfinite(d) ? NO : d;
    }

    /**
     * A {@code binary} (unit 8) or {@code bitstring} (unit 1) segment: {@code size * unit} bits,
     * or when size is null all the rest (which must then be a multiple of the unit).
     */
    public Object binary(Object size, int unit) {
        long n = size == null ? this.size - at : bitCount(size, unit);
        if (n < 0 || n > this.size - at || size == null && n % unit != 0) return NO;
        return Bitstring.of(take(n), n);
    }

    /** A {@code utf8}, {@code utf16} or {@code utf32} segment: one code point. */
    public Object utf(int width, boolean little) {
        long start = at;
        Object cp = switch (width) {
            case 8 -> utf8();
            case 16 -> utf16(little);
            default -> {
                Object v = integer(32, 1, false, little);
                yield v instanceof Integer c && valid(c) ? v : NO;
            }
        };
        if (cp == NO) at = start;
        return cp;
    }

    private Object utf8() {
        if (size - at < 8) return NO;
        int b0 = ((Number) integer(8, 1, false, false)).intValue();
        int len = b0 < 0x80 ? 1 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
        if (len == 0 || size - at < 8L * (len - 1)) return NO;
        int cp = len == 1 ? b0 : b0 & (0xFF >> (len + 1));
        for (int i = 1; i < len; i++) {
            int b = ((Number) integer(8, 1, false, false)).intValue();
            if ((b & 0xC0) != 0x80) return NO;
            cp = cp << 6 | b & 0x3F;
        }
        int min = len == 2 ? 0x80 : len == 3 ? 0x800 : len == 4 ? 0x10000 : 0;
        return cp >= min && valid(cp) ? cp : NO;
    }

    private Object utf16(boolean little) {
        Object hi = integer(16, 1, false, little);
        if (hi == NO) return NO;
        int h = (Integer) hi;
        if (h < 0xD800 || h > 0xDFFF) return h;
        if (h > 0xDBFF) return NO;
        Object lo = integer(16, 1, false, little);
        if (lo == NO || (Integer) lo < 0xDC00 || (Integer) lo > 0xDFFF) return NO;
        return Character.toCodePoint((char) h, (char) (int) (Integer) lo);
    }

    private static boolean valid(int cp) {
        return cp >= 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }

    /** size * unit, or -1 when the size is no integer of 0 or more. */
    private static long bitCount(Object size, int unit) {
        if (!(size instanceof Integer || size instanceof Long) || ((Number) size).longValue() < 0) return -1;
        return ((Number) size).longValue() * unit;
    }

    /** Little-endian: whole bytes from the low end first, then the high rest. */
    private BigInteger readLittle(long n) {
        int rest = (int) (n % 8);
        BigInteger v = BigInteger.ZERO;
        long whole = n / 8;
        for (long i = 0; i < whole; i++) v = v.or(unsigned(8).shiftLeft((int) (8 * i)));
        if (rest != 0) v = v.or(unsigned(rest).shiftLeft((int) (8 * whole)));
        return v;
    }

    /** The next n bits as an unsigned integer. */
    private BigInteger unsigned(long n) {
        return new BigInteger(1, take(n)).shiftRight((int) ((8 - n % 8) % 8));
    }

    /** The next n bits, left-aligned (as a bitstring holds them) in ceil(n/8) bytes. */
    private byte[] take(long n) {
        byte[] out = new byte[(int) ((n + 7) / 8)];
        if (at % 8 == 0) {
            System.arraycopy(bytes, (int) (at / 8), out, 0, out.length);
            int rest = (int) (n % 8);
            if (rest != 0) out[out.length - 1] &= (byte) (0xFF << (8 - rest));
        } else {
            for (long i = 0; i < n; i++) {
                long s = at + i;
                if (((bytes[(int) (s >>> 3)] >> (7 - (int) (s & 7))) & 1) != 0) out[(int) (i >>> 3)] |= (byte) (0x80 >>> (int) (i & 7));
            }
        }
        at += n;
        return out;
    }

    @Override
    public String toString() {
        return "BitReader at " + at + " of " + size + " bits of " + Arrays.toString(bytes);
    }
}
