package procshell.shell.elixir.reader;

/**
 * One token of Elixir source: its kind, its text span ({@code start} inclusive, {@code end}
 * exclusive, as offsets in the source), its 1-based line and column, and its value: the operator
 * or identifier name ({@code String}), the number, or the parts of a string ({@link StringParts})
 * or sigil ({@link Sigil}).
 */
public final class Token {
    private TokenKind kind;
    private final int start;
    private final int end;
    private final int line;
    private final int column;
    private final Object value;

    /** A token; see the class comment for the fields. */
    public Token(TokenKind kind, int start, int end, int line, int column, Object value) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    /** What the token is. */
    public TokenKind kind() {
        return kind;
    }

    /** Offset of the token's first character in the source. */
    public int start() {
        return start;
    }

    /** Offset just past the token's last character in the source. */
    public int end() {
        return end;
    }

    /** 1-based line of the token's start. */
    public int line() {
        return line;
    }

    /** 1-based column of the token's start. */
    public int column() {
        return column;
    }

    /** The token's value (name, number, string parts, sigil), or null for punctuation. */
    public Object value() {
        return value;
    }

    /** The value as a name ({@code "+"}, {@code "foo"}, {@code "Foo"}). */
    String name() {
        return (String) value;
    }

    /** Re-kinds an identifier once what follows it is known (Elixir does the same: op_identifier, do_identifier). */
    void rekind(TokenKind newKind) {
        this.kind = newKind;
    }

    @Override
    public String toString() {
        return kind + "@" + line + ":" + column + (value == null ? "" : "(" + value + ")");
    }
}
