package procshell.shell.elixir.reader;

import java.util.List;

/**
 * The parts of a string, charlist, quoted atom or sigil body: literal text ({@code String}) and
 * interpolations ({@link Interpolation}), in order. A part list with no interpolation holds
 * exactly one string (possibly empty), as Elixir's {@code elixir_interpolation:extract/6} gives it.
 */
record StringParts(List<Object> parts) {

    /** One {@code #{...}}: where it starts and the tokens inside it. */
    record Interpolation(int line, int column, List<Token> tokens) {
    }

    /** True when this is plain text with no interpolation. */
    boolean isLiteral() {
        return parts.size() == 1 && parts.get(0) instanceof String;
    }

    /** The text of a literal part list. */
    String literal() {
        return (String) parts.get(0);
    }
}
