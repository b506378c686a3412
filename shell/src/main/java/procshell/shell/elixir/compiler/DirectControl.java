package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.process.Reductions;
import procshell.shell.eval.Interrupted;
import procshell.shell.iex.Ops;

/**
 * Control flow and patterns on the direct path ({@link DirectInput}): {@code =} with a pattern,
 * {@code case}, {@code cond}, {@code if}/{@code unless}, {@code with}, {@code for}, {@code try},
 * {@code receive}, {@code match?} and {@code fn} of any clauses, each with the semantics
 * {@link ControlCompiler} compiles: clauses tried in order on {@link DirectPattern}s (the
 * compiler's own pattern steps), a guard that raises is false, what a clause binds stays in it,
 * the same error raised by the same {@link Ops} function when nothing matches, a reduction
 * counted where the compiled code counts one (a fn's entry, a loop's step, a receive's test).
 */
final class DirectControl {
    /** What {@link #firstMatch} answers when no clause takes the subjects. */
    static final Object NO_MATCH = new Object();

    private final DirectPlanner planner;

    DirectControl(DirectPlanner planner) {
        this.planner = planner;
    }

    /**
     * One clause planned: its patterns, guard (null for none; answers a Boolean) and body (null
     * for a test that has none).
     */
    record Planned(DirectPattern pattern, DirectExpr guard, DirectExpr body) {
        /** True when the subjects match the patterns and the guard passes; the clause's variables are then bound in env. */
        boolean accepts(Object[] env, Object[] subjects) throws Throwable {
            return pattern.match(env, subjects) && (guard == null || Boolean.TRUE.equals(guard.eval(env)));
        }
    }

    /** Runs the body of the first clause accepting the subjects; {@link #NO_MATCH} when none does. */
    static Object firstMatch(List<Planned> clauses, Object[] env, Object... subjects) throws Throwable {
        for (Planned c : clauses) {
            if (c.accepts(env, subjects)) return c.body().eval(env);
        }
        return NO_MATCH;
    }

    /** Plans clauses against {@code arity} subjects, matched in {@code scope}; each binds in a scope of its own. */
    List<Planned> clauses(List<ControlCompiler.Clause> clauses, int arity, Map<String, Integer> scope) {
        List<Planned> out = new ArrayList<>();
        for (ControlCompiler.Clause c : clauses) out.add(clause(c, arity, scope, true));
        return out;
    }

    /** A clause; {@code withBody} false for a test without one ({@code match?}): a body of nil is the literal nil. */
    private Planned clause(ControlCompiler.Clause c, int arity, Map<String, Integer> scope, boolean withBody) {
        if (c.patterns().size() != arity) throw DirectPlanner.Unsupported.INSTANCE; // the compiler's error
        DirectPattern p = DirectPattern.plan(c.patterns(), planner, scope);
        Map<String, Integer> inner = p.scopeAfter(scope);
        DirectExpr guard = c.guard() == null ? null : guard(c.guard(), inner);
        DirectExpr body = withBody ? planner.expr(c.body(), inner) : null;
        return new Planned(p, guard, body);
    }

    /** A guard's verdict: true only when it evaluates to {@code true}; one that raises is false. {@code a when b} is either. */
    private DirectExpr guard(Object guard, Map<String, Integer> scope) {
        List<DirectExpr> alternatives = new ArrayList<>();
        while (Quoted.isCall(guard, "when", 2)) {
            alternatives.add(planner.expr(Quoted.args(guard).get(0), new LinkedHashMap<>(scope)));
            guard = Quoted.args(guard).get(1);
        }
        alternatives.add(planner.expr(guard, new LinkedHashMap<>(scope)));
        return env -> {
            for (DirectExpr alt : alternatives) {
                try {
                    if (Ops.isTrue(alt.eval(env))) return Boolean.TRUE;
                } catch (RuntimeException ignored) {
                    // a guard that raises fails
                }
            }
            return Boolean.FALSE;
        };
    }

    // ---- = and match? -------------------------------------------------------------------------

    /** {@code pattern = expr}: MatchError when it does not match; binds the pattern's variables where it stands. */
    DirectExpr match(Object pattern, Object valueAst, Map<String, Integer> scope) {
        DirectExpr value = planner.expr(valueAst, scope);
        String name = Quoted.name(pattern);
        if (Quoted.isVar(pattern) && !"_".equals(name) && !"__MODULE__".equals(name)) {
            int slot = planner.slot();
            scope.put(name, slot);
            return env -> env[slot] = value.eval(env);
        }
        DirectPattern p = DirectPattern.plan(List.of(pattern), planner, scope);
        p.bindIn(scope);
        return env -> {
            Object v = value.eval(env);
            if (!p.match(env, v)) Ops.matchError(v);
            return v;
        };
    }

    /** {@code match?(pattern, expr)}: nothing it binds is seen after it. */
    DirectExpr matchQ(Object pattern, Object valueAst, Map<String, Integer> scope) {
        DirectExpr value = planner.expr(valueAst, scope);
        Object guard = null;
        if (Quoted.isCall(pattern, "when", 2)) {
            guard = Quoted.args(pattern).get(1);
            pattern = Quoted.args(pattern).get(0);
        }
        Planned clause = clause(new ControlCompiler.Clause(List.of(pattern), guard, null), 1, scope, false);
        return env -> clause.accepts(env, new Object[] {value.eval(env)});
    }

    // ---- case, cond, if -----------------------------------------------------------------------

    DirectExpr caseExpr(List<Object> args, Map<String, Integer> scope) {
        if (args.size() != 2) throw DirectPlanner.Unsupported.INSTANCE;
        check("case", args.get(1), Set.of("do"));
        DirectExpr subject = planner.expr(args.get(0), scope);
        List<Planned> clauses = clauses(ControlCompiler.clausesOf(Quoted.keyword(args.get(1), "do")), 1, scope);
        return env -> {
            Object s = subject.eval(env);
            Object v = firstMatch(clauses, env, s);
            return v == NO_MATCH ? Ops.caseClause(s) : v;
        };
    }

    /** Elixir's shape checks of a {@code case}/{@code receive}: a form that fails them is the compiler's to report. */
    private static void check(String construct, Object options, Set<String> allowed) {
        check(() -> ClauseChecks.check(construct, options, allowed, 0));
    }

    /** Runs one of Elixir's shape checks ({@link ClauseChecks}): a form that fails it is the compiler's to report. */
    private static void check(Runnable shapeCheck) {
        try {
            shapeCheck.run();
        } catch (CompileError e) {
            throw DirectPlanner.Unsupported.INSTANCE;
        }
    }

    DirectExpr cond(List<Object> args, Map<String, Integer> scope) {
        if (args.size() != 1) throw DirectPlanner.Unsupported.INSTANCE;
        check(() -> ClauseChecks.checkCond(args.get(0), 0));
        List<DirectExpr> tests = new ArrayList<>();
        List<DirectExpr> bodies = new ArrayList<>();
        for (Object arrow : Quoted.clauses(Quoted.keyword(args.get(0), "do"))) {
            ControlCompiler.Clause c = ControlCompiler.Clause.of(arrow);
            if (c.patterns().size() != 1) throw DirectPlanner.Unsupported.INSTANCE;
            Map<String, Integer> inner = new LinkedHashMap<>(scope);
            tests.add(planner.expr(c.patterns().get(0), inner));
            bodies.add(planner.expr(c.body(), inner));
        }
        return env -> {
            for (int i = 0; i < tests.size(); i++) {
                if (Ops.truthy(tests.get(i).eval(env))) return bodies.get(i).eval(env);
            }
            return Ops.condClause();
        };
    }

    /**
     * {@code if test, do: a, else: b} ({@code unless}: the branches swapped): each branch sees a
     * copy of the scope, so what it binds stays in it; no {@code else} is nil.
     */
    DirectExpr ifExpr(List<Object> args, Map<String, Integer> scope, boolean when) {
        if (args.size() != 2 || !IfArguments.valid(args.get(1)) || !(args.get(1) instanceof List<?> options)) {
            throw DirectPlanner.Unsupported.INSTANCE; // the compiler's error
        }
        DirectExpr test = planner.expr(args.get(0), scope);
        DirectExpr then = planner.expr(Quoted.keyword(options, "do"), new LinkedHashMap<>(scope));
        DirectExpr other = Quoted.hasKeyword(options, "else")
                ? planner.expr(Quoted.keyword(options, "else"), new LinkedHashMap<>(scope)) : DirectExpr.constant(null);
        return env -> Ops.truthy(test.eval(env)) == when ? then.eval(env) : other.eval(env);
    }

    // ---- with ---------------------------------------------------------------------------------

    /**
     * A step of a {@code with} or a qualifier of a {@code for}: {@code pattern <- value} (the
     * clause the value must match) or an expression (clause null: a statement, or a filter).
     */
    private record Step(DirectExpr value, Planned clause) {}

    /** Plans {@code with}'s steps or {@code for}'s qualifiers; what their patterns bind goes into {@code scope}. */
    private List<Step> steps(List<Object> asts, Map<String, Integer> scope) {
        List<Step> out = new ArrayList<>();
        for (Object step : asts) {
            if (!Quoted.isCall(step, "<-", 2)) {
                out.add(new Step(planner.expr(step, scope), null));
                continue;
            }
            Object pattern = Quoted.args(step).get(0);
            DirectExpr value = planner.expr(Quoted.args(step).get(1), scope);
            Object guard = null;
            if (Quoted.isCall(pattern, "when", 2)) {
                guard = Quoted.args(pattern).get(1);
                pattern = Quoted.args(pattern).get(0);
            }
            DirectPattern p = DirectPattern.plan(List.of(pattern), planner, scope);
            p.bindIn(scope);
            out.add(new Step(value, new Planned(p, guard == null ? null : guard(guard, scope), null)));
        }
        return out;
    }

    DirectExpr with(List<Object> args, Map<String, Integer> scope) {
        if (args.isEmpty() || !(args.get(args.size() - 1) instanceof List<?> opts) || !Quoted.hasKeyword(opts, "do")) {
            throw DirectPlanner.Unsupported.INSTANCE;
        }
        check(() -> ClauseChecks.checkWith(opts, 0));
        Map<String, Integer> ws = new LinkedHashMap<>(scope);
        List<Step> steps = steps(args.subList(0, args.size() - 1), ws);
        DirectExpr body = planner.expr(Quoted.keyword(opts, "do"), ws);
        List<Planned> otherwise = Quoted.hasKeyword(opts, "else")
                ? clauses(ControlCompiler.clausesOf(Quoted.keyword(opts, "else")), 1, scope) : null;
        return env -> {
            for (Step s : steps) {
                Object v = s.value().eval(env);
                if (s.clause() == null || s.clause().accepts(env, new Object[] {v})) continue;
                if (otherwise == null) return v;
                Object r = firstMatch(otherwise, env, v);
                return r == NO_MATCH ? Ops.withClause(v) : r;
            }
            return body.eval(env);
        };
    }

    // ---- for ----------------------------------------------------------------------------------

    /** What the loops of one {@code for} gather: the list, or the reduce's accumulator. */
    private static final class Gathered {
        final List<Object> list = new ArrayList<>();
        Object acc;
    }

    DirectExpr forExpr(List<Object> args, Map<String, Integer> scope) {
        args = ControlCompiler.mergeOptions(args);
        if (args.isEmpty() || !(args.get(args.size() - 1) instanceof List<?> opts) || !Quoted.hasKeyword(opts, "do")) {
            throw DirectPlanner.Unsupported.INSTANCE; // the compiler's error
        }
        check(() -> ForOptions.check(opts, 0));
        boolean reduce = Quoted.hasKeyword(opts, "reduce");
        DirectExpr initial = reduce ? planner.expr(Quoted.keyword(opts, "reduce"), scope) : null;
        DirectExpr into = Quoted.hasKeyword(opts, "into") ? planner.expr(Quoted.keyword(opts, "into"), scope) : null;
        boolean uniq = Boolean.TRUE.equals(Quoted.keyword(opts, "uniq"));
        Map<String, Integer> fs = new LinkedHashMap<>(scope);
        Step[] qs = steps(args.subList(0, args.size() - 1), fs).toArray(new Step[0]);
        Object bodyAst = Quoted.keyword(opts, "do");
        List<Planned> reducer = reduce ? clauses(ControlCompiler.clausesOf(bodyAst), 1, fs) : null;
        DirectExpr body = reduce ? null : planner.expr(bodyAst, fs);
        return env -> {
            Gathered g = new Gathered();
            if (reduce) g.acc = initial.eval(env);
            Object collectable = into == null ? null : into.eval(env);
            loop(qs, 0, env, g, reducer, body);
            if (reduce) return g.acc;
            if (into != null) return Ops.into(collectable, g.list);
            if (uniq) return Ops.uniq(g.list);
            return java.util.Collections.unmodifiableList(g.list);
        };
    }

    /** The qualifiers from {@code i} on, each generator's step counting a reduction as a compiled loop's does. */
    private static void loop(Step[] qs, int i, Object[] env, Gathered g, List<Planned> reducer, DirectExpr body) throws Throwable {
        if (i == qs.length) {
            if (reducer == null) {
                g.list.add(body.eval(env));
                return;
            }
            Object v = firstMatch(reducer, env, g.acc);
            g.acc = v == NO_MATCH ? Ops.caseClause(g.acc) : v;
            return;
        }
        Step q = qs[i];
        if (q.clause() == null) {
            if (Ops.truthy(q.value().eval(env))) loop(qs, i + 1, env, g, reducer, body);
            return;
        }
        for (Object x : Ops.enumerate(q.value().eval(env))) {
            if (Reductions.check()) throw new Interrupted("interrupted");
            if (q.clause().accepts(env, new Object[] {x})) loop(qs, i + 1, env, g, reducer, body);
        }
    }

    // ---- try ----------------------------------------------------------------------------------

    /** A {@code rescue} or {@code catch} handler: which exceptions it takes, its clause, and what it matches against. */
    private record Handler(Predicate takes, Planned clause, boolean kindAndValue, boolean exception) {}

    /** Whether a handler takes what was raised. */
    @FunctionalInterface
    private interface Predicate {
        boolean test(RuntimeException e);
    }

    DirectExpr tryExpr(List<Object> args, Map<String, Integer> scope) {
        if (args.size() != 1 || !(args.get(0) instanceof List<?> opts) || !Quoted.hasKeyword(opts, "do")) throw DirectPlanner.Unsupported.INSTANCE;
        check(() -> ClauseChecks.checkTry(opts, 0));
        DirectExpr body = planner.expr(Quoted.keyword(opts, "do"), new LinkedHashMap<>(scope));
        List<Handler> handlers = new ArrayList<>();
        for (Object arrow : Quoted.clauses(Quoted.keyword(opts, "rescue"))) {
            ControlCompiler.Rescue r = ControlCompiler.Rescue.of(ControlCompiler.Clause.of(arrow));
            List<String> names = null;
            if (r.modules() != null) {
                names = new ArrayList<>();
                for (Object n : r.modules()) names.add(Quoted.isAlias(n) ? planner.alias(n).substring(7) : String.valueOf(n));
            }
            List<String> modules = names;
            Predicate takes = modules == null ? Ops::isError
                    : e -> modules.stream().anyMatch(m -> Ops.isException(e, m)) && Ops.isError(e);
            handlers.add(new Handler(takes, clause(r.handler(), 1, scope, true), false, true));
        }
        for (Object arrow : Quoted.clauses(Quoted.keyword(opts, "catch"))) {
            ControlCompiler.Clause c = ControlCompiler.Clause.of(arrow);
            boolean both = c.patterns().size() == 2;
            Predicate takes = both ? e -> true : e -> e instanceof procshell.shell.iex.ThrownValue;
            handlers.add(new Handler(takes, clause(c, both ? 2 : 1, scope, true), both, false));
        }
        DirectExpr after = Quoted.hasKeyword(opts, "after") ? planner.expr(Quoted.keyword(opts, "after"), new LinkedHashMap<>(scope)) : null;
        List<Planned> otherwise = Quoted.hasKeyword(opts, "else")
                ? clauses(ControlCompiler.clausesOf(Quoted.keyword(opts, "else")), 1, scope) : null;
        return env -> {
            Object r;
            try {
                r = body.eval(env);
            } catch (RuntimeException e) {
                return handle(handlers, env, e);
            } finally {
                if (after != null) after.eval(env);
            }
            if (otherwise == null) return r;
            Object v = firstMatch(otherwise, env, r);
            return v == NO_MATCH ? Ops.tryClause(r) : v;
        };
    }

    /** The value of the first handler taking what was raised; else it goes on up. */
    private static Object handle(List<Handler> handlers, Object[] env, RuntimeException e) throws Throwable {
        Object kind = Ops.catchKind(e);
        Object value = Ops.catchValue(e);
        for (Handler h : handlers) {
            if (!h.takes().test(e)) continue;
            Object[] subjects = h.exception() ? new Object[] {Ops.rescued(e)} : h.kindAndValue() ? new Object[] {kind, value} : new Object[] {value};
            if (h.clause().accepts(env, subjects)) return h.clause().body().eval(env);
        }
        throw e;
    }

    // ---- receive ------------------------------------------------------------------------------

    DirectExpr receive(List<Object> args, Map<String, Integer> scope) {
        if (args.size() != 1) throw DirectPlanner.Unsupported.INSTANCE;
        Object opts = args.get(0);
        check("receive", opts, Set.of("do", "after"));
        List<Planned> clauses = clauses(ControlCompiler.clausesOf(Quoted.keyword(opts, "do")), 1, scope);
        // the test of a message: the clauses' patterns and guards only, on slots of its own
        List<Planned> tests = new ArrayList<>();
        for (Planned c : clauses) tests.add(new Planned(c.pattern(), c.guard(), null));
        DirectExpr timeout = null;
        DirectExpr after = null;
        if (Quoted.hasKeyword(opts, "after")) {
            ControlCompiler.Clause a = ControlCompiler.Clause.of(Quoted.clauses(Quoted.keyword(opts, "after")).get(0));
            timeout = planner.expr(a.patterns().get(0), scope);
            after = planner.expr(a.body(), new LinkedHashMap<>(scope));
        }
        DirectExpr time = timeout;
        DirectExpr onTimeout = after;
        return env -> {
            Object ms = time == null ? null : time.eval(env);
            Object[] testEnv = env.clone();
            Object m = Ops.receive(new MessageTest(tests, testEnv), ms);
            if (onTimeout != null && m == Ops.TIMEOUT) return onTimeout.eval(env);
            Object v = firstMatch(clauses, env, m);
            return v == NO_MATCH ? Ops.caseClause(m) : v;
        };
    }

    /** Whether some clause of a {@code receive} takes a message: a closure, as the compiled predicate, counting a reduction per test. */
    private static final class MessageTest extends groovy.lang.Closure<Object> {
        private final List<Planned> tests;
        private final Object[] env;

        MessageTest(List<Planned> tests, Object[] env) {
            super(null);
            this.tests = tests;
            this.env = env;
            maximumNumberOfParameters = 1;
            parameterTypes = new Class<?>[] {Object.class};
        }

        @Override
        public Object call(Object message) {
            if (Reductions.check()) throw new Interrupted("interrupted");
            try {
                for (Planned t : tests) {
                    if (t.accepts(env, new Object[] {message})) return Boolean.TRUE;
                }
                return Boolean.FALSE;
            } catch (Throwable t) {
                throw DirectExpr.<RuntimeException>rethrow(t);
            }
        }

        @Override
        public Object call(Object... arguments) {
            return call(arguments.length == 0 ? null : arguments[0]);
        }
    }

    // ---- fn -----------------------------------------------------------------------------------

    /** {@code fn clauses end}: every clause of the same arity (else the compiler's error). */
    DirectExpr fn(List<Object> arrows, Map<String, Integer> scope, int line) {
        List<ControlCompiler.Clause> clauses = new ArrayList<>();
        for (Object a : arrows) {
            if (!Quoted.isCall(a, "->", 2) || !(Quoted.args(a).get(0) instanceof List<?>)) throw DirectPlanner.Unsupported.INSTANCE;
            clauses.add(ControlCompiler.Clause.of(a));
        }
        if (clauses.isEmpty()) throw DirectPlanner.Unsupported.INSTANCE;
        int arity = clauses.get(0).patterns().size();
        if (planner.module == null) {
            Map<String, Integer> visible = Map.copyOf(scope);
            List<Planned> planned = clauses(clauses, arity, scope);
            Object quoted = procshell.runtime.node.Tuple.of(procshell.runtime.node.Atom.of("fn"), List.of(), arrows);
            PromptFnCode code = new PromptFnCode(clauses, arity, line, visible, arrows, planner.prompt());
            // the values as they are now: a loop (for) writes its slots again on its next step
            return env -> new DirectFun(env.clone(), arity, planned, quoted, visible, code);
        }
        // in a module: named after the function it is written in, its lines frames of its own, as a compiled module's closure
        DirectFunction outer = planner.module.current;
        int index = planner.module.nextFun(); // before the fns inside it
        List<Planned> planned = planner.inClosure(arity, () -> clauses(clauses, arity, scope));
        String display = outer == null ? DirectFun.display(arity) : "anonymous fn/" + arity + " in " + outer.display;
        DirectFun.Owner owner = new DirectFun.Owner(display, line, planner.module.name,
                outer == null ? planner.module.name : outer.display, index);
        return env -> new DirectFun(env.clone(), arity, planned, owner);
    }
}
