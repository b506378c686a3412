package procshell.shell.elixir.reader;

import java.util.ArrayList;
import java.util.List;

/**
 * The string-like tokens of {@link Tokenizer}: strings, charlists, heredocs, quoted atoms, quoted
 * keys and calls, and sigils, with interpolation ({@code elixir_interpolation:extract/6}), heredoc
 * indentation removal and escape sequences ({@code unescape_map/1}).
 */
final class StringLexer {
    private final Tokenizer tok;

    StringLexer(Tokenizer tok) {
        this.tok = tok;
    }

    /** {@code "..."} or {@code '...'}, or a quoted keyword key {@code "..." :}. */
    void string(char q) {
        int start = tok.pos;
        int line = tok.line;
        int col = tok.col;
        tok.moveTo(tok.pos + 1);
        List<Object> parts = extract(q, false, true, " (for string starting at line " + line + ")");
        if (tok.at(tok.pos) == ':' && Tokenizer.isSpace(tok.at(tok.pos + 1))) {
            StringParts value = unescape(parts, line, col + 1);
            tok.moveTo(tok.pos + 1);
            if (value.isLiteral()) {
                checkAtomBytes(value.literal(), line, col);
                tok.addToken(new Token(TokenKind.KW_IDENTIFIER, start, tok.pos, line, col, value.literal()));
            } else {
                tok.addToken(new Token(TokenKind.KW_IDENTIFIER_UNSAFE, start, tok.pos, line, col, value));
            }
            return;
        }
        TokenKind kind = q == '"' ? TokenKind.BIN_STRING : TokenKind.LIST_STRING;
        tok.addToken(new Token(kind, start, tok.pos, line, col, unescape(parts, line, col + 1)));
    }

    /** {@code """ ... """} or {@code ''' ... '''}. */
    void heredoc(char q) {
        int start = tok.pos;
        int line = tok.line;
        int col = tok.col;
        tok.moveTo(tok.pos + 3);
        List<Object> parts = heredocBody(q, true, line, col);
        TokenKind kind = q == '"' ? TokenKind.BIN_HEREDOC : TokenKind.LIST_HEREDOC;
        tok.addToken(new Token(kind, start, tok.pos, line, col, unescape(parts, line, col)));
    }

    /** {@code :"..."}: an atom, or an atom built at run time when interpolated. */
    void quotedAtom(char q) {
        int start = tok.pos;
        int line = tok.line;
        int col = tok.col;
        tok.moveTo(tok.pos + 2);
        List<Object> parts = extract(q, false, true, " (for atom starting at line " + line + ")");
        StringParts value = unescape(parts, line, col);
        if (value.isLiteral()) {
            checkAtomBytes(value.literal(), line, col);
            tok.addToken(new Token(TokenKind.ATOM, start, tok.pos, line, col, value.literal()));
        } else {
            tok.addToken(new Token(TokenKind.ATOM_UNSAFE, start, tok.pos, line, col, value));
        }
    }

    /** {@code Mod."fun"}: a quoted name called through a dot. */
    void quotedCall(char q) {
        int start = tok.pos;
        int line = tok.line;
        int col = tok.col;
        tok.moveTo(tok.pos + 1);
        List<Object> parts = extract(q, false, true, " (for function name starting at line " + line + ")");
        if (parts.size() != 1 || !(parts.get(0) instanceof String raw)) {
            throw SyntaxProblem.withSnippet(line, col,
                    "interpolation is not allowed when calling function/macro. Found interpolation in a call starting with: " + q);
        }
        String name = unescapeText(raw, line, col);
        char next = tok.at(tok.pos);
        TokenKind kind = next == '(' ? TokenKind.PAREN_IDENTIFIER : next == '[' ? TokenKind.BRACKET_IDENTIFIER : TokenKind.IDENTIFIER;
        tok.addToken(new Token(kind, start, tok.pos, line, col, name));
    }

    /** {@code ~s(...)}, {@code ~r/.../i}, ...: the body keeps its escapes (the sigil's macro reads them). */
    void sigil() {
        int start = tok.pos;
        int line = tok.line;
        int col = tok.col;
        char letter = tok.at(tok.pos + 1);
        char open = tok.at(tok.pos + 2);
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        tok.moveTo(tok.pos + 3);
        boolean interpol = letter >= 'a' && letter <= 'z';
        List<Object> parts = extract(close, false, interpol, " (for sigil ~" + letter + open + " starting at line " + line + ")");
        String modifiers = modifiers();
        tok.addToken(new Token(TokenKind.SIGIL, start, tok.pos, line, col,
                new Sigil(letter, new StringParts(parts), modifiers, String.valueOf(open))));
    }

    /** {@code ~s"""\n...\n"""}. */
    void heredocSigil() {
        int start = tok.pos;
        int line = tok.line;
        int col = tok.col;
        char letter = tok.at(tok.pos + 1);
        char q = tok.at(tok.pos + 2);
        tok.moveTo(tok.pos + 5);
        boolean interpol = letter >= 'a' && letter <= 'z';
        List<Object> parts = heredocBody(q, interpol, line, col);
        String modifiers = modifiers();
        tok.addToken(new Token(TokenKind.SIGIL, start, tok.pos, line, col,
                new Sigil(letter, new StringParts(parts), modifiers, String.valueOf(q).repeat(3))));
    }

    /** A quoted atom's name is a binary: at most 255 bytes of UTF-8. */
    private static void checkAtomBytes(String name, int line, int col) {
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw SyntaxProblem.withSnippet(line, col, "atom length must be less than system limit: " + name);
        }
    }

    private String modifiers() {
        int p = tok.pos;
        while (Tokenizer.isAsciiLetter(tok.at(p)) || Tokenizer.isDigit(tok.at(p))) {
            p++;
        }
        String modifiers = tok.src().substring(tok.pos, p);
        tok.moveTo(p);
        return modifiers;
    }

    // ---- extraction ----

    /** A heredoc's body after its opening quotes: the header, the lines, the closing quotes' indentation removed. */
    private List<Object> heredocBody(char q, boolean interpol, int line, int col) {
        int p = tok.skipHorizontal(tok.pos);
        char c = tok.at(p);
        if (c == '\n' || (c == '\r' && tok.at(p + 1) == '\n')) {
            tok.newlineAt(p + (c == '\n' ? 1 : 2));
        } else {
            String quotes = String.valueOf(q).repeat(3);
            throw SyntaxProblem.withSnippet(line, col,
                    "heredoc allows only zero or more whitespace characters followed by a new line after " + quotes);
        }
        List<Object> parts = extract(q, true, interpol, " (for heredoc starting at line " + line + ")");
        int indent = tok.col - 4;
        List<Object> out = new ArrayList<>(parts.size());
        for (Object part : parts) {
            out.add(part instanceof String s ? removeIndent(s, indent) : part);
        }
        String first = (String) out.get(0);
        out.set(0, first.substring(1));
        return out;
    }

    private static String removeIndent(String s, int indent) {
        if (indent <= 0 || s.indexOf('\n') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            b.append(c);
            i++;
            if (c == '\n') {
                int n = 0;
                while (n < indent && i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                    n++;
                }
            }
        }
        return b.toString();
    }

    /**
     * Reads up to the closing delimiter (a heredoc's closes only at the start of a line), leaving the
     * position after it: literal text with escapes as written, and {@code #{...}} interpolations.
     */
    private List<Object> extract(char last, boolean heredoc, boolean interpol, String forWhat) {
        String src = tok.src();
        StringBuilder buf = new StringBuilder();
        List<Object> parts = new ArrayList<>();
        if (heredoc) {
            buf.append('\n');
            if (heredocClosed(buf, last)) {
                return finish(buf, parts);
            }
        }
        while (true) {
            if (tok.pos >= src.length()) {
                String quotes = heredoc ? String.valueOf(last).repeat(3) : String.valueOf(last);
                throw SyntaxProblem.missing(tok.line, tok.col, "missing terminator: " + quotes + forWhat);
            }
            char c = src.charAt(tok.pos);
            char n = tok.at(tok.pos + 1);
            if (!heredoc && c == last) {
                tok.moveTo(tok.pos + 1);
                return finish(buf, parts);
            }
            if (c == '\\' && (n == '\n' || (n == '\r' && tok.at(tok.pos + 2) == '\n'))) {
                buf.append(n == '\n' ? "\\\n" : "\\\r\n");
                tok.newlineAt(tok.pos + (n == '\n' ? 2 : 3));
                if (heredoc && heredocClosed(buf, last)) {
                    return finish(buf, parts);
                }
                continue;
            }
            if (c == '\n') {
                buf.append('\n');
                tok.newlineAt(tok.pos + 1);
                if (heredoc && heredocClosed(buf, last)) {
                    return finish(buf, parts);
                }
                continue;
            }
            if (c == '\\' && !heredoc && n == last) {
                buf.append(last);
                tok.moveTo(tok.pos + 2);
                continue;
            }
            if (c == '\\' && heredoc && n == last && tok.at(tok.pos + 2) == last && tok.at(tok.pos + 3) == last) {
                buf.append(last).append(last).append(last);
                tok.moveTo(tok.pos + 4);
                continue;
            }
            if (interpol && c == '\\' && n == '#' && tok.at(tok.pos + 2) == '{') {
                buf.append("\\#{");
                tok.pos += 3;
                tok.col += 1; // Elixir advances its column by one for these three characters
                continue;
            }
            if (interpol && c == '#' && n == '{') {
                if (buf.length() > 0) {
                    parts.add(buf.toString());
                    buf.setLength(0);
                }
                int line = tok.line;
                int col = tok.col;
                tok.moveTo(tok.pos + 2);
                List<Token> inner = tok.interpolation();
                if (tok.pos >= src.length()) {
                    throw SyntaxProblem.missing(line, col, "missing interpolation terminator: \"}\"" + forWhat);
                }
                tok.moveTo(tok.pos + 1);
                parts.add(new StringParts.Interpolation(line, col, inner));
                continue;
            }
            if (c == '\\') {
                buf.append('\\');
                tok.moveTo(tok.pos + 1);
                if (tok.pos < src.length() && src.charAt(tok.pos) != '\n') {
                    int cp = src.codePointAt(tok.pos);
                    buf.appendCodePoint(cp);
                    tok.pos += Character.charCount(cp);
                    tok.col++;
                }
                continue;
            }
            if (Tokenizer.isBidi(c) && !tok.lenient()) {
                String code = "\\u" + Tokenizer.hex4(c);
                throw SyntaxProblem.plain(tok.line, tok.col, "invalid bidirectional formatting character in string: " + code
                        + ". If you want to use such character, use it in its escaped " + code + " form instead");
            }
            if (Character.isHighSurrogate(c) && Character.isLowSurrogate(n)) {
                buf.append(c).append(n);
                tok.pos += 2;
                tok.col++; // Elixir counts a code point as one column
                continue;
            }
            buf.append(c);
            tok.moveTo(tok.pos + 1);
        }
    }

    /** At a heredoc line's start: true (and past them) when the closing quotes follow the indentation. */
    private boolean heredocClosed(StringBuilder buf, char q) {
        int p = tok.skipHorizontal(tok.pos);
        if (tok.at(p) == q && tok.at(p + 1) == q && tok.at(p + 2) == q) {
            tok.moveTo(p + 3);
            return true;
        }
        buf.append(tok.src(), tok.pos, p);
        tok.moveTo(p);
        return false;
    }

    private static List<Object> finish(StringBuilder buf, List<Object> parts) {
        if (buf.length() > 0) {
            parts.add(buf.toString());
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    // ---- escapes ----

    private StringParts unescape(List<Object> parts, int line, int col) {
        List<Object> out = new ArrayList<>(parts.size());
        for (Object part : parts) {
            out.add(part instanceof String s ? unescapeText(s, line, col) : part);
        }
        return new StringParts(out);
    }

    /** unescape_chars/3 with the default map: {@code \n}, backslash-x, backslash-u and line continuations... */
    static String unescapeText(String s, int line, int col) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            if (e == 'x') {
                int j = i + 2;
                if (j + 1 < s.length() && Tokenizer.isHex(s.charAt(j)) && Tokenizer.isHex(s.charAt(j + 1))) {
                    b.append((char) Integer.parseInt(s.substring(j, j + 2), 16));
                    i = j + 2;
                    continue;
                }
                if (j < s.length() && Tokenizer.isHex(s.charAt(j))) {
                    b.appendCodePoint(Integer.parseInt(s.substring(j, j + 1), 16)); // deprecated \xH
                    i = j + 1;
                    continue;
                }
                int close = j < s.length() && s.charAt(j) == '{' ? s.indexOf('}', j) : -1;
                if (close > j + 1 && close - j - 1 <= 6 && allHex(s, j + 1, close)) {
                    b.appendCodePoint(Integer.parseInt(s.substring(j + 1, close), 16)); // deprecated \x{H*}
                    i = close + 1;
                    continue;
                }
                throw SyntaxProblem.withSnippet(line, col,
                        "invalid hex escape character, expected \\xHH where H is a hexadecimal digit. Syntax error after: \\x");
            }
            if (e == 'u') {
                int j = i + 2;
                String hex = null;
                int next = -1;
                if (j + 4 <= s.length() && allHex(s, j, j + 4)) {
                    hex = s.substring(j, j + 4);
                    next = j + 4;
                } else if (j < s.length() && s.charAt(j) == '{') {
                    int close = s.indexOf('}', j);
                    if (close > j + 1 && close - j - 1 <= 6 && allHex(s, j + 1, close)) {
                        hex = s.substring(j + 1, close);
                        next = close + 1;
                    }
                }
                if (hex == null) {
                    throw SyntaxProblem.withSnippet(line, col, "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit. Syntax error after: \\u");
                }
                int cp = Integer.parseInt(hex, 16);
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw SyntaxProblem.withSnippet(line, col, "invalid or reserved Unicode code point \\u{" + hex + "}. Syntax error after: \\u");
                }
                b.appendCodePoint(cp);
                i = next;
                continue;
            }
            if (e == '\n') {
                i += 2;
                continue;
            }
            if (e == '\r' && i + 2 < s.length() && s.charAt(i + 2) == '\n') {
                i += 3;
                continue;
            }
            b.append(unescapeChar(e));
            i += 2;
        }
        return b.toString();
    }

    private static boolean allHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Tokenizer.isHex(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** unescape_map/1: the character a backslash sequence stands for. */
    static char unescapeChar(char e) {
        return switch (e) {
            case '0' -> 0;
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'd' -> 127;
            case 'e' -> 27;
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 's' -> ' ';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> e;
        };
    }
}
