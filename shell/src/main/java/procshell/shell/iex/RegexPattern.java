package procshell.shell.iex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression of Elixir's {@code Regex} (PCRE, as OTP 25's {@code :re}) on the JDK's
 * engine: the source with its named groups renamed (PCRE allows {@code _} in names, the JDK does
 * not), its POSIX classes and {@code (?P<name>)} spelled as the JDK spells them, and matches
 * answered as {@code :re.run/3} answers them, in byte offsets of the UTF-8 string. Compiled
 * patterns are cached by source and options.
 *
 * <p>Known differences from PCRE: without the {@code u} option PCRE matches bytes ({@code .} is one
 * byte of {@code "é"}), here code points; after an empty match a global run moves on one code
 * point where PCRE first tries a non-empty match at the same place; {@code U} (ungreedy) and
 * {@code f} (firstline) are accepted and ignored.
 */
final class RegexPattern {
    private static final Map<String, RegexPattern> CACHE = new ConcurrentHashMap<>();

    final Pattern pattern;
    /** The number of capture groups. */
    final int groups;
    /** The named groups: name to group number, names in PCRE's (alphabetical) order. */
    final TreeMap<String, Integer> names;

    private RegexPattern(Pattern pattern, int groups, TreeMap<String, Integer> names) {
        this.pattern = pattern;
        this.groups = groups;
        this.names = names;
    }

    /** Why a pattern does not compile, as PCRE says it, and where (a byte offset). */
    static final class Invalid extends Exception {
        final String reason;
        final int position;

        Invalid(String reason, int position) {
            super(reason, null, false, false);
            this.reason = reason;
            this.position = position;
        }
    }

    /**
     * The compiled pattern.
     *
     * @param source the PCRE source, e.g. {@code (?<year>\d+)}
     * @param flags  the options as letters ({@code "iu"}; a list's atoms translated by the caller)
     * @throws Invalid when the source does not compile
     */
    static RegexPattern of(String source, String flags) throws Invalid {
        String key = flags + "/" + source;
        RegexPattern p = CACHE.get(key);
        if (p != null) return p;
        p = compile(source, flags);
        if (CACHE.size() < 10_000) CACHE.put(key, p);
        return p;
    }

    private static RegexPattern compile(String source, String flags) throws Invalid {
        int f = Pattern.UNIX_LINES;
        boolean unicode = flags.indexOf('u') >= 0;
        if (unicode) f |= Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE;
        if (flags.indexOf('i') >= 0) f |= Pattern.CASE_INSENSITIVE;
        if (flags.indexOf('m') >= 0) f |= Pattern.MULTILINE;
        if (flags.indexOf('s') >= 0) f |= Pattern.DOTALL;
        if (flags.indexOf('x') >= 0) f |= Pattern.COMMENTS;
        TreeMap<String, Integer> names = new TreeMap<>();
        int[] groups = {0};
        String java = translate(source, names, groups);
        try {
            return new RegexPattern(Pattern.compile(java, f), groups[0], names);
        } catch (PatternSyntaxException e) {
            throw invalid(e, source);
        }
    }

    /** The JDK's spelling of a PCRE source; counts the groups and numbers the named ones. */
    private static String translate(String s, TreeMap<String, Integer> names, int[] groups) throws Invalid {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = s.charAt(i + 1);
                if (d == 'Q') {
                    int end = s.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    out.append(s, i, stop);
                    i = stop;
                    continue;
                }
                if (d == 'k' && i + 2 < n && (s.charAt(i + 2) == '<' || s.charAt(i + 2) == '{' || s.charAt(i + 2) == '\'')) {
                    char close = s.charAt(i + 2) == '<' ? '>' : s.charAt(i + 2) == '{' ? '}' : '\'';
                    int end = s.indexOf(close, i + 3);
                    if (end > 0) {
                        Integer g = names.get(s.substring(i + 3, end));
                        out.append(g != null ? "(?:\\" + g + ")" : s.substring(i, end + 1));
                        i = end + 1;
                        continue;
                    }
                }
                out.append(c).append(d);
                i += 2;
                continue;
            }
            if (c == '[') {
                i = characterClass(s, i, out);
                continue;
            }
            if (c == '(') {
                if (i + 1 < n && s.charAt(i + 1) == '?') {
                    String name = null;
                    int after = -1;
                    if (s.startsWith("(?<", i) && i + 3 < n && s.charAt(i + 3) != '=' && s.charAt(i + 3) != '!') {
                        int end = s.indexOf('>', i + 3);
                        if (end > 0) { name = s.substring(i + 3, end); after = end + 1; }
                    } else if (s.startsWith("(?P<", i)) {
                        int end = s.indexOf('>', i + 4);
                        if (end > 0) { name = s.substring(i + 4, end); after = end + 1; }
                    } else if (s.startsWith("(?'", i)) {
                        int end = s.indexOf('\'', i + 3);
                        if (end > 0) { name = s.substring(i + 3, end); after = end + 1; }
                    } else if (s.startsWith("(?P=", i)) {
                        int end = s.indexOf(')', i + 4);
                        Integer g = end > 0 ? names.get(s.substring(i + 4, end)) : null;
                        if (g != null) {
                            out.append("(?:\\").append(g).append(')');
                            i = end + 1;
                            continue;
                        }
                    }
                    if (name != null) {
                        groups[0]++;
                        names.put(name, groups[0]);
                        out.append('(');
                        i = after;
                        continue;
                    }
                    out.append(c);
                    i++;
                    continue;
                }
                groups[0]++;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** A character class from its {@code [}, its POSIX classes ({@code [:alpha:]}) as the JDK's {@code \p{Alpha}}. */
    private static int characterClass(String s, int i, StringBuilder out) {
        int n = s.length();
        out.append('[');
        int j = i + 1;
        if (j < n && s.charAt(j) == '^') { out.append('^'); j++; }
        if (j < n && s.charAt(j) == ']') { out.append("\\]"); j++; } // a leading ] is literal in PCRE
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < n) {
                out.append(c).append(s.charAt(j + 1));
                j += 2;
            } else if (c == '[' && s.startsWith("[:", j)) {
                int end = s.indexOf(":]", j + 2);
                String cls = end > 0 ? posix(s.substring(j + 2, end)) : null;
                if (cls != null) {
                    out.append(cls);
                    j = end + 2;
                } else {
                    out.append("\\[");
                    j++;
                }
            } else if (c == '[') {
                out.append("\\["); // a [ inside a class is literal in PCRE, a nested class in the JDK
                j++;
            } else if (c == ']') {
                out.append(']');
                return j + 1;
            } else if (c == '&' && j + 1 < n && s.charAt(j + 1) == '&') {
                out.append("&\\&"); // an intersection in the JDK, two ampersands in PCRE
                j += 2;
            } else {
                out.append(c);
                j++;
            }
        }
        return j;
    }

    private static String posix(String name) {
        boolean negated = name.startsWith("^");
        String base = switch (negated ? name.substring(1) : name) {
            case "alpha" -> "Alpha";
            case "digit" -> "Digit";
            case "alnum" -> "Alnum";
            case "upper" -> "Upper";
            case "lower" -> "Lower";
            case "space" -> "Space";
            case "punct" -> "Punct";
            case "xdigit" -> "XDigit";
            case "cntrl" -> "Cntrl";
            case "print" -> "Print";
            case "graph" -> "Graph";
            case "blank" -> "Blank";
            case "word" -> null;
            case "ascii" -> "ASCII";
            default -> "";
        };
        if (base == null) return negated ? "\\W" : "\\w";
        if (base.isEmpty()) return null;
        return (negated ? "\\P{" : "\\p{") + base + "}";
    }

    /** PCRE's words for the JDK's complaint, at PCRE's position. */
    private static Invalid invalid(PatternSyntaxException e, String source) {
        String d = e.getDescription();
        int at = Math.max(0, e.getIndex());
        if (d.startsWith("Unclosed group")) return new Invalid("missing )", byteLength(source));
        if (d.startsWith("Unmatched closing")) return new Invalid("unmatched parentheses", Math.max(0, source.indexOf(')')));
        if (d.startsWith("Dangling meta character")) return new Invalid("nothing to repeat", at);
        if (d.startsWith("Unclosed character class")) return new Invalid("missing terminating ] for character class", byteLength(source));
        if (d.startsWith("Illegal repetition")) return new Invalid("nothing to repeat", at);
        if (d.startsWith("Unexpected internal error") || d.startsWith("Unexpected character")) return new Invalid("syntax error in subpattern name (missing terminator?)", at);
        if (d.startsWith("Illegal/unsupported escape")) return new Invalid("unrecognized character follows \\", at);
        return new Invalid(d.toLowerCase(java.util.Locale.ROOT), at);
    }

    static int byteLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /**
     * The matches, as {@code :re.run/3} with {@code capture: :all, return: :index}: for each
     * match, every group's {@code {byte offset, byte length}} ({@code {-1, 0}} when it took no part).
     *
     * @param text       the subject
     * @param byteOffset where to start, in bytes
     * @param global     all matches (else the first only)
     * @return the matches, none when nothing matches
     */
    List<int[][]> run(Text text, int byteOffset, boolean global) {
        Matcher m = pattern.matcher(text.string);
        List<int[][]> out = new ArrayList<>();
        int from = text.charIndex(byteOffset);
        if (from < 0 || !m.find(from)) return out;
        do {
            int[][] groupsOf = new int[groups + 1][];
            for (int g = 0; g <= groups; g++) {
                int start = g <= m.groupCount() ? m.start(g) : -1;
                if (start < 0) {
                    groupsOf[g] = new int[] {-1, 0};
                } else {
                    int b = text.byteIndex(start);
                    groupsOf[g] = new int[] {b, text.byteIndex(m.end(g)) - b};
                }
            }
            out.add(groupsOf);
        } while (global && m.find());
        return out;
    }

    /**
     * A subject string and its UTF-8 byte offsets, as {@code :re} counts them, made once for all
     * the matches and parts of one call (the offset of each char is computed once, and only for a
     * string that holds more than ASCII).
     */
    static final class Text {
        final String string;
        /** The byte offset of each char index ({@code length + 1} of them); null for ASCII, where they are equal. */
        private final int[] byteAt;

        Text(String string) {
            this.string = string;
            int[] at = null;
            if (RegexPattern.byteLength(string) != string.length()) {
                at = new int[string.length() + 1];
                for (int i = 0; i < string.length(); i++) {
                    char c = string.charAt(i);
                    at[i + 1] = at[i] + (c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3);
                }
            }
            this.byteAt = at;
        }

        int byteLength() {
            return byteAt == null ? string.length() : byteAt[string.length()];
        }

        int byteIndex(int charIndex) {
            return byteAt == null ? charIndex : byteAt[charIndex];
        }

        /** The char index of a byte offset; -1 when it falls inside a character or past the end. */
        int charIndex(int byteOffset) {
            if (byteAt == null) return byteOffset >= 0 && byteOffset <= string.length() ? byteOffset : -1;
            int i = java.util.Arrays.binarySearch(byteAt, byteOffset);
            // a surrogate pair's two chars count 2 bytes each: the offset between them is inside the character
            return i < 0 || (i > 0 && i < string.length() && Character.isLowSurrogate(string.charAt(i))) ? -1 : i;
        }

        /** The bytes {@code [offset, offset + length)}, as a string (or a binary when they cut a character). */
        Object part(int byteOffset, int byteLength) {
            int from = charIndex(byteOffset);
            int to = charIndex(byteOffset + byteLength);
            if (from >= 0 && to >= 0) return string.substring(from, to);
            byte[] all = string.getBytes(StandardCharsets.UTF_8);
            return procshell.runtime.node.Bitstring.of(java.util.Arrays.copyOfRange(all, byteOffset, byteOffset + byteLength));
        }
    }
}
