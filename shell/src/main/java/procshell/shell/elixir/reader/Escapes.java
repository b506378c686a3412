package procshell.shell.elixir.reader;

/**
 * The escapes of a sigil's text, which the reader leaves as typed (a tab escape in {@code ~s(...)}
 * stays a backslash and a letter, as {@code Code.string_to_quoted/2} gives it) and the sigil
 * unescapes when it runs, as Elixir's {@code sigil_s}, {@code sigil_c}, {@code sigil_w} and {@code sigil_r} do.
 */
public final class Escapes {
    private Escapes() {}

    /**
     * A string's escapes, as in a double-quoted string ({@code :elixir_interpolation.unescape_string/1}):
     * newline, tab, hex and Unicode escapes, a backslash before a newline, ...
     *
     * @param text the text as typed between the sigil's delimiters
     * @return the text unescaped
     */
    public static String unescape(String text) {
        return StringLexer.unescapeText(text, 1, 1);
    }

    /**
     * A regex's escapes, as {@code Regex.unescape_map/1}: {@code \f \n \r \t \v \a} become their
     * characters and a backslash before a newline goes; every other escape ({@code \d},
     * {@code \/}, {@code \\}) stays for the regex engine.
     *
     * @param text the text of a {@code ~r} sigil as typed
     * @return the regex's source
     */
    public static String unescapeRegex(String text) {
        if (text.indexOf('\\') < 0) return text;
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                b.append(c);
                continue;
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case 'a' -> b.append('\u0007');
                case '\n' -> { }
                default -> b.append(c).append(e);
            }
            i++;
        }
        return b.toString();
    }
}
