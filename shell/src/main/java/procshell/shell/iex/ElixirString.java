package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Bitstring;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.node.SystemLimitException;
import procshell.runtime.process.ProcessContext;

/**
 * Elixir's {@code String} module at the prompt ({@code String.to_atom("x")}); the shell's
 * translation sends {@code String.fun(...)} here when {@code fun} is not a Java String method.
 */
@Doc("""
    Strings in Elixir are UTF-8 encoded binaries; here, Java strings.
    """)
@ElixirName("String")
public final class ElixirString {
    private ElixirString() {}

    /**
     * The atom with this text, creating it when new, as {@code String.to_atom/1}. Atoms are never
     * collected: every new text fills the node's atom table for good.
     *
     * @throws SystemLimitException when the atom table is full
     */
    @Doc("""
        Converts a string to an atom, creating it in the atom table if needed.

        Atoms are never garbage collected: creating them from user input can exhaust
        the table (1_048_576 atoms), which stops the node as on the BEAM.
        """)
    public static Atom to_atom(Object text) {
        if (!Kernel.is_binary(text)) {
            throw ArgumentError.badArgument("1st argument: not a binary", ":erlang.binary_to_atom(" + Kernel.inspect(text) + ", :utf8)");
        }
        return ProcessContext.require().node().atoms().intern(String.valueOf(text));
    }

    /**
     * The existing atom with this text, as {@code String.to_existing_atom/1}.
     *
     * @throws ArgumentError when no such atom exists, as {@code :erlang.binary_to_existing_atom/2} raises it
     */
    @Doc("""
        Converts a string to an existing atom; raises ArgumentError if there is none.
        """)
    public static Atom to_existing_atom(Object text) {
        Atom a = ProcessContext.require().node().atoms().existing(String.valueOf(text));
        if (a == null) {
            throw ArgumentError.badArgument("1st argument: not an already existing atom",
                    ":erlang.binary_to_existing_atom(" + Kernel.inspect(text) + ", :utf8)");
        }
        return a;
    }

    /**
     * Whether a binary is valid UTF-8, as {@code String.valid?/1}; false for any other term.
     */
    @Doc("""
        Checks whether the string contains only valid characters (UTF-8).

        ## Examples

            ps> String.valid?("abc")
            true
        """)
    public static boolean valid_qm(Object text) {
        if (text instanceof String) return true;
        if (text instanceof byte[] bytes) {
            try {
                java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }
        return false; // Elixir 1.14 answers false for any other term
    }

    /** The number of graphemes, as {@code String.length/1}. */
    @Doc("""
        Returns the number of Unicode graphemes of the string.
        """)
    public static Number length(Object text) {
        if (text instanceof procshell.runtime.node.Bitstring b && b.trailingBits() == 0) return InvalidUtf8.graphemes(b).size();
        return Graphemes.of(str(text, "length", 1)).size();
    }

    /** Upper case, as {@code String.upcase/1} ({@code "ß"} is {@code "SS"}). */
    @Doc("""
        Converts all characters of the string to uppercase.
        """)
    public static Object upcase(Object text) {
        if (text instanceof procshell.runtime.node.Bitstring b && b.trailingBits() == 0) return InvalidUtf8.mapText(b, t -> t.toUpperCase(java.util.Locale.ROOT));
        return str(text, "upcase", 2).toUpperCase(java.util.Locale.ROOT);
    }

    /** As {@code String.upcase/2}; the mode ({@code :default}, {@code :ascii}, {@code :greek}, {@code :turkic}). */
    public static String upcase(Object text, Object mode) {
        String s = str(text, "upcase", 2);
        if (ASCII.equals(mode)) return asciiCase(s, true);
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    /** Lower case, code point by code point, as {@code String.downcase/1} ({@code "ΣΑΣ"} is {@code "σασ"}). */
    @Doc("""
        Converts all characters of the string to lowercase.
        """)
    public static Object downcase(Object text) {
        if (text instanceof procshell.runtime.node.Bitstring b && b.trailingBits() == 0) return InvalidUtf8.mapText(b, ElixirString::lower);
        return lower(str(text, "downcase", 2));
    }

    /** As {@code String.downcase/2} with a mode. */
    public static String downcase(Object text, Object mode) {
        String s = str(text, "downcase", 2);
        return ASCII.equals(mode) ? asciiCase(s, false) : lower(s);
    }

    private static final Atom ASCII = Atom.of("ascii");

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }

    private static String asciiCase(String s, boolean up) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(up && c >= 'a' && c <= 'z' ? (char) (c - 32) : !up && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /** The first grapheme in title case and the rest in lower case, as {@code String.capitalize/1}. */
    @Doc("""
        Converts the first character of the string to uppercase and the rest to lowercase.
        """)
    public static String capitalize(Object text) {
        return capitalize(text, Atom.of("default"));
    }

    /** As {@code String.capitalize/2} with a mode. */
    public static String capitalize(Object text, Object mode) {
        String s = str(text, "capitalize", 2);
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        int n = Character.charCount(first);
        String head = ASCII.equals(mode) ? asciiCase(s.substring(0, n), true) : new String(Character.toChars(Character.toTitleCase(first)));
        return head + (ASCII.equals(mode) ? asciiCase(s.substring(n), false) : lower(s.substring(n)));
    }

    /** Without leading and trailing Unicode white space, as {@code String.trim/1}. */
    @Doc("""
        Returns the string without leading and trailing whitespace (or the given characters).
        """)
    public static String trim(Object text) {
        str(text, "trim", 1);
        return trim_trailing(trim_leading(text));
    }

    /** Without leading and trailing repetitions of {@code chars}, as {@code String.trim/2}. */
    public static String trim(Object text, Object chars) {
        str(text, "trim", 2);
        return trim_trailing(trim_leading(text, chars), chars);
    }

    /** Without leading white space, as {@code String.trim_leading/1}. */
    @Doc("""
        Returns the string without leading whitespace (or repetitions of the given string).
        """)
    public static String trim_leading(Object text) {
        String s = str(text, "trim_leading", 1);
        int i = 0;
        while (i < s.length() && Whitespace.is(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
        return s.substring(i);
    }

    /** Without leading repetitions of {@code chars}, as {@code String.trim_leading/2}. */
    public static String trim_leading(Object text, Object chars) {
        String s = str(text, "trim_leading", 2);
        String c = str(chars, "trim_leading", 2);
        if (c.isEmpty()) throw new ArgumentError("cannot use an empty string as the match to replace");
        while (s.startsWith(c)) s = s.substring(c.length());
        return s;
    }

    /** Without trailing white space, as {@code String.trim_trailing/1}. */
    @Doc("""
        Returns the string without trailing whitespace (or repetitions of the given string).
        """)
    public static String trim_trailing(Object text) {
        String s = str(text, "trim_trailing", 1);
        int end = s.length();
        while (end > 0 && Whitespace.is(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(0, end);
    }

    /** Without trailing repetitions of {@code chars}, as {@code String.trim_trailing/2}. */
    public static String trim_trailing(Object text, Object chars) {
        String s = str(text, "trim_trailing", 2);
        String c = str(chars, "trim_trailing", 2);
        if (c.isEmpty()) throw new ArgumentError("cannot use an empty string as the match to replace");
        while (s.endsWith(c)) s = s.substring(0, s.length() - c.length());
        return s;
    }

    /** The text as a String, or Elixir's FunctionClauseError of {@code String.function/arity}. */
    static String str(Object text, String function, int arity) {
        return str(text, "String", function, arity);
    }

    /** The text of a binary argument of {@code module.function/arity}, which a non-binary does not match. */
    static String str(Object text, String module, String function, int arity) {
        Object t = procshell.shell.eval.Values.normalize(text);
        if (t instanceof String s) return s;
        throw new FunctionClauseError(module + "." + function, arity);
    }

    /**
     * The integer the whole text spells, as {@code String.to_integer/1} ({@code :erlang.binary_to_integer/1}).
     *
     * @throws ArgumentError when the text is not exactly an integer ({@code "12abc"}, {@code " 7"})
     */
    @Doc("""
        Returns the integer whose text representation is the string; raises
        ArgumentError when the string is anything else.

        ## Examples

            ps> String.to_integer("-42")
            -42
            ps> String.to_integer("ff", 16)
            255
        """)
    public static Number to_integer(Object text) {
        str(text, "to_integer", 1);
        return integer(text, 10, ":erlang.binary_to_integer(" + Kernel.inspect(text) + ")");
    }

    /**
     * As {@link #to_integer(Object)} in a base from 2 to 36 ({@code :erlang.binary_to_integer/2}).
     *
     * @throws ArgumentError when the text is not exactly an integer in that base
     */
    public static Number to_integer(Object text, Object base) {
        int radix = base instanceof Integer b && b >= 2 && b <= 36 ? b : -1;
        return integer(text, radix, ":erlang.binary_to_integer(" + Kernel.inspect(text) + ", " + Kernel.inspect(base) + ")");
    }

    private static Number integer(Object text, int radix, String frame) {
        String s = String.valueOf(text);
        if (radix < 0) throw ArgumentError.badArgument("2nd argument: not an integer in the range 2 through 36", frame);
        if (!s.matches("[+-]?[0-9A-Za-z]+")) throw ArgumentError.badArgument("1st argument: not a textual representation of an integer", frame);
        try {
            return procshell.shell.eval.Arithmetic.integer(new java.math.BigInteger(s.startsWith("+") ? s.substring(1) : s, radix));
        } catch (NumberFormatException e) {
            throw ArgumentError.badArgument("1st argument: not a textual representation of an integer", frame);
        }
    }

    /**
     * The float the whole text spells, as {@code String.to_float/1} ({@code :erlang.binary_to_float/1}):
     * digits, a point and digits, an optional exponent.
     *
     * @throws ArgumentError for anything else ({@code "1"}, {@code ".5"}, {@code "1e10"})
     */
    @Doc("""
        Returns the float whose text representation is the string; the string must have
        a decimal point with digits on both sides ("1.0", "1.5e3").

        ## Examples

            ps> String.to_float("1.5")
            1.5
        """)
    public static double to_float(Object text) {
        String s = String.valueOf(text);
        if (!s.matches("[+-]?\\d+\\.\\d+([eE][+-]?\\d+)?")) {
            throw ArgumentError.badArgument("1st argument: not a textual representation of a float",
                    ":erlang.binary_to_float(" + Kernel.inspect(text) + ")");
        }
        return Double.parseDouble(s);
    }

    // ---- graphemes and code points ------------------------------------------------------------

    /** The grapheme at a 0-based index (negative from the end), or nil, as {@code String.at/2}. */
    @Doc("Returns the grapheme at the position (negative counts from the end), or nil.")
    public static String at(Object text, Object position) {
        String s = str(text, "at", 2);
        if (!ElixirEnum.isInt(position)) throw new FunctionClauseError("String.at", 2);
        List<String> g = Graphemes.of(s);
        long i = ((Number) position).longValue();
        if (i < 0) i += g.size();
        return i < 0 || i >= g.size() ? null : g.get((int) i);
    }

    /** The graphemes, as {@code String.graphemes/1}. */
    @Doc("Returns the Unicode graphemes of the string.")
    public static List<Object> graphemes(Object text) {
        if (text instanceof procshell.runtime.node.Bitstring b && b.trailingBits() == 0) return InvalidUtf8.graphemes(b);
        return new ArrayList<>(Graphemes.of(str(text, "graphemes", 1)));
    }

    /** The code points as one-character strings, as {@code String.codepoints/1}. */
    @Doc("Returns the code points of the string, each as a string.")
    public static List<Object> codepoints(Object text) {
        if (text instanceof procshell.runtime.node.Bitstring b && b.trailingBits() == 0) return InvalidUtf8.codepoints(b);
        String s = str(text, "codepoints", 1);
        List<Object> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    /** The first grapheme, or nil, as {@code String.first/1}. */
    @Doc("Returns the first grapheme, or nil for an empty string.")
    public static String first(Object text) {
        List<String> g = Graphemes.of(str(text, "first", 1));
        return g.isEmpty() ? null : g.get(0);
    }

    /** The last grapheme, or nil, as {@code String.last/1}. */
    @Doc("Returns the last grapheme, or nil for an empty string.")
    public static String last(Object text) {
        List<String> g = Graphemes.of(str(text, "last", 1));
        return g.isEmpty() ? null : g.get(g.size() - 1);
    }

    /** The graphemes in reverse order, as {@code String.reverse/1}. */
    @Doc("Reverses the graphemes of the string.")
    public static String reverse(Object text) {
        List<String> g = Graphemes.of(str(text, "reverse", 1));
        java.util.Collections.reverse(g);
        return String.join("", g);
    }

    /** {@code {first code point, rest}} or nil, as {@code String.next_codepoint/1}. */
    @Doc("Returns {codepoint, rest} or nil for an empty string.")
    public static Tuple next_codepoint(Object text) {
        String s = str(text, "next_codepoint", 1);
        if (s.isEmpty()) return null;
        int n = Character.charCount(s.codePointAt(0));
        return Tuple.of(s.substring(0, n), s.substring(n));
    }

    /** {@code {first grapheme, rest}} or nil, as {@code String.next_grapheme/1}. */
    @Doc("Returns {grapheme, rest} or nil for an empty string.")
    public static Tuple next_grapheme(Object text) {
        String s = str(text, "next_grapheme", 1);
        if (s.isEmpty()) return null;
        String g = Graphemes.of(s).get(0);
        return Tuple.of(g, s.substring(g.length()));
    }

    /** {@code {byte size of the first grapheme, rest}} or nil, as {@code String.next_grapheme_size/1}. */
    @Doc("Returns {size, rest} for the first grapheme, or nil.")
    public static Tuple next_grapheme_size(Object text) {
        Tuple t = next_grapheme(text);
        return t == null ? null : Tuple.of(((String) t.get(0)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length, t.get(1));
    }

    /** The code points as a charlist, as {@code String.to_charlist/1}. */
    @Doc("Converts the string to a charlist (a list of code points).")
    public static List<Object> to_charlist(Object text) {
        String s = str(text, "to_charlist", 1);
        List<Object> out = new ArrayList<>();
        s.codePoints().forEach(out::add);
        return out;
    }

    // ---- searching ----------------------------------------------------------------------------

    /** True when the text contains the pattern (or one of a list), as {@code String.contains?/2}. */
    @Doc("Checks if the string contains the given pattern (a string or a list of strings).")
    public static boolean contains_qm(Object text, Object pattern) {
        if (InvalidUtf8.any(text, pattern)) return ErlangBinary.match(text, pattern) instanceof procshell.runtime.node.Tuple;
        String s = str(text, "contains?", 2);
        for (String p : patterns(pattern, "contains?", 2)) if (s.contains(p)) return true;
        return false;
    }

    /** True when the text starts with the prefix (or one of a list), as {@code String.starts_with?/2}. */
    @Doc("Checks if the string starts with any of the given prefixes.")
    public static boolean starts_with_qm(Object text, Object prefix) {
        if (InvalidUtf8.any(text, prefix)) {
            return ErlangBinary.match(text, prefix) instanceof procshell.runtime.node.Tuple t && Integer.valueOf(0).equals(t.get(0));
        }
        String s = str(text, "starts_with?", 2);
        for (String p : patterns(prefix, "starts_with?", 2)) if (s.startsWith(p)) return true;
        return false;
    }

    /** True when the text ends with the suffix (or one of a list), as {@code String.ends_with?/2}. */
    @Doc("Checks if the string ends with any of the given suffixes.")
    public static boolean ends_with_qm(Object text, Object suffix) {
        String s = str(text, "ends_with?", 2);
        for (String p : patterns(suffix, "ends_with?", 2)) if (s.endsWith(p)) return true;
        return false;
    }

    private static List<String> patterns(Object pattern, String function, int arity) {
        Object p = procshell.shell.eval.Values.normalize(pattern);
        if (p instanceof String one) return List.of(one);
        if (p instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String x)) throw ArgumentError.badArgument("2nd argument: not a valid pattern");
                out.add(x);
            }
            return out;
        }
        throw new FunctionClauseError("String." + function, arity);
    }

    // ---- building -----------------------------------------------------------------------------

    /** The text repeated {@code n} times, as {@code String.duplicate/2}. */
    @Doc("Returns the string duplicated n times.")
    public static Object duplicate(Object text, Object n) {
        // Elixir's String.duplicate/2 is :binary.copy/2, whose errors iex shows
        if (!(procshell.shell.eval.Values.normalize(text) instanceof String s) || !(n instanceof Integer times) || times < 0
                || (long) s.length() * times > Integer.MAX_VALUE - 8) {
            return ErlangBinary.copy(text, n);
        }
        return s.repeat(times);
    }

    /** Padded on the left to {@code count} graphemes with spaces, as {@code String.pad_leading/2}. */
    @Doc("Returns the string padded on the left to count graphemes (with spaces or the padding).")
    public static String pad_leading(Object text, Object count) {
        return pad(text, count, " ", true);
    }

    /** As {@code String.pad_leading/3} with a padding string or list of strings. */
    public static String pad_leading(Object text, Object count, Object padding) {
        return pad(text, count, padding, true);
    }

    /** Padded on the right to {@code count} graphemes with spaces, as {@code String.pad_trailing/2}. */
    @Doc("Returns the string padded on the right to count graphemes (with spaces or the padding).")
    public static String pad_trailing(Object text, Object count) {
        return pad(text, count, " ", false);
    }

    /** As {@code String.pad_trailing/3} with a padding string or list of strings. */
    public static String pad_trailing(Object text, Object count, Object padding) {
        return pad(text, count, padding, false);
    }

    private static String pad(Object text, Object count, Object padding, boolean leading) {
        String function = leading ? "pad_leading" : "pad_trailing";
        String s = str(text, function, 3);
        Object p = procshell.shell.eval.Values.normalize(padding);
        List<String> units;
        if (p instanceof String ps && !ps.isEmpty()) units = Graphemes.of(ps);
        else if (p instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(String.class::isInstance)) units = l.stream().map(String.class::cast).toList();
        else throw new FunctionClauseError("String." + function, 3);
        if (!ElixirEnum.isInt(count) || ((Number) count).longValue() < 0) throw new FunctionClauseError("String." + function, 3);
        long need = ((Number) count).longValue() - Graphemes.of(s).size();
        if (need <= 0) return s;
        StringBuilder b = new StringBuilder();
        for (long i = 0; i < need; i++) b.append(units.get((int) (i % units.size())));
        return leading ? b + s : s + b;
    }

    // ---- replacing ----------------------------------------------------------------------------

    /** Every occurrence of the pattern replaced, as {@code String.replace/3}. */
    @Doc("Replaces the occurrences of the pattern (a string or list of strings) by the replacement (a string or a function of the match).")
    public static String replace(Object text, Object pattern, Object replacement) {
        return replace(text, pattern, replacement, List.of());
    }

    /** As {@code String.replace/4}; {@code global: false} replaces the first occurrence only. */
    public static String replace(Object text, Object pattern, Object replacement, Object options) {
        if (ElixirRegex.is(procshell.shell.eval.Values.normalize(pattern))) {
            boolean global = !Boolean.FALSE.equals(Keyword.get(options, Atom.of("global"), Boolean.TRUE));
            return ElixirRegex.replace(pattern, str(text, "replace", 4), replacement, List.of(Tuple.of(Atom.of("global"), global)));
        }
        String s = str(text, "replace", 4);
        Object r = procshell.shell.eval.Values.normalize(replacement);
        if (!(r instanceof String) && !(r instanceof groovy.lang.Closure<?>)) throw new FunctionClauseError("String.replace", 4);
        boolean global = !Boolean.FALSE.equals(Keyword.get(options, Atom.of("global"), Boolean.TRUE));
        List<String> ps = patterns(pattern, "replace", 4);
        StringBuilder b = new StringBuilder();
        if (ps.contains("")) {
            // the empty pattern matches between graphemes and at both ends
            List<String> g = Graphemes.of(s);
            b.append(replacement(r, ""));
            for (int i = 0; i < g.size(); i++) {
                b.append(g.get(i));
                if (global) b.append(replacement(r, ""));
            }
            return b.toString();
        }
        int pos = 0;
        while (true) {
            int[] m = Splitting.nextMatch(s, pos, ps);
            if (m == null) break;
            b.append(s, pos, m[0]).append(replacement(r, s.substring(m[0], m[1])));
            pos = m[1];
            if (!global) break;
        }
        return b.append(s.substring(pos)).toString();
    }

    private static String replacement(Object r, String match) {
        return r instanceof String s ? s : StringChars.text(Enumerables.call(r, match));
    }

    /** Leading repetitions of {@code match} replaced, as {@code String.replace_leading/3}. */
    @Doc("Replaces all leading occurrences of match by replacement.")
    public static String replace_leading(Object text, Object match, Object replacement) {
        String s = str(text, "replace_leading", 3);
        String m = str(match, "replace_leading", 3);
        String r = str(replacement, "replace_leading", 3);
        if (m.isEmpty()) throw new ArgumentError("cannot use an empty string as the match to replace");
        StringBuilder b = new StringBuilder();
        while (s.startsWith(m)) {
            s = s.substring(m.length());
            b.append(r);
        }
        return b + s;
    }

    /** Trailing repetitions of {@code match} replaced, as {@code String.replace_trailing/3}. */
    @Doc("Replaces all trailing occurrences of match by replacement.")
    public static String replace_trailing(Object text, Object match, Object replacement) {
        String s = str(text, "replace_trailing", 3);
        String m = str(match, "replace_trailing", 3);
        String r = str(replacement, "replace_trailing", 3);
        if (m.isEmpty()) throw new ArgumentError("cannot use an empty string as the match to replace");
        StringBuilder b = new StringBuilder();
        while (s.endsWith(m)) {
            s = s.substring(0, s.length() - m.length());
            b.append(r);
        }
        return s + b;
    }

    /** The prefix replaced once, if there, as {@code String.replace_prefix/3}. */
    @Doc("Replaces the prefix, if the string starts with it.")
    public static String replace_prefix(Object text, Object match, Object replacement) {
        String s = str(text, "replace_prefix", 3);
        String m = str(match, "replace_prefix", 3);
        String r = str(replacement, "replace_prefix", 3);
        return s.startsWith(m) ? r + s.substring(m.length()) : s;
    }

    /** The suffix replaced once, if there, as {@code String.replace_suffix/3}. */
    @Doc("Replaces the suffix, if the string ends with it.")
    public static String replace_suffix(Object text, Object match, Object replacement) {
        String s = str(text, "replace_suffix", 3);
        String m = str(match, "replace_suffix", 3);
        String r = str(replacement, "replace_suffix", 3);
        return s.endsWith(m) ? s.substring(0, s.length() - m.length()) + r : s;
    }

    // ---- slicing and splitting ----------------------------------------------------------------

    /** The graphemes at the indexes of a range, as {@code String.slice/2}. */
    @Doc("Returns a substring: by a range of grapheme indexes, or a start and a length.")
    public static String slice(Object text, Object range) {
        String s = str(text, "slice", 2);
        if (!RangeTerm.is(range)) throw new FunctionClauseError("String.slice", 2);
        List<Object> g = ElixirEnum.slice(new ArrayList<Object>(Graphemes.of(s)), range);
        StringBuilder b = new StringBuilder();
        for (Object x : g) b.append(x);
        return b.toString();
    }

    /** {@code length} graphemes from {@code start} (negative from the end), as {@code String.slice/3}. */
    public static String slice(Object text, Object start, Object length) {
        String s = str(text, "slice", 3);
        if (!ElixirEnum.isInt(start) || !ElixirEnum.isInt(length) || ((Number) length).longValue() < 0) {
            throw new FunctionClauseError("String.slice", 3);
        }
        List<Object> g = ElixirEnum.slice(new ArrayList<Object>(Graphemes.of(s)), start, length);
        StringBuilder b = new StringBuilder();
        for (Object x : g) b.append(x);
        return b.toString();
    }

    /** The text split at a grapheme index, as {@code String.split_at/2}. */
    @Doc("Splits the string in two at the grapheme index (negative counts from the end).")
    public static Tuple split_at(Object text, Object position) {
        String s = str(text, "split_at", 2);
        if (!ElixirEnum.isInt(position)) throw new FunctionClauseError("String.split_at", 2);
        List<String> g = Graphemes.of(s);
        long i = ((Number) position).longValue();
        int at = (int) (i >= 0 ? Math.min(i, g.size()) : Math.max(0, g.size() + i));
        return Tuple.of(String.join("", g.subList(0, at)), String.join("", g.subList(at, g.size())));
    }

    /** The words between Unicode white space, as {@code String.split/1}. */
    @Doc("Splits the string: at whitespace, or at the pattern (options parts: and trim:).")
    public static List<Object> split(Object text) {
        Object t = procshell.shell.eval.Values.normalize(text);
        if (!(t instanceof String)) {
            // Elixir's String.split/1 is :binary.split at Unicode's white space, whose error iex shows
            if (!(t instanceof Bitstring b && Bitstring.isBinary(b))) {
                throw ArgumentError.badArgument("1st argument: not a binary",
                        "(stdlib 4.2) :binary.split(" + Kernel.inspect(t) + ", " + Kernel.inspect(SPLIT_SPACES) + ", [:global, :trim_all])",
                        "(elixir 1.14.0) lib/elixir/unicode/unicode.ex:515: String.Break.split/1");
            }
        }
        String s = str(text, "split", 1);
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Whitespace.is(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
            int start = i;
            while (i < s.length() && !Whitespace.is(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
            if (i > start) out.add(s.substring(start, i));
        }
        return out;
    }

    /** The parts between occurrences of the pattern, as {@code String.split/2}. */
    public static List<Object> split(Object text, Object pattern) {
        return split(text, pattern, List.of());
    }

    /** As {@code String.split/3} with {@code parts:} and {@code trim:}. */
    public static List<Object> split(Object text, Object pattern, Object options) {
        if (ElixirRegex.is(procshell.shell.eval.Values.normalize(pattern))) return ElixirRegex.split(pattern, str(text, "split", 3), options);
        Object t = procshell.shell.eval.Values.normalize(text);
        if (t instanceof Bitstring b && Bitstring.isBinary(b)) {
            List<String> ps = patterns(pattern, "split", 3);
            if (!ps.contains("")) return InvalidUtf8.split(b, ps, options);
        }
        String s = str(text, "split", 3);
        return Splitting.split(s, patterns(pattern, "split", 3), options);
    }

    /** The white space String.split/1 splits at, in the order Elixir 1.14 hands it to :binary.split/3. */
    private static final List<Object> SPLIT_SPACES = List.of("\u3000", "\u205f", "\u2029", "\u2028", "\u2000", "\u2001",
            "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2008", "\u2009", "\u200a", "\u1680", "\u0085", " ", "\t",
            "\n", "\u000b", "\f", "\r");

    /** A lazy stream of the parts, as {@code String.splitter/3}. */
    @Doc("Returns a lazy stream of the parts the string splits into at the pattern.")
    public static Object splitter(Object text, Object pattern) {
        return splitter(text, pattern, List.of());
    }

    /** As {@code String.splitter/3} with {@code trim:}. */
    public static Object splitter(Object text, Object pattern, Object options) {
        String s = str(text, "splitter", 3);
        List<String> ps = patterns(pattern, "splitter", 3);
        return new LazyStream(() -> Splitting.split(s, ps, options).iterator());
    }

    /** True when the regex matches the string, as {@code String.match?/2}. */
    @Doc("Checks if the string matches the regex.")
    public static boolean match_qm(Object text, Object regex) {
        String s = str(text, "match?", 2);
        if (!ElixirRegex.is(procshell.shell.eval.Values.normalize(regex))) throw new FunctionClauseError("String.match?", 2);
        return ElixirRegex.match_qm(regex, s);
    }

    // ---- comparing ----------------------------------------------------------------------------

    /** True when the two strings are canonically equivalent, as {@code String.equivalent?/2}. */
    @Doc("Checks if two strings are equivalent, ignoring Unicode normalization differences.")
    public static boolean equivalent_qm(Object a, Object b) {
        String x = str(a, "equivalent?", 2);
        String y = str(b, "equivalent?", 2);
        return java.text.Normalizer.normalize(x, java.text.Normalizer.Form.NFD)
                .equals(java.text.Normalizer.normalize(y, java.text.Normalizer.Form.NFD));
    }

    /** The string in a Unicode normal form ({@code :nfd}, {@code :nfc}, {@code :nfkd}, {@code :nfkc}), as {@code String.normalize/2}. */
    @Doc("Converts the string to a Unicode normalization form (:nfd, :nfc, :nfkd, :nfkc).")
    public static String normalize(Object text, Object form) {
        String s = str(text, "normalize", 2);
        java.text.Normalizer.Form f = switch (form instanceof Atom a ? a.name() : "") {
            case "nfd" -> java.text.Normalizer.Form.NFD;
            case "nfc" -> java.text.Normalizer.Form.NFC;
            case "nfkd" -> java.text.Normalizer.Form.NFKD;
            case "nfkc" -> java.text.Normalizer.Form.NFKC;
            default -> throw new FunctionClauseError("String.normalize", 2);
        };
        return java.text.Normalizer.normalize(s, f);
    }

    /** The Jaro similarity of two strings, 0.0 to 1.0, as {@code String.jaro_distance/2}. */
    @Doc("Returns the Jaro distance (similarity) between two strings, from 0.0 to 1.0.")
    public static double jaro_distance(Object a, Object b) {
        return StringDistance.jaro(Graphemes.of(str(a, "jaro_distance", 2)), Graphemes.of(str(b, "jaro_distance", 2)));
    }

    /** The bag distance of two strings, 0.0 to 1.0, as {@code String.bag_distance/2}. */
    @Doc("Returns the bag distance (similarity) between two strings, from 0.0 to 1.0.")
    public static double bag_distance(Object a, Object b) {
        return StringDistance.bag(Graphemes.of(str(a, "bag_distance", 2)), Graphemes.of(str(b, "bag_distance", 2)));
    }

    /** True when every character is printable, as {@code String.printable?/1}. */
    @Doc("Checks if the string has only printable characters (up to the character limit, if given).")
    public static boolean printable_qm(Object text) {
        return printable_qm(text, Atom.of("infinity"));
    }

    /** As {@code String.printable?/2}: only the first {@code limit} characters are checked. */
    public static boolean printable_qm(Object text, Object limit) {
        Object t = procshell.shell.eval.Values.normalize(text);
        if (!(t instanceof String s)) return false;
        long max = ElixirEnum.isInt(limit) ? ((Number) limit).longValue() : Long.MAX_VALUE;
        long n = 0;
        for (int i = 0; i < s.length() && n < max; n++) {
            int cp = s.codePointAt(i);
            if (!Printable.is(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The string in runs of valid (or printable) and invalid characters, as {@code String.chunk/2}. */
    @Doc("Splits the string into chunks of characters that share a trait (:valid or :printable).")
    public static List<Object> chunk(Object text, Object trait) {
        if (text instanceof procshell.runtime.node.Bitstring b && b.trailingBits() == 0) {
            return InvalidUtf8.chunk(b, Atom.of("valid").equals(trait) ? t -> true : t -> Printable.is(t.codePointAt(0)));
        }
        String s = str(text, "chunk", 2);
        if (s.isEmpty()) return new ArrayList<>();
        if (Atom.of("valid").equals(trait)) return new ArrayList<>(List.of(s));
        List<Object> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        Boolean kind = null;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            boolean p = Printable.is(cp);
            if (kind != null && kind != p) {
                out.add(run.toString());
                run.setLength(0);
            }
            kind = p;
            run.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        out.add(run.toString());
        return out;
    }
}
