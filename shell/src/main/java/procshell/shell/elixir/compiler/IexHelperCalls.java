package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * iex's helpers that are macros, reading their argument as written rather than its value:
 * {@code h Registry}, {@code h(Registry.lookup)}, {@code h :ets.lookup/2}, {@code t Registry},
 * {@code b GenServer.handle_call}. Their argument is
 * handed to the helper as the reference text.
 */
final class IexHelperCalls {
    private static final String KERNEL = "procshell.shell.iex.Kernel";

    private IexHelperCalls() {}

    /**
     * The Groovy call for a helper macro, or null when {@code name/arity} is none or its argument
     * is no reference (a value: {@code h("text")} is then an ordinary call of {@code h/1}).
     *
     * @param name the local call's name
     * @param args its arguments, quoted
     */
    static String call(String name, List<Object> args) {
        if (!(name.equals("h") || name.equals("b") || name.equals("t")) || args.size() != 1) return null;
        String reference = reference(args.get(0));
        String helper = name.equals("h") ? KERNEL : "procshell.shell.iex.IexHelpers"; // b/1 and t/1: IexHelpers._b_, _t_
        return reference == null ? null : helper + "._" + name + "_(" + Groovy.string(reference) + ")";
    }

    /**
     * {@code Mod}, {@code Mod.fun}, {@code Mod.fun/2}, {@code :mod}, {@code :mod.fun/1}, {@code fun},
     * {@code fun/1} as text; null for other forms.
     */
    private static String reference(Object q) {
        if (q instanceof Atom a) return ":" + a.name();
        if (Quoted.isVar(q)) return Quoted.name(q); // h self: an imported function
        if (Quoted.isAlias(q)) {
            StringBuilder b = new StringBuilder();
            for (Object segment : Quoted.args(q)) b.append(b.isEmpty() ? "" : ".").append(((Atom) segment).name());
            return b.toString();
        }
        if (Quoted.isCall(q, "/", 2) && Quoted.args(q).get(1) instanceof Integer arity) {
            String fun = reference(Quoted.args(q).get(0));
            return fun == null ? null : fun + "/" + arity;
        }
        // Mod.fun without parentheses: {{:., _, [Mod, :fun]}, _, []}
        if (Quoted.isNode(q) && Quoted.head(q) instanceof Tuple dot && Quoted.isCall(dot, ".", 2) && Quoted.args(q).isEmpty()) {
            String module = reference(Quoted.args(dot).get(0));
            return module == null || !(Quoted.args(dot).get(1) instanceof Atom fun) ? null : module + "." + fun.name();
        }
        return null;
    }
}
