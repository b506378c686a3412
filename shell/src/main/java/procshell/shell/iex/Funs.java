package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Runs the functions that Agent and Task take in their two Elixir forms: an anonymous function
 * ({@code fn state -> ... end}, a Groovy closure) or {@code {module, function, args}}, applied as
 * Elixir's {@code apply(module, function, extra ++ args)}.
 */
final class Funs {
    private Funs() {}

    /** A function with its module/function/args form as a tuple. */
    static Tuple mfa(Object module, Object function, Object args) {
        return Tuple.of(Values.normalize(module), Values.normalize(function), Values.normalize(args));
    }

    /**
     * Applies a closure to {@code extra}, or an {@code {m, f, a}} tuple to {@code extra ++ a}.
     *
     * @throws ArgumentError when the value is neither
     */
    static Object run(Object fun, Object... extra) {
        if (fun instanceof java.util.function.Supplier<?> s && extra.length == 0) return Values.normalize(s.get()); // the shell's own
        if (fun instanceof Closure<?> c) return Values.normalize(c.call(extra));
        if (fun instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Atom m && t.get(1) instanceof Atom f
                && t.get(2) instanceof List<?> args) {
            List<Object> all = new ArrayList<>(List.of(extra));
            all.addAll(args);
            return Values.normalize(IexSession.current().modules().apply(m, Modules.javaName(f.name()), all.toArray()));
        }
        throw new ArgumentError("expected a function, got: " + Kernel.inspect(fun));
    }

    /**
     * The closure itself, for an Elixir function guarded by {@code is_function(fun, arity)}.
     *
     * @throws FunctionClauseError for anything else
     */
    static Closure<?> closure(Object fun, String function, int arity) {
        if (fun instanceof Closure<?> c) return c;
        throw new FunctionClauseError(function, arity);
    }

    /**
     * The closure, for an Elixir function guarded by {@code is_function(fun, funArity)}.
     *
     * @throws FunctionClauseError for anything else, or a function of another arity
     */
    static Closure<?> closure(Object fun, String function, int arity, int funArity) {
        Closure<?> c = closure(fun, function, arity);
        if (c.getMaximumNumberOfParameters() != funArity) throw new FunctionClauseError(function, arity);
        return c;
    }
}
