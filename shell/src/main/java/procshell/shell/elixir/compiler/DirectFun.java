package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.shell.iex.Ops;

/**
 * A {@code fn} evaluated directly. As a compiled fn, it is a Groovy Closure of its arity (what the
 * facades, {@code spawn} and {@code f.(x)} call), counts a reduction per call, tries its clauses
 * in order (patterns, then guard) and raises FunctionClauseError when none matches, and sees the
 * variables as they were when it was made (it keeps a copy of the slots; a call works on a copy
 * of that, so that calls from several processes do not meet).
 */
final class DirectFun extends groovy.lang.Closure<Object> {
    private final Object[] env;
    private final int arity;
    private final List<DirectControl.Planned> clauses;
    /** The function of a module it is written in (null at the prompt). */
    private final Owner owner;

    /**
     * Where a fn written in a module's function stands: its name in errors
     * ({@code anonymous fn/1 in Mod.fun/2}) and its line.
     */
    record Owner(String display, int line) {}

    DirectFun(Object[] env, int arity, List<DirectControl.Planned> clauses) {
        this(env, arity, clauses, null);
    }

    DirectFun(Object[] env, int arity, List<DirectControl.Planned> clauses, Owner owner) {
        super(null);
        this.owner = owner;
        this.env = env;
        this.arity = arity;
        this.clauses = clauses;
        maximumNumberOfParameters = arity;
        parameterTypes = new Class<?>[arity];
        java.util.Arrays.fill(parameterTypes, Object.class);
    }

    /** What iex names a fn typed at the prompt in a FunctionClauseError. */
    static String display(int arity) {
        return ":erl_eval.\"-inside-an-interpreted-fun-\"/" + arity;
    }

    @Override
    public Object call() {
        return call(new Object[0]);
    }

    @Override
    public Object call(Object argument) {
        return call(new Object[] {argument});
    }

    @Override
    public Object call(Object... arguments) {
        if (arguments == null) arguments = new Object[] {null};
        if (arguments.length != arity) {
            // as Groovy calls a closure of one parameter without arguments: with nil
            if (arity != 1 || arguments.length != 0) throw new groovy.lang.MissingMethodException("doCall", DirectFun.class, arguments);
            arguments = new Object[] {null};
        }
        if (procshell.runtime.process.Reductions.check()) throw new procshell.shell.eval.Interrupted("interrupted");
        Object[] e = env.clone();
        try {
            Object v = DirectControl.firstMatch(clauses, e, arguments);
            if (v == DirectControl.NO_MATCH) {
                if (owner == null) return Ops.functionClause(display(arity), null, arguments);
                return Ops.functionClause(owner.display(), "iex:" + owner.line() + ": " + owner.display(), arguments);
            }
            return v;
        } catch (Throwable t) {
            throw DirectExpr.<RuntimeException>rethrow(t);
        }
    }

    /** What Groovy's own dispatch of a closure call looks for. */
    public Object doCall(Object... arguments) {
        return call(arguments);
    }
}
