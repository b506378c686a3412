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
     * @throws IllegalArgumentException when no such atom exists
     */
    @Doc("""
        Converts a string to an existing atom; raises ArgumentError if there is none.
        """)
    public static Atom to_existing_atom(Object text) {
        Atom a = ProcessContext.require().node().atoms().existing(String.valueOf(text));
        if (a == null) {
            throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: not an already existing atom\n");
        }
        return a;
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
}
