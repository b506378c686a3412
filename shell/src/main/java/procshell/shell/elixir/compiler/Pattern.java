package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled pattern: the steps that match a subject, in order. A step is a test (a Groovy
 * boolean expression) or a binding (a new Groovy variable holding a part of the subject); a test
 * may use the bindings before it. The pattern's variables are bound, name to Groovy variable, in
 * {@link #variables}.
 */
final class Pattern {
    /** One step: a test when {@code variable} is null, else {@code def variable = expr}. */
    record Step(String variable, String expr) {
        boolean isTest() {
            return variable == null;
        }
    }

    final List<Step> steps = new ArrayList<>();
    /** Elixir variable name to the Groovy variable it is bound to by this pattern. */
    final Map<String, String> variables = new LinkedHashMap<>();

    void test(String condition) {
        steps.add(new Step(null, condition));
    }

    void bind(String variable, String expr) {
        steps.add(new Step(variable, expr));
    }

    /**
     * Writes the steps as nested {@code if}s, leaving the block inside the innermost one open.
     *
     * @return how many blocks were opened (to close after the code that runs on a match)
     */
    int open(Block b) {
        int opened = 0;
        List<String> pending = new ArrayList<>();
        for (Step s : steps) {
            if (s.isTest()) {
                pending.add(s.expr());
                continue;
            }
            if (!pending.isEmpty()) {
                b.open("if (" + String.join(" && ", pending) + ") {");
                opened++;
                pending.clear();
            }
            b.line("def " + s.variable() + " = " + s.expr());
        }
        if (!pending.isEmpty()) {
            b.open("if (" + String.join(" && ", pending) + ") {");
            opened++;
        }
        return opened;
    }

    /** Writes the steps as statements that raise through {@code onFail} (e.g. MatchError) at the first failed test. */
    void require(Block b, String onFail) {
        for (Step s : steps) {
            if (s.isTest()) b.line("if (!(" + s.expr() + ")) " + onFail);
            else b.line("def " + s.variable() + " = " + s.expr());
        }
    }

    /** Binds the pattern's variables in a scope. */
    void bindIn(Scope scope) {
        variables.forEach(scope::bind);
    }
}
