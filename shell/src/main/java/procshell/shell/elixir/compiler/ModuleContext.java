package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.shell.iex.Modules;

/**
 * A module being compiled: its name, its Groovy class, its functions (name/arity), aliases,
 * imports and attributes as the body has set them so far.
 */
final class ModuleContext {
    /** A function's clauses, gathered from its {@code def}s in body order. */
    static final class Def {
        final String name;
        final int arity;
        final boolean priv;
        /** Each clause: the {@code def} node's head arguments, guard and body, with the attributes it saw. */
        final List<DefClause> clauses = new ArrayList<>();
        /** The default argument expressions by parameter position (from {@code \\}). */
        final Map<Integer, Object> defaults = new LinkedHashMap<>();
        /** Generated Groovy source, when the function is not compiled from clauses (use's defaults). */
        String source;

        Def(String name, int arity, boolean priv) {
            this.name = name;
            this.arity = arity;
            this.priv = priv;
        }
    }

    /**
     * A def head's parameters as patterns: each {@code pattern \\ default} gives its pattern, and
     * its default expression is recorded in {@code defaults} under the parameter's position (both
     * the compiler and {@link DirectModule} read defaults this way).
     */
    static List<Object> patternsWithoutDefaults(List<Object> params, Map<Integer, Object> defaults) {
        List<Object> patterns = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (Quoted.isCall(p, "\\\\", 2)) {
                defaults.put(i, Quoted.args(p).get(1));
                p = Quoted.args(p).get(0);
            }
            patterns.add(p);
        }
        return patterns;
    }

    /** One {@code def} clause. */
    record DefClause(List<Object> params, Object guard, Object body, Map<String, Object> attributes, int line) {}

    private final String name;
    private final String className;
    private final Scope scope;
    private final List<Import> imports = new ArrayList<>();
    final Map<String, Def> defs = new LinkedHashMap<>();
    /** Arities reachable through default arguments: name/arity to the full arity. */
    final Map<String, Integer> defaultArities = new LinkedHashMap<>();
    final Map<String, Object> attributes = new LinkedHashMap<>();

    ModuleContext(String name, String className, Scope scope) {
        this.name = name;
        this.className = className;
        this.scope = scope;
    }

    /** The Elixir name, e.g. {@code MyApp.Hello}. */
    String name() {
        return name;
    }

    /** The Groovy class holding the functions. */
    String className() {
        return className;
    }

    /** The module body's scope (aliases). */
    Scope scope() {
        return scope;
    }

    /** The imports of the body. */
    List<Import> imports() {
        return imports;
    }

    /** True when the module defines {@code name/arity} (directly or through default arguments). */
    boolean defines(String fun, int arity) {
        return defs.containsKey(fun + "/" + arity) || defaultArities.containsKey(fun + "/" + arity);
    }

    /** The Groovy method name of a function, quoted (Elixir names may be Groovy keywords). */
    String javaName(String fun, int arity) {
        return "'" + Modules.javaName(fun) + "'";
    }
}
