package procshell.shell.iex;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * Erlang's {@code :binary} module (OTP 25's {@code binary.erl}): byte-wise functions on binaries,
 * whatever their bytes (UTF-8 text or not). Positions and lengths count bytes from 0; a
 * {@code {pos, len}} part may have a negative length (it then ends at pos). Results are binaries
 * as the term model holds them ({@code String} when valid UTF-8, else {@code Bitstring}); bad
 * arguments raise OTP 25's per-argument {@code ArgumentError}.
 */
@Doc("""
    The :binary module: byte-wise functions on binaries: part, first, last, at, copy,
    split, match, matches, replace, bin_to_list, list_to_bin, decode_unsigned, encode_unsigned,
    longest_common_prefix, longest_common_suffix.
    """)
@ElixirName(":binary")
public final class ErlangBinary {
    private static final Atom GLOBAL = Atom.of("global");
    private static final Atom SCOPE = Atom.of("scope");

    private ErlangBinary() {}

    // ---- parts and bytes --------------------------------------------------------------------------

    /** {@code :binary.part/3}: len bytes from pos (len may be negative). */
    @Doc("""
        Returns the part of a binary of len bytes from pos (a negative len ends at pos).
        """)
    public static Object part(Object subject, Object pos, Object len) {
        return Erlang.binary_part(subject, pos, len);
    }

    /** {@code :binary.part/2} with a {@code {pos, len}} tuple. */
    @Doc("""
        Returns the part {pos, len} of a binary.
        """)
    public static Object part(Object subject, Object posLen) {
        BifErrors e = new BifErrors(":binary.part", subject, posLen);
        if (!Bitstring.isBinary(subject)) throw e.fail(1, "not a binary");
        if (!(posLen instanceof Tuple t && t.size() == 2)) throw e.fail(2, "not a valid {Pos,Length} tuple");
        return Erlang.binary_part(subject, t.get(0), t.get(1));
    }

    /** {@code :binary.first/1}: the first byte. */
    @Doc("""
        Returns the first byte of a binary.
        """)
    public static int first(Object subject) {
        byte[] b = nonEmpty(subject, ":binary.first");
        return b[0] & 0xFF;
    }

    /** {@code :binary.last/1}: the last byte. */
    @Doc("""
        Returns the last byte of a binary.
        """)
    public static int last(Object subject) {
        byte[] b = nonEmpty(subject, ":binary.last");
        return b[b.length - 1] & 0xFF;
    }

    private static byte[] nonEmpty(Object subject, String call) {
        BifErrors e = new BifErrors(call, subject);
        if (!Bitstring.isBinary(subject)) throw e.fail(1, "not a binary");
        byte[] b = Bitstring.bytes(subject);
        if (b.length == 0) throw e.fail(1, "a zero-sized binary is not allowed");
        return b;
    }

    /** {@code :binary.at/2}: the byte at pos. */
    @Doc("""
        Returns the byte at the 0-based position pos.
        """)
    public static int at(Object subject, Object pos) {
        BifErrors e = new BifErrors(":binary.at", subject, pos);
        if (!Bitstring.isBinary(subject)) throw e.fail(1, "not a binary");
        if (!ErlangArgs.isInt(pos)) throw e.fail(2, "not an integer");
        long p = ErlangArgs.clamp(pos);
        if (p < 0) throw e.fail(2, "out of range");
        byte[] b = Bitstring.bytes(subject);
        if (p >= b.length) throw new ArgumentError("argument error");
        return b[(int) p] & 0xFF;
    }

    /** {@code :binary.copy/1}. */
    @Doc("""
        Returns a copy of the binary.
        """)
    public static Object copy(Object subject) {
        return copy(subject, 1);
    }

    /** {@code :binary.copy/2}: the binary repeated n times. */
    @Doc("""
        Returns the binary repeated n times.
        """)
    public static Object copy(Object subject, Object n) {
        BifErrors e = new BifErrors(":binary.copy", subject, n);
        if (!Bitstring.isBinary(subject)) throw e.fail(1, "not a binary");
        if (!ErlangArgs.isInt(n)) throw e.fail(2, "not an integer");
        long times = ErlangArgs.clamp(n);
        if (times < 0) throw e.fail(2, "out of range");
        byte[] b = Bitstring.bytes(subject);
        if ((long) b.length * times > Integer.MAX_VALUE - 8) throw new procshell.runtime.node.SystemLimitException("a binary of " + (long) b.length * times + " bytes");
        byte[] out = new byte[(int) (b.length * times)];
        for (int i = 0; i < times; i++) System.arraycopy(b, 0, out, i * b.length, b.length);
        return Bitstring.of(out);
    }

    /** {@code :binary.bin_to_list/1}: the bytes as integers. */
    @Doc("""
        Returns the bytes of a binary as a list of integers.
        """)
    public static List<Object> bin_to_list(Object subject) {
        return Erlang.binary_to_list(subject);
    }

    /** {@code :binary.bin_to_list/2} of the part {@code {pos, len}}. */
    @Doc("""
        Returns the bytes of the part {pos, len} of a binary as integers.
        """)
    public static List<Object> bin_to_list(Object subject, Object posLen) {
        return Erlang.binary_to_list(part(subject, posLen));
    }

    /** {@code :binary.bin_to_list/3} of the part pos, len. */
    @Doc("""
        Returns the bytes of the part pos, len of a binary as integers.
        """)
    public static List<Object> bin_to_list(Object subject, Object pos, Object len) {
        return Erlang.binary_to_list(Erlang.binary_part(subject, pos, len));
    }

    /** {@code :binary.list_to_bin/1}: the binary of an iolist. */
    @Doc("""
        Returns the binary made of an iolist.
        """)
    public static Object list_to_bin(Object list) {
        if (!(list instanceof List<?>)) throw new BifErrors(":binary.list_to_bin", list).fail(1, "not an iodata term");
        return Erlang.iolist_to_binary(list);
    }

    /** {@code :binary.decode_unsigned/1}: a big-endian unsigned integer. */
    @Doc("""
        Returns the unsigned integer of a binary's bytes, big-endian.
        """)
    public static Number decode_unsigned(Object subject) {
        return decode_unsigned(subject, Atom.of("big"));
    }

    /** {@code :binary.decode_unsigned/2}: big- or little-endian. */
    @Doc("""
        Returns the unsigned integer of a binary's bytes, :big or :little endian.
        """)
    public static Number decode_unsigned(Object subject, Object endianness) {
        BifErrors e = new BifErrors(":binary.decode_unsigned", subject, endianness);
        if (!Bitstring.isBinary(subject)) throw e.fail(1, "not a binary");
        boolean little = endianness(endianness, e);
        byte[] b = Bitstring.bytes(subject);
        if (little) reverse(b);
        return procshell.shell.eval.Arithmetic.integer(new BigInteger(1, b));
    }

    /** {@code :binary.encode_unsigned/1}: the fewest big-endian bytes of a non-negative integer. */
    @Doc("""
        Returns the shortest big-endian binary of a non-negative integer.
        """)
    public static Object encode_unsigned(Object n) {
        return encode_unsigned(n, Atom.of("big"));
    }

    /** {@code :binary.encode_unsigned/2}: big- or little-endian. */
    @Doc("""
        Returns the shortest binary of a non-negative integer, :big or :little endian.
        """)
    public static Object encode_unsigned(Object n, Object endianness) {
        BifErrors e = new BifErrors(":binary.encode_unsigned", n, endianness);
        if (!ErlangArgs.isInt(n)) throw e.fail(1, "not an integer");
        BigInteger v = n instanceof BigInteger b ? b : BigInteger.valueOf(((Number) n).longValue());
        if (v.signum() < 0) throw e.fail(1, "out of range");
        boolean little = endianness(endianness, e);
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) b = Arrays.copyOfRange(b, 1, b.length);
        if (little) reverse(b);
        return Bitstring.of(b);
    }

    private static boolean endianness(Object e, BifErrors errors) {
        if (Atom.of("big").equals(e)) return false;
        if (Atom.of("little").equals(e)) return true;
        throw errors.fail(2, "must be 'big' or 'little'");
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    /** {@code :binary.longest_common_prefix/1}: in bytes. */
    @Doc("""
        Returns the length in bytes of the longest common prefix of a list of binaries.
        """)
    public static int longest_common_prefix(Object binaries) {
        return common(binaries, ":binary.longest_common_prefix", false);
    }

    /** {@code :binary.longest_common_suffix/1}: in bytes. */
    @Doc("""
        Returns the length in bytes of the longest common suffix of a list of binaries.
        """)
    public static int longest_common_suffix(Object binaries) {
        return common(binaries, ":binary.longest_common_suffix", true);
    }

    private static int common(Object binaries, String call, boolean suffix) {
        BifErrors e = new BifErrors(call, binaries);
        if (!(binaries instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(Bitstring::isBinary)) {
            throw e.fail(1, "not a flat list of binaries");
        }
        List<byte[]> all = l.stream().map(Bitstring::bytes).toList();
        int n = all.stream().mapToInt(b -> b.length).min().orElse(0);
        for (int i = 0; i < n; i++) {
            for (byte[] b : all) {
                byte[] first = all.get(0);
                if ((suffix ? b[b.length - 1 - i] : b[i]) != (suffix ? first[first.length - 1 - i] : first[i])) return i;
            }
        }
        return n;
    }

    /** {@code :binary.referenced_byte_size/1}: a binary here references only its own bytes. */
    @Doc("""
        Returns the size of the binary a binary references (here: its own size).
        """)
    public static Number referenced_byte_size(Object subject) {
        if (!Bitstring.isBinary(subject)) throw new BifErrors(":binary.referenced_byte_size", subject).fail(1, "not a binary");
        return procshell.shell.eval.Arithmetic.integer(Bitstring.byteSize(subject));
    }

    // ---- searching ----------------------------------------------------------------------------------

    /** {@code :binary.match/2}: the first {@code {pos, len}} of a pattern, or {@code :nomatch}. */
    @Doc("""
        Returns {pos, len} of the first (then longest) match of a pattern (a binary or a list of them), or :nomatch.
        """)
    public static Object match(Object subject, Object pattern) {
        return match(subject, pattern, List.of());
    }

    /** {@code :binary.match/3} with {@code {:scope, {pos, len}}}. */
    @Doc("""
        As match/2, searching only in the part given by the option {:scope, {pos, len}}.
        """)
    public static Object match(Object subject, Object pattern, Object options) {
        Search s = Search.of(":binary.match", subject, pattern, options, false);
        int[] m = s.next(s.from);
        return m == null ? Atom.of("nomatch") : Tuple.of(m[0], m[1]);
    }

    /** {@code :binary.matches/2}: every non-overlapping {@code {pos, len}}. */
    @Doc("""
        Returns the {pos, len} of every non-overlapping match of a pattern, left to right.
        """)
    public static List<Object> matches(Object subject, Object pattern) {
        return matches(subject, pattern, List.of());
    }

    /** {@code :binary.matches/3} with {@code {:scope, {pos, len}}}. */
    @Doc("""
        As matches/2, searching only in the part given by the option {:scope, {pos, len}}.
        """)
    public static List<Object> matches(Object subject, Object pattern, Object options) {
        Search s = Search.of(":binary.matches", subject, pattern, options, false);
        List<Object> out = new ArrayList<>();
        for (int[] m : s.all(true)) out.add(Tuple.of(m[0], m[1]));
        return out;
    }

    /** {@code :binary.split/2}: at the first match. */
    @Doc("""
        Splits a binary at the first match of a pattern.
        """)
    public static List<Object> split(Object subject, Object pattern) {
        return split(subject, pattern, List.of());
    }

    /** {@code :binary.split/3} with {@code :global}, {@code :trim}, {@code :trim_all}, {@code {:scope, part}}. */
    @Doc("""
        Splits a binary at matches of a pattern; options :global, :trim, :trim_all, {:scope, {pos, len}}.
        """)
    public static List<Object> split(Object subject, Object pattern, Object options) {
        Search s = Search.of(":binary.split", subject, pattern, options, true);
        List<byte[]> parts = new ArrayList<>();
        int at = 0;
        for (int[] m : s.all(s.global)) {
            parts.add(Arrays.copyOfRange(s.bytes, at, m[0]));
            at = m[0] + m[1];
        }
        parts.add(Arrays.copyOfRange(s.bytes, at, s.bytes.length));
        if (s.trimAll) parts.removeIf(p -> p.length == 0);
        else if (s.trim) while (!parts.isEmpty() && parts.get(parts.size() - 1).length == 0) parts.remove(parts.size() - 1);
        List<Object> out = new ArrayList<>();
        for (byte[] p : parts) out.add(Bitstring.of(p));
        return out;
    }

    /** {@code :binary.replace/3}: the first match replaced. */
    @Doc("""
        Replaces the first match of a pattern with a replacement binary.
        """)
    public static Object replace(Object subject, Object pattern, Object replacement) {
        return replace(subject, pattern, replacement, List.of());
    }

    /** {@code :binary.replace/4} with {@code :global}, {@code {:scope, part}}, {@code {:insert_replaced, pos or [pos]}}. */
    @Doc("""
        Replaces matches of a pattern; options :global, {:scope, {pos, len}}, {:insert_replaced, pos | [pos]}
        (where in the replacement the matched part goes).
        """)
    public static Object replace(Object subject, Object pattern, Object replacement, Object options) {
        BifErrors e = new BifErrors(":binary.replace", subject, pattern, replacement, options);
        if (!Bitstring.isBinary(replacement)) throw e.fail(3, "not a binary");
        List<Integer> inserts = new ArrayList<>();
        List<Object> searchOptions = new ArrayList<>();
        if (options instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Tuple t && t.size() == 2 && Atom.of("insert_replaced").equals(t.get(0))) {
                    Object at = t.get(1);
                    for (Object i : at instanceof List<?> li ? li : List.of(at)) {
                        if (!(i instanceof Integer n) || n < 0 || n > Bitstring.byteSize(replacement)) throw e.fail(4, "invalid options");
                        inserts.add(n);
                    }
                } else {
                    searchOptions.add(o);
                }
            }
        } else {
            throw e.fail(4, "invalid options");
        }
        Search s = Search.of(":binary.replace", subject, pattern, searchOptions, true);
        byte[] with = Bitstring.bytes(replacement);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        for (int[] m : s.all(s.global)) {
            out.write(s.bytes, at, m[0] - at);
            int from = 0;
            for (int i : inserts.stream().sorted().toList()) {
                out.write(with, from, i - from);
                out.write(s.bytes, m[0], m[1]);
                from = i;
            }
            out.write(with, from, with.length - from);
            at = m[0] + m[1];
        }
        out.write(s.bytes, at, s.bytes.length - at);
        return Bitstring.of(out.toByteArray());
    }

    /** A search of byte patterns in a subject, within a scope; leftmost match first, then the longest. */
    private static final class Search {
        final byte[] bytes;
        final List<byte[]> patterns;
        final int from;
        final int to;
        boolean global;
        boolean trim;
        boolean trimAll;

        private Search(byte[] bytes, List<byte[]> patterns, int from, int to) {
            this.bytes = bytes;
            this.patterns = patterns;
            this.from = from;
            this.to = to;
        }

        /** Reads the subject, pattern and options; {@code splitting} allows :global/:trim/:trim_all. */
        static Search of(String call, Object subject, Object pattern, Object options, boolean splitting) {
            BifErrors e = new BifErrors(call, subject, pattern, options);
            if (!Bitstring.isBinary(subject)) throw e.fail(1, "not a binary");
            List<byte[]> patterns = new ArrayList<>();
            if (Bitstring.isBinary(pattern)) patterns.add(Bitstring.bytes(pattern));
            else if (pattern instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Bitstring::isBinary)) l.forEach(p -> patterns.add(Bitstring.bytes(p)));
            if (patterns.isEmpty() || patterns.stream().anyMatch(p -> p.length == 0)) throw e.fail(2, "not a valid pattern");
            byte[] bytes = Bitstring.bytes(subject);
            int from = 0;
            int to = bytes.length;
            boolean global = false;
            boolean trim = false;
            boolean trimAll = false;
            if (!(options instanceof List<?> opts)) throw e.fail(3, "invalid options");
            for (Object o : opts) {
                if (o instanceof Tuple t && t.size() == 2 && SCOPE.equals(t.get(0)) && t.get(1) instanceof Tuple part && part.size() == 2
                        && part.get(0) instanceof Integer p && part.get(1) instanceof Integer n) {
                    int a = Math.min(p, p + n);
                    int b = Math.max(p, p + n);
                    if (a < 0 || b > bytes.length) throw e.fail(3, "invalid options");
                    from = a;
                    to = b;
                } else if (splitting && GLOBAL.equals(o)) {
                    global = true;
                } else if (splitting && Atom.of("trim").equals(o)) {
                    trim = true;
                } else if (splitting && Atom.of("trim_all").equals(o)) {
                    trimAll = true;
                } else {
                    throw e.fail(3, "invalid options");
                }
            }
            Search s = new Search(bytes, patterns, from, to);
            s.global = global;
            s.trim = trim;
            s.trimAll = trimAll;
            return s;
        }

        /** The first match at or after {@code start} ending within the scope: {@code {pos, len}}, or null. */
        int[] next(int start) {
            for (int i = start; i < to; i++) {
                int best = -1;
                for (byte[] p : patterns) {
                    if (p.length > best && i + p.length <= to && Arrays.equals(bytes, i, i + p.length, p, 0, p.length)) best = p.length;
                }
                if (best > 0) return new int[] {i, best};
            }
            return null;
        }

        /** The non-overlapping matches from the scope's start, every one or only the first. */
        List<int[]> all(boolean every) {
            List<int[]> out = new ArrayList<>();
            int[] m = next(from);
            while (m != null) {
                out.add(m);
                if (!every) break;
                m = next(m[0] + m[1]);
            }
            return out;
        }
    }
}
