package procshell.shell.eval;

import java.util.List;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * Elixir's unary minus binds tighter than {@code **} ({@code -2 ** 2} is 4); Groovy's binds
 * looser ({@code -(2 ** 2)}, -4). The translator parenthesises {@code -operand} when a power
 * follows a single-token operand (a number or a variable): {@code (-2) ** 2}.
 */
final class UnaryMinus {
    private UnaryMinus() {}

    /**
     * For a unary {@code -} at {@code i} whose operand (one number or name token) is followed by
     * {@code **}, the operand's index; otherwise -1.
     */
    static int operandBeforePower(List<Token> tokens, IexSyntaxStructure structure, int i) {
        if (!tokens.get(i).isOp("-")) return -1;
        int prev = structure.prevSignificant(i);
        boolean closer = prev >= 0 && structure.partner[prev] >= 0 && structure.partner[prev] < prev;
        if (prev >= 0 && (tokens.get(prev).kind() != Kind.OP || closer)) return -1;
        int operand = structure.nextSignificant(i);
        if (operand < 0 || (tokens.get(operand).kind() != Kind.NUMBER && tokens.get(operand).kind() != Kind.IDENT)
                || structure.isOpener(operand)) {
            return -1;
        }
        int next = structure.nextSignificant(operand);
        return next > 0 && tokens.get(next).isOp("**") ? operand : -1;
    }
}
