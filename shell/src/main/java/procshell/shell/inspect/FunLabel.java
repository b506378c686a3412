package procshell.shell.inspect;

import groovy.lang.Closure;
import procshell.shell.iex.ElixirName;
import procshell.shell.iex.FunOrigin;

/**
 * How a fn of the shell prints, as iex prints it ({@link FunOrigin}): a capture of a remote
 * function as itself ({@code &Enum.map/2}), a fn typed at the prompt is a fun of
 * {@code erl_eval} ({@code #Function<42.3316493/1 in :erl_eval.expr/6>}, the index being the
 * one OTP 25's {@code erl_eval} gives a fun of that arity), and a fn written in a module's
 * function names that function ({@code #Function<0.18581596/1 in M.a/0>}).
 */
final class FunLabel {
    /** How Groovy names a method's closure class: {@code _fun_closureN}. */
    private static final java.util.regex.Pattern GROOVY_CLOSURE = java.util.regex.Pattern.compile("^_(.+)_closure(\\d+)$");

    private FunLabel() {}

    /** The text of a fn: {@code #Function<INDEX.UNIQ/ARITY in WHERE>}. */
    static String of(Closure<?> fn) {
        int arity = fn.getMaximumNumberOfParameters();
        if (fn instanceof FunOrigin o && o.capture() != null) return o.capture().label();
        if (fn instanceof FunOrigin o && o.definedIn() != null) return label(o.index(), uniq(o.module()), arity, o.definedIn());
        Class<?> outer = fn.getClass().getEnclosingClass();
        ElixirName module = outer == null ? null : outer.getAnnotation(ElixirName.class);
        if (module != null) return groovyModuleFun(fn.getClass(), outer, module.value(), arity);
        return label(FunOrigin.erlEvalIndex(arity), Long.toString(FunOrigin.ERL_EVAL_UNIQ), arity, ":erl_eval.expr/6");
    }

    /** A fn of a module compiled through Groovy, whose closure class is {@code Mod$_fun_closureN}. */
    private static String groovyModuleFun(Class<?> closure, Class<?> outer, String module, int arity) {
        String simple = closure.getSimpleName();
        java.util.regex.Matcher m = GROOVY_CLOSURE.matcher(simple);
        if (!m.matches()) return label(0, uniq(module), arity, module);
        String javaName = m.group(1);
        java.util.Set<Integer> arities = new java.util.TreeSet<>();
        for (java.lang.reflect.Method method : outer.getDeclaredMethods()) {
            if (method.getName().equals(javaName) && java.lang.reflect.Modifier.isStatic(method.getModifiers())) arities.add(method.getParameterCount());
        }
        String name = procshell.shell.iex.ShellModules.elixirName(javaName);
        String where = module + "." + name + (arities.size() == 1 ? "/" + arities.iterator().next() : "");
        return label(Integer.parseInt(m.group(2)) - 1, uniq(module), arity, where);
    }

    private static String label(int index, String uniq, int arity, String where) {
        return "#Function<" + index + "." + uniq + "/" + arity + " in " + where + ">";
    }

    private static String uniq(String module) {
        return Long.toString(FunOrigin.moduleUniq(module));
    }
}
