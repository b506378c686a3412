package procshell.shell.elixir.compiler;

import java.util.Map;

import procshell.shell.iex.FunOrigin;

/**
 * A {@code fn} written in a module's function whose clauses are JVM code
 * ({@link FunctionCompiler}): what the facades, {@code spawn} and {@code f.(x)} call, as a Groovy
 * Closure of its arity. Its code is a small class of the module's
 * ({@code Mod__N_1$_fun_closureK}, whose frames the stack formatter shows as
 * {@code anonymous fn/1 in Mod.fun/2}) that extends {@link Body}; the values of the variables it
 * reads are copied when it is made. A call counts a reduction, tries the clauses in order and
 * raises FunctionClauseError when none matches, as the direct evaluator's fn ({@link DirectFun}).
 * Public only because the module's classes, in a loader of their own, make it.
 */
public final class CompiledFn extends groovy.lang.Closure<Object> implements procshell.shell.elixir.erl.QuotedFun, FunOrigin {
    /**
     * The code of a fn: the clauses of a fn of arity 0 to 3 take the values it captured and the
     * arguments ({@code doCall(captured, a, b)}). Each fn's class overrides the one of its arity.
     */
    public abstract static class Body {
        /** For the subclasses. */
        protected Body() {}

        /** The clauses of a fn of no arguments. */
        public Object doCall(Object[] captured) {
            throw new IllegalStateException("arity");
        }

        /** The clauses of a fn of one argument. */
        public Object doCall(Object[] captured, Object a) {
            throw new IllegalStateException("arity");
        }

        /** The clauses of a fn of two arguments. */
        public Object doCall(Object[] captured, Object a, Object b) {
            throw new IllegalStateException("arity");
        }

        /** The clauses of a fn of three arguments. */
        public Object doCall(Object[] captured, Object a, Object b, Object c) {
            throw new IllegalStateException("arity");
        }
    }

    /**
     * What a fn's making site knows of it, a constant of the module's code.
     *
     * @param arity   its number of arguments (0 to 3)
     * @param owner   where it is written (its name in errors, its number among the module's fns)
     * @param capture the remote function it captures ({@code &Enum.map/2}), or null
     */
    record Info(int arity, DirectFun.Owner owner, Capture capture) {}

    private final Body body;
    private final Object[] captured;
    private final Info info;

    /**
     * A fn made by a module's compiled code.
     *
     * @param body     its code
     * @param captured the values of the variables it reads, in the order its code reads them
     * @param info     an {@link Info}
     */
    public CompiledFn(Body body, Object[] captured, Object info) {
        super(null);
        this.body = body;
        this.captured = captured;
        this.info = (Info) info;
        maximumNumberOfParameters = this.info.arity();
        parameterTypes = new Class<?>[maximumNumberOfParameters];
        java.util.Arrays.fill(parameterTypes, Object.class);
    }

    /** A fn of a module goes to other nodes as a fun of that module, not as its quoted form. */
    @Override
    public Object quoted() {
        return null;
    }

    @Override
    public Map<String, Object> bindings() {
        return Map.of();
    }

    @Override
    public Capture capture() {
        return info.capture();
    }

    @Override
    public String module() {
        return info.owner().module();
    }

    @Override
    public String definedIn() {
        return info.owner().definedIn();
    }

    @Override
    public int index() {
        return info.owner().index();
    }

    @Override
    public Object call() {
        if (info.arity() == 1) return body.doCall(captured, null); // as Groovy calls a closure of one parameter without arguments
        if (info.arity() != 0) throw new groovy.lang.MissingMethodException("doCall", CompiledFn.class, new Object[0]);
        return body.doCall(captured);
    }

    @Override
    public Object call(Object argument) {
        if (info.arity() != 1) return call(new Object[] {argument});
        return body.doCall(captured, argument);
    }

    @Override
    public Object call(Object... arguments) {
        if (arguments == null) arguments = new Object[] {null};
        if (arguments.length != info.arity()) {
            if (arguments.length == 0) return call();
            throw new groovy.lang.MissingMethodException("doCall", CompiledFn.class, arguments);
        }
        return switch (arguments.length) {
            case 0 -> body.doCall(captured);
            case 1 -> body.doCall(captured, arguments[0]);
            case 2 -> body.doCall(captured, arguments[0], arguments[1]);
            default -> body.doCall(captured, arguments[0], arguments[1], arguments[2]);
        };
    }

    /** What Groovy's own dispatch of a closure call looks for. */
    public Object doCall(Object... arguments) {
        return call(arguments);
    }
}
