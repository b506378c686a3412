package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pattern as {@link PatternCompiler} plans it: the steps that match a subject, in order. A step
 * is a test (a call answering true or false) or a binding (a new variable holding a part of the
 * subject); a step may use the bindings before it. Steps may also be Groovy text
 * ({@link #test(String)}, {@link #bind(String, String)}). The pattern's Elixir variables are bound, name
 * to variable, in {@link #variables}.
 *
 * <p>The steps are data, not Groovy: the compiler writes them as Groovy ({@link #open},
 * {@link #require}) and the direct path runs them ({@link DirectPattern}), so both match with the
 * same tests in the same order. A step holding {@link Raw} Groovy can only be compiled.
 */
final class Pattern {
    /** A value a step computes or tests. */
    sealed interface Term permits Ref, Literal, Pinned, Expression, Call, Raw {}

    /** A value the pattern holds: the subject, or a part of it bound by an earlier step. */
    record Ref(String variable) implements Term {}

    /** A literal: nil, a boolean, a number, a string, an atom. */
    record Literal(Object value) implements Term {}

    /**
     * {@code ^name}: the variable's value where the pattern is matched.
     *
     * @param name   the Elixir name
     * @param groovy the Groovy variable holding it (the compiler's), or null on the direct path
     */
    record Pinned(String name, String groovy) implements Term {}

    /**
     * An expression evaluated where the pattern is matched (a map key, a module attribute, an
     * alias).
     *
     * @param ast    its quoted form
     * @param groovy its compiled Groovy (the compiler's), or null on the direct path
     */
    record Expression(Object ast, String groovy) implements Term {}

    /** A call of a public static method of {@code owner} (one of that name and arity). */
    record Call(Class<?> owner, String method, List<Term> args) implements Term {
        Call(Class<?> owner, String method, Term... args) {
            this(owner, method, List.of(args));
        }
    }

    /** Groovy source that only the compiler can run: a pattern holding it is never evaluated directly. */
    record Raw(String groovy) implements Term {}

    /** One step: a test when {@code variable} is null, else {@code def variable = term}. */
    record Step(String variable, Term term) {
        boolean isTest() {
            return variable == null;
        }
    }

    final List<Step> steps = new ArrayList<>();
    /** The compiler that writes the steps' literals as Groovy (set by {@link PatternCompiler}); null on the direct path. */
    private Compiler compiler;
    /** Elixir variable name to the variable it is bound to by this pattern. */
    final Map<String, String> variables = new LinkedHashMap<>();

    /** The compiler that planned steps of this pattern: it writes them as Groovy. */
    void writtenBy(Compiler c) {
        compiler = c;
    }

    void test(Term condition) {
        steps.add(new Step(null, condition));
    }

    /** A test written in Groovy (compiled only). */
    void test(String groovyCondition) {
        test(new Raw(groovyCondition));
    }

    void bind(String variable, Term value) {
        steps.add(new Step(variable, value));
    }

    /** A binding written in Groovy (compiled only). */
    void bind(String variable, String groovyValue) {
        bind(variable, new Raw(groovyValue));
    }

    /** True when every step can run without Groovy. */
    boolean isDirect() {
        for (Step s : steps) {
            if (!isDirect(s.term())) return false;
        }
        return true;
    }

    private static boolean isDirect(Term t) {
        if (t instanceof Raw) return false;
        if (t instanceof Call c) return c.args().stream().allMatch(Pattern::isDirect);
        return true;
    }

    /**
     * Writes the steps as nested {@code if}s, leaving the block inside the innermost one open.
     *
     * @return how many blocks were opened (to close after the code that runs on a match)
     */
    int open(Block b) {
        Compiler c = compiler;
        int opened = 0;
        List<String> pending = new ArrayList<>();
        for (Step s : steps) {
            if (s.isTest()) {
                pending.add(groovy(s.term(), c));
                continue;
            }
            if (!pending.isEmpty()) {
                b.open("if (" + String.join(" && ", pending) + ") {");
                opened++;
                pending.clear();
            }
            b.line("def " + s.variable() + " = " + groovy(s.term(), c));
        }
        if (!pending.isEmpty()) {
            b.open("if (" + String.join(" && ", pending) + ") {");
            opened++;
        }
        return opened;
    }

    /** Writes the steps as statements that raise through {@code onFail} (e.g. MatchError) at the first failed test. */
    void require(Block b, String onFail) {
        Compiler c = compiler;
        for (Step s : steps) {
            if (s.isTest()) b.line("if (!(" + groovy(s.term(), c) + ")) " + onFail);
            else b.line("def " + s.variable() + " = " + groovy(s.term(), c));
        }
    }

    /** Binds the pattern's variables in a scope. */
    void bindIn(Scope scope) {
        variables.forEach(scope::bind);
    }

    /** A term's Groovy expression. */
    private static String groovy(Term t, Compiler c) {
        return switch (t) {
            case Ref r -> r.variable();
            case Literal l -> c.literal(l.value());
            case Pinned p -> p.groovy();
            case Expression e -> e.groovy();
            case Raw r -> r.groovy();
            case Call call -> {
                List<String> args = new ArrayList<>();
                for (Term a : call.args()) args.add(groovy(a, c));
                yield call.owner().getName() + "." + call.method() + "(" + String.join(", ", args) + ")";
            }
        };
    }
}
