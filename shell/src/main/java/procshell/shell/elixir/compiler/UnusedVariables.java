package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Tuple;

/**
 * Elixir's "variable is unused" warnings for the variables a clause binds in its head and never
 * reads: a {@code def}/{@code defp} clause's arguments, a {@code fn} clause's, a {@code case} or
 * {@code receive} clause's pattern. As Elixir, each clause's warnings come when the clause ends
 * (an inner clause's first), sorted by name, each naming the variable's line and the function it
 * is in:
 * <pre>
 * warning: variable "msg" is unused (if the variable is not meant to be used, prefix it with an underscore)
 *   iex:6: Counter.handle_info/2
 * </pre>
 *
 * <p>In a module's {@code def}/{@code defp} clause, a name that no pattern of the clause binds is
 * a call of that name, and Elixir says so first, at the name's line:
 * <pre>
 * warning: variable "y" does not exist and is being expanded to "y()", please use parentheses to remove the ambiguity or change the variable name
 *   iex:2: M.f/1
 * </pre>
 *
 * <p>Conservative where Elixir's scoping is finer: a name that appears anywhere else in the clause
 * (its guard, its body, an inner clause, even as a new binding) counts as read, so this never warns
 * where Elixir does not, and leaves out some warnings Elixir gives (a head variable shadowed by an
 * inner clause's, an unused match inside a body, {@code with}/{@code for}/{@code rescue} clauses).
 */
public final class UnusedVariables {
    private final String file;
    private final List<String> warnings = new ArrayList<>();

    private UnusedVariables(String file) {
        this.file = file;
    }

    /**
     * The warnings for one input, in Elixir's order.
     *
     * @param quoted the input's quoted form
     * @param file   the file name the location names ({@code iex} at the prompt)
     * @return each warning's two lines, without the blank line iex prints after it
     */
    public static List<String> of(Object quoted, String file) {
        UnusedVariables u = new UnusedVariables(file);
        u.walk(quoted, null, null);
        return u.warnings;
    }

    /**
     * Walks an expression. {@code module} is the enclosing module's name ({@code Counter}),
     * {@code function} the enclosing function ({@code handle_info/2}); either may be null.
     */
    private void walk(Object q, String module, String function) {
        if (!Quoted.isNode(q)) {
            for (Object o : Quoted.parts(q)) walk(o, module, function);
            return;
        }
        if (Quoted.isVar(q)) return;
        String name = Quoted.name(q);
        List<Object> args = Quoted.args(q);
        if ("@".equals(name) || "quote".equals(name) || "__aliases__".equals(name)) return;
        if ("defmodule".equals(name) && args.size() == 2) {
            String inner = aliasName(args.get(0));
            walk(args.get(1), inner == null ? module : module == null ? inner : module + "." + inner, null);
            return;
        }
        if (("def".equals(name) || "defp".equals(name)) && args.size() == 2) {
            def(args.get(0), args.get(1), module);
            return;
        }
        if ("fn".equals(name)) {
            for (Object clause : args) clause(clause, module, function);
            return;
        }
        if (("case".equals(name) || "receive".equals(name)) && !args.isEmpty()) {
            if ("case".equals(name)) walk(args.get(0), module, function);
            Object block = args.get(args.size() - 1);
            for (Object clause : Quoted.clauses(Quoted.keyword(block, "do"))) clause(clause, module, function);
            Object after = Quoted.keyword(block, "after");
            if (after != null) walk(after, module, function);
            return;
        }
        walk(Quoted.head(q), module, function);
        if (args != null) walk(args, module, function);
    }

    /** One {@code def name(args) when guard, do: body}. */
    private void def(Object head, Object body, String module) {
        Object guard = null;
        if (Quoted.isCall(head, "when", 2)) {
            guard = Quoted.args(head).get(1);
            head = Quoted.args(head).get(0);
        }
        String fun = Quoted.name(head);
        if (fun == null) return;
        List<Object> params = Quoted.args(head) == null ? List.of() : Quoted.args(head);
        String function = fun + "/" + params.size();
        expanded(params, guard, body, module, function);
        scope(params, guard, body, module, function);
    }

    /**
     * The names a {@code def} clause reads that no pattern in it binds (its head, the left of an
     * {@code =} or a {@code <-}, a clause's patterns), in the order they appear: Elixir expands
     * each to a call and warns. Not {@code _x}, nor {@code __MODULE__} and the like, nor a name
     * that is a call already ({@code x |> name}, {@code &name/1}), nor a binary segment's type
     * ({@code x::binary}), nor inside {@code quote} or {@code @attribute}.
     */
    private void expanded(List<Object> params, Object guard, Object body, String module, String function) {
        Map<String, List<Integer>> bound = new HashMap<>();
        for (Object p : params) bindings(p, bound, new ArrayList<>());
        patternsIn(body, bound);
        Set<String> warned = new HashSet<>();
        if (guard != null) unboundReads(guard, bound.keySet(), warned, module, function);
        unboundReads(body, bound.keySet(), warned, module, function);
    }

    /** Adds what every pattern inside {@code q} binds ({@code =}, {@code <-}, {@code ->} clauses). */
    private static void patternsIn(Object q, Map<String, List<Integer>> bound) {
        if (!Quoted.isNode(q)) {
            for (Object o : Quoted.parts(q)) patternsIn(o, bound);
            return;
        }
        if (Quoted.isVar(q)) return;
        String name = Quoted.name(q);
        List<Object> args = Quoted.args(q);
        if (args != null && args.size() == 2 && ("=".equals(name) || "<-".equals(name) || "->".equals(name))) {
            bindings(args.get(0), bound, new ArrayList<>());
        }
        patternsIn(Quoted.head(q), bound);
        if (args != null) patternsIn(args, bound);
    }

    /** Warns for each name read in {@code q} that {@code patterns} does not hold (once a name). */
    private void unboundReads(Object q, Set<String> patterns, Set<String> warned, String module, String function) {
        if (!Quoted.isNode(q)) {
            for (Object o : Quoted.parts(q)) unboundReads(o, patterns, warned, module, function);
            return;
        }
        if (Quoted.isVar(q)) {
            String n = Quoted.name(q);
            if (n.startsWith("_") || patterns.contains(n) || !warned.add(n)) return;
            warnings.add("warning: variable \"" + n + "\" does not exist and is being expanded to \"" + n
                    + "()\", please use parentheses to remove the ambiguity or change the variable name\n  " + file + ":" + Quoted.line(q)
                    + ": " + (module == null ? "" : module + ".") + function);
            return;
        }
        String name = Quoted.name(q);
        List<Object> args = Quoted.args(q);
        if ("@".equals(name) || "quote".equals(name) || "&".equals(name) || "__aliases__".equals(name)) return;
        if ("::".equals(name) && args != null && args.size() == 2) {
            // a binary segment ("#{x}" too): its type (binary, size(8)) names no variable
            unboundReads(args.get(0), patterns, warned, module, function);
            return;
        }
        if ("|>".equals(name) && args != null && args.size() == 2) {
            unboundReads(args.get(0), patterns, warned, module, function);
            // the right of a pipe is a call, also when it has no parentheses
            Object right = args.get(1);
            if (!Quoted.isVar(right)) unboundReads(right, patterns, warned, module, function);
            return;
        }
        unboundReads(Quoted.head(q), patterns, warned, module, function);
        if (args != null) unboundReads(args, patterns, warned, module, function);
    }

    /** One {@code patterns -> body} clause of a fn, case or receive. */
    private void clause(Object clause, String module, String function) {
        if (!Quoted.isCall(clause, "->", 2)) {
            walk(clause, module, function);
            return;
        }
        Object left = Quoted.args(clause).get(0);
        Object body = Quoted.args(clause).get(1);
        List<?> patterns = left instanceof List<?> l ? l : List.of(left);
        Object guard = null;
        if (patterns.size() == 1 && Quoted.isCall(patterns.get(0), "when")) {
            List<Object> w = Quoted.args(patterns.get(0));
            guard = w.get(w.size() - 1);
            patterns = w.subList(0, w.size() - 1);
        }
        scope(patterns, guard, body, module, function);
    }

    /** A clause's head, guard and body: the body's inner clauses warn first, then this head's unused variables. */
    private void scope(List<?> patterns, Object guard, Object body, String module, String function) {
        Map<String, List<Integer>> bound = new HashMap<>(); // name -> the lines it is bound at in the head
        List<Object> reads = new ArrayList<>();
        for (Object p : patterns) bindings(p, bound, reads);
        if (guard != null) reads.add(guard);
        reads.add(body);
        walk(guard, module, function);
        walk(body, module, function);
        Map<String, Integer> seen = new HashMap<>();
        for (Object r : reads) names(r, seen);
        List<String> unused = new ArrayList<>();
        bound.forEach((n, lines) -> {
            if (lines.size() == 1 && !seen.containsKey(n)) unused.add(n);
        });
        unused.sort(Comparator.naturalOrder());
        for (String n : unused) {
            String where = "  " + file + ":" + bound.get(n).get(0) + (function == null ? "" : ": " + (module == null ? "" : module + ".") + function);
            warnings.add("warning: variable \"" + n + "\" is unused (if the variable is not meant to be used, prefix it with an underscore)\n"
                    + where);
        }
    }

    /**
     * The variables a pattern binds (not {@code _x}, not pinned, not a binary segment's type),
     * with the lines they are at; the expressions in it that are read ({@code ^x}, a default
     * argument's value) go to {@code reads}.
     */
    private static void bindings(Object p, Map<String, List<Integer>> bound, List<Object> reads) {
        if (!Quoted.isNode(p)) {
            for (Object o : Quoted.parts(p)) bindings(o, bound, reads);
            return;
        }
        if (Quoted.isVar(p)) {
            String n = Quoted.name(p);
            if (!n.startsWith("_")) bound.computeIfAbsent(n, k -> new ArrayList<>()).add(Quoted.line(p));
            return;
        }
        String name = Quoted.name(p);
        List<Object> args = Quoted.args(p);
        if ("^".equals(name) || "@".equals(name)) {
            reads.add(p);
            return;
        }
        if ("::".equals(name) && args.size() == 2) {
            // a binary segment: its type and size read (size(n)), only the left binds
            bindings(args.get(0), bound, reads);
            reads.add(args.get(1));
            return;
        }
        if ("\\\\".equals(name) && args.size() == 2) {
            bindings(args.get(0), bound, reads);
            reads.add(args.get(1));
            return;
        }
        if ("__aliases__".equals(name)) return;
        if (!(Quoted.head(p) instanceof procshell.runtime.node.Atom)) return; // a remote call: no binding
        if (args != null) bindings(args, bound, reads);
    }

    /** Counts every variable name read anywhere in {@code q}. */
    private static void names(Object q, Map<String, Integer> seen) {
        if (!Quoted.isNode(q)) {
            for (Object o : Quoted.parts(q)) names(o, seen);
            return;
        }
        if (Quoted.isVar(q)) {
            seen.merge(Quoted.name(q), 1, Integer::sum);
            return;
        }
        if ("@".equals(Quoted.name(q))) return;
        names(Quoted.head(q), seen);
        List<Object> args = Quoted.args(q);
        if (args != null) names(args, seen);
    }

    /** {@code Foo.Bar} for an alias node, else null. */
    private static String aliasName(Object q) {
        if (!Quoted.isAlias(q)) return null;
        StringBuilder b = new StringBuilder();
        for (Object part : Quoted.args(q)) {
            if (!(part instanceof procshell.runtime.node.Atom a)) return null;
            if (b.length() > 0) b.append('.');
            b.append(a.name());
        }
        return b.toString();
    }
}
