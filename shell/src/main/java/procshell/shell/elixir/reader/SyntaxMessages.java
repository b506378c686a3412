package procshell.shell.elixir.reader;

import java.util.List;

/**
 * Elixir's syntax error texts ({@code elixir_parser.yrl}, {@code elixir_tokenizer.erl},
 * {@code elixir_errors.erl}), and how a token is shown in "syntax error before: ..." (yecc's
 * {@code yecctoken2string/1} as Elixir's {@code parse_error/5} refines it).
 */
final class SyntaxMessages {
    private SyntaxMessages() {
    }

    static final String RESERVED_SUFFIX = "\" is a reserved word in Elixir and therefore its usage is limited. "
            + "For instance, it can't be used as a variable or be defined nor invoked as a regular function";

    static String invalidDo(String prefix) {
        return prefix + ". In case you wanted to write a \"do\" expression, "
                + "you must either use do-blocks or separate the keyword argument with comma. "
                + "For example, you should either write:\n\n"
                + "    if some_condition? do\n      :this\n    else\n      :that\n    end\n\n"
                + "or the equivalent construct:\n\n"
                + "    if(some_condition?, do: :this, else: :that)\n\n"
                + "where \"some_condition?\" is the first argument and the second argument is a keyword list.\n\n"
                + "You may see this error if you forget a trailing comma before the \"do\" in a \"do\" block";
    }

    static final String NO_PARENS_MANY = "unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\n"
            + "This error happens when you have nested function calls without parentheses. For example:\n\n"
            + "    one a, two b, c, d\n\n"
            + "In the example above, we don't know if the parameters \"c\" and \"d\" apply to the function \"one\" or \"two\". "
            + "You can solve this by explicitly adding parentheses:\n\n"
            + "    one a, two(b, c, d)\n\n"
            + "Or by adding commas (in case a nested call is not intended):\n\n"
            + "    one, a, two, b, c, d\n\n"
            + "Elixir cannot compile otherwise. Syntax error before: ','";

    static final String NO_PARENS_CONTAINER = "unexpected comma. Parentheses are required to solve ambiguity inside containers.\n\n"
            + "This error may happen when you forget a comma in a list or other container:\n\n"
            + "    [a, b c, d]\n\n"
            + "Or when you have ambiguous calls:\n\n"
            + "    [one, two three, four, five]\n\n"
            + "In the example above, we don't know if the parameters \"four\" and \"five\" belongs to the list or the function \"two\". "
            + "You can solve this by explicitly adding parentheses:\n\n"
            + "    [one, two(three, four), five]\n\n"
            + "Elixir cannot compile otherwise. Syntax error before: ','";

    static final String NO_PARENS_STRICT = "unexpected parentheses. If you are making a function call, do not insert spaces "
            + "between the function name and the opening parentheses. Syntax error before: '('";

    static final String KW_CALL_FOLLOW_UP = "unexpected expression after keyword list. Keyword lists must always come as the last argument. "
            + "Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\n"
            + "Instead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: ','";

    static final String KW_DATA_FOLLOW_UP = "unexpected expression after keyword list. Keyword lists must always come last in lists and maps. "
            + "Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\n"
            + "Instead, reorder it to be the last entry:\n\n    [:another, some: :value]\n    %{another => value, some: :value}\n\n"
            + "Syntax error after: ','";

    static final String INVALID_STAB = "unexpected operator ->. If you want to define multiple clauses, the first expression must use ->. "
            + "Syntax error before: '->'";

    static final String FN_WITHOUT_STAB = "expected anonymous functions to be defined with -> inside: 'fn'";

    static final String RANGE_STEP = "the range step operator (//) must immediately follow the range definition operator (..), "
            + "for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error before: '//'";

    static final String ATOM_ALIAS = "atom cannot be followed by an alias. If the '.' was meant to be part of the atom's name, "
            + "the atom name must be quoted. Syntax error before: '.'";

    /** handle_char/1: the name Elixir gives a whitespace or control character in "unexpected token" errors. */
    static String charName(int cp) {
        return switch (cp) {
            case 0 -> "null byte";
            case 7 -> "alert";
            case 8 -> "backspace";
            case 127 -> "delete";
            case 27 -> "escape";
            case 12 -> "form feed";
            case 10 -> "newline";
            case 13 -> "carriage return";
            case 32 -> "space";
            case 9 -> "tab";
            case 11 -> "vertical tab";
            default -> null;
        };
    }

    /**
     * The problem "syntax error before: token" raises for {@code token}, with Elixir's refinements:
     * end of input is a TokenMissingError, an eol and reserved words have their own texts, strings
     * and sigils are shown by content.
     */
    static SyntaxProblem before(Token token, Token lastToken, String src) {
        return before(token, lastToken, src, false);
    }

    /**
     * As {@link #before(Token, Token, String)}; {@code afterAccess} tells that the token follows a
     * literal, container or call (Elixir's access_expr), after which a keyword key is reported as
     * {@code 'key:'} (and {@code do:} with the do-block hint).
     */
    static SyntaxProblem before(Token token, Token lastToken, String src, boolean afterAccess) {
        if (token == null) {
            int line = lastToken == null ? 1 : lastToken.line();
            int col = lastToken == null ? 1 : lastToken.column();
            return SyntaxProblem.missing(line, col, "syntax error: expression is incomplete");
        }
        int line = token.line();
        int col = token.column();
        switch (token.kind()) {
            case EOL -> {
                return SyntaxProblem.plain(line, col,
                        "unexpectedly reached end of line. The current expression is invalid or incomplete");
            }
            case KW_IDENTIFIER -> {
                if (afterAccess && "do".equals(token.name())) {
                    return SyntaxProblem.plain(line, col, invalidDo("unexpected keyword: do:"));
                }
                if (afterAccess) {
                    return SyntaxProblem.withSnippet(line, col, "syntax error before: '" + token.name() + ":'");
                }
            }
            case SIGIL -> {
                Sigil s = (Sigil) token.value();
                List<Object> parts = s.body().parts();
                String content = parts.get(0) instanceof String str ? str : "";
                return SyntaxProblem.plain(line, col, "syntax error before: sigil ~" + s.letter() + " starting with content '" + content + "'");
            }
            case BIN_STRING, LIST_STRING, BIN_HEREDOC, LIST_HEREDOC -> {
                List<Object> parts = ((StringParts) token.value()).parts();
                String shown = parts.get(0) instanceof String str ? "\"" + str + "\"" : "\"";
                return SyntaxProblem.plain(line, col, "syntax error before: " + shown);
            }
            case CHAR -> {
                return SyntaxProblem.plain(line, col, "syntax error before: ?" + new String(Character.toChars((Integer) token.value())));
            }
            default -> {
            }
        }
        String shown = show(token, src);
        if (RESERVED_SHOWN.contains(shown)) {
            return reserved(line, col, shown.replace("'", ""));
        }
        return SyntaxProblem.withSnippet(line, col, "syntax error before: " + shown);
    }

    /** Reserved words as yecc shows them (Erlang's own reserved words in quotes), which Elixir explains. */
    private static final java.util.Set<String> RESERVED_SHOWN = java.util.Set.of(
            "'not'", "'and'", "'or'", "'when'", "'after'", "'catch'", "'end'", "fn", "else", "rescue", "true", "false", "nil", "in");

    private static SyntaxProblem reserved(int line, int col, String word) {
        return SyntaxProblem.plain(line, col, "syntax error before: " + word + ". \"" + word + RESERVED_SUFFIX);
    }

    /** yecctoken2string: punctuation and operators quoted as Erlang atoms, names as written, numbers as their text. */
    static String show(Token token, String src) {
        return switch (token.kind()) {
            case INT, FLT -> "\"" + src.substring(token.start(), token.end()) + "\"";
            case COMMA -> "','";
            case SEMI -> "';'";
            case DOT, DOT_CALL_OP -> "'.'";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case LBRACKET -> "'['";
            case RBRACKET -> "']'";
            case LCURLY -> "'{'";
            case RCURLY -> "'}'";
            case LBIT -> "'<<'";
            case RBIT -> "'>>'";
            case MAP_OP -> "'%{}'";
            case STRUCT_OP -> "'%'";
            case DO -> "do";
            case END -> "'end'";
            case FN -> "fn";
            case TRUE -> "true";
            case FALSE -> "false";
            case NIL -> "nil";
            case ATOM_UNSAFE, KW_IDENTIFIER_UNSAFE -> "\"\"";
            default -> erlangAtom(token.name());
        };
    }

    /** An atom as Erlang's ~tp writes it: bare when it is a plain lowercase name, else in single quotes. */
    static String erlangAtom(String name) {
        if (name == null) {
            return "''";
        }
        boolean bare = !name.isEmpty() && name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
        for (int i = 0; i < name.length() && bare; i++) {
            char c = name.charAt(i);
            bare = Character.isLetterOrDigit(c) || c == '_' || c == '@';
        }
        if (bare && !ERLANG_RESERVED.contains(name)) {
            return name;
        }
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static final java.util.Set<String> ERLANG_RESERVED = java.util.Set.of(
            "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch", "cond",
            "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try", "when", "xor");
}
