package procshell.shell.eval;

import java.util.EnumSet;
import java.util.Set;

import procshell.shell.elixir.reader.Token;
import procshell.shell.elixir.reader.TokenKind;
import procshell.shell.elixir.reader.Tokenizer;

/**
 * iex's pipe shorthand: an input that starts with a binary operator such as {@code |>} continues
 * the previous result, as if {@code v(-1)} stood before it.
 *
 * <pre>{@code
 * iex(1)> [1, 2, 3]
 * [1, 2, 3]
 * iex(2)> |> Enum.sum()
 * 6
 * }</pre>
 *
 * The operators are the ones IEx.Evaluator's {@code @op_tokens} lists (Elixir 1.14): {@code or},
 * {@code and}, comparison, relational, arrow ({@code |>}, {@code <<<}, ...), {@code in},
 * concatenation ({@code ++}, {@code <>}, ...), multiplication and {@code ^^^}.
 */
final class PipeShorthand {
    /** What an input that starts with such an operator is read with in front of it. */
    static final String PREVIOUS_RESULT = "v(-1) ";

    private static final Set<TokenKind> OPERATORS = EnumSet.of(TokenKind.OR_OP, TokenKind.AND_OP, TokenKind.COMP_OP,
            TokenKind.REL_OP, TokenKind.ARROW_OP, TokenKind.IN_OP, TokenKind.XOR_OP, TokenKind.CONCAT_OP, TokenKind.MULT_OP);

    private PipeShorthand() {}

    /** True when the input's first token is one of those operators. */
    static boolean applies(String source) {
        for (Token t : Tokenizer.tokenize(source)) {
            if (t.kind() == TokenKind.EOL || t.kind() == TokenKind.COMMENT) continue;
            return OPERATORS.contains(t.kind());
        }
        return false;
    }
}
