package procshell.shell.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of an input worth colouring as it is typed: atoms, strings, numbers, comments,
 * Groovy keywords and the literals {@code true}, {@code false}, {@code nil}. Built on the same
 * lexer as the translation, so {@code :ok} in {@code {:ok, 1}} is an atom and {@code a ? b : c}
 * is not.
 */
public final class SyntaxSpans {
    /** What a span of input is. */
    public enum Kind { ATOM, STRING, NUMBER, COMMENT, KEYWORD, LITERAL }

    /**
     * A span to colour.
     *
     * @param kind  what it is
     * @param start offset of its first character in the input
     * @param end   offset after its last character
     */
    public record Span(Kind kind, int start, int end) {}

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "as", "assert", "break", "case", "catch", "class", "continue", "def", "default", "do", "else",
            "end", "enum", "extends", "final", "finally", "fn", "for", "if", "implements", "import", "in", "instanceof",
            "interface", "new", "private", "protected", "public", "return", "static", "switch", "this", "super", "throw",
            "trait", "try", "var", "when", "while", "receive", "after");
    private static final Set<String> LITERALS = Set.of("true", "false", "nil", "null");

    private SyntaxSpans() {}

    /** The spans of an input, in order; text outside them is plain. Never throws. */
    public static List<Span> of(String input) {
        List<Span> out = new ArrayList<>();
        for (Lexer.Token t : Lexer.lex(input)) {
            Kind k = switch (t.kind()) {
                case ATOM -> Kind.ATOM;
                case STRING -> Kind.STRING;
                case NUMBER -> Kind.NUMBER;
                case COMMENT -> Kind.COMMENT;
                case IDENT -> KEYWORDS.contains(t.text()) ? Kind.KEYWORD : LITERALS.contains(t.text()) ? Kind.LITERAL : null;
                default -> null;
            };
            if (k != null) out.add(new Span(k, t.start(), t.end()));
        }
        return out;
    }
}
