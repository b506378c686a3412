package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Compiles Elixir's control flow to Groovy statements that leave the construct's value in a
 * variable: {@code case}, {@code cond}, {@code if}/{@code unless}, {@code with}, {@code for},
 * {@code try}, {@code receive}, and {@code fn} (a Groovy closure). Clauses are tried in order as
 * nested {@code if}s over the compiled patterns; the bindings of a clause stay inside it.
 */
final class ControlCompiler {
    private static final String OPS = Compiler.OPS;
    private final Compiler c;

    ControlCompiler(Compiler compiler) {
        this.c = compiler;
    }

    /** One clause {@code patterns when guard -> body}; guard may be null. */
    record Clause(List<Object> patterns, Object guard, Object body) {
        /** Reads a {@code {:->, meta, [[patterns], body]}} node. */
        static Clause of(Object arrow) {
            List<Object> args = Quoted.args(arrow);
            @SuppressWarnings("unchecked")
            List<Object> left = (List<Object>) args.get(0);
            Object guard = null;
            if (left.size() == 1 && Quoted.isCall(left.get(0), "when")) {
                List<Object> w = Quoted.args(left.get(0));
                left = new ArrayList<>(w.subList(0, w.size() - 1));
                guard = w.get(w.size() - 1);
            }
            return new Clause(left, guard, args.get(1));
        }
    }

    static List<Clause> clausesOf(Object doBlock) {
        List<Clause> out = new ArrayList<>();
        for (Object arrow : Quoted.clauses(doBlock)) out.add(Clause.of(arrow));
        return out;
    }

    /**
     * Writes clauses tried in order against the subjects; the chosen clause's body value goes to
     * the returned variable; when none matches, {@code failure} runs (a statement that raises).
     */
    String clauses(List<String> subjects, List<Clause> clauses, Scope s, Block b, boolean tail, String failure) {
        String r = c.unit.fresh("r");
        String m = c.unit.fresh("m");
        b.line("def " + r + " = null;");
        b.line("boolean " + m + " = false;");
        boolean first = true;
        for (Clause clause : clauses) {
            if (!first) b.open("if (!" + m + ") {");
            Scope cs = s.copy();
            int opened = accept(subjects, clause, s, cs, b);
            String v = c.expr(clause.body(), cs, b, tail);
            b.line(r + " = " + v + ";");
            b.line(m + " = true;");
            b.close(opened);
            if (!first) b.close("}");
            first = false;
        }
        if (failure != null) b.line("if (!" + m + ") " + failure);
        return r;
    }

    /**
     * Opens the tests of a clause's patterns and guard; the code written next runs when the
     * clause accepts the subjects, with its variables bound in {@code cs}.
     *
     * @return the number of blocks to close
     */
    private int accept(List<String> subjects, Clause clause, Scope outer, Scope cs, Block b) {
        if (clause.patterns().size() != subjects.size()) {
            throw new CompileError(0, "a clause takes " + subjects.size() + " argument(s), got " + clause.patterns().size());
        }
        Pattern p = new Pattern();
        for (int i = 0; i < subjects.size(); i++) c.patterns.match(clause.patterns().get(i), subjects.get(i), outer, p);
        int opened = p.open(b);
        p.bindIn(cs);
        if (clause.guard() != null) {
            String g = guard(clause.guard(), cs, b);
            b.open("if (" + g + ") {");
            opened++;
        }
        return opened;
    }

    /**
     * A guard's verdict in a boolean variable: true only when it evaluates to {@code true}; a guard
     * that raises is false. {@code a when b} is either.
     */
    String guard(Object guard, Scope s, Block b) {
        List<Object> alternatives = new ArrayList<>();
        while (Quoted.isCall(guard, "when", 2)) {
            alternatives.add(Quoted.args(guard).get(0));
            guard = Quoted.args(guard).get(1);
        }
        alternatives.add(guard);
        String g = c.unit.fresh("g");
        b.line("boolean " + g + " = false;");
        for (Object alt : alternatives) {
            b.open("if (!" + g + ") {");
            b.open("try {");
            String e = c.expr(alt, s.copy(), b);
            b.line(g + " = " + OPS + ".isTrue(" + e + ");");
            b.close("} catch (RuntimeException ignored) {");
            b.line("}");
            b.close("}");
        }
        return g;
    }

    // ---- case, cond, if -----------------------------------------------------------------------

    String caseExpr(List<Object> args, Scope s, Block b, boolean tail) {
        ClauseChecks.check("case", args.get(args.size() - 1), java.util.Set.of("do"), Block.currentLine());
        String subject = c.spill(c.expr(args.get(0), s, b), b);
        if (!Groovy.isTrivial(subject) || subject.contains(".")) {
            String t = c.unit.fresh("t");
            b.line("def " + t + " = " + subject + ";");
            subject = t;
        }
        return clauses(List.of(subject), clausesOf(Quoted.keyword(args.get(1), "do")), s, b, tail,
                OPS + ".caseClause(" + subject + ");");
    }

    String cond(List<Object> args, Scope s, Block b, boolean tail) {
        if (args.size() != 1) throw CompileError.undefinedFunction(Block.currentLine(), "cond", args.size());
        ClauseChecks.checkCond(args.get(0), Block.currentLine());
        String r = c.unit.fresh("r");
        b.line("def " + r + " = null;");
        int opened = 0;
        for (Object arrow : Quoted.clauses(Quoted.keyword(args.get(0), "do"))) {
            Clause cl = Clause.of(arrow);
            Scope cs = s.copy();
            String test = c.expr(cl.patterns().get(0), cs, b);
            b.open("if (" + OPS + ".truthy(" + test + ")) {");
            b.line(r + " = " + c.expr(cl.body(), cs, b, tail) + ";");
            b.orElse("} else {");
            opened++;
        }
        b.line(OPS + ".condClause();");
        b.close(opened);
        return r;
    }

    String ifExpr(List<Object> args, Scope s, Block b, boolean tail, boolean when) {
        IfArguments.check(when ? "if" : "unless", args, Block.currentLine(), c.module != null && c.function != null ? c.function.display() : "(file)");
        String test = c.expr(args.get(0), s, b);
        String r = c.unit.fresh("r");
        b.line("def " + r + " = null;");
        b.open("if (" + (when ? "" : "!") + OPS + ".truthy(" + test + ")) {");
        Scope then = s.copy();
        b.line(r + " = " + c.expr(Quoted.keyword(args.get(1), "do"), then, b, tail) + ";");
        if (Quoted.hasKeyword(args.get(1), "else")) {
            b.orElse("} else {");
            Scope other = s.copy();
            b.line(r + " = " + c.expr(Quoted.keyword(args.get(1), "else"), other, b, tail) + ";");
        }
        b.close("}");
        return r;
    }

    /** {@code match?(pattern, expr)}. */
    String matchQ(Object pattern, Object value, Scope s, Block b) {
        String t = c.spill(c.expr(value, s, b), b);
        Clause clause = Quoted.isCall(pattern, "when", 2)
                ? new Clause(List.of(Quoted.args(pattern).get(0)), Quoted.args(pattern).get(1), true)
                : new Clause(List.of(pattern), null, true);
        List<Clause> both = List.of(clause, new Clause(List.<Object>of(Tuple.of(Atom.of("_"), List.of(), null)), null, false));
        return clauses(List.of(t), both, s, b, false, null);
    }

    // ---- with ---------------------------------------------------------------------------------

    String with(List<Object> args, Scope s, Block b, boolean tail) {
        if (args.isEmpty()) throw CompileError.undefinedFunction(Block.currentLine(), "with", 0);
        Object opts = args.get(args.size() - 1);
        ClauseChecks.checkWith(opts, Block.currentLine());
        List<Object> steps = args.subList(0, args.size() - 1);
        String r = c.unit.fresh("r");
        String failed = c.unit.fresh("w");
        String ok = c.unit.fresh("m");
        b.line("def " + r + " = null;");
        b.line("def " + failed + " = null;");
        b.line("boolean " + ok + " = false;");
        Scope ws = s.copy();
        int opened = 0;
        for (Object step : steps) {
            if (Quoted.isCall(step, "<-", 2)) {
                Object pattern = Quoted.args(step).get(0);
                String v = c.expr(Quoted.args(step).get(1), ws, b);
                String t = c.unit.fresh("t");
                b.line("def " + t + " = " + v + ";");
                b.line(failed + " = " + t + ";");
                Object guard = null;
                if (Quoted.isCall(pattern, "when", 2)) {
                    guard = Quoted.args(pattern).get(1);
                    pattern = Quoted.args(pattern).get(0);
                }
                Scope next = ws.copy();
                opened += accept(List.of(t), new Clause(List.of(pattern), guard, null), ws, next, b);
                ws = next;
            } else {
                c.statement(c.expr(step, ws, b), b);
            }
        }
        b.line(r + " = " + c.expr(Quoted.keyword(opts, "do"), ws, b, tail) + ";");
        b.line(ok + " = true;");
        b.close(opened);
        if (Quoted.hasKeyword(opts, "else")) {
            b.open("if (!" + ok + ") {");
            String e = clauses(List.of(failed), clausesOf(Quoted.keyword(opts, "else")), s, b, tail, OPS + ".withClause(" + failed + ");");
            b.line(r + " = " + e + ";");
            b.close("}");
        } else {
            b.line("if (!" + ok + ") " + r + " = " + failed + ";");
        }
        return r;
    }

    // ---- for ----------------------------------------------------------------------------------

    String forExpr(List<Object> args, Scope s, Block b, int line) {
        args = mergeOptions(args);
        Object opts = args.get(args.size() - 1);
        if (!(opts instanceof List<?>) || !Quoted.hasKeyword(opts, "do")) throw new CompileError(line, "missing :do option in \"for\"");
        ForOptions.check((List<?>) opts, line);
        List<Object> quals = args.subList(0, args.size() - 1);
        boolean reduce = Quoted.hasKeyword(opts, "reduce");
        String acc = c.unit.fresh("acc");
        if (reduce) b.line("def " + acc + " = " + c.expr(Quoted.keyword(opts, "reduce"), s, b) + ";");
        else b.line("def " + acc + " = new ArrayList();");
        String into = Quoted.hasKeyword(opts, "into") ? c.spill(c.expr(Quoted.keyword(opts, "into"), s, b), b) : null;
        Scope fs = s.copy();
        int loops = 0;
        for (Object q : quals) {
            if (Quoted.isCall(q, "<-", 2)) {
                Object pattern = Quoted.args(q).get(0);
                String gen = c.expr(Quoted.args(q).get(1), fs, b);
                String x = c.unit.fresh("x");
                b.open("for (Object " + x + " : " + OPS + ".enumerate(" + gen + ")) {");
                loops++;
                Object guard = null;
                if (Quoted.isCall(pattern, "when", 2)) {
                    guard = Quoted.args(pattern).get(1);
                    pattern = Quoted.args(pattern).get(0);
                }
                Pattern p = c.patterns.compile(pattern, x, fs);
                p.require(b, "continue;");
                p.bindIn(fs);
                if (guard != null) b.line("if (!" + guard(guard, fs, b) + ") continue;");
            } else if (BinaryPattern.isGenerator(q)) {
                new BinaryPattern(c, c.patterns).generator(q, fs, b);
                loops++;
            } else {
                String f = c.expr(q, fs, b);
                b.line("if (!" + OPS + ".truthy(" + f + ")) continue;");
            }
        }
        Object body = Quoted.keyword(opts, "do");
        if (reduce) {
            String v = clauses(List.of(acc), clausesOf(body), fs, b, false, OPS + ".caseClause(" + acc + ");");
            b.line(acc + " = " + v + ";");
        } else {
            b.line(acc + ".add(" + c.expr(body, fs, b) + ");");
        }
        b.close(loops);
        if (reduce) return acc;
        if (into != null) return OPS + ".into(" + into + ", " + acc + ")";
        if (Boolean.TRUE.equals(Quoted.keyword(opts, "uniq"))) return OPS + ".uniq(" + acc + ")";
        return "java.util.Collections.unmodifiableList(" + acc + ")";
    }

    /** {@code for x <- xs, into: %{} do ... end}: the options and the do block are one keyword list. */
    static List<Object> mergeOptions(List<Object> args) {
        List<Object> out = new ArrayList<>(args);
        while (out.size() >= 2 && isKeywords(out.get(out.size() - 1)) && isKeywords(out.get(out.size() - 2))) {
            List<Object> merged = new ArrayList<>((List<?>) out.remove(out.size() - 2));
            merged.addAll((List<?>) out.remove(out.size() - 1));
            out.add(merged);
        }
        return out;
    }

    private static boolean isKeywords(Object o) {
        return o instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(e -> e instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom);
    }

    // ---- try ----------------------------------------------------------------------------------

    String tryExpr(List<Object> args, Scope s, Block b) {
        if (args.size() != 1) throw CompileError.undefinedFunction(Block.currentLine(), "try", args.size());
        Object opts = args.get(0);
        ClauseChecks.checkTry(opts, Block.currentLine());
        String r = c.unit.fresh("r");
        String done = c.unit.fresh("m");
        b.line("def " + r + " = null;");
        b.line("boolean " + done + " = false;");
        b.open("try {");
        Scope ts = s.copy();
        b.line(r + " = " + c.expr(Quoted.keyword(opts, "do"), ts, b) + ";");
        b.line(done + " = true;");
        boolean rescues = Quoted.hasKeyword(opts, "rescue") || Quoted.hasKeyword(opts, "catch");
        if (rescues) {
            String e = c.unit.fresh("e");
            b.orElse("} catch (RuntimeException " + e + ") {");
            List<Clause> handlers = new ArrayList<>();
            List<String> tests = new ArrayList<>();
            List<List<String>> subjectLists = new ArrayList<>();
            String kind = c.unit.fresh("t");
            String value = c.unit.fresh("t");
            b.line("def " + kind + " = " + OPS + ".catchKind(" + e + ");");
            b.line("def " + value + " = " + OPS + ".catchValue(" + e + ");");
            String rescued = c.unit.fresh("t");
            b.line("def " + rescued + " = " + OPS + ".rescued(" + e + ");");
            for (Object arrow : Quoted.clauses(Quoted.keyword(opts, "rescue"))) {
                rescueClause(Clause.of(arrow), e, handlers, tests);
                subjectLists.add(List.of(rescued));
            }
            for (Object arrow : Quoted.clauses(Quoted.keyword(opts, "catch"))) {
                catchClause(Clause.of(arrow), e, handlers, tests);
                subjectLists.add(Clause.of(arrow).patterns().size() == 2 ? List.of(kind, value) : List.of(value));
            }
            String h = c.unit.fresh("m");
            b.line("boolean " + h + " = false;");
            for (int i = 0; i < handlers.size(); i++) {
                Clause cl = handlers.get(i);
                b.open("if (!" + h + " && " + tests.get(i) + ") {");
                Scope cs = s.copy();
                int opened = accept(subjectLists.get(i), cl, s, cs, b);
                b.line(r + " = " + c.expr(cl.body(), cs, b) + ";");
                b.line(h + " = true;");
                b.close(opened);
                b.close("}");
            }
            b.line("if (!" + h + ") throw " + e + ";");
        }
        if (Quoted.hasKeyword(opts, "after")) {
            b.orElse("} finally {");
            c.statement(c.expr(Quoted.keyword(opts, "after"), s.copy(), b), b);
        } else if (!rescues) {
            b.orElse("} finally {");
        }
        b.close("}");
        if (Quoted.hasKeyword(opts, "else")) {
            b.open("if (" + done + ") {");
            String v = c.spill(r, b);
            String e = clauses(List.of(v), clausesOf(Quoted.keyword(opts, "else")), s, b, false, OPS + ".tryClause(" + v + ");");
            b.line(r + " = " + e + ";");
            b.close("}");
        }
        return r;
    }

    /**
     * A rescue clause as read: {@code rescue e in [A, B] ->}, {@code rescue A ->},
     * {@code rescue e ->}. The compiler and the direct path both read it here.
     *
     * @param handler the clause with the exception's variable (or {@code _}) as its one pattern
     * @param modules the exception modules it names, as quoted; null when it takes any error
     */
    record Rescue(Clause handler, List<?> modules) {
        static Rescue of(Clause cl) {
            Object p = cl.patterns().get(0);
            Object var = Tuple.of(Atom.of("_"), List.of(), null);
            Object names = null;
            if (Quoted.isCall(p, "in", 2)) {
                var = Quoted.args(p).get(0);
                names = Quoted.args(p).get(1);
            } else if (Quoted.isAlias(p)) {
                names = p;
            } else {
                var = p;
            }
            List<?> modules = names == null ? null : names instanceof List<?> l ? l : List.of(names);
            return new Rescue(new Clause(List.of(var), cl.guard(), cl.body()), modules);
        }
    }

    /** A rescue clause: a test on the exception and a clause binding it. */
    private void rescueClause(Clause cl, String e, List<Clause> handlers, List<String> tests) {
        Rescue rescue = Rescue.of(cl);
        String test = OPS + ".isError(" + e + ")";
        if (rescue.modules() != null) {
            List<String> alts = new ArrayList<>();
            for (Object n : rescue.modules()) {
                String full = Quoted.isAlias(n) ? c.aliasName(n, new Scope()).substring(7) : String.valueOf(n);
                alts.add(OPS + ".isException(" + e + ", " + Groovy.string(full) + ")");
            }
            test = "(" + String.join(" || ", alts) + ")";
        }
        handlers.add(rescue.handler());
        tests.add(test + " && " + OPS + ".isError(" + e + ")");
    }

    /** {@code catch value ->} (a throw) and {@code catch kind, value ->}. */
    private void catchClause(Clause cl, String e, List<Clause> handlers, List<String> tests) {
        if (cl.patterns().size() == 1) {
            handlers.add(new Clause(List.of(cl.patterns().get(0)), cl.guard(), cl.body()));
            tests.add("(" + e + " instanceof procshell.shell.iex.ThrownValue)");
        } else {
            handlers.add(cl);
            tests.add("true");
        }
    }

    // ---- receive ------------------------------------------------------------------------------

    String receive(List<Object> args, Scope s, Block b, boolean tail) {
        Object opts = args.get(0);
        ClauseChecks.check("receive", opts, java.util.Set.of("do", "after"), Block.currentLine());
        List<Clause> clauses = clausesOf(Quoted.keyword(opts, "do"));
        String timeout = "null";
        Clause after = null;
        if (Quoted.hasKeyword(opts, "after")) {
            List<Object> arrows = Quoted.clauses(Quoted.keyword(opts, "after"));
            after = Clause.of(arrows.get(0));
            timeout = c.spill(c.expr(after.patterns().get(0), s, b), b);
        }
        // the predicate: does some clause accept the message? (patterns and guards only)
        String msg = c.unit.fresh("x");
        Block pred = new Block();
        for (Clause cl : clauses) {
            Scope cs = s.copy();
            int opened = accept(List.of(msg), new Clause(cl.patterns(), cl.guard(), null), s, cs, pred);
            pred.line("return true;");
            pred.close(opened);
        }
        pred.line("return false;");
        String m = c.unit.fresh("t");
        b.open("def " + m + " = " + OPS + ".receive({ Object " + msg + " ->");
        b.append(pred);
        b.close("}, " + timeout + ");");
        String r = c.unit.fresh("r");
        b.line("def " + r + " = null;");
        if (after != null) {
            b.open("if (" + OPS + ".TIMEOUT.is(" + m + ")) {");
            b.line(r + " = " + c.expr(after.body(), s.copy(), b, tail) + ";");
            b.orElse("} else {");
        }
        b.line(r + " = " + clauses(List.of(m), clauses, s, b, tail, OPS + ".caseClause(" + m + ");") + ";");
        if (after != null) b.close("}");
        return r;
    }

    // ---- fn and captures ----------------------------------------------------------------------

    /** {@code fn clauses end}: a Groovy closure taking one parameter per argument. */
    String fn(List<Object> arrows, Scope s, Block b, int line) {
        List<Clause> clauses = new ArrayList<>();
        for (Object a : arrows) clauses.add(Clause.of(a));
        int arity = clauses.get(0).patterns().size();
        List<String> params = new ArrayList<>();
        for (int i = 0; i < arity; i++) params.add(c.unit.fresh("a"));
        Compiler.FunctionContext outer = c.function;
        String display = outer == null || c.module == null ? ":erl_eval.\"-inside-an-interpreted-fun-\"/" + arity
                : "anonymous fn/" + arity + " in " + c.module.name() + "." + outer.name() + "/" + outer.arity();
        c.function = new Compiler.FunctionContext(outer == null ? null : outer.name(), outer == null ? -1 : outer.arity(), List.of(), false, display);
        try {
            Block body = new Block();
            String args = String.join(", ", params);
            String r = clauses(params, clauses, s.copy(), body, false,
                    OPS + ".functionClause(" + Groovy.string(display) + ", " + (c.module == null ? "null" : Groovy.string("iex:" + line + ": " + display))
                            + (arity == 0 ? "" : ", " + args) + ");");
            body.line("return " + r + ";");
            StringBuilder out = new StringBuilder("{ ");
            out.append(params.stream().map(p -> "Object " + p).reduce((x, y) -> x + ", " + y).orElse("")).append(" ->\n");
            out.append(body.text()).append("}");
            return out.toString();
        } finally {
            c.function = outer;
        }
    }

    /** {@code &(&1 + 1)}, {@code &Mod.fun/2}, {@code &fun/1}: a fn. */
    String capture(Object body, Scope s, Block b, int line) {
        checkCaptureNumbers(body, line);
        Object clause = captureClause(body);
        if (clause == null) {
            throw new CompileError(line, "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n"
                    + "  * &fun/arity to capture a local or imported function, such as &is_atom/1\n"
                    + "  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: " + Compiler.describe(body));
        }
        RemoteCapture remote = RemoteCapture.of(body);
        if (remote != null && Quoted.isVar(remote.left())) {
            String module;
            try {
                module = c.expr(remote.left(), s, b);
            } catch (CompileError e) {
                throw e.withFrames(List.of("(elixir 1.14.0) src/elixir_fn.erl:85: :elixir_fn.capture_require/5"));
            }
            return "procshell.shell.iex.Erlang.make_fun(" + module + ", " + c.unit.atom(remote.function().name()) + ", " + remote.arity() + ")";
        }
        List<Import> imports = c.importsInScope();
        LocalCapture local = LocalCapture.of(body);
        if (local != null) {
            CompileError ambiguous = Import.captureAmbiguity(local.name(), local.arity(), imports, line, c.module != null);
            if (ambiguous != null) throw ambiguous;
        }
        Atom[] target = captureTarget(body, alias -> c.aliasName(alias, s), imports);
        String fn = fn(List.of(clause), s, b, line);
        return target == null ? fn
                : "procshell.shell.iex.CapturedFun.of(" + Groovy.string(target[0].name()) + ", " + Groovy.string(target[1].name()) + ", " + fn + ")";
    }

    /**
     * The function a capture names, as Elixir's compiler resolves it (elixir_fn's capture): such a
     * fn prints as that capture. {@code &Mod.fun/n} and {@code &Mod.fun(&1, ..., &n)} (arguments
     * {@code &1} to {@code &n} in order) name a remote function, of a module named by an alias
     * (after the aliases in scope) or an atom; {@code &fun/n} and {@code &fun(&1, ..., &n)}, an
     * operator too ({@code &(&1 + &2)}), name the function imported where the capture is: the
     * last {@code import} of the shell's modules that has it, else Kernel's. A macro's capture
     * ({@code &to_string/1}, {@code &Kernel.is_nil/1}) is a fn, and a function Elixir inlines is
     * the Erlang one ({@link InlinedFunctions}: {@code &length/1} is {@code &:erlang.length/1}).
     *
     * @param body      what follows {@code &}
     * @param aliasName an alias's module atom name ({@code Elixir.String})
     * @param imports   the imports in effect (the prompt's, or the module's)
     * @return {@code {module, function}}, or null for any other capture (it prints as a fn)
     */
    static Atom[] captureTarget(Object body, java.util.function.Function<Object, String> aliasName, List<Import> imports) {
        LocalCapture local = LocalCapture.of(body);
        if (local != null) return imported(local.name(), local.arity(), imports);
        RemoteCapture r = RemoteCapture.of(body);
        if (r == null) return null;
        String module = r.left() instanceof Atom a ? a.name() : Quoted.isAlias(r.left()) ? aliasName.apply(r.left()) : null;
        return module == null ? null : remote(module, r.function().name(), r.arity());
    }

    /** A local capture, {@code &name/arity} or {@code &name(&1, ..., &arity)} (an operator too). */
    private record LocalCapture(String name, int arity) {
        /** The capture {@code body} (what follows {@code &}) is, or null for any other. */
        static LocalCapture of(Object body) {
            if (Quoted.isCall(body, "/", 2) && Quoted.args(body).get(1) instanceof Integer n && Quoted.isVar(Quoted.args(body).get(0))) {
                return new LocalCapture(Quoted.name(Quoted.args(body).get(0)), n);
            }
            if (Quoted.isNode(body) && Quoted.head(body) instanceof Atom name && argumentsInOrder(Quoted.args(body))) {
                return new LocalCapture(name.name(), Quoted.args(body).size());
            }
            return null;
        }
    }

    /**
     * The parts of a remote capture, {@code &left.function/arity} or
     * {@code &left.function(&1, ..., &arity)}, whatever {@code left} is (an alias, an atom, a
     * variable: {@code &m.upcase/1} is {@code :erlang.make_fun(m, :upcase, 1)}).
     */
    record RemoteCapture(Object left, Atom function, int arity) {
        /** The capture {@code body} (what follows {@code &}) is, or null for any other. */
        static RemoteCapture of(Object body) {
            Object call;
            int arity;
            if (Quoted.isCall(body, "/", 2) && Quoted.args(body).get(1) instanceof Integer n) {
                call = Quoted.args(body).get(0);
                arity = n;
                if (!Quoted.isNode(call) || Quoted.args(call) == null || !Quoted.args(call).isEmpty()) return null;
            } else if (Quoted.isNode(body) && argumentsInOrder(Quoted.args(body))) {
                call = body;
                arity = Quoted.args(body).size();
            } else {
                return null;
            }
            if (!Quoted.isCall(Quoted.head(call), ".", 2)) return null;
            List<Object> dot = Quoted.args(Quoted.head(call));
            return dot.get(1) instanceof Atom fun ? new RemoteCapture(dot.get(0), fun, arity) : null;
        }
    }

    /**
     * The function {@code name/arity} is where it is imported: the last import of the shell's
     * modules that has it, else Kernel's (a module cannot define one of Kernel's functions
     * without excluding it from its imports, so its own functions come after these).
     */
    private static Atom[] imported(String name, int arity, List<Import> imports) {
        for (int i = imports.size() - 1; i >= 0; i--) {
            Import imported = imports.get(i);
            if (!imported.mayDefine(name, arity)) continue;
            // a module typed in the shell is only asked when the call runs: its capture stays a fn
            return CallTargets.isFacade(imported.module()) ? remote(imported.module(), name, arity) : null;
        }
        return procshell.shell.elixir.ElixirExports.isKernelFunction(name, arity) ? remote("Elixir.Kernel", name, arity) : null;
    }

    /** {@code module.function/arity} as compiled: a Kernel macro's capture is a fn (null), an inlined function the Erlang one. */
    private static Atom[] remote(String module, String function, int arity) {
        if (module.equals("Elixir.Kernel") && procshell.shell.elixir.ElixirExports.isKernelMacro(function, arity)) return null;
        return InlinedFunctions.of(module, function, arity);
    }

    /** {@code &1, &2, ..., &n} (n at least 1), as a call's arguments. */
    private static boolean argumentsInOrder(List<Object> args) {
        if (args == null || args.isEmpty()) return false;
        for (int i = 0; i < args.size(); i++) {
            if (!Quoted.isCall(args.get(i), "&", 1) || !Integer.valueOf(i + 1).equals(Quoted.args(args.get(i)).get(0))) return false;
        }
        return true;
    }

    /**
     * A capture as the fn it stands for: the {@code ->} clause of {@code fn capture1__, ... -> call end}
     * (the compiler and the direct path both read captures here).
     *
     * @param body what follows {@code &}
     * @return the clause, or null when the capture is invalid (no {@code &N} in it, or one
     *         skipped: {@link #checkCaptureNumbers})
     */
    static Object captureClause(Object body) {
        if (Quoted.isCall(body, "/", 2) && Quoted.args(body).get(1) instanceof Integer arity) {
            Object target = Quoted.args(body).get(0);
            List<Object> vars = new ArrayList<>();
            for (int i = 1; i <= arity; i++) vars.add(Tuple.of(Atom.of("capture" + i + "__"), List.of(), null));
            Object call = null;
            if (Quoted.isVar(target)) call = Tuple.of(Quoted.head(target), Quoted.meta(target), vars);
            else if (Quoted.isNode(target) && Quoted.head(target) instanceof Tuple && Quoted.args(target).isEmpty()) {
                call = Tuple.of(Quoted.head(target), List.of(), vars);
            }
            if (call != null) return Tuple.of(Atom.of("->"), List.of(), List.of(vars, call));
        }
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        Object rewritten = captureArgs(body, used);
        if (used.isEmpty() || numberingError(used, 0) != null) return null;
        List<Object> vars = new ArrayList<>();
        for (int i = 1; i <= used.last(); i++) vars.add(Tuple.of(Atom.of("capture" + i + "__"), List.of(), null));
        return Tuple.of(Atom.of("->"), List.of(), List.of(vars, rewritten));
    }

    /** The capture's body with {@code &N} replaced by variables; {@code used} gets each N. */
    private static Object captureArgs(Object ast, java.util.Set<Integer> used) {
        if (Quoted.isCall(ast, "&", 1) && Quoted.args(ast).get(0) instanceof Integer n) {
            used.add(n);
            return Tuple.of(Atom.of("capture" + n + "__"), List.of(), null);
        }
        if (ast instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(captureArgs(o, used));
            return out;
        }
        if (ast instanceof Tuple t && t.size() == 2) return Tuple.of(captureArgs(t.get(0), used), captureArgs(t.get(1), used));
        if (Quoted.isNode(ast) && !Quoted.isVar(ast)) {
            return Tuple.of(captureArgs(Quoted.head(ast), used), Quoted.meta(ast), captureArgs(Quoted.args(ast), used));
        }
        return ast;
    }

    private static final String ELIXIR_FN = "(elixir 1.14.0) src/elixir_fn.erl:";

    /**
     * Elixir's check of a capture's arguments: each {@code &N} between 1 and 255, none skipped
     * ({@code &(&1 + &3)} is {@code capture argument &3 cannot be defined without &2 ...}).
     *
     * @param body what follows {@code &}
     * @param line the capture's line, for the error
     * @throws CompileError as Elixir's compiler raises it, with its frames
     */
    static void checkCaptureNumbers(Object body, int line) {
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        captureArgs(body, used);
        CompileError e = numberingError(used, line);
        if (e != null) throw e;
    }

    private static CompileError numberingError(java.util.SortedSet<Integer> used, int line) {
        if (used.isEmpty()) return null;
        if (used.first() < 1 || used.last() > 255) {
            int outside = used.first() < 1 ? used.first() : used.last();
            return new CompileError(line, "capture argument &" + outside + " must be numbered between 1 and 255", List.of(ELIXIR_FN + "112: :elixir_fn.capture_expr/6"));
        }
        int expected = 1;
        for (int n : used) {
            if (n != expected) {
                List<String> frames = expected == 1 ? List.of(ELIXIR_FN + "116: :elixir_fn.capture_expr/6")
                        : List.of(ELIXIR_FN + "125: :elixir_fn.validate/4", ELIXIR_FN + "116: :elixir_fn.capture_expr/6");
                return new CompileError(line, "capture argument &" + n + " cannot be defined without &" + expected
                        + " (you cannot skip arguments, all arguments must be numbered)", frames);
            }
            expected++;
        }
        return null;
    }
}
