package procshell.shell.iex;

/**
 * The characters Elixir's {@code String.split/1} and {@code String.trim/1} take for white space:
 * Unicode's White_Space but the non-breaking ones (U+00A0, U+2007, U+202F).
 */
final class Whitespace {
    private Whitespace() {}

    /** True when the code point is white space for Elixir's String functions. */
    static boolean is(int cp) {
        return cp >= 0x09 && cp <= 0x0D || cp == 0x20 || cp == 0x85 || cp == 0x1680 || cp >= 0x2000 && cp <= 0x2006
                || cp >= 0x2008 && cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x205F || cp == 0x3000;
    }
}
