package procshell.shell.console;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The charset the terminal is read and written in. The locale's, except that the C/POSIX locale
 * (ASCII) counts as UTF-8, as Python's C-locale coercion (PEP 538) does: ASCII is a subset of
 * UTF-8, and terminals started with {@code LANG=C} almost always send UTF-8 anyway; reading them
 * as ASCII would turn every non-ASCII character typed into {@code ??}.
 */
public final class TerminalCharset {
    private static final Set<String> ASCII = Set.of("ANSI_X3.4-1968", "US-ASCII", "ASCII", "646", "POSIX", "C");

    private TerminalCharset() {}

    /** The charset for this process's terminal, from the {@code native.encoding} of its locale. */
    public static Charset forTerminal() {
        return choose(System.getProperty("native.encoding"));
    }

    /**
     * The charset for a locale's encoding name.
     *
     * @param localeEncoding e.g. {@code UTF-8}, {@code ISO-8859-1}, {@code ANSI_X3.4-1968} (C locale); null for unknown
     * @return UTF-8 for ASCII, unknown or unsupported names; otherwise that charset
     */
    public static Charset choose(String localeEncoding) {
        if (localeEncoding == null || ASCII.contains(localeEncoding.toUpperCase(java.util.Locale.ROOT))) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(localeEncoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
