package procshell.shell.iex;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.shell.eval.Values;

/**
 * Checks of a facade function's argument types, so that the facades take {@code Object}s (as
 * compiled Elixir passes them) and a wrong value fails as Elixir's function does: an Elixir
 * function's guard with {@code FunctionClauseError}, a BEAM built-in with {@code ArgumentError}.
 */
final class Args {
    private Args() {}

    /**
     * The value as a pid, for an Elixir function guarded by {@code is_pid}.
     *
     * @param function the function as Elixir names it, e.g. {@code Registry.keys}
     * @throws FunctionClauseError when the value is no pid
     */
    static Pid pid(Object value, String function, int arity) {
        if (Values.normalize(value) instanceof Pid p) return p;
        throw new FunctionClauseError(function, arity);
    }

    /**
     * The value as a pid, for a BEAM built-in.
     *
     * @param position e.g. {@code 1st}
     * @throws ArgumentError OTP's {@code errors were found at the given arguments} when it is no pid
     */
    static Pid bifPid(Object value, String position) {
        if (Values.normalize(value) instanceof Pid p) return p;
        throw ArgumentError.badArgument(position + " argument: not a pid");
    }

    /** The value as an atom, for a BEAM built-in; else OTP's ArgumentError. */
    static Atom bifAtom(Object value, String position) {
        if (Values.normalize(value) instanceof Atom a) return a;
        throw ArgumentError.badArgument(position + " argument: not an atom");
    }

    /** The value as a reference, for a BEAM built-in; else OTP's ArgumentError. */
    static Ref bifRef(Object value, String position) {
        if (Values.normalize(value) instanceof Ref r) return r;
        throw ArgumentError.badArgument(position + " argument: not a reference");
    }

    /** The value as a function (a closure), for an Elixir function guarded by {@code is_function}. */
    static Closure<?> fun(Object value, String function, int arity) {
        if (value instanceof Closure<?> c) return c;
        throw new FunctionClauseError(function, arity);
    }

    /**
     * The value as a function (a closure), for a BEAM built-in such as {@code :erlang.spawn/1}.
     *
     * @param call the built-in as Erlang names it, e.g. {@code :erlang.spawn}
     * @throws ArgumentError OTP's {@code 1st argument: not a fun}, raised in the caller
     */
    static Closure<?> bifFun(Object value, String call) {
        if (value instanceof Closure<?> c) return c;
        throw new BifErrors(call, Values.normalize(value)).fail(1, "not a fun");
    }

    /** A list of node atoms, or null for nil (every node). */
    @SuppressWarnings("unchecked")
    static java.util.List<Atom> nodes(Object value) {
        Object v = Values.normalize(value);
        if (v == null) return null;
        if (v instanceof java.util.List<?> l && l.stream().allMatch(Atom.class::isInstance)) return (java.util.List<Atom>) l;
        throw ArgumentError.badArgument("2nd argument: not a list of nodes");
    }
}
