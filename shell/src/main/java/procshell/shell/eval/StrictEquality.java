package procshell.shell.eval;

import java.util.List;
import java.util.Set;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * Finds Elixir's strict comparisons {@code a === b} and {@code a !== b}. Groovy has the same
 * operators but they compare references ({@code x === 1000} is false for a bound 1000), so the
 * translator emits them as calls to {@link Values#strictlyEqual}: {@code 1 === 1.0} is false as
 * in Elixir, {@code 1000 === 1000} true. An operand runs from the operator to the nearest
 * operator or word that binds more loosely (a comparison, {@code =}, {@code &&}, {@code ,}, a
 * keyword...), an enclosing bracket or the end of the statement; groups are taken whole.
 */
final class StrictEquality {
    /** The call that replaces {@code ===}; {@code !==} is its negation. */
    static final String CALL = "procshell.shell.eval.Values.strictlyEqual(";

    /** Operators and words that bind more loosely than {@code ===}, or as loosely. */
    private static final Set<String> STOPS = Set.of(
            ",", ";", "=", "==", "!=", "===", "!==", "=~", "&&", "||", "and", "or", "not", "?", ":", "?:", "->",
            "=>", "+=", "-=", "*=", "/=", "<-", "\\\\", "when", "do", "in", "|");

    private StrictEquality() {}

    /**
     * For each {@code ===} / {@code !==}, the operands' extent, recorded at the left operand's
     * first token: {@code operator[start]} is the operator's index and {@code end[start]} the
     * index after the right operand's last token (both 0 where nothing starts).
     */
    record Spans(int[] operator, int[] end) {}

    static Spans find(List<Token> tokens, IexSyntaxStructure structure) {
        int[] operator = new int[tokens.size()];
        int[] end = new int[tokens.size()];
        for (int op = 0; op < tokens.size(); op++) {
            Token t = tokens.get(op);
            if (!t.isOp("===") && !t.isOp("!==")) {
                continue;
            }
            int start = leftStart(tokens, structure, op);
            int stop = rightEnd(tokens, structure, op);
            if (start >= 0 && stop > op + 1 && operator[start] == 0) {
                operator[start] = op;
                end[start] = stop;
            }
        }
        return new Spans(operator, end);
    }

    private static boolean stops(Token t) {
        return (t.kind() == Kind.OP || t.kind() == Kind.IDENT) && STOPS.contains(t.text())
                || t.kind() == Kind.IDENT && IexSyntaxStructure.KEYWORDS.contains(t.text())
                        && !Set.of("true", "false", "null", "this", "new").contains(t.text());
    }

    /** The first significant token of the left operand, or -1. */
    private static int leftStart(List<Token> tokens, IexSyntaxStructure structure, int op) {
        int first = -1;
        for (int k = op - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (structure.partner[k] >= 0 && structure.partner[k] < k) {
                k = structure.partner[k];
                t = tokens.get(k);
            } else if (structure.isOpener(k) || stops(t)) {
                break;
            } else if (t.kind() == Kind.NEWLINE) {
                int prev = structure.prevSignificant(k);
                if (prev < 0 || !structure.isContinuation(prev)) {
                    break;
                }
            }
            if (t.significant()) {
                first = k;
            }
        }
        return first;
    }

    /** The index after the right operand's last significant token. */
    private static int rightEnd(List<Token> tokens, IexSyntaxStructure structure, int op) {
        int last = op;
        for (int k = op + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (structure.isOpener(k)) {
                k = structure.partner[k];
                last = k;
                continue;
            }
            if (structure.partner[k] >= 0 || stops(t)) {
                break;
            }
            if (t.kind() == Kind.NEWLINE) {
                int prev = structure.prevSignificant(k);
                if (prev < 0 || !structure.isContinuation(prev)) {
                    break;
                }
            }
            if (t.significant()) {
                last = k;
            }
        }
        return last + 1;
    }
}
