package procshell.shell.elixir.compiler;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Tuple;

/**
 * A pattern run on the direct path: the steps {@link PatternCompiler} plans for the compiler too
 * ({@link Pattern}), each test and binding calling the same method with the same arguments, so
 * that a pattern matches the same values whichever path evaluates it. A pattern whose steps hold
 * Groovy ({@link Pattern.Raw}) is left to the compiler.
 */
final class DirectPattern {
    private final int[] subjects;
    /** Per step: the slot it binds, or -1 for a test. */
    private final int[] targets;
    private final DirectExpr[] steps;
    /** Elixir variable name to the slot the pattern binds it in. */
    private final Map<String, Integer> variables;

    private DirectPattern(int[] subjects, int[] targets, DirectExpr[] steps, Map<String, Integer> variables) {
        this.subjects = subjects;
        this.targets = targets;
        this.steps = steps;
        this.variables = variables;
    }

    /**
     * Plans patterns matched together, one per subject (a fn's parameters; {@code case} has one).
     *
     * @param patterns the quoted patterns
     * @param planner  plans the expressions the patterns hold, and hands out slots
     * @param scope    the variables bound where the patterns are matched (for pins), name to slot
     * @throws DirectPlanner.Unsupported when the pattern is the compiler's (an error, or a Groovy step)
     */
    static DirectPattern plan(List<Object> patterns, DirectPlanner planner, Map<String, Integer> scope) {
        if (hasSegments(patterns)) throw DirectPlanner.Unsupported.INSTANCE;
        Scope names = new Scope();
        for (String name : scope.keySet()) names.bind(name, name);
        PatternCompiler compiler = new PatternCompiler(new Unit(), null);
        Pattern p = new Pattern();
        Map<String, Integer> slots = new HashMap<>();
        int[] subjects = new int[patterns.size()];
        try {
            for (int i = 0; i < subjects.length; i++) {
                String subject = "subject" + i;
                subjects[i] = planner.slot();
                slots.put(subject, subjects[i]);
                compiler.match(patterns.get(i), subject, names, p);
            }
        } catch (CompileError e) {
            throw DirectPlanner.Unsupported.INSTANCE; // the compiler reports it
        }
        if (!p.isDirect()) throw DirectPlanner.Unsupported.INSTANCE;
        int n = p.steps.size();
        int[] targets = new int[n];
        DirectExpr[] steps = new DirectExpr[n];
        for (int i = 0; i < n; i++) {
            Pattern.Step s = p.steps.get(i);
            steps[i] = term(s.term(), slots, planner, scope);
            targets[i] = -1;
            if (!s.isTest()) {
                targets[i] = planner.slot();
                slots.put(s.variable(), targets[i]);
            }
        }
        Map<String, Integer> variables = new LinkedHashMap<>();
        p.variables.forEach((name, v) -> variables.put(name, slots.get(v)));
        return new DirectPattern(subjects, targets, steps, variables);
    }

    /** True when a pattern holds a {@code <<>>} of segments other than strings: the compiler's own steps (binaries). */
    static boolean hasSegments(Object ast) {
        // loops, not streams: planned for every pattern typed, mostly on cold code
        if (ast instanceof List<?> l) {
            for (Object o : l) {
                if (hasSegments(o)) return true;
            }
            return false;
        }
        if (ast instanceof Tuple t && t.size() == 2) return hasSegments(t.get(0)) || hasSegments(t.get(1));
        if (!Quoted.isNode(ast) || Quoted.isVar(ast)) return false;
        if (Quoted.isCall(ast, "<<>>")) {
            for (Object a : Quoted.args(ast)) {
                if (!(a instanceof String)) return true;
            }
        }
        return hasSegments(Quoted.args(ast));
    }

    /** The planned evaluation of a step's term. */
    private static DirectExpr term(Pattern.Term t, Map<String, Integer> slots, DirectPlanner planner, Map<String, Integer> scope) {
        return switch (t) {
            case Pattern.Ref r -> {
                int slot = slots.get(r.variable());
                yield env -> env[slot];
            }
            case Pattern.Literal l -> planner.expr(l.value(), scope);
            case Pattern.Pinned p -> {
                Integer slot = scope.get(p.name());
                if (slot == null) throw DirectPlanner.Unsupported.INSTANCE;
                int i = slot;
                yield env -> env[i];
            }
            case Pattern.Expression e -> planner.expr(e.ast(), scope);
            case Pattern.Call c -> {
                DirectExpr[] args = new DirectExpr[c.args().size()];
                for (int i = 0; i < args.length; i++) args[i] = term(c.args().get(i), slots, planner, scope);
                yield DirectCall.of(c.owner(), c.method(), args);
            }
            case Pattern.Raw r -> throw DirectPlanner.Unsupported.INSTANCE;
        };
    }

    /**
     * Matches the values, one per pattern, binding the pattern's variables in {@code env}.
     *
     * @return true on a match (its variables bound), false at the first failed test
     */
    boolean match(Object[] env, Object... values) throws Throwable {
        for (int i = 0; i < subjects.length; i++) env[subjects[i]] = values[i];
        for (int i = 0; i < steps.length; i++) {
            Object v = steps[i].eval(env);
            if (targets[i] >= 0) env[targets[i]] = v;
            else if (!Boolean.TRUE.equals(v)) return false;
        }
        return true;
    }

    /** The scope of the code that runs on a match: the outer one with the pattern's variables. */
    Map<String, Integer> scopeAfter(Map<String, Integer> outer) {
        Map<String, Integer> out = new LinkedHashMap<>(outer);
        out.putAll(variables);
        return out;
    }

    /** Binds the pattern's variables in a scope (a match {@code =} binds them where it stands). */
    void bindIn(Map<String, Integer> scope) {
        scope.putAll(variables);
    }
}
