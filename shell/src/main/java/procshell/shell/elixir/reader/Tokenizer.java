package procshell.shell.elixir.reader;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Elixir's tokenizer ({@code elixir_tokenizer.erl}, Elixir 1.14), hand-written: source text to
 * tokens, with Elixir's rules for newlines (an eol before a binary operator is dropped, one after
 * a comma is folded in), identifiers that call ({@code foo(}, {@code foo[}, {@code foo do},
 * {@code foo -1}), keywords, atoms, numbers, strings, heredocs, sigils and interpolation, and the
 * terminator stack that reports a missing or mismatched {@code ) ] } >> end}.
 */
public final class Tokenizer {
    private final String src;
    private final boolean lenient;
    private final StringLexer strings;
    int pos;
    int line = 1;
    int col = 1;
    private List<Token> tokens = new ArrayList<>();
    private ArrayDeque<Open> terminators = new ArrayDeque<>();

    /** An opened {@code ( [ { << fn do}, waiting for its closer. */
    private record Open(String opener, int line, int indentation) {
    }

    /** Leading spaces of the current line, for the "HINT: it looks like..." of mismatched do/end. */
    private int indentation;
    /** Openers and ends whose indentation looks wrong, newest first (mismatch_hints). */
    private final List<Open> hints = new ArrayList<>();

    private Tokenizer(String src, boolean lenient) {
        this.src = src;
        this.lenient = lenient;
        this.strings = new StringLexer(this);
    }

    /**
     * Tokens for colouring: never throws; a token Elixir would reject becomes an {@link TokenKind#ERROR}
     * token and an unterminated string, heredoc or sigil runs to the end of the source. Comments are
     * {@link TokenKind#COMMENT} tokens. Offsets are into {@code source}.
     */
    public static List<Token> tokenize(String source) {
        Tokenizer t = new Tokenizer(source, true);
        t.run(false);
        return t.tokens;
    }

    /** The tokens of a whole source, as elixir_tokenizer:tokenize/4; throws a {@link SyntaxProblem}. */
    static List<Token> strict(String source) {
        return strict(source, 1);
    }

    /** As {@link #strict(String)}, the source's first line being {@code line}. */
    static List<Token> strict(String source, int line) {
        Tokenizer t = new Tokenizer(source, false);
        t.line = line;
        t.run(false);
        return t.tokens;
    }

    // ---- the main loop ----

    /** Tokenizes until the end of the source, or (inside an interpolation) the unmatched closing brace. */
    private void run(boolean interpolation) {
        while (true) {
            if (pos >= src.length()) {
                if (!terminators.isEmpty() && !lenient) {
                    Open open = terminators.peek();
                    throw SyntaxProblem.missing(line, col, "missing terminator: " + closerOf(open.opener)
                            + " (for \"" + open.opener + "\" starting at line " + open.line + ")"
                            + missingTerminatorHint(open.opener, closerOf(open.opener)));
                }
                return;
            }
            if (interpolation && src.charAt(pos) == '}' && terminators.isEmpty()) {
                return;
            }
            int startPos = pos;
            int startLine = line;
            int startCol = col;
            if (!lenient) {
                next();
                continue;
            }
            try {
                next();
            } catch (SyntaxProblem problem) {
                int end = problem.missing ? src.length() : Math.max(pos, startPos + 1);
                tokens.add(new Token(TokenKind.ERROR, startPos, Math.min(end, src.length()), startLine, startCol, null));
                moveTo(Math.min(end, src.length()));
            }
        }
    }

    /** Tokenizes the inside of {@code #{...}} starting at the current position; leaves the position on the closing brace. */
    List<Token> interpolation() {
        List<Token> outer = tokens;
        ArrayDeque<Open> outerTerms = terminators;
        tokens = new ArrayList<>();
        terminators = new ArrayDeque<>();
        try {
            run(true);
            return tokens;
        } finally {
            tokens = outer;
            terminators = outerTerms;
        }
    }

    private void next() {
        char c = src.charAt(pos);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
            identifier(); // no operator or literal starts with a letter
            return;
        }
        if (c == ' ' || c == '\t') {
            moveTo(skipHorizontal(pos + 1));
            spaceSensitive();
            return;
        }
        char c1 = at(pos + 1);
        char c2 = at(pos + 2);
        switch (c) {
            case '0' -> {
                if ((c1 == 'x' && isHex(c2)) || (c1 == 'b' && (c2 == '0' || c2 == '1')) || (c1 == 'o' && c2 >= '0' && c2 <= '7')) {
                    basedInteger(c1 == 'x' ? 16 : c1 == 'b' ? 2 : 8);
                } else {
                    number();
                }
                return;
            }
            case '#' -> {
                comment();
                return;
            }
            case '~' -> {
                if (isAsciiLetter(c1) && (c2 == '"' || c2 == '\'') && at(pos + 3) == c2 && at(pos + 4) == c2) {
                    strings.heredocSigil();
                    return;
                }
                if (isAsciiLetter(c1) && isSigilDelimiter(c2)) {
                    strings.sigil();
                    return;
                }
                if (isAsciiLetter(c1) && pos + 2 < src.length()) {
                    int cp = src.codePointAt(pos + 2);
                    throw SyntaxProblem.withSnippet(line, col, "invalid sigil delimiter: \"" + new String(Character.toChars(cp))
                            + "\" (column " + (col + 2) + ", code point U+" + hex4(cp)
                            + "). The available delimiters are: //, ||, \"\", '', (), [], {}, <>");
                }
            }
            case '?' -> {
                if (pos + 1 < src.length()) {
                    charLiteral();
                    return;
                }
            }
            case '"', '\'' -> {
                if (c1 == c && c2 == c) {
                    strings.heredoc(c);
                } else {
                    strings.string(c);
                }
                return;
            }
            case ':' -> {
                if (colonAtom()) {
                    return;
                }
            }
            default -> {
            }
        }
        if (c == '.' && c1 == ':' && isSpace(c2)) {
            addKw(".", 2);
            return;
        }
        for (String special : KW_SPECIALS) {
            if (src.startsWith(special, pos) && isSpace(at(pos + special.length() + 1)) && at(pos + special.length()) == ':') {
                addKw(special, special.length() + 1);
                return;
            }
        }
        if (src.startsWith("...", pos)) {
            add(callIdentifier("...", pos + 3), 3);
            return;
        }
        if (c == '=' && c1 == '>') {
            addWithEol(TokenKind.ASSOC_OP, "=>", 2);
            return;
        }
        if (src.startsWith("..//", pos)) {
            int p = skipHorizontal(pos + 4);
            if (at(p) == '/') {
                add(new Token(TokenKind.IDENTIFIER, pos, pos + 4, line, col, "..//"), 4);
                return;
            }
            throw unexpectedToken(pos);
        }
        String three = pos + 3 <= src.length() ? src.substring(pos, pos + 3) : "";
        TokenKind kind3 = threeCharOp(three);
        if (kind3 != null) {
            if (kind3 == TokenKind.UNARY_OP) {
                unaryOp(kind3, three);
            } else {
                op(kind3, three);
            }
            return;
        }
        switch (c) {
            case ',' -> {
                add(new Token(TokenKind.COMMA, pos, pos + 1, line, col, null), 1);
                return;
            }
            case '<' -> {
                if (c1 == '<') {
                    open(TokenKind.LBIT, "<<");
                    return;
                }
            }
            case '>' -> {
                if (c1 == '>') {
                    close(TokenKind.RBIT, ">>");
                    return;
                }
            }
            case '(' -> {
                open(TokenKind.LPAREN, "(");
                return;
            }
            case '[' -> {
                open(TokenKind.LBRACKET, "[");
                return;
            }
            case '{' -> {
                open(TokenKind.LCURLY, "{");
                return;
            }
            case ')' -> {
                close(TokenKind.RPAREN, ")");
                return;
            }
            case ']' -> {
                close(TokenKind.RBRACKET, "]");
                return;
            }
            case '}' -> {
                close(TokenKind.RCURLY, "}");
                return;
            }
            default -> {
            }
        }
        String two = pos + 2 <= src.length() ? src.substring(pos, pos + 2) : "";
        if (two.equals("//")) {
            addWithEol(TokenKind.TERNARY_OP, "//", 2);
            return;
        }
        TokenKind kind2 = twoCharOp(two);
        if (kind2 != null) {
            op(kind2, two);
            return;
        }
        switch (c) {
            case '&' -> {
                int p = skipHorizontal(pos + 1);
                TokenKind kind = TokenKind.CAPTURE_OP;
                if (at(p) == '/' && at(skipHorizontal(p + 1)) != '/') {
                    kind = TokenKind.IDENTIFIER;
                }
                add(new Token(kind, pos, pos + 1, line, col, "&"), 1);
                return;
            }
            case '@' -> {
                unaryOp(TokenKind.AT_OP, "@");
                return;
            }
            case '!', '^' -> {
                unaryOp(TokenKind.UNARY_OP, String.valueOf(c));
                return;
            }
            case '<', '>' -> {
                op(TokenKind.REL_OP, String.valueOf(c));
                return;
            }
            case '+', '-' -> {
                unaryOp(TokenKind.DUAL_OP, String.valueOf(c));
                return;
            }
            case '*', '/' -> {
                op(TokenKind.MULT_OP, String.valueOf(c));
                return;
            }
            case '=' -> {
                op(TokenKind.MATCH_OP, "=");
                return;
            }
            case '|' -> {
                op(TokenKind.PIPE_OP, "|");
                return;
            }
            case ':' -> {
                colonIdentifierAtom();
                return;
            }
            default -> {
            }
        }
        if (c >= '0' && c <= '9') {
            number();
            return;
        }
        if (c == ' ' || c == '\t') {
            int p = skipHorizontal(pos + 1);
            moveTo(p);
            spaceSensitive();
            return;
        }
        if (c == ';') {
            Token last = last();
            if (last != null && last.kind() == TokenKind.SEMI) {
                throw unexpectedToken(pos);
            }
            tokens.add(new Token(TokenKind.SEMI, pos, pos + 1, line, col, null));
            moveTo(pos + 1);
            return;
        }
        if (c == '\\') {
            if (c1 == '\n' || (c1 == '\r' && c2 == '\n')) {
                int after = pos + (c1 == '\n' ? 2 : 3);
                if (after >= src.length()) {
                    throw SyntaxProblem.missing(line, col, "invalid escape \\ at end of file");
                }
                newlineAt(after);
                indentation = skipHorizontal(pos) - pos;
                return;
            }
            if (pos + 1 >= src.length()) {
                throw SyntaxProblem.missing(line, col, "invalid escape \\ at end of file");
            }
        }
        if (c == '\n' || (c == '\r' && c1 == '\n')) {
            eol();
            newlineAt(pos + (c == '\n' ? 1 : 2));
            indentation = skipHorizontal(pos) - pos;
            return;
        }
        if (c == '%') {
            if (c1 == '(' || c1 == '[') {
                throw SyntaxProblem.withSnippet(line, col, "expected %{ to define a map, got: %" + c1);
            }
            if (c1 == '{') {
                tokens.add(new Token(TokenKind.MAP_OP, pos, pos + 1, line, col, "%{}"));
                moveTo(pos + 1);
                return;
            }
            add(new Token(TokenKind.STRUCT_OP, pos, pos + 1, line, col, "%"), 1);
            return;
        }
        if (c == '.') {
            dot();
            return;
        }
        identifier();
    }

    // ---- operators ----

    private static final String[] KW_SPECIALS = {"...", "<<>>", "%{}", "%", "&", "{}", "..//"};

    private static TokenKind threeCharOp(String s) {
        return switch (s) {
            case "~~~" -> TokenKind.UNARY_OP;
            case "===", "!==" -> TokenKind.COMP_OP;
            case "&&&" -> TokenKind.AND_OP;
            case "|||" -> TokenKind.OR_OP;
            case "^^^" -> TokenKind.XOR_OP;
            case "+++", "---" -> TokenKind.CONCAT_OP;
            case "<<<", ">>>", "~>>", "<<~", "<~>", "<|>" -> TokenKind.ARROW_OP;
            default -> null;
        };
    }

    private static TokenKind twoCharOp(String s) {
        return switch (s) {
            case "**" -> TokenKind.POWER_OP;
            case ".." -> TokenKind.RANGE_OP;
            case "++", "--", "<>" -> TokenKind.CONCAT_OP;
            case "|>", "~>", "<~" -> TokenKind.ARROW_OP;
            case "==", "=~", "!=" -> TokenKind.COMP_OP;
            case "<=", ">=" -> TokenKind.REL_OP;
            case "&&" -> TokenKind.AND_OP;
            case "||" -> TokenKind.OR_OP;
            case "<-", "\\\\" -> TokenKind.IN_MATCH_OP;
            case "::" -> TokenKind.TYPE_OP;
            case "->" -> TokenKind.STAB_OP;
            default -> null;
        };
    }

    /** The operator atoms after a colon ({@code :+}, {@code :===}, {@code :..//}); false when none is here. */
    private static final String[] ATOM_SPECIALS = {"...", "<<>>", "%{}", "%", "{}", "..//"};

    private boolean colonAtom() {
        for (String special : ATOM_SPECIALS) {
            if (src.startsWith(special, pos + 1)) {
                add(new Token(TokenKind.ATOM, pos, pos + 1 + special.length(), line, col, special), 1 + special.length());
                return true;
            }
        }
        String three = pos + 4 <= src.length() ? src.substring(pos + 1, pos + 4) : "";
        if (threeCharOp(three) != null) {
            add(new Token(TokenKind.ATOM, pos, pos + 4, line, col, three), 4);
            return true;
        }
        if (at(pos + 1) == ':' && at(pos + 2) == ':') {
            add(new Token(TokenKind.ATOM, pos, pos + 3, line, col, "::"), 3);
            return true;
        }
        String two = pos + 3 <= src.length() ? src.substring(pos + 1, pos + 3) : "";
        TokenKind kind2 = twoCharOp(two);
        if (kind2 != null && kind2 != TokenKind.TYPE_OP) {
            add(new Token(TokenKind.ATOM, pos, pos + 3, line, col, two), 3);
            return true;
        }
        char t = at(pos + 1);
        if ("@!^&+-*/<>=|.".indexOf(t) >= 0 && t != 0) {
            add(new Token(TokenKind.ATOM, pos, pos + 2, line, col, String.valueOf(t)), 2);
            return true;
        }
        if (t == '"' || t == '\'') {
            strings.quotedAtom(t);
            return true;
        }
        return false;
    }

    /** {@code :foo}, {@code :Foo}, {@code :foo?}, {@code :foo@bar}. */
    private void colonIdentifierAtom() {
        int p = pos + 1;
        int end = identifierEnd(p, true);
        if (end == p) {
            throw unexpectedToken(pos);
        }
        String name = src.substring(p, end);
        checkAtomLength(name, line, col);
        add(new Token(TokenKind.ATOM, pos, end, line, col, name), end - pos);
    }

    /** handle_op: a binary operator, or a keyword key ({@code +: 1}), or a name before {@code /} ({@code &+/2}). */
    private void op(TokenKind kind, String op) {
        int after = pos + op.length();
        if (at(after) == ':' && isSpace(at(after + 1))) {
            addKw(op, op.length() + 1);
            return;
        }
        int p = skipHorizontal(after);
        if (at(p) == '/') {
            tokens.add(new Token(TokenKind.IDENTIFIER, pos, after, line, col, op));
            moveTo(p);
            return;
        }
        Token token = new Token(kind, pos, after, line, col, op);
        addWithEolToken(token);
        moveTo(p);
    }

    /** handle_unary_op: like {@link #op} but an eol before it stays (so {@code a\n-b} is two expressions). */
    private void unaryOp(TokenKind kind, String op) {
        int after = pos + op.length();
        if (at(after) == ':' && isSpace(at(after + 1))) {
            addKw(op, op.length() + 1);
            return;
        }
        int p = skipHorizontal(after);
        TokenKind k = at(p) == '/' ? TokenKind.IDENTIFIER : kind;
        tokens.add(new Token(k, pos, after, line, col, op));
        moveTo(p);
    }

    /** After spaces: {@code foo -1} makes {@code foo} an op_identifier and the sign a unary operator. */
    private void spaceSensitive() {
        Token last = last();
        char c = at(pos);
        char n = at(pos + 1);
        if (last != null && last.kind() == TokenKind.IDENTIFIER && (c == '+' || c == '-') && n != 0
                && !isSpace(n) && "([<{%+-/>:".indexOf(n) < 0) {
            last.rekind(TokenKind.OP_IDENTIFIER);
            tokens.add(new Token(TokenKind.DUAL_OP, pos, pos + 1, line, col, String.valueOf(c)));
            moveTo(pos + 1);
        }
    }

    // ---- punctuation and terminators ----

    private void open(TokenKind kind, String opener) {
        Token last = last();
        if (kind == TokenKind.LPAREN && last != null && last.kind() == TokenKind.ALIAS && !lenient) {
            throw SyntaxProblem.withSnippet(line, col + 1, "unexpected ( after alias " + last.name()
                    + ". Function names and identifiers in Elixir start with lowercase characters or underscore. For example:\n\n"
                    + "    hello_world()\n    _starting_with_underscore()\n    numb3rs_are_allowed()\n"
                    + "    may_finish_with_question_mark?()\n    may_finish_with_exclamation_mark!()\n\nUnexpected token: (");
        }
        tokens.add(new Token(kind, pos, pos + opener.length(), line, col, null));
        terminators.push(new Open(opener, line, indentation));
        moveTo(pos + opener.length());
    }

    private void close(TokenKind kind, String closer) {
        checkCloser(closer);
        tokens.add(new Token(kind, pos, pos + closer.length(), line, col, null));
        moveTo(pos + closer.length());
    }

    private void checkCloser(String closer) {
        if (lenient) {
            if (!terminators.isEmpty()) {
                terminators.pop();
            }
            return;
        }
        if (terminators.isEmpty()) {
            if (closer.equals("end")) {
                String hint = "";
                for (Open h : hints) {
                    if (h.opener.equals("end")) {
                        hint = "\n\n    HINT: it looks like the \"end\" on line " + h.line
                                + " does not have a matching \"do\" defined before it\n";
                        break;
                    }
                }
                throw SyntaxProblem.plain(line, col, "unexpected reserved word: end" + hint);
            }
            throw SyntaxProblem.withSnippet(line, col, "unexpected token: " + closer);
        }
        Open open = terminators.peek();
        String expected = closerOf(open.opener);
        if (!expected.equals(closer)) {
            throw SyntaxProblem.plain(line, col, (closer.equals("end") ? "unexpected reserved word: " : "unexpected token: ")
                    + closer + ". The \"" + open.opener + "\" at line " + open.line + " is missing terminator \"" + expected + "\""
                    + missingTerminatorHint(open.opener, expected));
        }
        if (closer.equals("end") && open.opener.equals("do") && indentation > open.indentation) {
            hints.add(0, new Open("end", line, indentation));
        }
        terminators.pop();
    }

    /** check_terminator for fn/do: an opener indented no deeper than an open one of its kind may lack its end. */
    private void pushBlock(String opener) {
        Open top = terminators.peek();
        if (top != null && top.opener.equals(opener) && indentation <= top.indentation) {
            hints.add(0, top);
        }
        terminators.push(new Open(opener, line, indentation));
    }

    private String missingTerminatorHint(String opener, String closer) {
        for (Open h : hints) {
            if (h.opener.equals(opener)) {
                return "\n\n    HINT: it looks like the \"" + opener + "\" on line " + h.line
                        + " does not have a matching \"" + closer + "\"\n";
            }
        }
        return "";
    }

    private static String closerOf(String opener) {
        return switch (opener) {
            case "(" -> ")";
            case "[" -> "]";
            case "{" -> "}";
            case "<<" -> ">>";
            default -> "end";
        };
    }

    private void eol() {
        Token last = last();
        if (last != null && (last.kind() == TokenKind.COMMA || last.kind() == TokenKind.SEMI || last.kind() == TokenKind.EOL)) {
            return;
        }
        tokens.add(new Token(TokenKind.EOL, pos, pos + 1, line, col, null));
    }

    private void comment() {
        int p = pos;
        while (p < src.length() && src.charAt(p) != '\n' && !(src.charAt(p) == '\r' && at(p + 1) == '\n')) {
            if (isBidi(src.charAt(p)) && !lenient) {
                throw SyntaxProblem.withSnippet(line, col, "invalid bidirectional formatting character in comment: \\u"
                        + hex4(src.charAt(p)));
            }
            p++;
        }
        if (lenient) {
            tokens.add(new Token(TokenKind.COMMENT, pos, p, line, col, null));
        }
        pos = p; // Elixir leaves the column at the comment's start
    }

    /** A dot: skips spaces, comments and newlines after it, then an operator or quoted name called through it, or {@code .(}. */
    private void dot() {
        int dotPos = pos;
        int dotLine = line;
        int dotCol = col;
        moveTo(pos + 1);
        while (true) {
            moveTo(skipHorizontal(pos));
            char c = at(pos);
            if (c == '#') {
                comment();
            } else if (c == '\n' || (c == '\r' && at(pos + 1) == '\n')) {
                newlineAt(pos + (c == '\n' ? 1 : 2));
            } else {
                break;
            }
        }
        Token dot = new Token(TokenKind.DOT, dotPos, dotPos + 1, dotLine, dotCol, ".");
        String three = pos + 3 <= src.length() ? src.substring(pos, pos + 3) : "";
        String two = pos + 2 <= src.length() ? src.substring(pos, pos + 2) : "";
        String name = null;
        TokenKind kind2 = twoCharOp(two);
        if (threeCharOp(three) != null) {
            name = three;
        } else if (kind2 != null && kind2 != TokenKind.STAB_OP) {
            name = two;
        }
        if (name == null && pos < src.length() && "@!^&+-*/<>=|".indexOf(src.charAt(pos)) >= 0) {
            name = String.valueOf(src.charAt(pos));
        }
        if (name != null) {
            addWithEolToken(dot);
            add(callIdentifier(name, pos + name.length()), name.length());
            return;
        }
        if (at(pos) == '(') {
            addWithEolToken(new Token(TokenKind.DOT_CALL_OP, dotPos, dotPos + 1, dotLine, dotCol, "."));
            return;
        }
        if (at(pos) == '"' || at(pos) == '\'') {
            addWithEolToken(dot);
            strings.quotedCall(at(pos));
            return;
        }
        addWithEolToken(dot);
    }

    /** paren_identifier, bracket_identifier or identifier, by the character right after the name. */
    Token callIdentifier(String name, int end) {
        char next = at(end);
        TokenKind kind = next == '(' ? TokenKind.PAREN_IDENTIFIER : next == '[' ? TokenKind.BRACKET_IDENTIFIER : TokenKind.IDENTIFIER;
        return new Token(kind, pos, end, line, col, name);
    }

    // ---- identifiers and keywords ----

    private void identifier() {
        char c = src.charAt(pos);
        int end = identifierEnd(pos, false);
        if (end == pos) {
            throw unexpectedToken(pos);
        }
        String name = src.substring(pos, end);
        boolean alias = c >= 'A' && c <= 'Z';
        if (!keywordName(name)) {
            checkAtomLength(name, line, col);
        }
        char after = at(end);
        boolean previousDot = last() != null && last().kind() == TokenKind.DOT;
        boolean maybeKeyword = !previousDot && !(after == ':' && at(end + 1) != ':');
        if (maybeKeyword && !alias) {
            if (keyword(name, end)) {
                return;
            }
        }
        if (after == ':' && isSpace(at(end + 1))) {
            add(new Token(TokenKind.KW_IDENTIFIER, pos, end + 1, line, col, name), end + 1 - pos);
            return;
        }
        if (after == ':' && end + 1 < src.length() && at(end + 1) != ':') {
            throw SyntaxProblem.withSnippet(line, col, "keyword argument must be followed by space after: " + name + ":");
        }
        if (name.indexOf('@') >= 0) {
            throw SyntaxProblem.withSnippet(line, col, "invalid character \"@\" (code point U+0040) in "
                    + (alias ? "alias" : "identifier") + ": " + name);
        }
        if (alias) {
            if (!isAscii(name) || name.endsWith("?") || name.endsWith("!")) {
                char bad = 0;
                for (int k = 0; k < name.length() && bad == 0; k++) {
                    if (name.charAt(k) < 'A' || name.charAt(k) > 127) {
                        bad = name.charAt(k);
                    }
                }
                throw SyntaxProblem.withSnippet(line, col, "invalid character \"" + bad + "\" (code point U+" + hex4(bad)
                        + ") in alias (only ASCII characters, without punctuation, are allowed): " + name);
            }
            add(new Token(TokenKind.ALIAS, pos, end, line, col, name), end - pos);
            return;
        }
        if (name.equals("__aliases__") || name.equals("__block__")) {
            throw SyntaxProblem.withSnippet(line, col, "reserved token: " + name);
        }
        add(callIdentifier(name, end), end - pos);
    }

    private static boolean keywordName(String name) {
        return switch (name) {
            case "true", "false", "nil", "after", "else", "catch", "rescue", "fn", "end", "do", "not", "and", "or", "when", "in" -> true;
            default -> false;
        };
    }

    /** unsafe_to_atom: an atom's name holds at most 255 characters. */
    static void checkAtomLength(String name, int line, int col) {
        if (name.codePointCount(0, name.length()) > 255) {
            throw SyntaxProblem.withSnippet(line, col, "atom length must be less than system limit: " + name);
        }
    }

    /** The keywords: true false nil, fn do end, not and or when in, after else catch rescue. */
    private boolean keyword(String name, int end) {
        TokenKind opKind;
        switch (name) {
            case "true" -> {
                add(new Token(TokenKind.TRUE, pos, end, line, col, name), end - pos);
                return true;
            }
            case "false" -> {
                add(new Token(TokenKind.FALSE, pos, end, line, col, name), end - pos);
                return true;
            }
            case "nil" -> {
                add(new Token(TokenKind.NIL, pos, end, line, col, name), end - pos);
                return true;
            }
            case "after", "else", "catch", "rescue" -> {
                add(new Token(TokenKind.BLOCK_IDENTIFIER, pos, end, line, col, name), end - pos);
                return true;
            }
            case "fn" -> {
                tokens.add(new Token(TokenKind.FN, pos, end, line, col, name));
                pushBlock("fn");
                moveTo(end);
                return true;
            }
            case "end" -> {
                checkCloser("end");
                tokens.add(new Token(TokenKind.END, pos, end, line, col, name));
                moveTo(end);
                return true;
            }
            case "do" -> {
                doKeyword(end);
                return true;
            }
            case "not" -> opKind = TokenKind.UNARY_OP;
            case "and" -> opKind = TokenKind.AND_OP;
            case "or" -> opKind = TokenKind.OR_OP;
            case "when" -> opKind = TokenKind.WHEN_OP;
            case "in" -> opKind = TokenKind.IN_OP;
            default -> {
                return false;
            }
        }
        if (at(skipHorizontal(end)) == '/') {
            add(new Token(TokenKind.IDENTIFIER, pos, end, line, col, name), end - pos);
            return true;
        }
        Token last = last();
        if (opKind == TokenKind.IN_OP && last != null && last.kind() == TokenKind.UNARY_OP && "not".equals(last.value())) {
            tokens.remove(tokens.size() - 1);
            addWithEolToken(new Token(TokenKind.IN_OP, last.start(), end, last.line(), last.column(), "not in"));
        } else if (opKind == TokenKind.UNARY_OP) {
            tokens.add(new Token(opKind, pos, end, line, col, name));
        } else {
            addWithEolToken(new Token(opKind, pos, end, line, col, name));
        }
        moveTo(end);
        return true;
    }

    private void doKeyword(int end) {
        Token last = last();
        if (last != null && last.kind() == TokenKind.IDENTIFIER) {
            last.rekind(TokenKind.DO_IDENTIFIER);
        } else if (last != null && last.kind() == TokenKind.FN && !lenient) {
            throw SyntaxProblem.plain(line, col, "unexpected reserved word: do. Anonymous functions are written as:\n\n"
                    + "    fn pattern -> expression end");
        } else if (last != null && (last.kind() == TokenKind.COMMA || last.kind() == TokenKind.SEMI) && !lenient) {
            throw SyntaxProblem.plain(line, col, SyntaxMessages.invalidDo("unexpected reserved word: do"));
        }
        addWithEolToken(new Token(TokenKind.DO, pos, end, line, col, "do"));
        pushBlock("do");
        moveTo(end);
    }

    /** Where an identifier starting at {@code p} ends: letters, digits, underscores, {@code @}, then an optional {@code ?} or {@code !}. */
    private int identifierEnd(int p, boolean atom) {
        if (p >= src.length()) {
            return p;
        }
        char c = src.charAt(p);
        boolean start = c < 128 ? isAsciiLetter(c) || c == '_'
                : Character.isLetter(c) && (atom || !Character.isUpperCase(c) && !Character.isTitleCase(c));
        if (!start) {
            return p;
        }
        int q = p + 1;
        while (q < src.length()) {
            char d = src.charAt(q);
            if (Character.isLetterOrDigit(d) || d == '_' || d == '@') {
                q++;
            } else if (d == '?' || d == '!') {
                return q + 1;
            } else {
                break;
            }
        }
        return q;
    }

    // ---- numbers and chars ----

    private void number() {
        int p = pos;
        StringBuilder digits = new StringBuilder();
        boolean isFloat = false;
        while (true) {
            char d = at(p);
            if (d >= '0' && d <= '9') {
                digits.append(d);
                p++;
            } else if (d == '_' && isDigit(at(p + 1))) {
                p++;
            } else if (d == '.' && !isFloat && isDigit(at(p + 1))) {
                isFloat = true;
                digits.append('.');
                p++;
            } else if (isFloat && (d == 'e' || d == 'E') && (isDigit(at(p + 1))
                    || ((at(p + 1) == '+' || at(p + 1) == '-') && isDigit(at(p + 2))))) {
                digits.append('e');
                p++;
                if (at(p) == '+' || at(p) == '-') {
                    digits.append(at(p));
                    p++;
                }
            } else {
                break;
            }
        }
        char next = at(p);
        if (isAsciiLetter(next) || next == '_') {
            throw SyntaxProblem.withSnippet(line, col, "invalid character \"" + next + "\" after number " + src.substring(pos, p)
                    + ". If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). "
                    + "If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: "
                    + next);
        }
        Object value;
        if (isFloat) {
            double d = Double.parseDouble(digits.toString());
            if (Double.isInfinite(d)) {
                throw SyntaxProblem.withSnippet(line, col, "invalid float number " + src.substring(pos, p));
            }
            value = d;
        } else {
            value = decimalInteger(digits);
        }
        add(new Token(isFloat ? TokenKind.FLT : TokenKind.INT, pos, p, line, col, value), p - pos);
    }

    private void basedInteger(int radix) {
        int p = pos + 2;
        StringBuilder digits = new StringBuilder();
        while (true) {
            char d = at(p);
            if (Character.digit(d, radix) >= 0 && d < 128) {
                digits.append(d);
                p++;
            } else if (d == '_' && Character.digit(at(p + 1), radix) >= 0 && at(p + 1) < 128) {
                p++;
            } else {
                break;
            }
        }
        add(new Token(TokenKind.INT, pos, p, line, col, integer(new BigInteger(digits.toString(), radix))), p - pos);
    }

    /**
     * A decimal literal's digits as {@link #integer(BigInteger)} types it: up to 18 digits always
     * fit a long, so the literals people type need no BigInteger.
     */
    private static Object decimalInteger(CharSequence digits) {
        if (digits.length() > 18) return integer(new BigInteger(digits.toString()));
        long n = Long.parseLong(digits, 0, digits.length(), 10);
        if (n == (int) n) return (int) n;
        return n;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) return false;
        }
        return true;
    }

    /** The smallest Java type that holds the integer: Integer, Long, then BigInteger. */
    static Object integer(BigInteger n) {
        if (n.bitLength() < 32) {
            return n.intValue();
        }
        if (n.bitLength() < 64) {
            return n.longValue();
        }
        return n;
    }

    private void charLiteral() {
        if (at(pos + 1) == '\\' && pos + 2 < src.length()) {
            int cp = src.codePointAt(pos + 2);
            int value = cp < 128 ? StringLexer.unescapeChar((char) cp) : cp;
            int len = 2 + Character.charCount(cp);
            add(new Token(TokenKind.CHAR, pos, pos + len, line, col, value), len);
            return;
        }
        int cp = src.codePointAt(pos + 1);
        if (cp == '\n') {
            tokens.add(new Token(TokenKind.CHAR, pos, pos + 2, line, col, cp));
            newlineAt(pos + 2);
            return;
        }
        int len = 1 + Character.charCount(cp);
        add(new Token(TokenKind.CHAR, pos, pos + len, line, col, cp), len);
    }

    // ---- helpers shared with StringLexer ----

    String src() {
        return src;
    }

    boolean lenient() {
        return lenient;
    }

    char at(int i) {
        return i < src.length() ? src.charAt(i) : 0;
    }

    Token last() {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }

    /** Adds a token that spans no newline and moves past it. */
    void add(Token token, int length) {
        tokens.add(token);
        moveTo(pos + length);
    }

    void addToken(Token token) {
        tokens.add(token);
    }

    private void addKw(String name, int length) {
        add(new Token(TokenKind.KW_IDENTIFIER, pos, pos + length, line, col, name), length);
    }

    private void addWithEol(TokenKind kind, String name, int length) {
        addWithEolToken(new Token(kind, pos, pos + length, line, col, name));
        moveTo(pos + length);
    }

    /** add_token_with_eol: a binary operator swallows the eol before it, so it continues the previous line. */
    void addWithEolToken(Token token) {
        Token last = last();
        if (last != null && last.kind() == TokenKind.EOL) {
            tokens.remove(tokens.size() - 1);
        }
        tokens.add(token);
    }

    /** Moves to {@code p} on the same line. */
    void moveTo(int p) {
        col += p - pos;
        pos = p;
    }

    /** Moves to {@code p}, just after a newline. */
    void newlineAt(int p) {
        pos = p;
        line++;
        col = 1;
    }

    int skipHorizontal(int p) {
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    SyntaxProblem unexpectedToken(int p) {
        int cp = src.codePointAt(p);
        String shown = SyntaxMessages.charName(cp);
        String what = shown != null ? shown : "\"" + new String(Character.toChars(cp)) + "\"";
        return SyntaxProblem.withSnippet(line, col, "unexpected token: " + what + " (column " + col + ", code point U+" + hex4(cp) + ")");
    }

    /** Erlang's ~4.16.0B: four upper-case hex digits, and "****" when the number needs more. */
    static String hex4(int cp) {
        String h = Integer.toHexString(cp).toUpperCase();
        return h.length() > 4 ? "****" : "0".repeat(4 - h.length()) + h;
    }

    /** The bidirectional formatting characters Elixir refuses in comments and strings (Trojan Source). */
    static boolean isBidi(char c) {
        return c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E || c == 0x2066 || c == 0x2067 || c == 0x2068
                || c == 0x202C || c == 0x2069;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSigilDelimiter(char c) {
        return "/<\"'[({|".indexOf(c) >= 0 && c != 0;
    }
}
