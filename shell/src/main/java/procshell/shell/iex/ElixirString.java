package procshell.shell.iex;

import procshell.runtime.node.Atom;
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

    /** The number of characters, as {@code String.length/1}. */
    @Doc("""
        Returns the number of Unicode graphemes of the string.
        """)
    public static int length(Object text) {
        String s = String.valueOf(text);
        return s.codePointCount(0, s.length());
    }

    /** Upper case, as {@code String.upcase/1}. */
    @Doc("""
        Converts all characters of the string to uppercase.
        """)
    public static String upcase(Object text) {
        return String.valueOf(text).toUpperCase();
    }

    /** Lower case, as {@code String.downcase/1}. */
    @Doc("""
        Converts all characters of the string to lowercase.
        """)
    public static String downcase(Object text) {
        return String.valueOf(text).toLowerCase();
    }

    /** Without leading and trailing white space, as {@code String.trim/1}. */
    @Doc("""
        Returns the string without leading and trailing whitespace.
        """)
    public static String trim(Object text) {
        return String.valueOf(text).strip();
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
}
