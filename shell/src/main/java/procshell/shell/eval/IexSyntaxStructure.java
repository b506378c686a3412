package procshell.shell.eval;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * Bracket structure of a token list, shared by the translator and {@link IexSyntax#isComplete}:
 * pairs <code>( [ { %{</code>, {@code fn ... end} and Elixir {@code do ... end} with their closers,
 * records nesting depth, and answers "where does this statement start/end" questions.
 */
final class IexSyntaxStructure {

    /** Tokens after which a '.'-style member name follows (so {@code x.nil}, {@code x.end} are names). */
    static final Set<String> MEMBER_ACCESS = Set.of(".", "?.", "*.", ".&", ".@", "::");

    /** Keywords that are never variables, predicate names or help commands. */
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "as", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "def", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "in", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return",
            "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
            "trait", "transient", "try", "var", "void", "volatile", "while", "yield", "true", "false", "null");

    /** Words before a name that make {@code fn} a Groovy declaration ({@code def fn = ...}). */
    private static final Set<String> FN_NAME_DECLARERS = Set.of("def", "var", "final", "static", "void");
    /** Operators that may follow {@code fn} when it opens a function ({@code fn -> }, {@code fn(a) ->}). */
    private static final Set<String> FN_PARAMETER_STARTS = Set.of("->", "(", "{", "%{", "[", "^");

    private static final Set<String> NOT_CONTINUATION = Set.of(")", "]", "}", "++", "--");

    final List<Token> tokens;
    /** Index of the matching opener/closer, or -1. */
    final int[] partner;
    /** Number of groups open before each token (for a closer: after it closes). */
    final int[] depth;
    /** A closer did not match the innermost open group. */
    boolean mismatched;
    /** Some group is still open at the end of the input. */
    boolean unclosed;

    IexSyntaxStructure(List<Token> tokens) {
        this.tokens = tokens;
        this.partner = new int[tokens.size()];
        this.depth = new int[tokens.size()];
        Arrays.fill(partner, -1);
        match();
    }

    private void match() {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth[i] = open.size();
            if (t.isOp("(") || t.isOp("[") || t.isOp("{") || t.isOp("%{") || isFnOpener(i) || isDoOpener(i)) {
                open.push(i);
            } else if (t.isIdent("end") && !open.isEmpty() && tokens.get(open.peek()).kind() == Kind.IDENT
                    && !afterMemberAccess(i)) {
                pair(open.pop(), i);
                depth[i] = open.size();
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                closeGroup(open, i);
                depth[i] = open.size();
            }
        }
        unclosed = !open.isEmpty();
    }

    /** Pairs a closer with the innermost opener of its kind, abandoning any groups opened inside it. */
    private void closeGroup(Deque<Integer> open, int closer) {
        if (!open.isEmpty() && closes(tokens.get(open.peek()), tokens.get(closer))) {
            pair(open.pop(), closer);
            return;
        }
        mismatched = true;
        for (int opener : open) {
            if (closes(tokens.get(opener), tokens.get(closer))) {
                while (open.peek() != opener) {
                    open.pop();
                }
                pair(open.pop(), closer);
                return;
            }
        }
    }

    private static boolean closes(Token opener, Token closer) {
        return switch (closer.text()) {
            case ")" -> opener.isOp("(");
            case "]" -> opener.isOp("[");
            default -> opener.isOp("{") || opener.isOp("%{");
        };
    }

    private void pair(int opener, int closer) {
        partner[opener] = closer;
        partner[closer] = opener;
    }

    boolean isOpener(int i) {
        return partner[i] > i;
    }

    /**
     * Whether an {@code fn} identifier opens an Elixir anonymous function rather than being a Groovy
     * name ({@code def fn = ...}, {@code fn(3)}, {@code x.fn}): it needs an {@code ->} ahead, before
     * anything that would end a parameter list. At the end of input a bare {@code fn} or
     * {@code fn x} counts as an unfinished function, so the console asks for more.
     */
    boolean isFnOpener(int i) {
        if (!tokens.get(i).isIdent("fn") || afterMemberAccess(i)) {
            return false;
        }
        int prev = prevSignificant(i);
        if (prev >= 0 && FN_NAME_DECLARERS.contains(tokens.get(prev).text())) {
            return false;
        }
        int next = nextSignificant(i);
        if (next < 0) {
            // a bare "fn" at the end: unfinished after an operator, a variable after a name (println fn)
            return prev < 0 || tokens.get(prev).kind() == Kind.OP;
        }
        Token first = tokens.get(next);
        if (first.kind() == Kind.OP && !FN_PARAMETER_STARTS.contains(first.text())) {
            return false;
        }
        int level = 0;
        boolean seenToken = false;
        for (int k = i + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() == Kind.NEWLINE) {
                if (level == 0 && seenToken) {
                    return false;
                }
                continue;
            }
            if (!t.significant()) {
                continue;
            }
            seenToken = true;
            if (level == 0 && t.isOp("->")) {
                return true;
            } else if (t.isOp("(") || t.isOp("[") || t.isOp("{") || t.isOp("%{")) {
                level++;
            } else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                if (level-- == 0) {
                    return false;
                }
            } else if (level == 0 && (t.isOp(";") || t.isOp("=") || t.isIdent("end") || t.isIdent("fn"))) {
                return false;
            }
        }
        return !first.isOp("(");
    }

    /**
     * An Elixir {@code do} ending its line ({@code case x do}, {@code receive do}) opens a block
     * closed by {@code end}; so does the {@code do} of {@code receive do}, anywhere. Only
     * {@code receive} is translated, but pairing the others keeps an enclosing {@code fn} from
     * taking their {@code end}. Groovy's {@code do} is followed by a statement on the same line.
     */
    boolean isDoOpener(int i) {
        if (!tokens.get(i).isIdent("do") || afterMemberAccess(i)) {
            return false;
        }
        int prev = prevSignificant(i);
        if (prev >= 0 && tokens.get(prev).isIdent("receive") && !afterMemberAccess(prev)) {
            return true; // receive do ... end, also on one line (translated by ReceiveSyntax)
        }
        if (caseBefore(i) && !(i + 1 < tokens.size() && tokens.get(i + 1).isOp(":"))) { // not the key of do: value
            return true; // case/if/unless ... do ... end, also on one line (ReceiveSyntax, IfSyntax)
        }
        int next = nextSignificant(i);
        return next < 0 ? prev >= 0 : newlineBetween(i, next) && !tokens.get(next).isOp("{");
    }

    /** A {@code case}, {@code if} or {@code unless} starts the line of the {@code do} at {@code i}, with only its subject between them. */
    private boolean caseBefore(int i) {
        for (int k = prevSignificant(i); k >= 0 && !newlineBetween(k, i); k = prevSignificant(k)) {
            Token t = tokens.get(k);
            if (partner[k] >= 0 && partner[k] < k) {
                k = partner[k]; // a closed group of the subject
                continue;
            }
            if (t.isIdent("case") || t.isIdent("if") || t.isIdent("unless")) {
                return !afterMemberAccess(k);
            }
            if (t.isOp(";") || t.isOp(":") || t.isOp("->") || t.isOp("(") || t.isOp("[") || t.isOp("{") || t.isOp("%{")
                    || t.isIdent("do") || t.isIdent("end") || t.isIdent("fn")) {
                return false;
            }
        }
        return false;
    }

    int prevSignificant(int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (tokens.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }

    int nextSignificant(int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (tokens.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }

    boolean newlineBetween(int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (tokens.get(k).kind() == Kind.NEWLINE) {
                return true;
            }
        }
        return false;
    }

    boolean afterMemberAccess(int i) {
        int prev = prevSignificant(i);
        return prev >= 0 && tokens.get(prev).kind() == Kind.OP && MEMBER_ACCESS.contains(tokens.get(prev).text());
    }

    /** An operator (other than a closer or postfix) at the end of a line continues the statement. */
    boolean isContinuation(int i) {
        Token t = tokens.get(i);
        return t.kind() == Kind.OP && !NOT_CONTINUATION.contains(t.text()) && !isNameSuffix(i);
    }

    /** The {@code ?} or {@code !} that ends a name, as in {@code Node.alive?}: no operator. */
    boolean isNameSuffix(int i) {
        Token t = tokens.get(i);
        if (!t.isOp("?") && !t.isOp("!")) return false;
        Token before = i > 0 ? tokens.get(i - 1) : null;
        return before != null && before.kind() == Kind.IDENT && before.end() == t.start();
    }

    /** Token {@code i} starts a statement: input start, after ';' or '{', or on a new line after a finished one. */
    boolean isStatementStart(int i) {
        int prev = prevSignificant(i);
        if (prev < 0) {
            return true;
        }
        Token p = tokens.get(prev);
        if (p.isOp(";") || p.isOp("{")) {
            return true;
        }
        return newlineBetween(prev, i) && !isContinuation(prev);
    }

    /**
     * Index of the token that ends the statement containing {@code from} (a ';', a newline, an
     * enclosing closer) or the token count. Groups are skipped whole; a newline after an operator or
     * before a {@code .method} chain line does not end the statement.
     */
    int statementEnd(int from) {
        int k = from;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            if (isOpener(k)) {
                k = partner[k] + 1;
                continue;
            }
            if (partner[k] >= 0 || t.isOp(";") || t.isOp(")") || t.isOp("]") || t.isOp("}")) {
                return k;
            }
            if (t.kind() == Kind.NEWLINE) {
                int prev = prevSignificant(k);
                int next = nextSignificant(k);
                boolean continued = (prev >= 0 && isContinuation(prev))
                        || (next >= 0 && tokens.get(next).kind() == Kind.OP
                            && (MEMBER_ACCESS.contains(tokens.get(next).text()) || tokens.get(next).isOp("|>")));
                if (!continued) {
                    return k;
                }
            }
            k++;
        }
        return tokens.size();
    }
}
