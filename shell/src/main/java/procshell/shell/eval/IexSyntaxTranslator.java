package procshell.shell.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import procshell.shell.eval.Lexer.Interp;
import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * The Elixir-to-Groovy rewriting behind {@link IexSyntax#translate}. It walks the token list once,
 * copying tokens verbatim unless a rule applies; replacements never contain line breaks and all
 * newline tokens are kept, so the output has the input's line structure.
 */
final class IexSyntaxTranslator {

    /** Previous tokens after which a '{' is a value (tuple) rather than a block or closure argument. */
    private static final Set<String> VALUE_CONTEXT_OPS = Set.of(
            "(", "[", ",", "=", "==", "!=", "===", "!==", "->", ":", "?", "+", "<<", ";", "{", "%{",
            "=>", "?:", "+=", "<<=", "||", "&&");
    private static final Set<String> VALUE_CONTEXT_WORDS = Set.of("return", "in", "assert", "yield");
    /** Keywords followed by a block, never by a value. */
    private static final Set<String> BLOCK_WORDS = Set.of(
            "else", "try", "finally", "do", "static", "synchronized", "default");
    private static final Set<String> CONTROL_WORDS = Set.of(
            "if", "for", "while", "switch", "catch", "synchronized");
    private static final Set<String> OPERATOR_WORDS = Set.of("in", "instanceof", "as");
    private static final Set<String> CLASS_WORDS = Set.of("class", "interface", "enum", "trait", "record");
    /**
     * Elixir modules whose names are also java.lang classes, with their facade classes and the
     * Java static methods that keep going to the Java class: {@code String.upcase(s)} becomes
     * {@code ElixirString.upcase(s)}, {@code String.format(...)} stays.
     */
    private static final java.util.Map<String, String> ELIXIR_FACADES = java.util.Map.of(
            "String", "ElixirString", "Enum", "ElixirEnum", "Map", "ElixirMap",
            "Integer", "ElixirInteger", "Float", "ElixirFloat");
    private static final java.util.Map<String, Set<String>> JAVA_STATICS = java.util.Map.of(
            "String", Set.of("valueOf", "format", "join", "copyValueOf"),
            "Enum", Set.of("valueOf"),
            "Map", Set.of("of", "entry", "copyOf", "ofEntries"),
            "Integer", staticMethodNames(Integer.class),
            "Float", staticMethodNames(Float.class));

    /** Every public static method name of a Java class: Integer.parseInt(s) stays Java's. */
    private static Set<String> staticMethodNames(Class<?> cls) {
        return Arrays.stream(cls.getMethods()).filter(m -> java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .map(java.lang.reflect.Method::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
    /** Words that cannot start a Groovy command call or declaration like {@code println a, b}. */
    private static final Set<String> NOT_COMMANDS = Set.of(
            "nil", "null", "true", "false", "this", "super", "in", "instanceof", "as", "new", "return");
    private static final Set<String> LITERAL_WORDS = Set.of("nil", "null", "true", "false", "__MODULE__");

    private final String src;
    final List<Token> tokens;
    final IexSyntaxStructure structure;
    /** Innermost enclosing class name per token, for __MODULE__ (null outside classes). */
    private final String[] module;
    /** The '{' opening a class body (never a tuple, even on its own line). */
    private final boolean[] classBody;
    /** For the first token of a pipeline {@code a |> f(b) |> g()}, the index of its last token, else 0. */
    private final int[] pipelineEnd;
    /** Elixir's {@code a === b} and {@code a !== b}, by the left operand's first token. */
    private final StrictEquality.Spans strict;
    /** Tokens dropped from the output (parentheses around fn parameters). */
    private final boolean[] dropped;
    /** Translating the code of a string interpolation: no statement-level rules. */
    private final boolean fragment;
    final StringBuilder out = new StringBuilder();
    /** While a receive clause's pattern is emitted: the names its variables bind, else null. */
    java.util.Set<String> patternVariables;
    /** Variables of enclosing receive clauses renamed so as not to clash ({@link ReceiveSyntax}). */
    java.util.Map<String, String> renames = java.util.Map.of();
    /** The renames outside each {@code fn} being emitted, innermost first. */
    private final java.util.Deque<java.util.Map<String, String>> fnScopes = new java.util.ArrayDeque<>();

    private IexSyntaxTranslator(String src, String outerModule, boolean fragment) {
        this.src = src;
        this.tokens = Lexer.lex(src);
        this.structure = new IexSyntaxStructure(tokens);
        this.fragment = fragment;
        this.module = new String[tokens.size()];
        this.dropped = new boolean[tokens.size()];
        this.classBody = new boolean[tokens.size()];
        this.pipelineEnd = new int[tokens.size()];
        this.strict = StrictEquality.find(tokens, structure);
        Arrays.fill(module, outerModule);
        findClassBodies();
        findFnParameterParens();
        findPipelines();
    }

    static String translate(String src, String outerModule, boolean fragment) {
        IexSyntaxTranslator translator = new IexSyntaxTranslator(src, outerModule, fragment);
        translator.emit(0, translator.tokens.size());
        return translator.out.toString();
    }

    // ---- pre-passes ---------------------------------------------------------------------------

    /** Marks the tokens inside {@code class Name ... { }} bodies; inner classes overwrite outer ones. */
    private void findClassBodies() {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() != Kind.IDENT || !CLASS_WORDS.contains(t.text()) || structure.afterMemberAccess(k)) {
                continue;
            }
            int nameAt = structure.nextSignificant(k);
            if (nameAt < 0 || tokens.get(nameAt).kind() != Kind.IDENT
                    || IexSyntaxStructure.KEYWORDS.contains(tokens.get(nameAt).text())) {
                continue;
            }
            int body = nameAt + 1;
            while (body < tokens.size() && !tokens.get(body).isOp("{")) {
                Token h = tokens.get(body);
                if (h.isOp(";") || h.isOp("=") || h.isOp("}") || h.isOp(")") || CLASS_WORDS.contains(h.text())) {
                    body = tokens.size();
                } else {
                    body = structure.isOpener(body) ? structure.partner[body] + 1 : body + 1;
                }
            }
            if (body < tokens.size() && structure.isOpener(body)) {
                classBody[body] = true;
                for (int m = body + 1; m < structure.partner[body]; m++) {
                    module[m] = tokens.get(nameAt).text();
                }
            }
        }
    }

    /** {@code fn(a, b) -> ... end}: the parentheses cannot stay in a Groovy closure header. */
    private void findFnParameterParens() {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).isIdent("fn") && structure.isOpener(k)) {
                int paren = structure.nextSignificant(k);
                if (tokens.get(paren).isOp("(") && structure.isOpener(paren)) {
                    int close = structure.partner[paren];
                    int arrow = structure.nextSignificant(close);
                    if (arrow >= 0 && tokens.get(arrow).isOp("->")) {
                        dropped[paren] = true;
                        dropped[close] = true;
                    }
                }
            }
        }
    }

    /** Operators and words that bind more loosely than {@code |>}: a pipeline's left side starts after them. */
    private static final Set<String> PIPE_STOPS = Set.of(
            ",", ";", "=", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "&&", "||", "?", ":", "?:", "->",
            "=>", "+=", "-=", "<<", "in", "return", "and", "or", "not", "assert", "yield", "when", "do");

    /**
     * Finds {@code lhs |> f(args) |> g()} chains: the left side runs back from the first
     * {@code |>} to a looser operator, a ',', an opener or the start of the statement; every stage
     * must be a call {@code name(...)}, {@code Mod.name(...)} or {@code f.(...)} on the line of its
     * {@code |>}.
     */
    private void findPipelines() {
        boolean[] inPipeline = new boolean[tokens.size()];
        for (int p = 0; p < tokens.size(); p++) {
            if (!tokens.get(p).isOp("|>") || inPipeline[p]) {
                continue;
            }
            int start = pipelineStart(p);
            if (start < 0) {
                continue;
            }
            int end = -1;
            int pipe = p;
            boolean ok = true;
            while (ok) {
                int close = stageClose(pipe);
                if (close < 0) {
                    ok = false;
                    break;
                }
                inPipeline[pipe] = true;
                end = close;
                int next = structure.nextSignificant(close);
                if (next >= 0 && tokens.get(next).isOp("|>") && structure.depth[next] == structure.depth[p]) {
                    pipe = next;
                } else {
                    break;
                }
            }
            if (ok && end > 0) {
                pipelineEnd[start] = end;
            }
        }
    }

    /** The first token of the left side of the pipe at {@code p}, or -1. */
    private int pipelineStart(int p) {
        int k = structure.prevSignificant(p);
        int first = -1;
        while (k >= 0) {
            Token t = tokens.get(k);
            if (t.kind() == Kind.OP && structure.partner[k] >= 0 && structure.partner[k] < k) {
                k = structure.partner[k];
            } else if (structure.isOpener(k) || PIPE_STOPS.contains(t.text()) || t.isOp("|>")) {
                break;
            } else if (t.kind() == Kind.NEWLINE && first >= 0) {
                int prev = structure.prevSignificant(k);
                if (prev < 0 || !structure.isContinuation(prev)) {
                    break;
                }
            }
            if (t.significant()) {
                first = k;
            }
            k--;
        }
        return first;
    }

    /** The ')' closing the call after the pipe at {@code pipe}, or -1 if what follows is not a call. */
    private int stageClose(int pipe) {
        int k = pipe + 1;
        while (k < tokens.size() && tokens.get(k).kind() == Kind.WS) {
            k++;
        }
        if (k >= tokens.size() || tokens.get(k).kind() != Kind.IDENT) {
            return -1;
        }
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            if (t.isOp("(") && structure.isOpener(k)) {
                return k > pipe + 1 ? structure.partner[k] : -1;
            }
            if (t.kind() != Kind.IDENT && !t.isOp(".") && !t.isOp("?") && !t.isOp("!")) {
                return -1;
            }
            k++;
        }
        return -1;
    }

    /**
     * Emits the pipeline from {@code start} to {@code end}: {@code a |> f(b) |> g()} becomes
     * {@code g(f(a, b))}. The callees go first; the left side, the line breaks between stages and
     * the arguments follow in their order, so every line keeps its tokens' line.
     */
    private int pipelineWith(int start, int end) {
        return pipeline(start, end);
    }

    private int pipeline(int start, int end) {
        java.util.List<Integer> pipes = new java.util.ArrayList<>();
        for (int k = start; k < end; k++) {
            if (tokens.get(k).isOp("|>") && structure.depth[k] == structure.depth[start]) {
                pipes.add(k);
            } else if (structure.isOpener(k) && structure.partner[k] > k) {
                k = structure.partner[k];
            }
        }
        int[] parens = new int[pipes.size()];
        for (int s = pipes.size() - 1; s >= 0; s--) {
            int k = pipes.get(s) + 1;
            while (tokens.get(k).kind() == Kind.WS) {
                k++;
            }
            int paren = k;
            while (!tokens.get(paren).isOp("(")) {
                paren++;
            }
            parens[s] = paren;
            emit(k, paren + 1);
        }
        int lhsEnd = structure.prevSignificant(pipes.get(0)) + 1;
        emit(start, lhsEnd);
        int from = lhsEnd;
        for (int s = 0; s < pipes.size(); s++) {
            int[] between = trimmed(from, pipes.get(s));
            boolean lineBreak = false;
            for (int k = from; k < pipes.get(s); k++) {
                lineBreak |= tokens.get(k).kind() == Kind.NEWLINE;
            }
            emit(lineBreak ? from : between[0], lineBreak ? pipes.get(s) : between[1]);
            int close = structure.partner[parens[s]];
            if (structure.nextSignificant(parens[s]) < close) {
                out.append(", ");
                emit(parens[s] + 1, close);
            }
            out.append(')');
            from = close + 1;
        }
        return end + 1;
    }

    // ---- emission -----------------------------------------------------------------------------

    void emit(int from, int to) {
        int i = from;
        while (i < to) {
            i = emitAt(i, to);
        }
    }

    /** The range [from, to) without horizontal whitespace at either end (right inside brackets). */
    private int[] trimmed(int from, int to) {
        while (from < to && tokens.get(from).kind() == Kind.WS) {
            from++;
        }
        while (to > from && tokens.get(to - 1).kind() == Kind.WS) {
            to--;
        }
        return new int[] {from, to};
    }

    /** Emits token {@code i} (or a construct starting there) and returns the next index to emit. */
    int emitAt(int i, int limit) {
        Token t = tokens.get(i);
        if (dropped[i]) {
            return i + 1;
        }
        int strictOp = strict.operator()[i];
        if (strictOp > i && strict.end()[i] <= limit) {
            // a === b compares terms, not references: Values.strictlyEqual(a, b)
            strict.operator()[i] = 0;
            try {
                out.append(tokens.get(strictOp).isOp("!==") ? "!" : "").append(StrictEquality.CALL);
                int[] left = trimmed(i, strictOp);
                emit(left[0], left[1]);
                out.append(", ");
                int[] right = trimmed(strictOp + 1, strict.end()[i]);
                emit(right[0], right[1]);
                out.append(')');
                return strict.end()[i];
            } finally {
                strict.operator()[i] = strictOp;
            }
        }
        int negated = UnaryMinus.operandBeforePower(tokens, structure, i);
        if (negated > i && negated < limit) {
            // Elixir's -2 ** 2 is (-2) ** 2; Groovy would read -(2 ** 2)
            out.append("(-");
            emit(negated, negated + 1);
            out.append(')');
            return negated + 1;
        }
        if (pipelineEnd[i] > i && pipelineEnd[i] < limit) {
            int end = pipelineEnd[i];
            pipelineEnd[i] = 0;
            try {
                return pipelineWith(i, end);
            } finally {
                pipelineEnd[i] = end;
            }
        }
        switch (t.kind()) {
            case COMMENT -> out.append(comment(t));
            case STRING -> out.append(string(t, i));
            case ATOM -> out.append(atom(i));
            case NUMBER -> out.append(FloatLiterals.toGroovy(t.text()));
            case IDENT -> {
                return ident(i, limit);
            }
            case OP -> {
                return op(i, limit);
            }
            default -> out.append(t.text());
        }
        return i + 1;
    }

    private String comment(Token t) {
        String text = t.text();
        boolean keep = !text.startsWith("#") || (t.start() == 0 && text.startsWith("#!"))
                || text.startsWith("#iex:break");
        return keep ? text : "//" + text.substring(1);
    }

    private int ident(int i, int limit) {
        Token t = tokens.get(i);
        String name = t.text();
        boolean member = structure.afterMemberAccess(i);
        int afterReference = name.equals("h") && !member ? helpReference(i) : -1;
        if (afterReference > i) {
            return afterReference;
        }
        if ((name.equals("h") || name.equals("i")) && isHelpCommand(i)) {
            int end = structure.prevSignificant(Math.min(limit, structure.statementEnd(i))) + 1;
            out.append(src, t.start(), tokens.get(end - 1).end());
            return end;
        }
        if ((name.equals("receive") || name.equals("case")) && !member && ReceiveSyntax.opens(structure, i)) {
            return new ReceiveSyntax(this, i).emit();
        }
        if ((name.equals("if") || name.equals("unless")) && !member && IfSyntax.opens(structure, i)) {
            return new IfSyntax(this, i).emit();
        }
        if (name.equals("fn") && structure.isOpener(i)) {
            out.append('{');
            fnScopes.push(renames);
            renames = ReceiveSyntax.withFnParameters(structure, i, renames);
        } else if (name.equals("end") && structure.partner[i] >= 0
                && tokens.get(structure.partner[i]).isIdent("fn")) {
            out.append('}');
            renames = fnScopes.isEmpty() ? renames : fnScopes.pop();
        } else if (name.equals("throw") && !member && structure.nextSignificant(i) > i
                && tokens.get(structure.nextSignificant(i)).isOp("(")) {
            // Elixir's throw(term) throws any term
            out.append("throw _throw_");
            return structure.nextSignificant(i);
        } else if (name.equals("nil") && !member && !nextIs(i, ":")) {
            out.append("null");
        } else if (name.equals("__MODULE__") && module[i] != null) {
            out.append(module[i]);
        } else if (!member && aliasEnd(i) > i) {
            int end = aliasEnd(i);
            out.append("_alias_(\"").append(src, t.start(), tokens.get(end).end()).append("\")");
            return end + 1;
        } else if (ELIXIR_FACADES.containsKey(name) && !member && isElixirModuleCall(i)) {
            out.append(ELIXIR_FACADES.get(name));
        } else if (!IexSyntaxStructure.KEYWORDS.contains(name) && i + 2 < limit
                && (nextIs(i, "?") || nextIs(i, "!")) && nextIs(i + 1, "(")) {
            out.append(name).append(javaSuffix(i));
            return i + 2;
        } else if (member && ZeroArityCalls.isCall(structure, i, limit)) {
            // Node.self, :math.pi, Node.alive?: Elixir calls a module's function of arity 0 without parentheses
            String suffix = javaSuffix(i);
            out.append(name).append(suffix).append("()");
            return suffix.isEmpty() ? i + 1 : i + 2;
        } else {
            out.append(member || nextIs(i, ":") ? name : renames.getOrDefault(name, name));
        }
        return i + 1;
    }

    /** How the Java name spells the {@code ?} or {@code !} after name token {@code i}: {@code alive?} is {@code alive_qm}. */
    private String javaSuffix(int i) {
        return nextIs(i, "?") ? "_qm" : nextIs(i, "!") ? "_bang" : "";
    }

    private static boolean capitalised(Token t) {
        return t.kind() == Kind.IDENT && Character.isUpperCase(t.text().charAt(0))
                && t.text().chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    /**
     * For a dotted alias {@code Secret.Registry} used as a value (capitalised segments with a
     * lower-case letter after the first, without
     * spaces, not a call, a member access, a type in a declaration or after {@code new},
     * {@code as}, {@code instanceof}), the index of its last segment; otherwise -1.
     */
    private int aliasEnd(int i) {
        if (!capitalised(tokens.get(i))) {
            return -1;
        }
        int j = i;
        // a segment without lower-case letters is a constant: String.CASE_INSENSITIVE_ORDER
        while (nextIs(j, ".") && j + 2 < tokens.size() && capitalised(tokens.get(j + 2))
                && tokens.get(j + 2).text().chars().anyMatch(Character::isLowerCase)) {
            j += 2;
        }
        if (j == i || nextIs(j, ".") || nextIs(j, "?") || nextIs(j, "!") || nextIs(j, "?.")
                || nextIs(j, "*.") || nextIs(j, ".&") || nextIs(j, "::")) {
            return -1;
        }
        int prev = structure.prevSignificant(i);
        if (prev >= 0) {
            Token p = tokens.get(prev);
            if ((p.kind() == Kind.IDENT && !VALUE_CONTEXT_WORDS.contains(p.text()))
                    || p.isOp("<") || p.isOp("@") || p.isOp(".")) {
                return -1;
            }
        }
        int next = structure.nextSignificant(j);
        if (next >= 0) {
            Token n = tokens.get(next);
            if (n.kind() == Kind.IDENT || n.isOp("(") || n.isOp("<") || n.isOp("[") || n.isOp("{")
                    || n.isOp(".") || n.isOp("...")) {
                return -1;
            }
        }
        return j;
    }

    /** Token {@code i + 1} (no whitespace in between) is the operator {@code op}. */
    private boolean nextIs(int i, String op) {
        return i + 1 < tokens.size() && tokens.get(i + 1).isOp(op);
    }

    /**
     * {@code String.name(} or {@code String.name?(} (also {@code Enum.}) with a name that is not
     * a static method of the Java class of the same name.
     */
    private boolean isElixirModuleCall(int i) {
        if (!nextIs(i, ".") || i + 3 >= tokens.size() || tokens.get(i + 2).kind() != Kind.IDENT) {
            return false;
        }
        boolean call = nextIs(i + 2, "(")
                || ((nextIs(i + 2, "?") || nextIs(i + 2, "!")) && nextIs(i + 3, "("));
        return call && !JAVA_STATICS.get(tokens.get(i).text()).contains(tokens.get(i + 2).text());
    }

    /**
     * {@code h(Registry.lookup)}, {@code h Registry.lookup/2}, {@code h(:ets.insert)},
     * {@code h(spawn)}: what iex's {@code h} macro reads as a reference (not as a call or a
     * value) is emitted as {@code _h_("Registry.lookup")} (a string typed after {@code h} stays a
     * string, which {@code h/1} refuses as iex does). Returns the index after it, or -1 (and
     * emits nothing) when the argument is no such reference.
     */
    private int helpReference(int i) {
        boolean paren = nextIs(i, "(");
        if (!paren && !isHelpCommand(i)) {
            return -1;
        }
        int k = i + 2;
        while (paren && k < tokens.size() && tokens.get(k).kind() == Kind.WS) {
            k++;
        }
        int start = k;
        if (k >= tokens.size() || (tokens.get(k).kind() != Kind.IDENT && tokens.get(k).kind() != Kind.ATOM)) {
            return -1;
        }
        k++;
        while (k + 1 < tokens.size() && tokens.get(k).isOp(".") && tokens.get(k + 1).kind() == Kind.IDENT) {
            k += 2;
        }
        if (k < tokens.size() && (tokens.get(k).isOp("?") || tokens.get(k).isOp("!"))) {
            k++;
        }
        if (k + 1 < tokens.size() && tokens.get(k).isOp("/") && tokens.get(k + 1).kind() == Kind.NUMBER) {
            k += 2;
        }
        int end = k;
        while (paren && k < tokens.size() && tokens.get(k).kind() == Kind.WS) {
            k++;
        }
        if (paren ? k >= tokens.size() || !tokens.get(k).isOp(")") : structure.nextSignificant(end - 1) >= 0
                && structure.nextSignificant(end - 1) < structure.statementEnd(i)) {
            return -1;
        }
        out.append("_h_(\"").append(src, tokens.get(start).start(), tokens.get(end - 1).end()).append("\")");
        return paren ? k + 1 : end;
    }

    /** {@code h Enum}, {@code i {:a, 1}}: an iex helper without parentheses, left for the console. */
    private boolean isHelpCommand(int i) {
        if (fragment || structure.depth[i] != 0 || !structure.isStatementStart(i)
                || i + 2 >= tokens.size() || tokens.get(i + 1).kind() != Kind.WS) {
            return false;
        }
        Token arg = tokens.get(i + 2);
        return switch (arg.kind()) {
            case IDENT -> !OPERATOR_WORDS.contains(arg.text());
            case NUMBER, STRING, ATOM -> true;
            case OP -> arg.isOp("{") || arg.isOp("%{") || arg.isOp("[");
            default -> false;
        };
    }

    private int op(int i, int limit) {
        Token t = tokens.get(i);
        int close = structure.partner[i];
        boolean group = close > i && close < limit;
        if (t.isOp("{") && group) {
            if (!fragment && structure.depth[i] == 0 && structure.isStatementStart(i) && isMatch(i)) {
                return match(i);
            }
            if (inValuePosition(i) && isTuple(i)) {
                int[] inside = trimmed(i + 1, close);
                out.append("_tuple_(");
                List<int[]> elements = elements(inside[0], inside[1]);
                int keywordsFrom = trailingKeywords(elements);
                if (keywordsFrom < 0) {
                    emit(inside[0], inside[1]);
                } else {
                    int[] first = elements.get(keywordsFrom);
                    int listStart = firstSignificant(first[0], first[1]);
                    emit(inside[0], listStart);
                    out.append('[');
                    List<int[]> rest = new java.util.ArrayList<>(elements.subList(keywordsFrom, elements.size()));
                    rest.set(0, new int[] {listStart, first[1]});
                    keywords(rest);
                    out.append(']');
                }
                out.append(')');
                return close + 1;
            }
        } else if (t.isOp("[") && group && isListLiteral(i) && !fragment && structure.depth[i] == 0
                && structure.isStatementStart(i) && isMatch(i)) {
            return match(i);
        } else if (t.isOp("[") && group && isListLiteral(i)) {
            List<int[]> elements = elements(i + 1, close);
            int keywordsFrom = trailingKeywords(elements);
            if (keywordsFrom >= 0) {
                out.append('[');
                emit(i + 1, elements.get(keywordsFrom)[0]);
                keywords(elements.subList(keywordsFrom, elements.size()));
                out.append(']');
                return close + 1;
            }
        } else if (t.isOp(".") && nextIs(i, "(") && i > 0
                && (tokens.get(i - 1).kind() == Kind.IDENT || tokens.get(i - 1).isOp(")"))) {
            out.append(".call");
            return i + 1;
        } else if (t.isOp("%{") && group) {
            if (!fragment && structure.depth[i] == 0 && structure.isStatementStart(i) && isMatch(i)) {
                return match(i);
            }
            out.append("_map_(");
            mapBody(i, close);
            out.append(')');
            return close + 1;
        }
        out.append(t.text());
        return i + 1;
    }

    // ---- tuples -------------------------------------------------------------------------------

    /** Whether the '{' at {@code i} stands where a value is expected (see the rules in {@link IexSyntax}). */
    private boolean inValuePosition(int i) {
        int prev = structure.prevSignificant(i);
        if (prev < 0) {
            return true;
        }
        Token p = tokens.get(prev);
        if ((p.kind() == Kind.OP && VALUE_CONTEXT_OPS.contains(p.text()))
                || (p.kind() == Kind.IDENT && VALUE_CONTEXT_WORDS.contains(p.text()))
                || (p.isIdent("case") && ReceiveSyntax.opens(structure, prev))
                || (p.isIdent("do") && structure.isOpener(prev)) || (p.isIdent("else") && inDoBlock(prev))) {
            return true;
        }
        // a new line after a finished statement, unless the brace is the body of what precedes it
        return structure.newlineBetween(prev, i) && endsStatement(prev) && !classBody[i];
    }

    /** Token {@code k} is directly inside an Elixir {@code do ... end} (the {@code else} of an {@code if}). */
    private boolean inDoBlock(int k) {
        for (int o = k - 1; o >= 0; o--) {
            if (structure.isOpener(o) && structure.partner[o] > k) {
                return tokens.get(o).isIdent("do");
            }
        }
        return false;
    }

    private boolean endsStatement(int prev) {
        Token p = tokens.get(prev);
        return switch (p.kind()) {
            case IDENT -> !BLOCK_WORDS.contains(p.text()) && !OPERATOR_WORDS.contains(p.text());
            case NUMBER, STRING, ATOM -> true;
            case OP -> p.isOp("]") || p.isOp("}") || (p.isOp(")") && !closesHeader(prev));
            default -> false;
        };
    }

    /**
     * A ')' that closes {@code if (...)}, {@code while (...)}, a method declaration
     * {@code def m(...)} or {@code new X(...)}: a brace on the next line is its body.
     */
    private boolean closesHeader(int paren) {
        int open = structure.partner[paren];
        if (open < 0) {
            return true;
        }
        int name = structure.prevSignificant(open);
        if (name < 0 || tokens.get(name).kind() != Kind.IDENT) {
            return false;
        }
        if (CONTROL_WORDS.contains(tokens.get(name).text())) {
            return true;
        }
        int before = structure.prevSignificant(name);
        if (before < 0) {
            return false;
        }
        Token b = tokens.get(before);
        return (b.kind() == Kind.IDENT && !VALUE_CONTEXT_WORDS.contains(b.text())) || b.isOp(">") || b.isOp("]");
    }

    /**
     * A brace pair is a tuple when it is empty or has a top-level ',' and reads as a list of
     * values: no '->' (closure), no ';', no line break between two values, and no
     * {@code word value} pair (a Groovy command call or declaration such as {@code println a, b}).
     * A brace around one literal or one tuple is a 1-tuple ({@code {:ok}}, and
     * {@code {{:"$1", :"$2"}}} in a match spec's body): no closure is written that way, while
     * {@code { it }} stays a closure.
     */
    private boolean isTuple(int open) {
        int close = structure.partner[open];
        boolean comma = false;
        boolean anything = false;
        int items = 0;
        int first = -1;
        int last = -1;
        boolean lineBreak = false;
        for (int k = open + 1; k < close; k++) {
            Token t = tokens.get(k);
            if (t.kind() == Kind.NEWLINE) {
                lineBreak = true;
                continue;
            }
            if (!t.significant()) {
                continue;
            }
            anything = true;
            if (t.isOp("->") || t.isOp(";")) {
                return false;
            }
            comma |= t.isOp(",");
            if (last >= 0 && lineBreak && !structure.isContinuation(last) && !continuesLine(t)) {
                return false;
            }
            if (last >= 0 && isCommandPair(last, k)) {
                return false;
            }
            lineBreak = false;
            if (items++ == 0) {
                first = k;
            }
            last = structure.isOpener(k) ? structure.partner[k] : k;
            k = last;
        }
        return comma || !anything || (items == 1 && isTupleElementAlone(first));
    }

    /** The only thing inside a brace pair makes it a 1-tuple: a literal, or a tuple itself. */
    private boolean isTupleElementAlone(int k) {
        Token t = tokens.get(k);
        return switch (t.kind()) {
            case ATOM, NUMBER, STRING -> true;
            case OP -> t.isOp("{") && structure.partner[k] > k && isTuple(k);
            default -> false;
        };
    }

    private static boolean continuesLine(Token t) {
        return t.kind() == Kind.OP && (t.text().equals(",") || t.text().equals("=>")
                || IexSyntaxStructure.MEMBER_ACCESS.contains(t.text()));
    }

    private boolean isCommandPair(int first, int second) {
        Token a = tokens.get(first);
        Token b = tokens.get(second);
        if (a.kind() != Kind.IDENT || NOT_COMMANDS.contains(a.text()) || second == first + 1) {
            return false;
        }
        return switch (b.kind()) {
            case IDENT -> !OPERATOR_WORDS.contains(b.text());
            case NUMBER, STRING, ATOM -> true;
            default -> false;
        };
    }

    // ---- keyword lists ------------------------------------------------------------------------

    /** A '[' that opens a list literal, not an index ({@code x[k]}, {@code f()[0]}). */
    private boolean isListLiteral(int open) {
        if (open == 0) {
            return true;
        }
        Token p = tokens.get(open - 1);
        return !(p.kind() == Kind.IDENT && !IexSyntaxStructure.KEYWORDS.contains(p.text()))
                && !p.isOp(")") && !p.isOp("]") && !p.isOp("}") && !p.isOp("?");
    }

    /** The top-level comma-separated ranges of [from, to), each without the commas. */
    private List<int[]> elements(int from, int to) {
        List<int[]> result = new java.util.ArrayList<>();
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || tokens.get(k).isOp(",")) {
                result.add(new int[] {start, k});
                start = k + 1;
            } else if (structure.isOpener(k) && structure.partner[k] > k && structure.partner[k] < to) {
                k = structure.partner[k];
            }
        }
        return result;
    }

    /** The first significant token of [from, to), or -1. */
    private int firstSignificant(int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).significant()) {
                return k;
            }
        }
        return -1;
    }

    /** Whether the element is {@code key: value} or {@code "key": value} with a value. */
    private boolean isKeyword(int[] element) {
        int k = firstSignificant(element[0], element[1]);
        if (k < 0 || k + 2 >= element[1] || !nextIs(k, ":")) {
            return false;
        }
        Token t = tokens.get(k);
        boolean key = (t.kind() == Kind.IDENT && !t.text().equals("default"))
                || (t.kind() == Kind.STRING && !t.unterminated() && !t.text().startsWith("\"\"\"")
                        && !t.text().startsWith("'''"));
        return key && firstSignificant(k + 2, element[1]) >= 0;
    }

    /**
     * The index of the first element of the trailing run of {@code key: value} elements (Elixir's
     * keyword list sugar at the end of a tuple or list), or -1 if the last element is not one or a
     * keyword is followed by a plain element.
     */
    private int trailingKeywords(List<int[]> elements) {
        int first = -1;
        for (int e = 0; e < elements.size(); e++) {
            if (isKeyword(elements.get(e))) {
                if (first < 0) {
                    first = e;
                }
            } else if (first >= 0) {
                return -1;
            }
        }
        return first;
    }

    /** Emits {@code key: value, ...} as {@code _tuple_(_atom_("key"), value), ...}. */
    private void keywords(List<int[]> elements) {
        for (int e = 0; e < elements.size(); e++) {
            int[] element = elements.get(e);
            int k = firstSignificant(element[0], element[1]);
            emit(element[0], k);
            Token t = tokens.get(k);
            out.append("_tuple_(_atom_(").append(t.kind() == Kind.IDENT ? quote(t.text()) : string(t, k))
                    .append("),");
            emit(k + 2, element[1]);
            out.append(')');
            if (e + 1 < elements.size()) {
                out.append(',');
            }
        }
    }

    // ---- pattern match ------------------------------------------------------------------------

    /** {@code {...} = expr}: a single '=' after the braces and a non-empty right-hand side. */
    private boolean isMatch(int open) {
        int close = structure.partner[open];
        int eq = structure.nextSignificant(close);
        if (eq < 0 || !tokens.get(eq).isOp("=") || hasTopLevel(open, close, "->")) {
            return false;
        }
        int first = structure.nextSignificant(eq);
        return first >= 0 && first < structure.statementEnd(eq + 1);
    }

    private boolean hasTopLevel(int open, int close, String op) {
        for (int k = open + 1; k < close; k++) {
            if (tokens.get(k).isOp(op)) {
                return true;
            }
            if (structure.isOpener(k)) {
                k = structure.partner[k];
            }
        }
        return false;
    }

    /** {@code {a, b} = expr} becomes {@code _match_(binding, _ptuple_(...), (expr))}. */
    private int match(int open) {
        int close = structure.partner[open];
        int eq = structure.nextSignificant(close);
        int end = structure.statementEnd(eq + 1);
        int first = structure.nextSignificant(eq);
        int last = structure.prevSignificant(end);
        out.append("_match_(binding, ");
        patternElement(open, close + 1);
        emitSkippingSpaces(close + 1, eq);
        out.append(", (");
        emitSkippingSpaces(eq + 1, first);
        emit(first, last + 1);
        out.append("))");
        return last + 1;
    }

    /** Keeps the newlines, comments and indentation of [from, to) but not spaces on its first line. */
    private void emitSkippingSpaces(int from, int to) {
        boolean firstLine = true;
        for (int k = from; k < to; k++) {
            firstLine &= tokens.get(k).kind() != Kind.NEWLINE;
            if (!firstLine || tokens.get(k).kind() != Kind.WS) {
                emitAt(k, to);
            }
        }
    }

    /** Emits {@code %{id: p, "k" => q}} as {@code _pmap_(_atom_("id"), p, "k", q)}, each value a pattern. */
    private void mapPattern(int open, int close) {
        out.append("_pmap_(");
        List<int[]> entries = elements(open + 1, close);
        for (int e = 0; e < entries.size(); e++) {
            int[] entry = entries.get(e);
            int k = firstSignificant(entry[0], entry[1]);
            if (k < 0) {
                continue;
            }
            int arrow = -1;
            for (int a = k; a < entry[1]; a = structure.isOpener(a) ? structure.partner[a] + 1 : a + 1) {
                if (tokens.get(a).isOp("=>")) {
                    arrow = a;
                    break;
                }
            }
            emit(entry[0], k);
            Token key = tokens.get(k);
            if (arrow < 0 && (key.kind() == Kind.IDENT || key.kind() == Kind.STRING) && nextIs(k, ":")) {
                out.append("_atom_(").append(key.kind() == Kind.IDENT ? quote(key.text()) : string(key, k)).append("),");
                patternElement(k + 2, entry[1]);
            } else if (arrow >= 0) {
                emit(k, structure.prevSignificant(arrow) + 1);
                out.append(',');
                patternElement(arrow + 1, entry[1]);
            } else {
                emit(entry[0], entry[1]);
            }
            if (e + 1 < entries.size()) {
                out.append(',');
            }
        }
        out.append(')');
    }

    /** Emits a tuple or list pattern, element by element. */
    private void pattern(int open, int close) {
        boolean list = tokens.get(open).isOp("[");
        // [h1, h2 | tail]: the elements before '|' and the tail after it
        boolean cons = list && hasTopLevel(open, close, "|");
        out.append(cons ? "_pcons_(" : list ? "_plist_(" : "_ptuple_(");
        int[] inside = trimmed(open + 1, close);
        int from = inside[0];
        int to = inside[1];
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || tokens.get(k).isOp(",") || (cons && tokens.get(k).isOp("|"))) {
                patternElement(start, k);
                if (k < to) {
                    out.append(',');
                }
                start = k + 1;
            } else if (structure.isOpener(k)) {
                k = structure.partner[k];
            }
        }
        out.append(')');
    }

    void patternElement(int from, int to) {
        int first = from;
        while (first < to && !tokens.get(first).significant()) {
            first++;
        }
        if (first == to) {
            emit(from, to);
            return;
        }
        int last = to - 1;
        while (!tokens.get(last).significant()) {
            last--;
        }
        emit(from, first);
        Token t = tokens.get(first);
        String name = t.text();
        if (first == last && t.kind() == Kind.IDENT && !IexSyntaxStructure.KEYWORDS.contains(name)
                && !LITERAL_WORDS.contains(name) && !Character.isUpperCase(name.charAt(0))) {
            out.append("_pvar_(\"").append(name.startsWith("_") ? "_" : name).append("\")");
            if (patternVariables != null && !name.startsWith("_")) {
                patternVariables.add(name);
            }
        } else if (t.isOp("^") && structure.nextSignificant(first) == last
                && tokens.get(last).kind() == Kind.IDENT) {
            out.append("_ppin_(").append(renames.getOrDefault(tokens.get(last).text(), tokens.get(last).text())).append(')');
        } else if ((t.isOp("{") || t.isOp("[")) && structure.partner[first] == last) {
            pattern(first, last);
        } else if (t.isOp("%{") && structure.partner[first] == last) {
            mapPattern(first, last);
        } else {
            out.append("_plit_(");
            emit(first, last + 1);
            out.append(')');
        }
        emit(last + 1, to);
    }

    // ---- maps ---------------------------------------------------------------------------------

    /** The inside of {@code %{...}}: {@code key: v} and {@code "key": v} have atom keys, '=>' separates. */
    private void mapBody(int open, int close) {
        int[] inside = trimmed(open + 1, close);
        int to = inside[1];
        boolean entryStart = true;
        int k = inside[0];
        while (k < to) {
            Token t = tokens.get(k);
            if (!t.significant()) {
                k = emitAt(k, to);
                continue;
            }
            if (entryStart && (t.kind() == Kind.IDENT || (t.kind() == Kind.STRING && !t.unterminated()))
                    && nextIs(k, ":") && k + 1 < to) {
                out.append("_atom_(").append(t.kind() == Kind.IDENT ? quote(t.text()) : string(t, k)).append("),");
                entryStart = false;
                k += 2;
                continue;
            }
            entryStart = t.isOp(",");
            if (t.isOp("=>")) {
                // "a" => 1 reads "a", 1
                int length = out.length();
                while (length > 0 && (out.charAt(length - 1) == ' ' || out.charAt(length - 1) == '\t')) {
                    length--;
                }
                out.setLength(length);
                out.append(',');
                k++;
            } else if (structure.isOpener(k) && structure.partner[k] < to) {
                emit(k, structure.partner[k] + 1);
                k = structure.partner[k] + 1;
            } else {
                k = emitAt(k, to);
            }
        }
    }

    // ---- strings and atoms --------------------------------------------------------------------

    private static String quote(String name) {
        return '"' + name + '"';
    }

    /**
     * A string with its {@code #{code}} interpolations turned into {@code ${translated code}}. A
     * {@code "..."} string typed over several lines (Elixir allows it, Groovy does not) has its line
     * breaks written as {@code \n}, and as many line breaks follow it inside a comment, so that the
     * code after it stays on its line.
     */
    private String string(Token t, int i) {
        boolean doubleQuoted = t.text().startsWith("\"") && !t.text().startsWith("\"\"\"") && !t.unterminated();
        if (t.interps().isEmpty()) {
            return doubleQuoted ? escapeLineBreaks(t.text()) + lineBreaksOf(t.text()) : t.text();
        }
        StringBuilder s = new StringBuilder();
        int cursor = t.start();
        for (Interp in : t.interps()) {
            String literal = src.substring(cursor, in.hash());
            s.append(doubleQuoted ? escapeLineBreaks(literal) : literal).append("${").append(interpolation(in, i));
            cursor = in.codeEnd();
        }
        String rest = src.substring(cursor, t.end());
        if (!doubleQuoted) return s.append(rest).toString();
        String literals = src.substring(t.start(), t.end());
        for (Interp in : t.interps()) literals = literals.replace(src.substring(in.hash(), in.codeEnd()), "");
        return s.append(escapeLineBreaks(rest)).append(lineBreaksOf(literals)).toString();
    }

    private static String escapeLineBreaks(String literal) {
        return literal.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** {@code /*} and the line breaks of {@code text}, then {@code *}{@code /}; empty when it has none. */
    private static String lineBreaksOf(String text) {
        int breaks = text.split("\\r\\n|\\r|\\n", -1).length - 1;
        return breaks == 0 ? "" : "/*" + "\n".repeat(breaks) + "*/";
    }

    /**
     * The translated code of an interpolation in the string or atom token {@code i}, wrapped in
     * {@code _str_(...)} so that the value is inserted as Elixir's {@code to_string/1} gives it
     * ({@code "#{:ok}"} is {@code "ok"}, {@code "#{nil}"} is {@code ""}); an empty interpolation
     * inserts nothing.
     */
    private String interpolation(Interp in, int i) {
        String code = src.substring(in.codeStart(), in.codeEnd());
        if (code.isBlank()) {
            return "_str_(null)" + code;
        }
        IexSyntaxTranslator inner = new IexSyntaxTranslator(code, module[i], true);
        inner.renames = renames;
        inner.emit(0, inner.tokens.size());
        return "_str_(" + inner.out + ")";
    }

    /** {@code :ok} becomes {@code _atom_("ok")}; {@code :ets.all()} becomes {@code _erl_("ets").all()}. */
    private String atom(int i) {
        Token t = tokens.get(i);
        if (t.unterminated()) {
            return t.text();
        }
        boolean module = nextIs(i, ".") && i + 2 < tokens.size() && tokens.get(i + 2).kind() == Kind.IDENT;
        String call = module ? "_erl_(" : "_atom_(";
        char first = t.text().charAt(1);
        if (first == '"' || first == '\'') {
            return call + quotedAtom(t, i) + ")";
        }
        return call + quote(t.text().substring(1)) + ")";
    }

    /**
     * The string of a quoted atom as a valid Groovy literal with the same text: Elixir-only
     * escapes become unicode escapes, {@code $} is escaped (it is plain text in Elixir) and
     * {@code #{...}} interpolates.
     */
    private String quotedAtom(Token t, int i) {
        char q = t.text().charAt(1);
        StringBuilder s = new StringBuilder().append(q);
        int end = t.end() - 1;
        int interp = 0;
        for (int p = t.start() + 2; p < end; p++) {
            char c = src.charAt(p);
            if (interp < t.interps().size() && t.interps().get(interp).hash() == p) {
                Interp in = t.interps().get(interp++);
                s.append("${").append(interpolation(in, i)).append('}');
                p = in.codeEnd();
            } else if (c == '$' && q == '"') {
                s.append("\\$");
            } else if (c == '\\' && p + 1 < end) {
                p = escape(s, p + 1, end);
            } else {
                s.append(c);
            }
        }
        return s.append(q).toString();
    }

    /** Appends the Groovy form of the escape whose letter is at {@code p}; returns the last offset used. */
    private int escape(StringBuilder s, int p, int end) {
        char c = src.charAt(p);
        switch (c) {
            case 'a' -> s.append("\\u0007");
            case 'e' -> s.append("\\u001B");
            case 'v' -> s.append("\\u000B");
            case 'd' -> s.append("\\u007F");
            case 's' -> s.append(' ');
            case '0' -> s.append("\\u0000");
            case 'x', 'u' -> {
                int from = p + 1;
                boolean braced = from < end && src.charAt(from) == '{';
                int digitsFrom = braced ? from + 1 : from;
                int max = braced ? 6 : (c == 'x' ? 2 : 4);
                int q = digitsFrom;
                while (q < end && q - digitsFrom < max && Character.digit(src.charAt(q), 16) >= 0) {
                    q++;
                }
                if (q == digitsFrom || (braced && (q >= end || src.charAt(q) != '}'))) {
                    s.append(c);
                    return p;
                }
                int cp = Integer.parseInt(src.substring(digitsFrom, q), 16);
                if (!Character.isValidCodePoint(cp)) {
                    s.append(c);
                    return p;
                }
                for (char unit : Character.toChars(cp)) {
                    s.append(String.format("\\u%04X", (int) unit));
                }
                return braced ? q : q - 1;
            }
            default -> {
                if ("bfnrt\\'\"$\n\r".indexOf(c) >= 0) {
                    s.append('\\').append(c);
                } else {
                    s.append(c);
                }
            }
        }
        return p;
    }
}
