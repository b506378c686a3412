package procshell.shell.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizer for the mixed Groovy/Elixir input language used by {@link IexSyntax}.
 *
 * <p>It is lossless: concatenating the texts of all tokens gives back the input, so a translator
 * can copy everything it does not understand verbatim. It never throws; unfinished strings and
 * block comments become tokens that run to the end of the input and are flagged
 * {@link Token#unterminated()}.
 *
 * <p>Example: {@code x = {:ok, "a"} # c} lexes as IDENT {@code x}, WS, OP {@code =}, WS, OP
 * <code>{</code>, ATOM {@code :ok}, OP {@code ,}, WS, STRING {@code "a"}, OP <code>}</code>, WS,
 * COMMENT {@code # c}.
 */
final class Lexer {

    enum Kind { WS, NEWLINE, COMMENT, IDENT, NUMBER, STRING, ATOM, OP }

    /** A {@code #{...}} interpolation in a double-quoted string: offsets of '#', of the code, of the closing brace. */
    record Interp(int hash, int codeStart, int codeEnd) {}

    /** One token; {@code start}/{@code end} are offsets into the lexed source. */
    record Token(Kind kind, String text, int start, int end, boolean unterminated, List<Interp> interps) {

        boolean isOp(String op) {
            return kind == Kind.OP && text.equals(op);
        }

        boolean isIdent(String name) {
            return kind == Kind.IDENT && text.equals(name);
        }

        /** Whitespace, newlines and comments are not significant. */
        boolean significant() {
            return kind != Kind.WS && kind != Kind.NEWLINE && kind != Kind.COMMENT;
        }
    }

    /** Multi-character operators, longest first so the first match wins. */
    private static final String[] OPERATORS = {
        ">>>=", "<=>", "===", "!==", ">>>", "**=", "<<=", ">>=", "..<", "...", "==~",
        "?.", "?:", "*.", ".&", ".@", "::", "->", "=>", "=~", "==", "!=", "<=", ">=", "&&", "||",
        "++", "--", "|>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**", "..", "%{",
    };

    private final String src;
    private final int length;
    private int pos;
    /** Last significant token, needed to tell a slashy string from a division. */
    private Token lastSignificant;

    private Lexer(String src, int pos) {
        this.src = src;
        this.length = src.length();
        this.pos = pos;
    }

    /** Lexes the whole source. */
    static List<Token> lex(String src) {
        Lexer lexer = new Lexer(src, 0);
        List<Token> tokens = new ArrayList<>();
        while (lexer.pos < lexer.length) {
            tokens.add(lexer.next());
        }
        return tokens;
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        Token token;
        if (c == '\n' || c == '\r') {
            pos += (c == '\r' && peek(1) == '\n') ? 2 : 1;
            token = make(Kind.NEWLINE, start);
        } else if (isHorizontalSpace(c)) {
            while (pos < length && isHorizontalSpace(src.charAt(pos))) {
                pos++;
            }
            token = make(Kind.WS, start);
        } else if ((c == '/' && peek(1) == '/') || (c == '#' && peek(1) != '{')) {
            while (pos < length && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                pos++;
            }
            token = make(Kind.COMMENT, start);
        } else if (c == '/' && peek(1) == '*') {
            int close = src.indexOf("*/", pos + 2);
            pos = close < 0 ? length : close + 2;
            token = new Token(Kind.COMMENT, src.substring(start, pos), start, pos, close < 0, List.of());
        } else if (c == '"' || c == '\'') {
            token = string(start, Kind.STRING);
        } else if (c == '/' && slashyAllowed() && slashyEnd() > 0) {
            pos = slashyEnd();
            token = make(Kind.STRING, start);
        } else if (c == ':' && peek(1) != ':' && atomAllowed(start)) {
            token = atom(start);
        } else if (Character.isJavaIdentifierStart(c)) {
            while (pos < length && Character.isJavaIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            token = make(Kind.IDENT, start);
        } else if (c >= '0' && c <= '9') {
            token = number(start);
        } else {
            pos += operatorLength();
            token = make(Kind.OP, start);
        }
        if (token.significant()) {
            lastSignificant = token;
        }
        return token;
    }

    private Token make(Kind kind, int start) {
        return new Token(kind, src.substring(start, pos), start, pos, false, List.of());
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < length ? src.charAt(at) : '\0';
    }

    private static boolean isHorizontalSpace(char c) {
        return c != '\n' && c != '\r' && Character.isWhitespace(c);
    }

    private int operatorLength() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                return op.length();
            }
        }
        return 1;
    }

    private Token number(int start) {
        boolean hex = src.startsWith("0x", pos) || src.startsWith("0X", pos);
        while (pos < length) {
            char c = src.charAt(pos);
            char before = pos > start ? src.charAt(pos - 1) : ' ';
            boolean digitAfter = pos + 1 < length && Character.isDigit(src.charAt(pos + 1));
            if (Character.isLetterOrDigit(c) || c == '_') {
                pos++;
            } else if (c == '.' && digitAfter && !src.substring(start, pos).contains(".")) {
                pos++; // a decimal point, but not the range operator in 1..10
            } else if ((c == '+' || c == '-') && (before == 'e' || before == 'E') && !hex && digitAfter) {
                pos++; // exponent sign
            } else {
                break;
            }
        }
        return make(Kind.NUMBER, start);
    }

    /**
     * A ':' starts an atom unless it directly follows something that it could belong to: an
     * identifier or number (map key, named argument, label, {@code a?b:c}), a closing bracket or
     * quote, or {@code *} (Groovy's spread map {@code *:m}).
     */
    private boolean atomAllowed(int colon) {
        char next = peek(1);
        boolean nameStart = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '_';
        if (!nameStart && next != '"' && next != '\'') {
            return false;
        }
        if (colon == 0) {
            return true;
        }
        char before = src.charAt(colon - 1);
        return !Character.isJavaIdentifierPart(before) && ")]}'\"*:?".indexOf(before) < 0;
    }

    private Token atom(int start) {
        char quote = peek(1);
        if (quote == '"' || quote == '\'') {
            pos++;
            Token body = string(pos, Kind.ATOM);
            return new Token(Kind.ATOM, src.substring(start, pos), start, pos, body.unterminated(), body.interps());
        }
        pos++;
        while (pos < length && isAtomChar(src.charAt(pos))) {
            pos++;
        }
        // a trailing ? or ! belongs to the atom, but not the ! of a following !=
        if (pos < length && (src.charAt(pos) == '?' || src.charAt(pos) == '!') && peek(1) != '=') {
            pos++;
        }
        return make(Kind.ATOM, start);
    }

    private static boolean isAtomChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@';
    }

    /**
     * Lexes a quoted string starting at {@code start} (the opening quote; also the body of a quoted
     * atom). Double-quoted strings record {@code #{...}} interpolations and skip over the code of
     * {@code #{...}} and {@code ${...}} so quotes and braces inside it do not end the string.
     */
    private Token string(int start, Kind kind) {
        pos = start;
        char quote = src.charAt(pos);
        String triple = String.valueOf(quote).repeat(3);
        boolean isTriple = src.startsWith(triple, pos);
        pos += isTriple ? 3 : 1;
        List<Interp> interps = new ArrayList<>();
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos = Math.min(length, pos + 2);
            } else if (isTriple ? src.startsWith(triple, pos) : c == quote) {
                pos += isTriple ? 3 : 1;
                return new Token(kind, src.substring(start, pos), start, pos, false, List.copyOf(interps));
            } else if (quote == '"' && (c == '#' || c == '$') && peek(1) == '{') {
                int codeStart = pos + 2;
                int codeEnd = skipCode(codeStart);
                if (c == '#' && codeEnd < length) {
                    interps.add(new Interp(pos, codeStart, codeEnd));
                }
                pos = Math.min(length, codeEnd + 1);
            } else {
                pos++;
            }
        }
        return new Token(kind, src.substring(start, pos), start, pos, true, List.copyOf(interps));
    }

    /** Offset of the '}' closing an interpolation whose code starts at {@code from}, or the input length. */
    private int skipCode(int from) {
        Lexer inner = new Lexer(src, from);
        int depth = 0;
        while (inner.pos < length) {
            Token token = inner.next();
            if (token.isOp("{") || token.isOp("%{")) {
                depth++;
            } else if (token.isOp("}")) {
                if (depth == 0) {
                    return token.start();
                }
                depth--;
            }
        }
        return length;
    }

    /** Groovy's rule: a '/' after an operand is division, elsewhere it may open a slashy string. */
    private boolean slashyAllowed() {
        Token last = lastSignificant;
        if (last == null) {
            return true;
        }
        return switch (last.kind()) {
            case IDENT -> last.text().equals("return") || last.text().equals("in");
            case OP -> !last.isOp(")") && !last.isOp("]") && !last.isOp("}")
                    && !last.isOp("++") && !last.isOp("--");
            default -> false;
        };
    }

    /** End offset of a slashy string closed on the same line, or -1 (then '/' is just an operator). */
    private int slashyEnd() {
        for (int i = pos + 1; i < length; i++) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            } else if (c == '\\') {
                i++;
            } else if (c == '/') {
                return i + 1;
            }
        }
        return -1;
    }
}
