package procshell.shell.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * The translation of Elixir's {@code receive do ... end} for {@link IexSyntaxTranslator}, line for
 * line:
 *
 * <pre>
 * receive do                          _receive_(
 *   {:ok, x} when x &gt; 0 -&gt; x           _rclause_(_ptuple_(_plit_(_atom_("ok")),_pvar_("x")), ["x"], { x -&gt; x &gt; 0 }, { x -&gt; x
 *   :stop -&gt; :bye                     }),_rclause_(_plit_(_atom_("stop")), [], null, { -&gt; _atom_("bye")
 * after 100 -&gt; :timeout               }),_rafter_( 100, { -&gt; _atom_("timeout")
 * end                                 }))
 * </pre>
 *
 * A clause's pattern starts its line (or follows a {@code ;}) and ends at its {@code ->}; its body
 * runs to the next clause's pattern, {@code after} or {@code end}. The pattern's variables become
 * the parameters of the guard and body closures ({@link Receive.Clause}). In a guard,
 * {@code and}, {@code or} and {@code not} are Groovy's {@code &&}, {@code ||} and {@code !}.
 * A receive that is a whole method body loops where a clause ends by calling the method again
 * ({@link #selfLoop()}), as a tail-recursive process loop on the BEAM. Malformed receives raise
 * {@link TranslationError} with Elixir's message.
 *
 * <p>{@code case subject do ... end} takes the same clauses (no {@code after}) and becomes
 * {@code _case_(subject, _rclause_(...), ...)}, which matches them against the subject.
 */
final class ReceiveSyntax {
    private final IexSyntaxTranslator t;
    /** {@code "receive"} or {@code "case"}, quoted as Elixir's errors name it. */
    private final String quoted;
    private final boolean isCase;
    private final List<Token> tokens;
    private final IexSyntaxStructure structure;
    private final int receive;
    private final int open;
    private final int close;
    /** Nesting depth of the tokens directly inside the {@code do ... end}. */
    private final int level;

    /**
     * Token {@code i} is {@code receive} followed by the {@code do} of a paired {@code do ... end},
     * or {@code case} followed by its subject and such a {@code do} on the same line.
     */
    static boolean opens(IexSyntaxStructure structure, int i) {
        int next = doOf(structure, i);
        return next >= 0 && structure.tokens.get(next).isIdent("do") && structure.isOpener(next)
                && structure.tokens.get(structure.partner[next]).isIdent("end");
    }

    /** The {@code do} of the receive or case at {@code i} (for a case: after its subject), or -1. */
    private static int doOf(IexSyntaxStructure structure, int i) {
        return structure.tokens.get(i).isIdent("receive") ? structure.nextSignificant(i) : doAfter(structure, i);
    }

    /** The first {@code do} after {@code i} and something else on its line, at its level, or -1. */
    static int doAfter(IexSyntaxStructure structure, int i) {
        int first = structure.nextSignificant(i);
        for (int k = first; k >= 0; k = structure.nextSignificant(k)) {
            Token tk = structure.tokens.get(k);
            if (tk.isIdent("do") && k > first) {
                return k;
            }
            if (tk.isOp(";") || tk.isIdent("end") || structure.newlineBetween(i, k) || structure.depth[k] < structure.depth[i]) {
                return -1;
            }
            k = structure.isOpener(k) ? structure.partner[k] : k;
        }
        return -1;
    }

    /**
     * The renames inside the {@code fn} at {@code fn}: its parameters are variables a receive
     * clause in its body may shadow (Groovy forbids a closure parameter of the same name).
     */
    static Map<String, String> withFnParameters(IexSyntaxStructure structure, int fn, Map<String, String> renames) {
        Map<String, String> inner = null;
        for (int k = fn + 1; k < structure.partner[fn] && !(structure.tokens.get(k).isOp("->")
                && structure.depth[k] == structure.depth[fn] + 1); k++) {
            Token tk = structure.tokens.get(k);
            if (tk.kind() == Kind.IDENT && !IexSyntaxStructure.KEYWORDS.contains(tk.text())) {
                inner = inner == null ? new HashMap<>(renames) : inner;
                inner.put(tk.text(), tk.text());
            }
        }
        return inner == null ? renames : inner;
    }

    /** @param receive the index of a {@code receive} or {@code case} token for which {@link #opens} holds */
    ReceiveSyntax(IexSyntaxTranslator translator, int receive) {
        this.t = translator;
        this.tokens = translator.tokens;
        this.structure = translator.structure;
        this.receive = receive;
        this.isCase = tokens.get(receive).isIdent("case");
        this.quoted = '"' + tokens.get(receive).text() + '"';
        this.open = doOf(structure, receive);
        this.close = structure.partner[open];
        this.level = structure.depth[open] + 1;
    }

    /** Emits the whole {@code receive ... end} or {@code case ... end}; returns the index after its {@code end}. */
    int emit() {
        int after = -1;
        List<Integer> arrows = new ArrayList<>();
        List<Integer> afterArrows = new ArrayList<>();
        for (int k = open + 1; k < close; k++) {
            if (structure.depth[k] != level) {
                continue;
            }
            Token tk = tokens.get(k);
            if (tk.isIdent("after") && !structure.afterMemberAccess(k)) {
                if (isCase) {
                    throw compileError("unexpected option :after in " + quoted);
                }
                if (after >= 0) {
                    throw compileError("duplicated :after clauses given for " + quoted);
                }
                after = k;
            } else if (tk.isOp("->")) {
                (after < 0 ? arrows : afterArrows).add(k);
            }
        }
        int doEnd = after >= 0 ? after : close;
        int first = structure.nextSignificant(open);
        if (arrows.isEmpty() && (first < doEnd || isCase)) {
            throw compileError("expected -> clauses for :do in " + quoted);
        }
        List<Integer> starts = new ArrayList<>();
        for (int c = 0; c < arrows.size(); c++) {
            int from = c == 0 ? open : arrows.get(c - 1);
            int separator = lastSeparator(from, arrows.get(c));
            if (c == 0 && separator >= 0 && structure.nextSignificant(open) < separator) {
                throw syntaxError(arrows.get(c), false, "unexpected operator ->. If you want to define multiple clauses, "
                        + "the first expression must use ->. Syntax error before: '->'");
            }
            if (c > 0 && separator < 0) {
                int start = patternStartOnLine(from, arrows.get(c));
                String text = tokens.get(start).text();
                throw syntaxError(start, true, "syntax error before: "
                        + (tokens.get(start).kind() == Kind.ATOM ? text.substring(1) : text));
            }
            starts.add(structure.nextSignificant(c == 0 ? open : separator));
        }
        if (after >= 0 && afterArrows.size() != 1) {
            throw compileError("expected a single -> clause for :after in " + quoted);
        }

        Loop loop = isCase ? null : selfLoop();
        Map<String, String> outerRenames = t.renames;
        if (loop != null) {
            StringBuilder rebind = new StringBuilder("_rloop_({ _args_ ->");
            for (int p = 0; p < loop.parameters().size(); p++) {
                rebind.append(p == 0 ? " " : "; ").append(loop.parameters().get(p)).append(" = _args_[").append(p).append(']');
            }
            t.out.append(rebind).append(" }, { -> ");
            Map<String, String> inner = new HashMap<>(outerRenames);
            loop.parameters().forEach(v -> inner.put(v, v));
            t.renames = inner;
        }
        try {
            emitReceive(arrows, starts, after, afterArrows, doEnd, loop);
        } finally {
            t.renames = outerRenames;
        }
        if (loop != null) {
            t.out.append(" })");
        }
        return close + 1;
    }

    private void emitReceive(List<Integer> arrows, List<Integer> starts, int after, List<Integer> afterArrows, int doEnd, Loop loop) {
        if (isCase) {
            t.out.append("_case_(");
            t.emit(receive + 1, open);
            t.out.append(arrows.isEmpty() ? "" : ",");
        } else {
            t.out.append("_receive_(");
            gap(receive + 1, open);
        }
        gap(open + 1, arrows.isEmpty() ? doEnd : starts.get(0));
        for (int c = 0; c < arrows.size(); c++) {
            int bodyEnd = c + 1 < arrows.size() ? starts.get(c + 1) : doEnd;
            clause(starts.get(c), arrows.get(c), bodyEnd, loop);
            if (c + 1 < arrows.size() || after >= 0) {
                t.out.append(',');
            }
        }
        if (after >= 0) {
            int arrow = afterArrows.get(0);
            if (structure.nextSignificant(after) == arrow) {
                throw compileError("expected one argument for :after clauses (->) in " + quoted);
            }
            t.out.append("_rafter_(");
            t.emit(after + 1, arrow);
            t.out.append(", { ->");
            body(arrow + 1, close, loop);
            t.out.append("})");
        }
        t.out.append(')');
    }

    /**
     * A method whose whole body is this receive ({@code def loop(n) { receive do ... end }}):
     * its name and parameter names. A clause ending in a call of it with as many arguments
     * ({@code loop(n + 1)}) then loops instead of calling ({@code _tail_(n + 1)} inside
     * {@code _rloop_}), so that a process loop keeps a flat stack as on the BEAM. Null for any
     * other receive, or a method with default parameter values.
     */
    private Loop selfLoop() {
        int brace = structure.prevSignificant(receive);
        if (brace < 0 || !tokens.get(brace).isOp("{") || !structure.isOpener(brace)
                || structure.nextSignificant(close) != structure.partner[brace]) {
            return null;
        }
        int paren = structure.prevSignificant(brace);
        if (paren < 0 || !tokens.get(paren).isOp(")") || structure.partner[paren] < 0) {
            return null;
        }
        int openParen = structure.partner[paren];
        int name = structure.prevSignificant(openParen);
        if (name < 0 || tokens.get(name).kind() != Kind.IDENT || IexSyntaxStructure.KEYWORDS.contains(tokens.get(name).text())) {
            return null;
        }
        int before = structure.prevSignificant(name);
        if (before < 0 || !(tokens.get(before).kind() == Kind.IDENT || tokens.get(before).isOp(">") || tokens.get(before).isOp("]"))
                || tokens.get(before).isIdent("new") || tokens.get(before).isIdent("return")) {
            return null;
        }
        List<String> parameters = new ArrayList<>();
        int start = openParen + 1;
        for (int k = openParen + 1; k <= paren; k++) {
            if (k == paren || (tokens.get(k).isOp(",") && structure.depth[k] == structure.depth[openParen] + 1)) {
                String last = null;
                for (int m = start; m < k; m++) {
                    Token tk = tokens.get(m);
                    if (tk.isOp("=")) {
                        return null;
                    }
                    last = tk.kind() == Kind.IDENT ? tk.text() : last;
                }
                if (last == null && k < paren) {
                    return null;
                }
                if (last != null) {
                    parameters.add(last);
                }
                start = k + 1;
            } else if (structure.isOpener(k)) {
                k = structure.partner[k];
            }
        }
        return new Loop(tokens.get(name).text(), parameters);
    }

    /** The method a receive is the whole body of. */
    private record Loop(String name, List<String> parameters) {}

    /** Emits a clause's body [from, to), its last statement {@code loop(...)} as {@code _tail_(...)} in a {@link Loop}. */
    private void body(int from, int to, Loop loop) {
        int call = loop == null ? -1 : tailCall(from, to, loop);
        if (call < 0) {
            t.emit(from, to);
            return;
        }
        t.emit(from, call);
        t.out.append("_tail_");
        t.emit(call + 1, to);
    }

    /** The name token of a last statement {@code name(args)} calling the loop's method with its arity, or -1. */
    private int tailCall(int from, int to, Loop loop) {
        int last = structure.prevSignificant(to);
        if (last >= from && tokens.get(last).isOp(";")) {
            last = structure.prevSignificant(last); // the ';' before the next clause on the line
        }
        if (last < from || !tokens.get(last).isOp(")") || structure.partner[last] < 1) {
            return -1;
        }
        int openParen = structure.partner[last];
        int name = openParen - 1;
        if (name < from || !tokens.get(name).isIdent(loop.name()) || structure.afterMemberAccess(name)) {
            return -1;
        }
        int before = name - 1;
        while (before >= from && tokens.get(before).kind() == Kind.WS) {
            before--;
        }
        boolean statementStart = before < from
                || (structure.depth[before] == level && tokens.get(before).isOp(";"))
                || (tokens.get(before).kind() == Kind.NEWLINE && (structure.prevSignificant(before) < from
                        || !structure.isContinuation(structure.prevSignificant(before))));
        if (!statementStart) {
            return -1;
        }
        int arguments = structure.nextSignificant(openParen) == last ? 0 : 1;
        for (int k = openParen + 1; k < last; k++) {
            if (tokens.get(k).isOp(",")) {
                arguments++;
            } else if (structure.isOpener(k)) {
                k = structure.partner[k];
            }
        }
        return arguments == loop.parameters().size() ? name : -1;
    }

    /** Emits one clause: its pattern [start, arrow), its body (arrow, bodyEnd). */
    private void clause(int start, int arrow, int bodyEnd, Loop loop) {
        int when = -1;
        for (int k = start; k < arrow; k++) {
            if (structure.depth[k] == level && (tokens.get(k).isOp(",")
                    || (tokens.get(k).isIdent("when") && when >= 0))) {
                throw compileError("expected one argument for :do clauses (->) in " + quoted);
            }
            if (structure.depth[k] == level && tokens.get(k).isIdent("when") && !structure.afterMemberAccess(k)) {
                when = k;
            }
        }
        int patternEnd = structure.prevSignificant(when >= 0 ? when : arrow) + 1;
        if (start >= patternEnd || start > arrow || (when >= 0 && structure.nextSignificant(when) >= arrow)) {
            throw compileError("expected one argument for :do clauses (->) in " + quoted);
        }
        t.out.append("_rclause_(");
        Set<String> variables = new LinkedHashSet<>();
        t.patternVariables = variables;
        try {
            t.patternElement(start, patternEnd);
        } finally {
            t.patternVariables = null;
        }
        gap(patternEnd, when >= 0 ? when : arrow);
        // a variable of an enclosing clause is shadowed, as in Elixir; Groovy wants another name
        Map<String, String> outer = t.renames;
        Map<String, String> inner = new HashMap<>(outer);
        List<String> names = new ArrayList<>();
        for (String v : variables) {
            String name = outer.containsKey(v) ? v + "$" + level : v;
            inner.put(v, name);
            names.add(name);
        }
        String parameters = String.join(", ", names);
        t.out.append(", [");
        t.out.append(String.join(", ", variables.stream().map(v -> '"' + v + '"').toList()));
        t.out.append("], ");
        t.renames = inner;
        try {
            if (when >= 0) {
                t.out.append("{ ").append(parameters).append(parameters.isEmpty() ? "->" : " ->");
                guard(when + 1, arrow);
                t.out.append('}');
            } else {
                t.out.append("null");
            }
            t.out.append(", { ").append(parameters).append(parameters.isEmpty() ? "->" : " ->");
            body(arrow + 1, bodyEnd, loop);
            t.out.append("})");
        } finally {
            t.renames = outer;
        }
    }

    /** Emits a guard, with Elixir's {@code and}, {@code or}, {@code not} as Groovy operators. */
    private void guard(int from, int to) {
        int k = from;
        while (k < to) {
            Token tk = tokens.get(k);
            boolean word = tk.kind() == Kind.IDENT && !structure.afterMemberAccess(k);
            if (word && tk.text().equals("and")) {
                t.out.append("&&");
            } else if (word && tk.text().equals("or")) {
                t.out.append("||");
            } else if (word && tk.text().equals("not")) {
                t.out.append('!');
            } else if (structure.isOpener(k) && !tk.isOp("(")) {
                t.emit(k, structure.partner[k] + 1);
                k = structure.partner[k] + 1;
                continue;
            } else {
                k = t.emitAt(k, to);
                continue;
            }
            k++;
        }
    }

    /** Emits only the line breaks and comments of [from, to), so that lines stay where they were. */
    private void gap(int from, int to) {
        for (int k = from; k < to; k++) {
            Kind kind = tokens.get(k).kind();
            if (kind == Kind.NEWLINE || kind == Kind.COMMENT || kind == Kind.WS) {
                t.emitAt(k, to);
            }
        }
    }

    /** The last newline or ';' directly inside the block in (from, to), or -1. */
    private int lastSeparator(int from, int to) {
        for (int k = to - 1; k > from; k--) {
            Token tk = tokens.get(k);
            if (structure.depth[k] == level && (tk.kind() == Kind.NEWLINE || tk.isOp(";"))) {
                return k;
            }
        }
        return -1;
    }

    /** For two clauses on one line without ';': where Elixir stops, the token after the first body's first value. */
    private int patternStartOnLine(int previousArrow, int arrow) {
        int k = structure.nextSignificant(previousArrow);
        k = structure.isOpener(k) ? structure.partner[k] : k;
        int next = structure.nextSignificant(k);
        return next >= 0 && next < arrow ? next : arrow;
    }

    private TranslationError compileError(String message) {
        return new TranslationError("CompileError", lineOf(receive), 0, message);
    }

    private TranslationError syntaxError(int at, boolean column, String message) {
        int lineStart = at;
        while (lineStart > 0 && tokens.get(lineStart - 1).kind() != Kind.NEWLINE) {
            lineStart--;
        }
        int col = tokens.get(at).start() - tokens.get(lineStart).start() + 1;
        return new TranslationError("SyntaxError", lineOf(at), column ? col : 0, message);
    }

    private int lineOf(int index) {
        int line = 1;
        for (int k = 0; k < index; k++) {
            line += (int) tokens.get(k).text().chars().filter(c -> c == '\n').count();
        }
        return line;
    }
}
