package procshell.shell.elixir.reader;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The canonical text of a quoted form with its metadata stripped, exactly as the conformance
 * oracle ({@code src/test/resources/elixir/oracle.exs}, whose header defines the format) prints
 * Elixir's answer, so that the reader's answer and Elixir's compare as two strings.
 *
 * <p>A term outside the contract's quoted form (a Java type the reader should never return)
 * prints as {@code #<JavaType text>}, which no Elixir answer can equal.
 */
final class ReaderCanonicalForm {
    private static final Pattern PLAIN_ATOM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[?!]?");

    private ReaderCanonicalForm() {
    }

    /** The canonical text of {@code term}, e.g. {@code {:+,[],[1,{:a,[],nil}]}} for {@code 1 + a}. */
    static String of(Object term) {
        StringBuilder out = new StringBuilder();
        append(out, term);
        return out.toString();
    }

    /** The oracle's answer for a raised error: {@code ERROR SyntaxError "iex:1:1: ..."}. */
    static String error(String kind, String message) {
        return "ERROR " + kind + " \"" + escape(message) + "\"";
    }

    /**
     * The oracle's escaping: backslash, double quote, newline, tab and carriage return as
     * {@code \\ \" \n \t \r}, other control characters (below 32, and 127) as {@code \}{@code u{HEX}},
     * every other code point as itself.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 32 || c == 127) {
                        out.append("\\u{").append(Integer.toHexString(c).toUpperCase()).append('}');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void append(StringBuilder out, Object term) {
        switch (term) {
            case null -> out.append("nil");
            case Boolean b -> out.append(b);
            case Atom a -> out.append(atom(a.name()));
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case BigInteger big -> out.append(big);
            case Double d -> out.append(Inspect.floatToString(d));
            case String s -> out.append('"').append(escape(s)).append('"');
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, list.get(i));
                }
                out.append(']');
            }
            case Tuple t -> appendTuple(out, t);
            default -> out.append("#<").append(term.getClass().getName()).append(' ').append(term).append('>');
        }
    }

    /** A 3-tuple whose middle element is a list is a node: its metadata prints as {@code []}. */
    private static void appendTuple(StringBuilder out, Tuple t) {
        out.append('{');
        for (int i = 0; i < t.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (i == 1 && t.size() == 3 && t.get(1) instanceof List) {
                out.append("[]");
            } else {
                append(out, t.get(i));
            }
        }
        out.append('}');
    }

    private static String atom(String name) {
        return PLAIN_ATOM.matcher(name).matches() ? ":" + name : ":\"" + escape(name) + "\"";
    }
}
