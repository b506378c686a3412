package procshell.runtime.node;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bitstring term that is not a UTF-8 string: a binary whose bytes are not valid UTF-8
 * ({@code <<255>>}), or a bitstring whose size is not a multiple of 8 ({@code <<1::size(3)>>}).
 *
 * <p><b>Contract (the term model of binaries).</b> Elixir has one kind of value for all of
 * {@code "ab"}, {@code <<97, 98>>} and {@code <<255>>}; procshell holds it in two Java types:
 * <ul>
 *   <li>a binary whose bytes are valid UTF-8 is always a {@code java.lang.String} (everything in
 *       the shell relies on it: string functions, map keys, printing);</li>
 *   <li>every other bitstring is a {@code Bitstring}.</li>
 * </ul>
 * The split is made at construction: every producer of bytes (the compiler's {@code <<>>}, a
 * TCP socket, {@code binary_to_term}, {@code :binary} functions) goes through {@link #of(byte[])}
 * or {@link #of(byte[], long)}, which answer a {@code String} when the bytes are a whole number
 * of bytes of valid UTF-8. So {@code <<97, 98>>} IS {@code "ab"}, and a {@code Bitstring} never
 * equals a {@code String}: plain {@code equals}/{@code hashCode} are Elixir's {@code ===}, and
 * term order among bitstrings is {@link #compare(Object, Object)} (bit by bit, a prefix first).
 * A {@code Bitstring} is immutable: its bytes are copied in or owned, never exposed.
 *
 * <p>The static helpers ({@link #isBitstring}, {@link #bitSize}, {@link #bytes}) take either
 * representation, so callers need not care which one a term is.
 */
public final class Bitstring implements Comparable<Bitstring> {

    /** The bits, most significant first; the unused low bits of the last byte are zero. */
    private final byte[] bytes;
    private final long bitSize;

    private Bitstring(byte[] bytes, long bitSize) {
        this.bytes = bytes;
        this.bitSize = bitSize;
    }

    /**
     * The binary term of these bytes: a {@code String} when they are valid UTF-8, else a
     * {@code Bitstring}. The array is owned by the result: the caller must not change it.
     */
    public static Object of(byte[] bytes) {
        String text = utf8(bytes);
        return text != null ? text : new Bitstring(bytes, (long) bytes.length * 8);
    }

    /**
     * The bitstring term of the first {@code bitSize} bits of {@code bytes} (most significant bit
     * first); a {@code String} when that is a whole number of bytes of valid UTF-8.
     *
     * @param bytes   at least {@code ceil(bitSize / 8)} bytes, owned by the result
     * @param bitSize the size in bits, 0 or more
     */
    public static Object of(byte[] bytes, long bitSize) {
        int n = (int) ((bitSize + 7) / 8);
        byte[] own = bytes.length == n ? bytes : Arrays.copyOf(bytes, n);
        int rest = (int) (bitSize % 8);
        if (rest == 0) return of(own);
        own[n - 1] &= (byte) (0xFF << (8 - rest));
        return new Bitstring(own, bitSize);
    }

    /** The text of bytes that are valid UTF-8 (surrogates and overlong forms are not), or null. */
    public static String utf8(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** {@code is_bitstring/1}: a {@code String} (or other text) or a {@code Bitstring}. */
    public static boolean isBitstring(Object term) {
        return term instanceof CharSequence || term instanceof Bitstring;
    }

    /** {@code is_binary/1}: a bitstring whose size is a whole number of bytes. */
    public static boolean isBinary(Object term) {
        return term instanceof CharSequence || term instanceof Bitstring b && b.bitSize % 8 == 0;
    }

    /**
     * {@code bit_size/1} of a bitstring term.
     *
     * @throws IllegalArgumentException when the term is no bitstring
     */
    public static long bitSize(Object term) {
        if (term instanceof Bitstring b) return b.bitSize;
        if (term instanceof CharSequence cs) return 8L * utf8Length(cs);
        throw new IllegalArgumentException("not a bitstring");
    }

    /** {@code byte_size/1}: the bytes the bitstring occupies (a partial last byte counts). */
    public static long byteSize(Object term) {
        return (bitSize(term) + 7) / 8;
    }

    /**
     * The bytes of a bitstring term (a fresh array; for a bitstring whose size is no multiple of
     * 8, the last byte holds the remaining bits in its high bits).
     *
     * @throws IllegalArgumentException when the term is no bitstring
     */
    public static byte[] bytes(Object term) {
        if (term instanceof Bitstring b) return b.bytes.clone();
        if (term instanceof CharSequence cs) return cs.toString().getBytes(StandardCharsets.UTF_8);
        throw new IllegalArgumentException("not a bitstring");
    }

    /** The size in bits. */
    public long bitSize() {
        return bitSize;
    }

    /** Byte {@code i} (0..255); the last byte of a bitstring holds its remaining bits high. */
    public int byteAt(int i) {
        return bytes[i] & 0xFF;
    }

    /** The number of bytes, a partial last byte counted. */
    public int byteLength() {
        return bytes.length;
    }

    /** The bits past the last whole byte (0..7). */
    public int trailingBits() {
        return (int) (bitSize % 8);
    }

    /**
     * Term order between two bitstring terms ({@code String} or {@code Bitstring}): bit by bit,
     * and a bitstring sorts before any longer one it is a prefix of.
     */
    public static int compare(Object a, Object b) {
        if (a instanceof CharSequence x && b instanceof CharSequence y) return compareText(x.toString(), y.toString());
        byte[] x = a instanceof Bitstring ba ? ba.bytes : bytes(a);
        byte[] y = b instanceof Bitstring bb ? bb.bytes : bytes(b);
        int c = Arrays.compareUnsigned(x, 0, Math.min(x.length, y.length), y, 0, Math.min(x.length, y.length));
        if (c != 0) return c;
        // equal on their common bytes (zero-padded): the shorter in bits is a prefix
        return Long.compare(bitSize(a), bitSize(b));
    }

    /** UTF-8 byte order, which is code point order. */
    private static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The UTF-8 length of text without encoding it. */
    private static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    @Override
    public int compareTo(Bitstring o) {
        return compare(this, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitstring b && b.bitSize == bitSize && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Long.hashCode(bitSize);
    }

    /** Elixir's inspect form without limits ({@code <<1, 2::size(3)>>}), for diagnostics. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<<");
        int whole = (int) (bitSize / 8);
        for (int i = 0; i < whole; i++) sb.append(i == 0 ? "" : ", ").append(bytes[i] & 0xFF);
        int rest = trailingBits();
        if (rest != 0) {
            sb.append(whole == 0 ? "" : ", ").append((bytes[whole] & 0xFF) >> (8 - rest)).append("::size(").append(rest).append(')');
        }
        return sb.append(">>").toString();
    }
}
