package procshell.shell.elixir.reader;

/**
 * The kinds of token Elixir's tokenizer ({@code elixir_tokenizer.erl}) produces, plus two kinds
 * ({@link #COMMENT}, {@link #ERROR}) that only the lenient colouring tokenizer emits.
 * Binary operators carry their precedence and associativity from {@code elixir_parser.yrl}.
 */
public enum TokenKind {
    IDENTIFIER, PAREN_IDENTIFIER, BRACKET_IDENTIFIER, DO_IDENTIFIER, OP_IDENTIFIER,
    ALIAS, KW_IDENTIFIER, KW_IDENTIFIER_UNSAFE,
    ATOM, ATOM_UNSAFE, BIN_STRING, LIST_STRING, BIN_HEREDOC, LIST_HEREDOC, SIGIL,
    INT, FLT, CHAR,
    TRUE, FALSE, NIL, FN, DO, END, BLOCK_IDENTIFIER,
    AT_OP, UNARY_OP, CAPTURE_OP, DUAL_OP(210, false),
    MULT_OP(220, false), POWER_OP(230, false), CONCAT_OP(200, true), RANGE_OP(200, true),
    TERNARY_OP(190, true), XOR_OP(180, false), IN_OP(170, false), ARROW_OP(160, false),
    REL_OP(150, false), COMP_OP(140, false), AND_OP(130, false), OR_OP(110, false),
    MATCH_OP(100, true), PIPE_OP(70, true), TYPE_OP(60, true), WHEN_OP(50, true),
    IN_MATCH_OP(40, false), STAB_OP, ASSOC_OP, DOT_CALL_OP,
    EOL, SEMI, COMMA, DOT, LPAREN, RPAREN, LBRACKET, RBRACKET, LCURLY, RCURLY, LBIT, RBIT,
    MAP_OP, STRUCT_OP,
    COMMENT, ERROR;

    private final int precedence;
    private final boolean rightAssoc;

    TokenKind() {
        this(0, false);
    }

    TokenKind(int precedence, boolean rightAssoc) {
        this.precedence = precedence;
        this.rightAssoc = rightAssoc;
    }

    /** The binary precedence of this operator kind in Elixir's table, 0 when it is no binary operator. */
    public int precedence() {
        return precedence;
    }

    /** True for the right-associative operators ({@code = | :: when ++ .. //}...). */
    public boolean rightAssoc() {
        return rightAssoc;
    }

    /** True for identifiers in any of their call forms ({@code foo}, {@code foo(}, {@code foo[}...). */
    public boolean isIdentifier() {
        return this == IDENTIFIER || this == PAREN_IDENTIFIER || this == BRACKET_IDENTIFIER
                || this == DO_IDENTIFIER || this == OP_IDENTIFIER;
    }
}
