package procshell.shell.iex;

import java.io.ByteArrayOutputStream;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * Elixir's {@code Base} (1.14's {@code lib/base.ex}) for the encodings a person meets with
 * binaries: base 16 ({@code case: :upper | :lower | :mixed}) and base 64, standard and URL-safe
 * ({@code padding: boolean}). Decoding answers {@code {:ok, binary}} or {@code :error}; the
 * {@code !} forms raise Elixir's ArgumentError texts.
 */
@Doc("""
    Base 16 and base 64 encodings of binaries: encode16, decode16, encode64, decode64,
    url_encode64, url_decode64 (and the raising decode16!, decode64!, url_decode64!).
    """)
@ElixirName("Base")
public final class ElixirBase {
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private ElixirBase() {}

    /** A decoding failure, with the text the {@code !} form raises. */
    private static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    // ---- base 16 --------------------------------------------------------------------------------

    /** {@code Base.encode16/1}: upper-case hex. */
    @Doc("Encodes a binary in base 16 (hex), upper case unless case: :lower.")
    public static String encode16(Object data) {
        return encode16(data, List.of());
    }

    /** {@code Base.encode16/2} with {@code case:}. */
    public static String encode16(Object data, Object options) {
        if (!Bitstring.isBinary(data)) throw new FunctionClauseError("Base.encode16", 2);
        Object c = option(options, "case", Atom.of("upper"));
        String digits;
        if (Atom.of("upper").equals(c)) digits = "0123456789ABCDEF";
        else if (Atom.of("lower").equals(c)) digits = "0123456789abcdef";
        else throw new procshell.shell.eval.CaseClauseError(c);
        StringBuilder out = new StringBuilder();
        for (byte b : Bitstring.bytes(data)) out.append(digits.charAt((b >> 4) & 0xF)).append(digits.charAt(b & 0xF));
        return out.toString();
    }

    /** {@code Base.decode16/1}: {@code {:ok, binary}} or {@code :error}. */
    @Doc("Decodes base 16 (upper case unless case: :lower or :mixed): {:ok, binary} or :error.")
    public static Object decode16(Object string) {
        return decode16(string, List.of());
    }

    /** {@code Base.decode16/2} with {@code case:}. */
    public static Object decode16(Object string, Object options) {
        try {
            return Tuple.of(Atom.OK, decode16Bytes(string, options));
        } catch (Bad e) {
            return Atom.ERROR;
        }
    }

    /** {@code Base.decode16!/1}. */
    @Doc("Decodes base 16; raises ArgumentError when the text is not base 16.")
    public static Object decode16_bang(Object string) {
        return decode16_bang(string, List.of());
    }

    /** {@code Base.decode16!/2} with {@code case:}. */
    public static Object decode16_bang(Object string, Object options) {
        try {
            return decode16Bytes(string, options);
        } catch (Bad e) {
            throw new ArgumentError(e.getMessage());
        }
    }

    private static Object decode16Bytes(Object string, Object options) {
        if (!Bitstring.isBinary(string)) throw new FunctionClauseError("Base.decode16!", 2);
        String mode = ((Atom) option(options, "case", Atom.of("upper"))).name();
        byte[] s = Bitstring.bytes(string);
        if (s.length % 2 != 0) {
            throw new Bad("string given to decode has wrong length. An even number of bytes was expected, got: " + s.length
                    + ". Double check your string for unwanted characters or pad it accordingly");
        }
        byte[] out = new byte[s.length / 2];
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xFF;
            int v = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'A' && c <= 'F' && !mode.equals("lower") ? c - 'A' + 10
                    : c >= 'a' && c <= 'f' && !mode.equals("upper") ? c - 'a' + 10 : -1;
            if (v < 0) throw nonAlphabet(c);
            out[i / 2] |= (byte) (i % 2 == 0 ? v << 4 : v);
        }
        return Bitstring.of(out);
    }

    // ---- base 64 --------------------------------------------------------------------------------

    /** {@code Base.encode64/1}. */
    @Doc("Encodes a binary in base 64 (padding: false leaves out the trailing =).")
    public static String encode64(Object data) {
        return encode64(data, List.of());
    }

    /** {@code Base.encode64/2} with {@code padding:}. */
    public static String encode64(Object data, Object options) {
        return encode(data, options, B64, "Base.encode64");
    }

    /** {@code Base.url_encode64/1}: the URL-safe alphabet ({@code -} and {@code _}). */
    @Doc("Encodes a binary in URL-safe base 64 (- and _ for + and /).")
    public static String url_encode64(Object data) {
        return url_encode64(data, List.of());
    }

    /** {@code Base.url_encode64/2} with {@code padding:}. */
    public static String url_encode64(Object data, Object options) {
        return encode(data, options, URL64, "Base.url_encode64");
    }

    /** {@code Base.decode64/1}: {@code {:ok, binary}} or {@code :error}. */
    @Doc("Decodes base 64 (padding required unless padding: false): {:ok, binary} or :error.")
    public static Object decode64(Object string) {
        return decode64(string, List.of());
    }

    /** {@code Base.decode64/2} with {@code padding:}. */
    public static Object decode64(Object string, Object options) {
        return result(string, options, B64, "Base.decode64!");
    }

    /** {@code Base.decode64!/1}. */
    @Doc("Decodes base 64; raises ArgumentError when the text is not base 64.")
    public static Object decode64_bang(Object string) {
        return decode64_bang(string, List.of());
    }

    /** {@code Base.decode64!/2} with {@code padding:}. */
    public static Object decode64_bang(Object string, Object options) {
        return raising(string, options, B64, "Base.decode64!");
    }

    /** {@code Base.url_decode64/1}. */
    @Doc("Decodes URL-safe base 64: {:ok, binary} or :error.")
    public static Object url_decode64(Object string) {
        return url_decode64(string, List.of());
    }

    /** {@code Base.url_decode64/2} with {@code padding:}. */
    public static Object url_decode64(Object string, Object options) {
        return result(string, options, URL64, "Base.url_decode64!");
    }

    /** {@code Base.url_decode64!/1}. */
    @Doc("Decodes URL-safe base 64; raises ArgumentError when the text is not base 64.")
    public static Object url_decode64_bang(Object string) {
        return url_decode64_bang(string, List.of());
    }

    /** {@code Base.url_decode64!/2} with {@code padding:}. */
    public static Object url_decode64_bang(Object string, Object options) {
        return raising(string, options, URL64, "Base.url_decode64!");
    }

    private static String encode(Object data, Object options, String alphabet, String function) {
        if (!Bitstring.isBinary(data)) throw new FunctionClauseError(function, 2);
        boolean padding = !Boolean.FALSE.equals(option(options, "padding", Boolean.TRUE));
        byte[] b = Bitstring.bytes(data);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b.length; i += 3) {
            int n = Math.min(3, b.length - i);
            int v = (b[i] & 0xFF) << 16 | (n > 1 ? (b[i + 1] & 0xFF) << 8 : 0) | (n > 2 ? b[i + 2] & 0xFF : 0);
            for (int j = 0; j <= n; j++) out.append(alphabet.charAt((v >> (18 - 6 * j)) & 0x3F));
            if (padding) out.append("==", 0, 3 - n);
        }
        return out.toString();
    }

    private static Object result(Object string, Object options, String alphabet, String function) {
        try {
            return Tuple.of(Atom.OK, decode64Bytes(string, options, alphabet, function));
        } catch (Bad e) {
            return Atom.ERROR;
        }
    }

    private static Object raising(Object string, Object options, String alphabet, String function) {
        try {
            return decode64Bytes(string, options, alphabet, function);
        } catch (Bad e) {
            throw new ArgumentError(e.getMessage());
        }
    }

    private static Object decode64Bytes(Object string, Object options, String alphabet, String function) {
        if (!Bitstring.isBinary(string)) throw new FunctionClauseError(function, 2);
        boolean padding = !Boolean.FALSE.equals(option(options, "padding", Boolean.TRUE));
        byte[] s = Bitstring.bytes(string);
        if (padding && s.length % 4 != 0) throw new Bad("incorrect padding");
        int end = s.length;
        while (end > 0 && s.length - end < 2 && s[end - 1] == '=') end--;
        if (end % 4 == 1 || (s.length > end && (end + (s.length - end)) % 4 != 0)) throw new Bad("incorrect padding");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int c = s[i] & 0xFF;
            int v = c < 128 ? alphabet.indexOf(c) : -1;
            if (v < 0) throw nonAlphabet(c);
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xFF);
            }
        }
        return Bitstring.of(out.toByteArray());
    }

    private static Bad nonAlphabet(int c) {
        Object ch = Bitstring.of(new byte[] {(byte) c});
        return new Bad("non-alphabet character found: " + Kernel.inspect(ch, List.of(Tuple.of(Atom.of("binaries"), Atom.of("as_strings"))))
                + " (byte " + c + ")");
    }

    /** A keyword option's value, or the default. */
    private static Object option(Object options, String key, Object otherwise) {
        if (options instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Tuple t && t.size() == 2 && Atom.of(key).equals(t.get(0))) return t.get(1);
            }
        }
        return otherwise;
    }
}
