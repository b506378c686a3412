package procshell.shell.iex;

import java.math.BigInteger;
import java.util.Arrays;

import procshell.runtime.node.Bitstring;

/**
 * Builds the value of a {@code <<>>} expression segment by segment, as the BEAM's binary
 * construction does: the compiler emits {@code new BitBuilder().integer(x, 8, 1, false, false)
 * .binary(rest, null, 8).done()}. A failing segment raises Elixir's {@code ArgumentError}
 * ("construction of binary failed: segment N of type 'T': ..."); a bad size raises
 * {@code ArgumentError} "argument error", as the BEAM's {@code badarg}.
 */
public final class BitBuilder {
    private byte[] buf = new byte[16];
    private long bits;
    private int segment;

    /**
     * An {@code integer} segment: the low {@code size * unit} bits of the value, big- or little-endian
     * (signedness only matters when matching).
     *
     * @param value  an integer term
     * @param size   an integer term, 0 or more
     * @param unit   the unit in bits
     * @param little true for little-endian (and native)
     */
    public BitBuilder integer(Object value, Object size, int unit, boolean signed, boolean little) {
        segment++;
        long n = bitCount(size, unit, "integer");
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) throw failed("integer", "expected an integer but got: " + Kernel.inspect(value));
        BigInteger v = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
        putInteger(v, n, little);
        return this;
    }

    /** A {@code float} segment of 16, 32 or 64 bits (IEEE 754), from a float or an integer. */
    public BitBuilder floating(Object value, Object size, int unit, boolean little) {
        segment++;
        long n = bitCount(size, unit, "float");
        if (!(value instanceof Number num) || value instanceof Short || value instanceof Byte) {
            throw failed("float", "expected a float or an integer but got: " + Kernel.inspect(value));
        }
        double d = num.doubleValue();
        long raw = switch ((int) n) {
            case 64 -> Double.doubleToRawLongBits(d);
            case 32 -> Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
            case 16 -> Float.floatToFloat16((float) d) & 0xFFFFL;
            default -> throw new ArgumentError("argument error");
        };
        putInteger(BigInteger.valueOf(raw), n, little);
        return this;
    }

    /**
     * A {@code binary} (unit 8) or {@code bitstring} (unit 1) segment: the whole value when
     * {@code size} is null, else its first {@code size * unit} bits.
     */
    public BitBuilder binary(Object value, Object size, int unit) {
        segment++;
        if (!Bitstring.isBitstring(value)) throw ArgumentError.badArgument("1st argument: not a bitstring");
        long have = Bitstring.bitSize(value);
        long n;
        if (size == null) {
            if (have % unit != 0) throw new ArgumentError("argument error");
            n = have;
        } else {
            n = bitCount(size, unit, "binary");
            if (n > have) throw failed("binary", "the value " + Kernel.inspect(value) + " is shorter than the size of the segment");
        }
        putBits(Bitstring.bytes(value), n);
        return this;
    }

    /** A {@code utf8}, {@code utf16} or {@code utf32} segment: one code point, encoded. */
    public BitBuilder utf(Object value, int width, boolean little) {
        segment++;
        String type = "utf" + width;
        if (!(value instanceof Integer cp) || cp < 0 || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            throw failed(type, "expected a non-negative integer encodable as " + type + " but got: " + Kernel.inspect(value));
        }
        switch (width) {
            case 8 -> {
                byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                putBits(b, 8L * b.length);
            }
            case 16 -> {
                for (char c : Character.toChars(cp)) putInteger(BigInteger.valueOf(c), 16, little);
            }
            default -> putInteger(BigInteger.valueOf(cp), 32, little);
        }
        return this;
    }

    /** The bitstring built: a {@code String} when it is valid UTF-8 (see {@link Bitstring}). */
    public Object done() {
        return Bitstring.of(Arrays.copyOf(buf, (int) ((bits + 7) / 8)), bits);
    }

    /** size * unit in bits; a size that is no integer is the BEAM's badarg, a negative one erl_eval's error. */
    private long bitCount(Object size, int unit, String type) {
        if (!(size instanceof Integer || size instanceof Long)) throw new ArgumentError("argument error");
        if (((Number) size).longValue() < 0) throw failed(type, "expected a non-negative integer as size but got: " + Kernel.inspect(size));
        long n = ((Number) size).longValue() * unit;
        if (n > Integer.MAX_VALUE * 8L) throw new ArgumentError("argument error");
        return n;
    }

    private ArgumentError failed(String type, String why) {
        return new ArgumentError("construction of binary failed: segment " + segment + " of type '" + type + "': " + why);
    }

    /** The low n bits of v (two's complement); little-endian writes whole bytes from the low end, then the high rest. */
    private void putInteger(BigInteger v, long n, boolean little) {
        if (n == 0) return;
        int len = (int) ((n + 7) / 8);
        byte[] be = new byte[len]; // the low 8*len bits of v, big-endian
        byte[] two = v.toByteArray();
        for (int i = 0; i < len; i++) {
            int src = two.length - 1 - i;
            be[len - 1 - i] = src >= 0 ? two[src] : (byte) (v.signum() < 0 ? 0xFF : 0);
        }
        int rest = (int) (n % 8);
        if (!little || n <= 8) {
            // the n low bits: skip the 8*len - n high bits of be
            putBitsFrom(be, (8L * len - n), n);
            return;
        }
        for (int i = len - 1; i >= (rest == 0 ? 0 : 1); i--) putBitsFrom(be, 8L * i, 8);
        if (rest != 0) putBitsFrom(be, 8 - rest, rest);
    }

    /** The first n bits of src. */
    private void putBits(byte[] src, long n) {
        putBitsFrom(src, 0, n);
    }

    /** n bits of src starting at bit offset from (most significant bit first). */
    private void putBitsFrom(byte[] src, long from, long n) {
        ensure(bits + n);
        if (bits % 8 == 0 && from % 8 == 0) {
            int whole = (int) (n / 8);
            System.arraycopy(src, (int) (from / 8), buf, (int) (bits / 8), whole);
            bits += 8L * whole;
            from += 8L * whole;
            n -= 8L * whole;
        }
        for (long i = 0; i < n; i++) {
            long s = from + i;
            int bit = (src[(int) (s >>> 3)] >> (7 - (int) (s & 7))) & 1;
            if (bit != 0) buf[(int) (bits >>> 3)] |= (byte) (0x80 >>> (int) (bits & 7));
            bits++;
        }
    }

    private void ensure(long totalBits) {
        long need = (totalBits + 7) / 8;
        if (need > buf.length) buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8, 2L * buf.length)));
    }
}
