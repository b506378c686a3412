package procshell.shell.elixir.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Elixir's "function f/1 is unused" warnings: a module's private functions that no public function
 * reaches through local calls ({@code f(x)}, {@code x |> f()}, {@code &f/1}), a recursive one that
 * only calls itself included, as Elixir 1.14 finds them when the module is compiled; sorted by name
 * and arity, each naming the line of its first clause:
 * <pre>
 * warning: function wait_for/1 is unused
 *   iex:9
 * </pre>
 * A private function with default arguments is reached by a call of any of its arities.
 */
public final class UnusedFunctions {
    private UnusedFunctions() {}

    /**
     * The warnings for every module an input defines, module by module.
     *
     * @param quoted the input's quoted form
     * @param file   the file name the location names ({@code iex} at the prompt)
     * @return each warning's two lines, without the blank line iex prints after it
     */
    public static List<String> of(Object quoted, String file) {
        List<String> out = new ArrayList<>();
        modules(quoted, file, out);
        return out;
    }

    private static void modules(Object q, String file, List<String> out) {
        if (!Quoted.isNode(q)) {
            for (Object o : Quoted.parts(q)) modules(o, file, out);
            return;
        }
        if (Quoted.isVar(q)) return;
        if (Quoted.isCall(q, "defmodule", 2)) {
            Object body = Quoted.keyword(Quoted.args(q).get(1), "do");
            module(body, file, out);
            modules(body, file, out); // modules nested in it
            return;
        }
        if (Quoted.args(q) != null) modules(Quoted.args(q), file, out);
    }

    /** One function of the module: its name, the arities it answers, where it starts, what it calls. */
    private record Function(String name, int minArity, int maxArity, boolean isPrivate, int line, Set<String> calls) {}

    private static void module(Object body, String file, List<String> out) {
        Map<String, Function> byKey = new LinkedHashMap<>(); // "name/maxArity" -> its clauses merged
        for (Object form : Quoted.exprs(body)) {
            String kind = Quoted.name(form);
            // macros are roots: what only a macro calls is used (and an unused defmacrop is not looked for)
            boolean known = "def".equals(kind) || "defp".equals(kind) || "defmacro".equals(kind) || "defmacrop".equals(kind);
            if (!known || Quoted.args(form).size() != 2) continue;
            Object head = Quoted.args(form).get(0);
            if (Quoted.isCall(head, "when", 2)) head = Quoted.args(head).get(0);
            String name = Quoted.name(head);
            if (name == null) continue;
            List<Object> params = Quoted.args(head) == null ? List.of() : Quoted.args(head);
            int defaults = (int) params.stream().filter(p -> Quoted.isCall(p, "\\\\", 2)).count();
            String key = name + "/" + params.size();
            Function f = byKey.get(key);
            Set<String> calls = f == null ? new HashSet<>() : f.calls();
            calls(Quoted.args(form), calls);
            if (f == null) byKey.put(key, new Function(name, params.size() - defaults, params.size(), "defp".equals(kind), Quoted.line(form), calls));
        }
        // which arities name which function
        Map<String, Function> byArity = new HashMap<>();
        for (Function f : byKey.values()) for (int a = f.minArity(); a <= f.maxArity(); a++) byArity.put(f.name() + "/" + a, f);
        Set<Function> reached = new HashSet<>();
        Deque<Function> todo = new ArrayDeque<>();
        for (Function f : byKey.values()) {
            if (!f.isPrivate()) {
                reached.add(f);
                todo.add(f);
            }
        }
        while (!todo.isEmpty()) {
            for (String call : todo.poll().calls()) {
                Function g = byArity.get(call);
                if (g != null && reached.add(g)) todo.add(g);
            }
        }
        List<Function> unused = new ArrayList<>();
        for (Function f : byKey.values()) if (!reached.contains(f)) unused.add(f);
        unused.sort((a, b) -> a.name().equals(b.name()) ? Integer.compare(a.maxArity(), b.maxArity()) : a.name().compareTo(b.name()));
        for (Function f : unused) out.add("warning: function " + f.name() + "/" + f.maxArity() + " is unused\n  " + file + ":" + f.line());
    }

    /** The local calls in {@code q}, as {@code name/arity}. */
    private static void calls(Object q, Set<String> out) {
        if (!Quoted.isNode(q)) {
            for (Object o : Quoted.parts(q)) calls(o, out);
            return;
        }
        if (Quoted.isVar(q)) return;
        String name = Quoted.name(q);
        List<Object> args = Quoted.args(q);
        if ("|>".equals(name) && args.size() == 2) {
            calls(args.get(0), out);
            Object right = args.get(1);
            if (Quoted.head(right) instanceof Atom a && Quoted.args(right) != null) {
                out.add(a.name() + "/" + (Quoted.args(right).size() + 1));
                calls(Quoted.args(right), out);
            } else {
                calls(right, out);
            }
            return;
        }
        if ("&".equals(name) && args.size() == 1 && Quoted.isCall(args.get(0), "/", 2)) {
            List<Object> fa = Quoted.args(args.get(0));
            if (Quoted.isVar(fa.get(0)) && fa.get(1) instanceof Number n) out.add(Quoted.name(fa.get(0)) + "/" + n.intValue());
            else calls(fa, out);
            return;
        }
        if (name != null && args != null) out.add(name + "/" + args.size());
        calls(Quoted.head(q), out);
        if (args != null) calls(args, out);
    }
}
