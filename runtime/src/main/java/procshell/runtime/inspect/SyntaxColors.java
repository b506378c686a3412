package procshell.runtime.inspect;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code :syntax_colors} inspect option: which ANSI escape sequence starts each kind of
 * token, and which one ({@link Key#RESET}) follows it. Immutable.
 *
 * <p>{@link #iex()} is what iex 1.14 uses when ANSI is enabled: {@code IO.ANSI.syntax_colors/0}
 * (atoms cyan, numbers and charlists yellow, strings green, booleans and nil magenta, brackets in
 * the default colour) with the reset {@code [:reset, :yellow]}, since iex prints results in
 * yellow. The shell must then wrap the whole result in yellow, as iex's {@code :eval_result}
 * colour does: {@code "\e[33m" + text + "\e[0m"}.
 */
public final class SyntaxColors {
    /** The colour keys of Elixir's inspect, plus {@code :reset}. */
    public enum Key { ATOM, BINARY, BOOLEAN, CHARLIST, LIST, MAP, NIL, NUMBER, STRING, TUPLE, RESET }

    /** ANSI {@code :reset}. */
    public static final String RESET = "\u001b[0m";
    /** ANSI {@code :cyan}. */
    public static final String CYAN = "\u001b[36m";
    /** ANSI {@code :green}. */
    public static final String GREEN = "\u001b[32m";
    /** ANSI {@code :yellow}. */
    public static final String YELLOW = "\u001b[33m";
    /** ANSI {@code :magenta}. */
    public static final String MAGENTA = "\u001b[35m";
    /** ANSI {@code :default_color}. */
    public static final String DEFAULT_COLOR = "\u001b[39m";

    private static final SyntaxColors NONE = new SyntaxColors(new EnumMap<>(Key.class));
    private static final SyntaxColors IEX = buildIex();

    private final Map<Key, String> colors;

    private SyntaxColors(EnumMap<Key, String> colors) {
        this.colors = Collections.unmodifiableMap(colors);
    }

    /** No colours: Elixir's default {@code syntax_colors: []}. */
    public static SyntaxColors none() {
        return NONE;
    }

    /** iex 1.14's colours with ANSI enabled (see the class comment). */
    public static SyntaxColors iex() {
        return IEX;
    }

    /**
     * Colours from a map of key to ANSI sequence.
     *
     * @param colors sequences by key; a missing key is not coloured, a missing {@code RESET}
     *               means {@code "\e[0m"}
     */
    public static SyntaxColors of(Map<Key, String> colors) {
        EnumMap<Key, String> copy = new EnumMap<>(Key.class);
        colors.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return new SyntaxColors(copy);
    }

    /** A copy with {@code key} coloured by {@code ansi}. */
    public SyntaxColors with(Key key, String ansi) {
        EnumMap<Key, String> copy = colors.isEmpty() ? new EnumMap<>(Key.class) : new EnumMap<>(colors);
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(ansi));
        return new SyntaxColors(copy);
    }

    /** The sequence for {@code key}, or null when it is not coloured. */
    public String get(Key key) {
        return colors.get(key);
    }

    /** True when nothing is coloured. */
    public boolean isEmpty() {
        return colors.isEmpty();
    }

    /** The colours as an unmodifiable map. */
    public Map<Key, String> asMap() {
        return colors;
    }

    private static SyntaxColors buildIex() {
        EnumMap<Key, String> m = new EnumMap<>(Key.class);
        m.put(Key.RESET, RESET + YELLOW);
        m.put(Key.ATOM, CYAN);
        m.put(Key.BINARY, DEFAULT_COLOR);
        m.put(Key.BOOLEAN, MAGENTA);
        m.put(Key.CHARLIST, YELLOW);
        m.put(Key.LIST, DEFAULT_COLOR);
        m.put(Key.MAP, DEFAULT_COLOR);
        m.put(Key.NIL, MAGENTA);
        m.put(Key.NUMBER, YELLOW);
        m.put(Key.STRING, GREEN);
        m.put(Key.TUPLE, DEFAULT_COLOR);
        return new SyntaxColors(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyntaxColors s && s.colors.equals(colors);
    }

    @Override
    public int hashCode() {
        return colors.hashCode();
    }

    @Override
    public String toString() {
        return "SyntaxColors" + colors;
    }
}
