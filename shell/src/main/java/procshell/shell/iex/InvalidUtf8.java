package procshell.shell.iex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import procshell.runtime.node.Bitstring;

/**
 * Elixir's {@code String} functions on a binary that is not valid UTF-8 (a {@link Bitstring}):
 * as Elixir 1.14 does, the valid stretches are read as text and every byte that starts no valid
 * UTF-8 sequence stands alone ({@code String.codepoints(<<97, 255>>)} is {@code ["a", <<255>>]}).
 */
final class InvalidUtf8 {
    private InvalidUtf8() {
    }

    /** The pieces of a binary in order: each valid code point as a String, each invalid byte as a one-byte binary. */
    static List<Object> codepoints(Bitstring binary) {
        byte[] b = Bitstring.bytes(binary);
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            int len = sequenceLength(b, i);
            if (len == 0) {
                out.add(Bitstring.of(new byte[] {b[i]}));
                i++;
            } else {
                out.add(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            }
        }
        return out;
    }

    /** {@code String.graphemes/1}: the graphemes of the valid stretches, invalid bytes alone. */
    static List<Object> graphemes(Bitstring binary) {
        List<Object> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Object piece : codepoints(binary)) {
            if (piece instanceof String s) {
                run.append(s);
                continue;
            }
            if (!run.isEmpty()) out.addAll(Graphemes.of(run.toString()));
            run.setLength(0);
            out.add(piece);
        }
        if (!run.isEmpty()) out.addAll(Graphemes.of(run.toString()));
        return out;
    }

    /**
     * {@code String.chunk/2}: runs of pieces that share the trait (valid, or printable), each as a binary.
     *
     * @param trait true for a piece that has the trait (an invalid byte never has it)
     */
    static List<Object> chunk(Bitstring binary, Predicate<String> trait) {
        List<Object> out = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        Boolean kind = null;
        for (Object piece : codepoints(binary)) {
            boolean has = piece instanceof String s && trait.test(s);
            if (kind != null && kind != has) {
                out.add(Bitstring.of(run.toByteArray()));
                run.reset();
            }
            kind = has;
            run.writeBytes(Bitstring.bytes(piece));
        }
        if (kind != null) out.add(Bitstring.of(run.toByteArray()));
        return out;
    }

    /** The valid stretches transformed ({@code String.upcase/1}, ...), invalid bytes kept. */
    static Object mapText(Bitstring binary, UnaryOperator<String> f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        for (Object piece : codepoints(binary)) {
            if (piece instanceof String s) {
                run.append(s);
                continue;
            }
            out.writeBytes(f.apply(run.toString()).getBytes(StandardCharsets.UTF_8));
            run.setLength(0);
            out.writeBytes(Bitstring.bytes(piece));
        }
        out.writeBytes(f.apply(run.toString()).getBytes(StandardCharsets.UTF_8));
        return Bitstring.of(out.toByteArray());
    }

    /**
     * {@code String.split/3} of a binary that is no UTF-8 at non-empty patterns: the bytes are cut
     * where a pattern's UTF-8 bytes occur, as {@code :binary.split/3} does (UTF-8 never matches
     * inside another character, so this is the text split for the valid stretches).
     */
    static List<Object> split(Bitstring binary, List<String> patterns, Object options) {
        // each byte as one char of a Latin-1 string: splitting these chars is splitting the bytes
        String bytes = new String(Bitstring.bytes(binary), StandardCharsets.ISO_8859_1);
        List<String> bytePatterns = patterns.stream()
                .map(p -> new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        List<Object> out = new ArrayList<>();
        for (Object part : Splitting.split(bytes, bytePatterns, options)) {
            out.add(Bitstring.of(((String) part).getBytes(StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    /**
     * The bytes of a binary from its first byte that starts no valid UTF-8 sequence, what
     * {@code UnicodeConversionError} names ("invalid encoding starting at ..."); null when all are valid.
     */
    static Object invalidTail(Bitstring binary) {
        byte[] b = Bitstring.bytes(binary);
        for (int i = 0; i < b.length; ) {
            int len = sequenceLength(b, i);
            if (len == 0) return Bitstring.of(java.util.Arrays.copyOfRange(b, i, b.length));
            i += len;
        }
        return null;
    }

    /** True when some of the terms is a binary that is not UTF-8 (so the byte-wise path applies). */
    static boolean any(Object... terms) {
        for (Object t : terms) {
            if (t instanceof Bitstring) return true;
            if (t instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Bitstring)) return true;
        }
        return false;
    }

    /** Length of the well-formed UTF-8 sequence at {@code i} (no surrogates, no overlong forms), or 0. */
    private static int sequenceLength(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        int len = b0 < 0x80 ? 1 : b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
        if (len <= 1 || i + len > b.length) return i + len > b.length ? 0 : len;
        return Bitstring.utf8(java.util.Arrays.copyOfRange(b, i, i + len)) != null ? len : 0;
    }
}
