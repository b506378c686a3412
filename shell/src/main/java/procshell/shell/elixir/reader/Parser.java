package procshell.shell.elixir.reader;

import static procshell.shell.elixir.reader.Quoted.block;
import static procshell.shell.elixir.reader.Quoted.meta;
import static procshell.shell.elixir.reader.Quoted.node;

import java.util.ArrayList;
import java.util.List;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Elixir's parser ({@code elixir_parser.yrl}, Elixir 1.14) as precedence climbing over the
 * tokens: operators by Elixir's table, calls with and without parentheses (a call without them
 * takes the rest of the expression, commas included, as its arguments), do-blocks given to the
 * outermost call without parentheses, stab clauses, containers and keyword lists. It tracks
 * which expressions are "no parens" calls with several arguments so that it rejects them where
 * Elixir does ({@code [f a, b]}, {@code g(1, f a, b)}).
 */
final class Parser {
    private static final Atom ACCESS = Atom.of("Elixir.Access");
    private static final Atom GET = Atom.of("get");
    private static final Atom LIST = Atom.of("Elixir.List");
    private static final Atom TO_CHARLIST = Atom.of("to_charlist");
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Atom BINARY_TO_ATOM = Atom.of("binary_to_atom");
    private static final Atom UTF8 = Atom.of("utf8");
    private static final Atom DO = Atom.of("do");
    private static final Atom MAP = Atom.of("%{}");
    private static final Atom STRUCT = Atom.of("%");
    private static final Atom TUPLE = Atom.of("{}");
    private static final Atom PIPE = Atom.of("|");
    private static final Atom RANGE = Atom.of("..");
    private static final Atom RANGE_STEP = Atom.of("..//");
    private static final Atom AMP = Atom.of("&");
    private static final Atom FN = Atom.of("fn");

    /** Tokens that may follow a complete expression (besides binary operators). */
    private static final java.util.Set<TokenKind> FOLLOWS_EXPRESSION = java.util.EnumSet.of(TokenKind.EOL, TokenKind.SEMI,
            TokenKind.COMMA, TokenKind.RPAREN, TokenKind.RBRACKET, TokenKind.RCURLY, TokenKind.RBIT, TokenKind.END,
            TokenKind.BLOCK_IDENTIFIER, TokenKind.STAB_OP, TokenKind.ASSOC_OP, TokenKind.DO);

    /** Set to read the expression after a misplaced keyword list, whose first call takes one argument. */
    private boolean oneArg;
    /** Whether the identifier being read is that first call. */
    private boolean oneArgCall;

    /** The parenthesis after a call's name and a space ({@code f (a, b)}): holding arguments there is an error. */
    private Token strictParen;

    private final List<Token> toks;
    private final String src;
    private int i;
    /** Whether the expression just parsed is a call without parentheses with several arguments (or holds one on its right). */
    private boolean noParens;

    /** A stab clause while its body is being collected. */
    private record Clause(List<Object> meta, List<Object> args, Object rhs) {
    }

    Parser(List<Token> toks, String src) {
        this.toks = toks;
        this.src = src;
    }

    // ---- grammar ----

    /** The whole input: expressions separated by newlines or semicolons, as one block. */
    Object grammar() {
        List<Object> exprs = new ArrayList<>();
        skipEoe();
        while (peek() != null) {
            exprs.add(expr(false));
            Token t = peek();
            if (t == null) {
                break;
            }
            if (t.kind() != TokenKind.EOL && t.kind() != TokenKind.SEMI) {
                throw error(t);
            }
            skipEoe();
        }
        if (exprs.isEmpty()) {
            return Quoted.emptyBlock();
        }
        return block(exprs);
    }

    // ---- expressions ----

    private Object expr(boolean noDo) {
        return binary(0, noDo);
    }

    private Object binary(int minPrec, boolean noDo) {
        return binaryRest(unary(noDo), minPrec, noDo, true);
    }

    /**
     * The binary operators after {@code left} whose precedence is at least {@code minPrec}
     * ({@code pipe} false leaves a top-level {@code |} alone: a map's update). Tracks
     * {@link #unmatched} and {@link #noParens} of the result.
     */
    private Object binaryRest(Object left, int minPrec, boolean noDo, boolean pipe) {
        boolean leftUnmatched = unmatched;
        while (true) {
            Token op = peek();
            if (op == null) {
                break;
            }
            int prec = op.kind().precedence();
            if (prec == 0 || prec < minPrec || (!pipe && op.kind() == TokenKind.PIPE_OP)) {
                break;
            }
            i++;
            skipEol();
            if (op.kind() == TokenKind.WHEN_OP && isKw(peek())) {
                left = buildOp(left, op, kwList(KwMode.NO_PARENS, null));
                noParens = true;
                continue;
            }
            Object right = binary(op.kind().rightAssoc() ? prec : prec + 1, noDo);
            boolean rightNoParens = noParens && !leftUnmatched; // unmatched_expr -> unmatched_expr no_parens_op_expr
            leftUnmatched |= unmatched;
            left = buildOp(left, op, right);
            noParens = rightNoParens;
        }
        unmatched = leftUnmatched;
        return left;
    }

    /**
     * unmatched_expr -> unary_op expr: an operand that is (or holds) a do-block call makes the
     * operator take the whole expression after it ({@code -if a do 1 end + 2} is {@code -(... + 2)}).
     */
    private Object wholeIfUnmatched(Object operand, boolean noDo) {
        return unmatched ? binaryRest(operand, 0, noDo, true) : operand;
    }

    private Object buildOp(Object left, Token op, Object right) {
        String name = op.name();
        List<Object> m = meta(op);
        if (op.kind() == TokenKind.TERNARY_OP) {
            if (Quoted.isNode(left, RANGE, 2)) {
                List<Object> a = Quoted.args(left);
                return node(RANGE_STEP, Quoted.metaOf(left), Quoted.list(a.get(0), a.get(1), right));
            }
            Token n = peek();
            if (n != null && n.kind().precedence() == 0 && !FOLLOWS_EXPRESSION.contains(n.kind())
                    && isNoParensCall(right) && i > 0 && toks.get(i - 1).kind() != TokenKind.RPAREN) {
                throw error(n); // after a call without parentheses Elixir meets this error before it reduces the //
            }
            throw SyntaxProblem.withSnippet(op.line(), op.column(), SyntaxMessages.RANGE_STEP);
        }
        if (name.equals("not in")) {
            return node(Quoted.NOT, m, Quoted.list(node(Quoted.IN, m, Quoted.list(left, right))));
        }
        if (name.equals("in") && (Quoted.isNode(left, Quoted.NOT, 1) || Quoted.isNode(left, Quoted.BANG, 1))) {
            Tuple u = (Tuple) left;
            return node(u.get(0), m, Quoted.list(node(Quoted.IN, m, Quoted.list(Quoted.args(u).get(0), right))));
        }
        return node(Atom.of(name), m, Quoted.list(left, right));
    }

    private Object unary(boolean noDo) {
        Token t = peek();
        if (t == null) {
            throw error(null);
        }
        switch (t.kind()) {
            case UNARY_OP, DUAL_OP -> {
                i++;
                skipEol();
                Object operand = wholeIfUnmatched(unary(noDo), noDo);
                return node(Atom.of(t.name()), meta(t), Quoted.list(operand));
            }
            case TERNARY_OP -> {
                i++;
                skipEol();
                Object operand = wholeIfUnmatched(unary(noDo), noDo);
                List<Object> m = meta(t);
                Atom slash = Atom.of("/");
                return node(slash, meta(t.line(), t.column() + 1), Quoted.list(node(slash, m, null), operand));
            }
            case AT_OP -> {
                i++;
                skipEol();
                Token n = peek();
                Token n1 = peekAt(1);
                if (n != null && n.kind() == TokenKind.CAPTURE_OP && n1 != null && n1.kind() == TokenKind.INT) {
                    i += 2; // @&1 is an access_expr: what follows applies to the @
                    noParens = false;
                    return postfix(node(Atom.of("@"), meta(t), Quoted.list(node(AMP, meta(n), Quoted.list(n1.value())))), true, noDo);
                }
                Object operand = n != null && (n.kind() == TokenKind.UNARY_OP || n.kind() == TokenKind.DUAL_OP
                        || n.kind() == TokenKind.TERNARY_OP
                        || n.kind() == TokenKind.AT_OP || n.kind() == TokenKind.CAPTURE_OP) ? unary(noDo) : primary(noDo);
                boolean np = noParens;
                if (unmatched) {
                    return node(Atom.of("@"), meta(t), Quoted.list(binaryRest(operand, 0, noDo, true)));
                }
                Object at = node(Atom.of("@"), meta(t), Quoted.list(operand));
                if (np) {
                    return at;
                }
                return postfix(at, true, noDo);
            }
            case CAPTURE_OP -> {
                i++;
                skipEol();
                Token n = peek();
                if (n != null && n.kind() == TokenKind.INT) {
                    i++;
                    noParens = false;
                    return postfix(node(AMP, meta(t), Quoted.list(n.value())), true, noDo);
                }
                Object operand = wholeIfUnmatched(binary(TokenKind.MATCH_OP.precedence() - 9, noDo), noDo);
                return node(AMP, meta(t), Quoted.list(operand));
            }
            default -> {
                return primaryWithPostfix(noDo);
            }
        }
    }

    private boolean accessible;
    /** Whether the primary just parsed is a call with a do-block: nothing may be called on it. */
    private boolean blockCall;
    /** Whether the expression just parsed holds a do-block call in its operator chain (Elixir's unmatched_expr). */
    private boolean unmatched;

    private Object primaryWithPostfix(boolean noDo) {
        Object p = primary(noDo);
        if (noParens || blockCall) {
            return p;
        }
        return postfix(p, accessible, noDo);
    }

    /** Dots, {@code .(}, and {@code [key]} after an expression. */
    private Object postfix(Object expr, boolean canAccess, boolean noDo) {
        while (true) {
            Token t = peek();
            if (t == null) {
                return expr;
            }
            if (t.kind() == TokenKind.DOT) {
                i++;
                Token n = next();
                if (n == null) {
                    throw error(null);
                }
                switch (n.kind()) {
                    case ALIAS -> {
                        if (Quoted.isNode(expr, Quoted.ALIASES, -1)) {
                            List<Object> segs = new ArrayList<>(Quoted.args(expr));
                            segs.add(Atom.of(n.name()));
                            expr = node(Quoted.ALIASES, Quoted.metaOf(expr), segs);
                        } else if (expr instanceof Atom || expr == null || expr instanceof Boolean) {
                            throw SyntaxProblem.withSnippet(n.line(), n.column(), SyntaxMessages.ATOM_ALIAS);
                        } else {
                            expr = node(Quoted.ALIASES, meta(t), Quoted.list(expr, Atom.of(n.name())));
                        }
                        canAccess = true;
                        noParens = false;
                    }
                    case IDENTIFIER, PAREN_IDENTIFIER, BRACKET_IDENTIFIER, DO_IDENTIFIER, OP_IDENTIFIER -> {
                        expr = identifier(n, true, expr, meta(t), noDo);
                        unmatched = blockCall;
                        if (noParens || blockCall) {
                            return expr;
                        }
                        canAccess = accessible;
                    }
                    case LCURLY -> {
                        i--;
                        List<Object> items = containerArgs(TokenKind.RCURLY);
                        List<Object> dm = meta(t);
                        expr = node(node(Quoted.DOT, dm, Quoted.list(expr, TUPLE)), dm, items);
                        canAccess = true;
                        noParens = false;
                        unmatched = false;
                    }
                    default -> throw error(n);
                }
            } else if (t.kind() == TokenKind.DOT_CALL_OP) {
                i++;
                List<Object> dm = meta(t);
                List<Object> args = parenArgs();
                expr = node(node(Quoted.DOT, dm, Quoted.list(expr)), dm, args);
                expr = nestedParensAndDo(expr, noDo);
                canAccess = true;
                noParens = false;
                unmatched = blockCall;
                if (blockCall) {
                    return expr;
                }
            } else if (t.kind() == TokenKind.LBRACKET && canAccess) {
                expr = access(expr);
                canAccess = true;
                unmatched = false;
            } else {
                return expr;
            }
        }
    }

    private Object access(Object expr) {
        Token open = next();
        skipEol();
        Object arg;
        Token t = peek();
        if (isKw(t)) {
            arg = kwList(KwMode.DATA, TokenKind.RBRACKET);
        } else {
            arg = containerExpr();
            if (peekIs(TokenKind.COMMA)) {
                i++;
            }
        }
        skipEol();
        expect(TokenKind.RBRACKET);
        noParens = false;
        blockCall = false;
        List<Object> m = meta(open);
        return Quoted.remote(ACCESS, GET, m, Quoted.list(expr, arg));
    }

    // ---- primaries ----

    private Object primary(boolean noDo) {
        Object p = primaryTerm(noDo);
        unmatched = blockCall;
        return p;
    }

    private Object primaryTerm(boolean noDo) {
        oneArgCall = oneArg;
        oneArg = false;
        noParens = false;
        accessible = true;
        blockCall = false;
        Token t = next();
        if (t == null) {
            throw error(null);
        }
        switch (t.kind()) {
            case INT, FLT, CHAR -> {
                return t.value();
            }
            case ATOM -> {
                return atom(t.name());
            }
            case ATOM_UNSAFE -> {
                List<Object> m = meta(t);
                return Quoted.remote(ERLANG, BINARY_TO_ATOM, m,
                        Quoted.list(node(Quoted.BIN, m, stringParts((StringParts) t.value())), UTF8));
            }
            case TRUE -> {
                return Boolean.TRUE;
            }
            case FALSE -> {
                return Boolean.FALSE;
            }
            case NIL -> {
                return null;
            }
            case BIN_STRING, BIN_HEREDOC -> {
                StringParts parts = (StringParts) t.value();
                if (parts.isLiteral()) {
                    return parts.literal();
                }
                return node(Quoted.BIN, meta(t), stringParts(parts));
            }
            case LIST_STRING, LIST_HEREDOC -> {
                StringParts parts = (StringParts) t.value();
                if (parts.isLiteral()) {
                    return charlist(parts.literal());
                }
                List<Object> m = meta(t);
                return Quoted.remote(LIST, TO_CHARLIST, m, Quoted.list(charlistParts(parts)));
            }
            case SIGIL -> {
                return sigil(t);
            }
            case ALIAS -> {
                return node(Quoted.ALIASES, meta(t), Quoted.list(Atom.of(t.name())));
            }
            case LBRACKET -> {
                i--;
                List<Object> items = listArgs();
                noParens = false;
                accessible = true;
                blockCall = false;
                return items;
            }
            case LCURLY -> {
                i--;
                List<Object> items = containerArgs(TokenKind.RCURLY);
                noParens = false;
                accessible = true;
                blockCall = false;
                if (items.size() == 2) {
                    return Tuple.of(items.get(0), items.get(1));
                }
                return node(TUPLE, meta(t), items);
            }
            case LBIT -> {
                i--;
                List<Object> items = containerArgs(TokenKind.RBIT);
                noParens = false;
                accessible = true;
                blockCall = false;
                return node(Quoted.BIN, meta(t), items);
            }
            case MAP_OP -> {
                skipEol();
                Object map = mapArgs(t);
                accessible = true;
                blockCall = false;
                return map;
            }
            case STRUCT_OP -> {
                Object name = structName();
                skipEol();
                Object map = mapArgs(peek());
                noParens = false;
                accessible = true;
                blockCall = false;
                return node(STRUCT, meta(t), Quoted.list(name, map));
            }
            case LPAREN -> {
                Object e = parens(t);
                noParens = false;
                accessible = true;
                blockCall = false;
                return e;
            }
            case FN -> {
                Object f = fn(t);
                noParens = false;
                accessible = true;
                blockCall = false;
                return f;
            }
            case IDENTIFIER, PAREN_IDENTIFIER, BRACKET_IDENTIFIER, DO_IDENTIFIER, OP_IDENTIFIER -> {
                return identifier(t, false, null, null, noDo);
            }
            case RANGE_OP -> {
                return node(RANGE, meta(t), Quoted.list());
            }
            default -> throw error(t);
        }
    }

    /**
     * An identifier, alone or after a dot ({@code target} non-null): a variable or a call with
     * parentheses, without them, or with a do-block. Sets {@link #noParens} and {@link #accessible}.
     */
    private Object identifier(Token t, boolean dotted, Object target, List<Object> dotMeta, boolean noDo) {
        List<Object> m = meta(t);
        blockCall = false;
        Object callee = !dotted ? Atom.of(t.name()) : node(Quoted.DOT, dotMeta, Quoted.list(target, atom(t.name())));
        switch (t.kind()) {
            case PAREN_IDENTIFIER -> {
                List<Object> args = parenArgs();
                blockCall = false;
                Object call = node(callee, m, args);
                Object result = nestedParensAndDo(call, noDo);
                noParens = false;
                accessible = true;
                return result;
            }
            case DO_IDENTIFIER -> {
                accessible = false;
                noParens = false;
                if (!noDo) {
                    List<Object> args = new ArrayList<>();
                    args.add(doBlock());
                    blockCall = true;
                    return node(callee, m, args);
                }
                return bare(callee, m, dotted);
            }
            case BRACKET_IDENTIFIER -> {
                noParens = false;
                accessible = true;
                return bare(callee, m, dotted);
            }
            default -> {
                Token n = peek();
                if (n != null && startsArgument(n, t.kind() == TokenKind.OP_IDENTIFIER)) {
                    List<Object> args = new ArrayList<>();
                    boolean many = noParensArgs(args);
                    List<Object> callMeta = t.kind() == TokenKind.OP_IDENTIFIER && args.size() == 1
                            ? Quoted.metaWith(Quoted.AMBIGUOUS_OP, null, m) : m;
                    boolean ambiguous = !many && args.size() == 1 && noParens;
                    Token d = peek();
                    if (!noDo && d != null && d.kind() == TokenKind.DO) {
                        args.add(doBlock());
                        blockCall = true;
                        noParens = false;
                        accessible = false;
                        return node(callee, callMeta, args);
                    }
                    noParens = many || ambiguous;
                    accessible = false;
                    blockCall = false;
                    return node(callee, callMeta, args);
                }
                noParens = false;
                accessible = false;
                return bare(callee, m, dotted);
            }
        }
    }

    /** A variable, or a remote call without parentheses and arguments ({@code map.key}). */
    private static Object bare(Object callee, List<Object> m, boolean dotted) {
        if (!dotted) {
            return node(callee, m, null);
        }
        return node(callee, Quoted.metaWith(Quoted.NO_PARENS, Boolean.TRUE, m), Quoted.list());
    }

    /** {@code f(a)(b)} and a do-block after a call with parentheses. */
    private Object nestedParensAndDo(Object call, boolean noDo) {
        Token n = peek();
        if (n != null && n.kind() == TokenKind.LPAREN) {
            List<Object> args = parenArgs();
            call = node(call, Quoted.metaOf(call), args);
            n = peek();
        }
        blockCall = false;
        if (!noDo && n != null && n.kind() == TokenKind.DO) {
            blockCall = true;
            Tuple c = (Tuple) call;
            List<Object> args = new ArrayList<>(Quoted.args(c));
            args.add(doBlock());
            call = node(c.get(0), Quoted.metaOf(c), args);
        }
        return call;
    }

    /** Whether {@code t} can start the first argument of a call without parentheses. */
    private static boolean startsArgument(Token t, boolean opIdentifier) {
        return switch (t.kind()) {
            case IDENTIFIER, PAREN_IDENTIFIER, BRACKET_IDENTIFIER, DO_IDENTIFIER, OP_IDENTIFIER, ALIAS,
                 KW_IDENTIFIER, KW_IDENTIFIER_UNSAFE, ATOM, ATOM_UNSAFE, BIN_STRING, LIST_STRING, BIN_HEREDOC,
                 LIST_HEREDOC, SIGIL, INT, FLT, CHAR, TRUE, FALSE, NIL, FN, LPAREN, LBRACKET, LCURLY, LBIT,
                 MAP_OP, STRUCT_OP, UNARY_OP, AT_OP, CAPTURE_OP -> true;
            case DUAL_OP -> opIdentifier;
            default -> false;
        };
    }

    /**
     * The arguments of a call without parentheses, into {@code args}; true when there are several
     * (a no_parens_many call). A first argument that is itself such a call takes all the rest.
     */
    private boolean noParensArgs(List<Object> args) {
        boolean limit = oneArgCall;
        oneArgCall = false;
        Token t = peek();
        if (isKw(t)) {
            args.add(kwList(KwMode.NO_PARENS, null));
            return false;
        }
        Token first = peek();
        if (first.kind() == TokenKind.LPAREN) {
            strictParen = first;
        }
        Object e = expr(true);
        if (noParens) {
            args.add(e);
            return false;
        }
        args.add(e);
        boolean many = false;
        while (!limit && peekIs(TokenKind.COMMA)) {
            i++;
            many = true;
            if (isKw(peek())) {
                args.add(kwList(KwMode.NO_PARENS, null));
                break;
            }
            Object a = expr(true);
            if (noParens) {
                throw noParensMany(a);
            }
            args.add(a);
        }
        return many;
    }

    private enum KwMode { NO_PARENS, CALL, DATA }

    /**
     * A keyword list ({@code a: 1, "b": 2}) up to its end. In a call without parentheses a value may
     * be such a call itself; elsewhere that is an error. An expression after the keywords is Elixir's
     * "unexpected expression after keyword list".
     */
    private List<Object> kwList(KwMode mode, TokenKind closer) {
        List<Object> pairs = new ArrayList<>();
        while (true) {
            Token k = next();
            Object key;
            if (k.kind() == TokenKind.KW_IDENTIFIER) {
                key = atom(k.name());
            } else {
                List<Object> m = meta(k);
                key = Quoted.remote(ERLANG, BINARY_TO_ATOM, m,
                        Quoted.list(node(Quoted.BIN, m, stringParts((StringParts) k.value())), UTF8));
            }
            skipEol();
            Object value = expr(mode == KwMode.NO_PARENS);
            if (noParens && mode != KwMode.NO_PARENS) {
                throw noParensContainer(value);
            }
            pairs.add(Tuple.of(key, value));
            if (!peekIs(TokenKind.COMMA)) {
                break;
            }
            Token comma = peek();
            Token after = peekAt(1);
            if (isKw(after)) {
                i++;
                continue;
            }
            if (mode != KwMode.NO_PARENS && after != null && (after.kind() == closer
                    || (after.kind() == TokenKind.EOL && peekAt(2) != null && peekAt(2).kind() == closer))) {
                i++;
                break;
            }
            i++;
            oneArg = true; // Elixir reads a matched expression there: a call without parentheses takes one argument
            expr(mode == KwMode.NO_PARENS);
            oneArg = false;
            throw SyntaxProblem.withSnippet(comma.line(), comma.column(),
                    mode == KwMode.DATA ? SyntaxMessages.KW_DATA_FOLLOW_UP : SyntaxMessages.KW_CALL_FOLLOW_UP);
        }
        noParens = false;
        return pairs;
    }

    /** {@code (args)} of a call with parentheses. */
    private List<Object> parenArgs() {
        expect(TokenKind.LPAREN);
        skipEol();
        List<Object> args = new ArrayList<>();
        if (peekIs(TokenKind.RPAREN)) {
            i++;
            return args;
        }
        if (isKw(peek())) {
            args.add(kwList(KwMode.CALL, TokenKind.RPAREN));
            skipEol();
            expect(TokenKind.RPAREN);
            return args;
        }
        Object e = expr(false);
        if (noParens) {
            skipEol();
            if (peekIs(TokenKind.COMMA)) {
                throw noParensMany(e);
            }
            expect(TokenKind.RPAREN);
            args.add(e);
            noParens = false;
            return args;
        }
        args.add(e);
        while (peekIs(TokenKind.COMMA)) {
            i++;
            if (isKw(peek())) {
                args.add(kwList(KwMode.CALL, TokenKind.RPAREN));
                break;
            }
            Object a = expr(false);
            if (noParens) {
                throw noParensMany(a);
            }
            args.add(a);
        }
        skipEol();
        expect(TokenKind.RPAREN);
        noParens = false;
        return args;
    }

    // ---- containers ----

    /** An element of a list, tuple, bitstring, map or access: any expression but a call without parentheses with several arguments. */
    private Object containerExpr() {
        Object e = expr(false);
        if (noParens) {
            throw noParensContainer(e);
        }
        return e;
    }

    /** {@code [a, b | c, k: v]}: the elements, keywords flattened in at the end. */
    private List<Object> listArgs() {
        expect(TokenKind.LBRACKET);
        skipEol();
        List<Object> items = new ArrayList<>();
        while (!peekIs(TokenKind.RBRACKET)) {
            if (isKw(peek())) {
                items.addAll(kwList(KwMode.DATA, TokenKind.RBRACKET));
                break;
            }
            items.add(containerExpr());
            if (!peekIs(TokenKind.COMMA)) {
                break;
            }
            i++;
            skipEol();
        }
        skipEol();
        expect(TokenKind.RBRACKET);
        return items;
    }

    /** The elements of a tuple or bitstring (or a {@code Foo.{A, B}} alias list): a trailing keyword list is one element. */
    private List<Object> containerArgs(TokenKind closer) {
        next();
        skipEol();
        List<Object> items = new ArrayList<>();
        boolean first = true;
        while (!peekIs(closer)) {
            if (!first && isKw(peek())) {
                items.add(kwList(KwMode.DATA, closer));
                break;
            }
            items.add(containerExpr());
            first = false;
            if (!peekIs(TokenKind.COMMA)) {
                break;
            }
            i++;
            skipEol();
        }
        skipEol();
        expect(closer);
        return items;
    }

    /** The braces of a map or struct: {@code {}}, {@code {k => v, k: v}}, {@code {m | k: v}}. */
    private Object mapArgs(Token start) {
        Token open = expect(TokenKind.LCURLY);
        List<Object> m = meta(start == null ? open : start);
        skipEol();
        List<Object> items = new ArrayList<>();
        if (peekIs(TokenKind.RCURLY)) {
            i++;
            noParens = false;
            return node(MAP, m, items);
        }
        if (isKw(peek())) {
            items.addAll(kwList(KwMode.DATA, TokenKind.RCURLY));
            skipEol();
            expect(TokenKind.RCURLY);
            noParens = false;
            return node(MAP, m, items);
        }
        Object first = binaryRest(unary(false), 0, false, false);
        if (noParens && !isUnaryNode(first)) {
            throw error(peek());
        }
        noParens = false;
        while (peekIs(TokenKind.PIPE_OP)) {
            Token pipe = next();
            skipEol();
            if (peekIs(TokenKind.RCURLY)) {
                throw error(peek());
            }
            List<Object> updates = new ArrayList<>();
            if (isKw(peek())) {
                updates.addAll(kwList(KwMode.DATA, TokenKind.RCURLY));
            } else {
                Object key = binary(TokenKind.PIPE_OP.precedence() + 1, false);
                if (peekIs(TokenKind.PIPE_OP)) {
                    key = binaryRest(key, TokenKind.PIPE_OP.precedence(), false, true); // | is right-associative
                }
                Token n = peek();
                if (n != null && n.kind().precedence() > 0 && n.kind().precedence() < TokenKind.PIPE_OP.precedence()) {
                    // %{a | b :: c => d}: the | binds first, so a | b starts a key, not an update
                    first = binaryRest(buildOp(first, pipe, key), 0, false, false);
                    continue;
                }
                if (noParens) {
                    throw error(peek());
                }
                if (!peekIs(TokenKind.ASSOC_OP) && (unmatched || !standaloneAssoc(key))) {
                    throw error(peek());
                }
                updates.add(assoc(key));
                if (peekIs(TokenKind.COMMA)) {
                    i++;
                    skipEol();
                    assocs(updates);
                }
            }
            skipEol();
            expect(TokenKind.RCURLY);
            noParens = false;
            return node(MAP, m, Quoted.list(node(PIPE, meta(pipe), Quoted.list(first, updates))));
        }
        if (!peekIs(TokenKind.ASSOC_OP) && (unmatched || !standaloneAssoc(first))) {
            throw error(peek());
        }
        items.add(assoc(first));
        if (peekIs(TokenKind.COMMA)) {
            i++;
            skipEol();
            assocs(items);
        }
        skipEol();
        expect(TokenKind.RCURLY);
        noParens = false;
        return node(MAP, m, items);
    }

    /** {@code k => v, ...} then maybe keywords, up to the closing brace. */
    private void assocs(List<Object> items) {
        while (!peekIs(TokenKind.RCURLY)) {
            if (isKw(peek())) {
                items.addAll(kwList(KwMode.DATA, TokenKind.RCURLY));
                return;
            }
            items.add(assoc(containerKey()));
            if (!peekIs(TokenKind.COMMA)) {
                return;
            }
            i++;
            skipEol();
        }
    }

    private Object containerKey() {
        Object e = expr(false);
        if (noParens && !isUnaryNode(e)) {
            throw error(peek());
        }
        noParens = false;
        if (!peekIs(TokenKind.ASSOC_OP) && (unmatched || !standaloneAssoc(e))) {
            throw error(peek());
        }
        return e;
    }

    /** A map entry without {@code =>} must be a variable or a call (assoc_expr: {@code %{unquote(kv)}}). */
    private static boolean standaloneAssoc(Object e) {
        if (!(e instanceof Tuple t) || t.size() != 3) {
            return false;
        }
        if (t.get(0) instanceof Tuple) {
            return true;
        }
        if (!(t.get(0) instanceof Atom a)) {
            return false;
        }
        String n = a.name();
        if (n.isEmpty() || !(Character.isLetter(n.charAt(0)) || n.charAt(0) == '_')) {
            return false;
        }
        return !(n.equals("and") || n.equals("or") || n.equals("not") || n.equals("in") || n.equals("when")
                || n.equals("__block__") || n.equals("fn") || n.startsWith("sigil_") || n.equals("__aliases__"));
    }

    private Object assoc(Object key) {
        if (peekIs(TokenKind.ASSOC_OP)) {
            i++;
            skipEol();
            Object value = expr(false);
            if (noParens && !isUnaryNode(value)) {
                throw error(peek()); // -g a, b is an unmatched_expr there, g a, b is not
            }
            noParens = false;
            return Tuple.of(key, value);
        }
        return key;
    }

    /** What follows {@code %}: an alias, atom, variable, attribute, pinned variable or call. */
    private Object structName() {
        Token t = peek();
        if (t == null) {
            throw error(null);
        }
        switch (t.kind()) {
            case ALIAS -> {
                i++;
                Object name = node(Quoted.ALIASES, meta(t), Quoted.list(Atom.of(t.name())));
                while (peekIs(TokenKind.DOT) && peekAt(1) != null && peekAt(1).kind() == TokenKind.ALIAS) {
                    i++;
                    List<Object> segs = new ArrayList<>(Quoted.args(name));
                    segs.add(Atom.of(next().name()));
                    name = node(Quoted.ALIASES, Quoted.metaOf(name), segs);
                }
                return name;
            }
            case ATOM -> {
                i++;
                return atom(t.name());
            }
            case IDENTIFIER, DO_IDENTIFIER, BRACKET_IDENTIFIER, OP_IDENTIFIER -> {
                i++;
                Object base = node(Atom.of(t.name()), meta(t), null);
                while (peekIs(TokenKind.DOT) && peekAt(1) != null && peekAt(1).kind() == TokenKind.ALIAS) {
                    i++;
                    Token a = next();
                    base = Quoted.isNode(base, Quoted.ALIASES, -1)
                            ? node(Quoted.ALIASES, Quoted.metaOf(base), append(Quoted.args(base), Atom.of(a.name())))
                            : node(Quoted.ALIASES, meta(a), Quoted.list(base, Atom.of(a.name())));
                }
                return base;
            }
            case PAREN_IDENTIFIER -> {
                i++;
                return node(Atom.of(t.name()), meta(t), parenArgs());
            }
            case AT_OP, UNARY_OP, DUAL_OP -> {
                i++;
                skipEol();
                return node(Atom.of(t.name()), meta(t), Quoted.list(structName()));
            }
            default -> throw error(t);
        }
    }

    private static List<Object> append(List<Object> list, Object item) {
        List<Object> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    // ---- blocks, fn, stabs ----

    /** {@code ( ... )}: an empty block, one expression, a block, or stab clauses. */
    private Object parens(Token open) {
        boolean strict = open == strictParen;
        strictParen = null;
        skipEol();
        if (peekIs(TokenKind.RPAREN)) {
            i++;
            return Quoted.emptyBlock();
        }
        List<Object> items = stabBody(strict ? open : null);
        skipEoe();
        expect(TokenKind.RPAREN);
        Object built = buildStab(items, false);
        if (Quoted.isNode(built, Quoted.BLOCK, -1) && !Quoted.args(built).isEmpty()) {
            return node(Quoted.BLOCK, meta(open), Quoted.args(built));
        }
        return built;
    }

    private Object fn(Token fn) {
        skipEoe();
        List<Object> items = stabBody();
        skipEoe();
        if (items.isEmpty()) {
            throw error(peek());
        }
        expect(TokenKind.END);
        if (!(items.get(0) instanceof Clause)) {
            for (Object item : items) {
                if (item instanceof Clause c) {
                    throw invalidStab(c);
                }
            }
            throw SyntaxProblem.withSnippet(fn.line(), fn.column(), SyntaxMessages.FN_WITHOUT_STAB);
        }
        return node(FN, meta(fn), collectStab(items));
    }

    /** {@code do ... else ... end}: the keyword list [do: ..., else: ...] given to the call. */
    private List<Object> doBlock() {
        expect(TokenKind.DO);
        skipEoe();
        List<Object> blocks = new ArrayList<>();
        blocks.add(Tuple.of(DO, buildStab(stabBody(), true)));
        while (peekIs(TokenKind.BLOCK_IDENTIFIER)) {
            Token b = next();
            skipEoe();
            blocks.add(Tuple.of(Atom.of(b.name()), buildStab(stabBody(), true)));
        }
        expect(TokenKind.END);
        noParens = false;
        return blocks;
    }

    /** Expressions and stab clauses up to {@code end}, a block word or {@code )}. */
    private List<Object> stabBody() {
        return stabBody(null);
    }

    /** As {@link #stabBody()}; {@code strict} is the parenthesis of {@code f (a, b)} when these are its contents. */
    private List<Object> stabBody(Token strict) {
        List<Object> items = new ArrayList<>();
        skipEoe();
        while (true) {
            Token t = peek();
            if (t == null || t.kind() == TokenKind.END || t.kind() == TokenKind.BLOCK_IDENTIFIER || t.kind() == TokenKind.RPAREN) {
                return items;
            }
            items.add(stabExpr(strict));
            t = peek();
            if (t != null && (t.kind() == TokenKind.EOL || t.kind() == TokenKind.SEMI)) {
                skipEoe();
                continue;
            }
            if (t == null || t.kind() == TokenKind.END || t.kind() == TokenKind.BLOCK_IDENTIFIER || t.kind() == TokenKind.RPAREN) {
                return items;
            }
            throw error(t);
        }
    }

    /** One expression, or a clause {@code args -> body}. */
    private Object stabExpr(Token strict) {
        Token t = peek();
        if (t.kind() == TokenKind.STAB_OP) {
            i++;
            return new Clause(meta(t), Quoted.list(), stabRhs());
        }
        if (t.kind() == TokenKind.LPAREN && stabParensHead(i)) {
            List<Object> args = parenArgs();
            if (!peekIs(TokenKind.STAB_OP) && !peekIs(TokenKind.WHEN_OP)) {
                throw error(peek());
            }
            if (peekIs(TokenKind.WHEN_OP)) {
                Token w = next();
                skipEol();
                args = Quoted.list(node(Quoted.WHEN, meta(w), append(args, expr(false))));
            }
            Token arrow = expect(TokenKind.STAB_OP);
            return new Clause(meta(arrow), args, stabRhs());
        }
        if (t.kind() == TokenKind.LPAREN) {
            int close = matchingParen(i);
            Token after = close < 0 ? null : peekAt(close - i + 1);
            boolean empty = close >= 0 && toks.subList(i + 1, close).stream().allMatch(k -> k.kind() == TokenKind.EOL);
            if (empty && after != null && (after.kind() == TokenKind.STAB_OP || after.kind() == TokenKind.WHEN_OP)) {
                List<Object> args = parenArgs(); // () -> x: no arguments
                if (peekIs(TokenKind.WHEN_OP)) {
                    Token w = next();
                    skipEol();
                    Object guard = expr(false);
                    List<Object> all = append(args, guard);
                    args = Quoted.list(node(Quoted.WHEN, meta(w), all));
                }
                Token arrow = expect(TokenKind.STAB_OP);
                return new Clause(meta(arrow), args, stabRhs());
            }
        }
        List<Object> args = new ArrayList<>();
        boolean list = false;
        if (isKw(t)) {
            args.add(kwList(KwMode.NO_PARENS, null));
            list = true;
        } else {
            args.add(expr(false));
            boolean np = noParens;
            headArg();
            while (peekIs(TokenKind.COMMA)) {
                list = true;
                i++;
                if (isKw(peek())) {
                    args.add(kwList(KwMode.NO_PARENS, null));
                    break;
                }
                args.add(expr(true));
                headArg();
            }
            if (!list && np && !peekIs(TokenKind.STAB_OP)) {
                return args.get(0);
            }
        }
        if (peekIs(TokenKind.STAB_OP)) {
            Token arrow = next();
            return new Clause(meta(arrow), unwrapWhen(args), stabRhs());
        }
        if (list && strict != null && (peekIs(TokenKind.RPAREN) || peekIs(TokenKind.EOL))) {
            throw SyntaxProblem.withSnippet(strict.line(), strict.column(), SyntaxMessages.NO_PARENS_STRICT);
        }
        if (list) {
            throw error(peek());
        }
        return args.get(0);
    }

    /** A clause head's argument holds no do-block call: Elixir stops at the comma or arrow after one. */
    private void headArg() {
        if (unmatched && (peekIs(TokenKind.COMMA) || peekIs(TokenKind.STAB_OP))) {
            throw error(peek());
        }
    }

    private Object stabRhs() {
        skipEol();
        Token t = peek();
        if (t == null || t.kind() == TokenKind.END || t.kind() == TokenKind.BLOCK_IDENTIFIER
                || t.kind() == TokenKind.RPAREN || t.kind() == TokenKind.SEMI || t.kind() == TokenKind.EOL) {
            return null;
        }
        return expr(false);
    }

    /** {@code a, b when g}: the guard's {@code when} takes all the arguments. */
    private static List<Object> unwrapWhen(List<Object> args) {
        Object last = args.get(args.size() - 1);
        if (Quoted.isNode(last, Quoted.WHEN, 2)) {
            List<Object> all = new ArrayList<>(args.subList(0, args.size() - 1));
            all.addAll(Quoted.args(last));
            return Quoted.list(node(Quoted.WHEN, Quoted.metaOf(last), all));
        }
        return args;
    }

    /** {@code (a, b) ->} or {@code (a, b) when g ->}: arguments in parentheses before a clause's arrow. */
    private boolean stabParensHead(int from) {
        int close = matchingParen(from);
        if (close < 0 || close + 1 >= toks.size()) {
            return false;
        }
        int depth = 0;
        boolean commaSeen = false;
        for (int k = from; k < close; k++) {
            Token tk = toks.get(k);
            if (depth == 1 && !commaSeen && (tk.kind() == TokenKind.IDENTIFIER || tk.kind() == TokenKind.OP_IDENTIFIER)
                    && startsArgument(toks.get(k + 1), tk.kind() == TokenKind.OP_IDENTIFIER)) {
                return false; // (x + f a, b): a call without parentheses takes the commas
            }
            if (depth == 1 && tk.kind() == TokenKind.COMMA) {
                commaSeen = true;
            }
            switch (tk.kind()) {
                case LPAREN, LBRACKET, LCURLY, LBIT, FN, DO -> depth++;
                case RPAREN, RBRACKET, RCURLY, RBIT, END -> depth--;
                case SEMI -> {
                    if (depth == 1) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return parenGroupHasComma(from);
    }

    /** Whether the parentheses opening at {@code from} hold a comma or keywords at their top level: {@code f (a, b)}. */
    private boolean parenGroupHasComma(int from) {
        if (from + 1 < toks.size() && isKw(toks.get(from + 1))) {
            return true;
        }
        Token first = from + 1 < toks.size() ? toks.get(from + 1) : null;
        if (first == null || !(startsArgument(first, true) || first.kind() == TokenKind.EOL)) {
            return false; // not an argument list: the parse reports what is wrong inside
        }
        int depth = 0;
        for (int k = from; k < toks.size(); k++) {
            switch (toks.get(k).kind()) {
                case LPAREN, LBRACKET, LCURLY, LBIT, FN, DO -> depth++;
                case RPAREN, RBRACKET, RCURLY, RBIT, END -> {
                    depth--;
                    if (depth == 0) {
                        return false;
                    }
                }
                case COMMA -> {
                    if (depth == 1) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private int matchingParen(int from) {
        int depth = 0;
        for (int k = from; k < toks.size(); k++) {
            TokenKind kind = toks.get(k).kind();
            if (kind == TokenKind.LPAREN) {
                depth++;
            } else if (kind == TokenKind.RPAREN) {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** build_stab: plain expressions make a block; clauses make a list of {@code ->} nodes. */
    private Object buildStab(List<Object> items, boolean emptyIsBlock) {
        if (items.isEmpty()) {
            return Quoted.emptyBlock();
        }
        if (items.get(0) instanceof Clause) {
            return collectStab(items);
        }
        for (Object item : items) {
            if (item instanceof Clause c) {
                throw invalidStab(c);
            }
        }
        return block(items);
    }

    private static List<Object> collectStab(List<Object> items) {
        List<Object> clauses = new ArrayList<>();
        int k = 0;
        while (k < items.size()) {
            Clause c = (Clause) items.get(k++);
            List<Object> body = new ArrayList<>();
            body.add(c.rhs());
            while (k < items.size() && !(items.get(k) instanceof Clause)) {
                body.add(items.get(k++));
            }
            clauses.add(node(Quoted.STAB, c.meta(), Quoted.list(c.args(), block(body))));
        }
        return clauses;
    }

    private static SyntaxProblem invalidStab(Clause c) {
        return fromMeta(node(Quoted.STAB, c.meta(), Quoted.list()), SyntaxMessages.INVALID_STAB);
    }

    // ---- strings ----

    private List<Object> stringParts(StringParts parts) {
        List<Object> out = new ArrayList<>(parts.parts().size());
        for (Object part : parts.parts()) {
            if (part instanceof StringParts.Interpolation in) {
                List<Object> m = meta(in.line(), in.column());
                Object call = Quoted.remote(Quoted.KERNEL, Quoted.TO_STRING, m, Quoted.list(interpolated(in)));
                out.add(node(Quoted.TYPE, m, Quoted.list(call, node(Quoted.BINARY, m, null))));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    private List<Object> charlistParts(StringParts parts) {
        List<Object> out = new ArrayList<>(parts.parts().size());
        for (Object part : parts.parts()) {
            if (part instanceof StringParts.Interpolation in) {
                List<Object> m = meta(in.line(), in.column());
                out.add(Quoted.remote(Quoted.KERNEL, Quoted.TO_STRING, m, Quoted.list(interpolated(in))));
            } else {
                out.add(part);
            }
        }
        return out;
    }

    private Object interpolated(StringParts.Interpolation in) {
        return new Parser(in.tokens(), src).grammar();
    }

    private Object sigil(Token t) {
        Sigil s = (Sigil) t.value();
        List<Object> m = meta(t);
        List<Object> mods = new ArrayList<>(s.modifiers().length());
        for (int k = 0; k < s.modifiers().length(); k++) {
            mods.add((int) s.modifiers().charAt(k));
        }
        return node(Atom.of("sigil_" + s.letter()), Quoted.metaWith(Quoted.DELIMITER, s.delimiter(), m),
                Quoted.list(node(Quoted.BIN, m, stringParts(s.body())), mods));
    }

    /** The atom named {@code name}; nil, true and false are the atoms nil, true and false. */
    static Object atom(String name) {
        return switch (name) {
            case "nil" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> Atom.of(name);
        };
    }

    static List<Object> charlist(String s) {
        List<Object> out = new ArrayList<>(s.length());
        s.codePoints().forEach(out::add);
        return out;
    }

    // ---- token helpers ----

    private Token peek() {
        return i < toks.size() ? toks.get(i) : null;
    }

    private Token peekAt(int offset) {
        int k = i + offset;
        return k < toks.size() ? toks.get(k) : null;
    }

    private boolean peekIs(TokenKind kind) {
        return i < toks.size() && toks.get(i).kind() == kind;
    }

    private Token next() {
        return i < toks.size() ? toks.get(i++) : null;
    }

    private Token expect(TokenKind kind) {
        Token t = peek();
        if (t == null || t.kind() != kind) {
            throw error(t);
        }
        i++;
        return t;
    }

    private static boolean isKw(Token t) {
        return t != null && (t.kind() == TokenKind.KW_IDENTIFIER || t.kind() == TokenKind.KW_IDENTIFIER_UNSAFE);
    }

    private void skipEol() {
        while (peekIs(TokenKind.EOL)) {
            i++;
        }
    }

    private void skipEoe() {
        while (peekIs(TokenKind.EOL) || peekIs(TokenKind.SEMI)) {
            i++;
        }
    }

    private SyntaxProblem error(Token t) {
        Token last = toks.isEmpty() ? null : toks.get(toks.size() - 1);
        boolean afterAccess = false;
        int at = toks.indexOf(t);
        if (t != null && at > 0) {
            TokenKind before = toks.get(at - 1).kind();
            afterAccess = (endsAccess(before) && (before != TokenKind.END || closesFn(at - 1)))
                    || (before == TokenKind.RANGE_OP && (at < 2 || !endsExpression(toks.get(at - 2).kind())));
        }
        return SyntaxMessages.before(t, last, src, afterAccess);
    }

    private static boolean isUnaryNode(Object node) {
        if (!(node instanceof Tuple t) || t.size() != 3 || !(t.get(0) instanceof Atom a) || !(t.get(2) instanceof List<?> args)
                || args.size() != 1 || Quoted.isNode(args.get(0), Quoted.IN, 2)) {
            return false; // a not in b is a binary operation
        }
        return switch (a.name()) {
            case "-", "+", "!", "^", "not", "&", "@", "~~~" -> true;
            default -> false;
        };
    }

    private static boolean isNoParensCall(Object node) {
        return node instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Atom a && !a.name().isEmpty()
                && (Character.isLetter(a.name().charAt(0)) || a.name().charAt(0) == '_')
                && !a.name().startsWith("sigil_") && !a.name().startsWith("__")
                && t.get(2) instanceof List<?> args && !args.isEmpty();
    }

    /** Whether the {@code end} at {@code k} closes a {@code fn} (an access_expr) rather than a do-block. */
    private boolean closesFn(int k) {
        int depth = 0;
        for (int j = k; j >= 0; j--) {
            TokenKind kind = toks.get(j).kind();
            if (kind == TokenKind.END) {
                depth++;
            } else if (kind == TokenKind.FN || kind == TokenKind.DO) {
                depth--;
                if (depth == 0) {
                    return kind == TokenKind.FN;
                }
            }
        }
        return false;
    }

    /** Whether a token can end an expression (so that an operator after it is binary). */
    private static boolean endsExpression(TokenKind kind) {
        return endsAccess(kind) || kind.isIdentifier();
    }

    private static boolean endsAccess(TokenKind kind) {
        return switch (kind) {
            case INT, FLT, CHAR, ATOM, ATOM_UNSAFE, BIN_STRING, LIST_STRING, BIN_HEREDOC, LIST_HEREDOC, SIGIL, ALIAS,
                 TRUE, FALSE, NIL, RPAREN, RBRACKET, RCURLY, RBIT, END -> true;
            default -> false;
        };
    }

    private static SyntaxProblem noParensMany(Object node) {
        return fromMeta(node, SyntaxMessages.NO_PARENS_MANY);
    }

    private static SyntaxProblem noParensContainer(Object node) {
        return fromMeta(node, SyntaxMessages.NO_PARENS_CONTAINER);
    }

    /**
     * An error Elixir places by a node's metadata (return_error_with_meta): at prompt (iex reads
     * without columns) it has a line and no column, so no snippet either.
     */
    private static SyntaxProblem fromMeta(Object node, String description) {
        return SyntaxProblem.withSnippet(Quoted.metaInt(node, Quoted.LINE), 0, description);
    }
}
