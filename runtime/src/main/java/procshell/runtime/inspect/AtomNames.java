package procshell.runtime.inspect;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How atoms are written, as Elixir 1.14's {@code Macro.inspect_atom/2} and
 * {@code Macro.classify_atom/1}: {@code :ok}, {@code :"hello world"}, {@code Foo.Bar},
 * {@code :+}, and as keyword keys {@code ok:}, {@code "hello world":}.
 */
final class AtomNames {
    private enum Kind { ALIAS, IDENTIFIER, UNQUOTED, QUOTED }

    /** {@code inner_classify/1}'s {@code :not_callable} operator-like atoms. */
    private static final Set<String> NOT_CALLABLE = Set.of("%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->");

    /** Operators that must stay quoted: {@code :quoted_operator}. */
    private static final Set<String> QUOTED_OPERATORS = Set.of("::", "^^^", "~~~", "<|>");

    /** {@code Code.Identifier.unary_op/1} and {@code binary_op/1} names (without {@code //}, excluded by {@code operator?/2}). */
    private static final Set<String> OPERATORS = Set.of(
            "&", "!", "^", "not", "+", "-", "~~~", "@",
            "<-", "\\\\", "when", "::", "|", "=", "||", "|||", "or", "&&", "&&&", "and",
            "==", "!=", "=~", "===", "!==", "<", "<=", ">=", ">",
            "|>", "<<<", ">>>", "<~", "~>", "<<~", "~>>", "<~>", "<|>", "in", "^^^",
            "++", "--", "..", "<>", "+++", "---", "*", "/", "**", ".");

    /** UAX #39's "highly restrictive" combinations of scripts. */
    private static final List<Set<Character.UnicodeScript>> ALLOWED_SCRIPT_MIXES = List.of(
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN,
                    Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));

    private AtomNames() {
    }

    /** {@code Macro.inspect_atom(:literal, atom)}: {@code :ok}, {@code Foo}, {@code :"a b"}, {@code nil}. */
    static String literal(String name) {
        if (name.equals("nil") || name.equals("true") || name.equals("false")) {
            return name;
        }
        return switch (classify(name)) {
            case ALIAS -> {
                if (name.equals("Elixir") || name.equals("Elixir.Elixir") || name.startsWith("Elixir.Elixir.")) {
                    yield name;
                }
                yield name.substring("Elixir.".length());
            }
            case QUOTED -> ":\"" + Escape.escape(name, '"', Algebra.INFINITY).escaped() + "\"";
            default -> ":" + name;
        };
    }

    /** {@code Macro.inspect_atom(:key, atom)}: the key of a keyword pair, {@code ok:} or {@code "a b":}. */
    static String key(String name) {
        return switch (classify(name)) {
            case ALIAS -> "\"" + name + "\":";
            case QUOTED -> "\"" + Escape.escape(name, '"', Algebra.INFINITY).escaped() + "\":";
            default -> name + ":";
        };
    }

    /** {@code Macro.classify_atom/1}. */
    private static Kind classify(String name) {
        if (NOT_CALLABLE.contains(name)) {
            return Kind.UNQUOTED;
        }
        if (QUOTED_OPERATORS.contains(name)) {
            return Kind.QUOTED;
        }
        if (OPERATORS.contains(name)) {
            return Kind.UNQUOTED;
        }
        if (isValidAlias(name)) {
            return Kind.ALIAS;
        }
        return tokenize(name);
    }

    /** {@code valid_alias?/1}: {@code Elixir} followed by zero or more {@code .Upper[A-Za-z0-9_]*}. */
    private static boolean isValidAlias(String name) {
        if (!name.startsWith("Elixir")) {
            return false;
        }
        int i = "Elixir".length();
        while (i < name.length()) {
            if (name.charAt(i) != '.' || i + 1 >= name.length() || !isAsciiUpper(name.charAt(i + 1))) {
                return false;
            }
            i += 2;
            while (i < name.length() && isAsciiIdentifierPart(name.charAt(i))) {
                i++;
            }
        }
        return true;
    }

    /**
     * What {@code classify_atom/1} makes of {@code String.Tokenizer.tokenize/1}: lowercase or
     * underscore identifiers (optionally ending in {@code ?} or {@code !}) are plain identifiers;
     * capitalised ones and ones containing {@code @} are unquoted but not callable; anything the
     * tokenizer does not consume entirely, or that Unicode normalisation changes, is quoted.
     */
    private static Kind tokenize(String name) {
        if (name.isEmpty()) {
            return Kind.QUOTED;
        }
        int first = name.codePointAt(0);
        boolean identifier;
        if (isAsciiUpper(first)) {
            identifier = false;
        } else if (isAsciiLower(first) || first == '_') {
            identifier = true;
        } else if (first > 127 && Character.isUnicodeIdentifierStart(first)) {
            // Unicode uppercase starts tokenize as :atom, which is not an identifier.
            identifier = !Character.isUpperCase(first) && !Character.isTitleCase(first);
        } else {
            return Kind.QUOTED;
        }
        boolean at = false;
        boolean ascii = first <= 127;
        int i = Character.charCount(first);
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '?' || cp == '!') {
                if (i < name.length()) {
                    return Kind.QUOTED;
                }
                break;
            } else if (cp == '@') {
                at = true;
            } else if (cp <= 127) {
                if (!isAsciiIdentifierPart(cp)) {
                    return Kind.QUOTED;
                }
            } else if (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp)) {
                ascii = false;
            } else {
                return Kind.QUOTED;
            }
        }
        if (!ascii && !isUnicodeIdentifier(name)) {
            return Kind.QUOTED;
        }
        return identifier && !at ? Kind.IDENTIFIER : Kind.UNQUOTED;
    }

    /**
     * The Unicode checks of Elixir's tokenizer (UAX #31 with NFKC and the "highly restrictive"
     * mixed-script profile), approximated with Java's Unicode data: the name must be unchanged by
     * NFKC, must not start with a script-less character, and must use one script, or Latin with
     * the scripts of Japanese, Chinese or Korean.
     */
    private static boolean isUnicodeIdentifier(String name) {
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFKC)) {
            return false;
        }
        if (scriptOf(name.codePointAt(0)) == null) {
            return false;
        }
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        name.codePoints().mapToObj(AtomNames::scriptOf).filter(Objects::nonNull).forEach(scripts::add);
        return scripts.size() <= 1 || ALLOWED_SCRIPT_MIXES.stream().anyMatch(mix -> mix.containsAll(scripts));
    }

    private static Character.UnicodeScript scriptOf(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return cp < 128 && Character.isLetter(cp) ? Character.UnicodeScript.LATIN
                : script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED ? null
                : script;
    }

    private static boolean isAsciiUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiIdentifierPart(int c) {
        return isAsciiUpper(c) || isAsciiLower(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
