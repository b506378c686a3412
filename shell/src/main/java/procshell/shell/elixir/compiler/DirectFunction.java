package procshell.shell.elixir.compiler;

import procshell.runtime.process.Reductions;
import procshell.shell.eval.Interrupted;

/**
 * A function of a module defined without Groovy ({@link DirectModule}): a {@code def}'s compiled
 * method of the module's class ({@link FunctionCompiler}), which {@link #invoke} calls, or a body
 * of its own (default arguments, {@code use GenServer}'s callbacks, {@code __struct__/0}), for
 * which the module's class ({@link ModuleClassWriter}) has a static method that calls
 * {@link #invoke}, counting one reduction at entry as compiled code does.
 */
public final class DirectFunction {
    /** What a self call in tail position answers: the next turn's arguments. */
    static final class TailCall {
        final Object[] args;

        TailCall(Object[] args) {
            this.args = args;
        }
    }

    /** The body of a function that is no clauses (defaults of {@code use GenServer}, default arguments). */
    @FunctionalInterface
    interface Body {
        Object apply(Object[] args) throws Throwable;
    }

    final String name;
    final int arity;
    final boolean priv;
    /** {@code Mod.fun/arity}, as errors name it. */
    final String display;
    /** The line of the first clause. */
    final int line;
    private Body body;
    /** The module's class, once defined. */
    volatile Class<?> owner;
    /** True when the function is a compiled method of the module's class ({@link FunctionCompiler}). */
    private boolean compiled;
    /** That method, taking the arguments as an array, once the class is defined. */
    private volatile java.lang.invoke.MethodHandle method;

    DirectFunction(String name, int arity, boolean priv, String display, int line) {
        this.name = name;
        this.arity = arity;
        this.priv = priv;
        this.display = display;
        this.line = line;
    }

    /** Gives the function a body of its own (not clauses). */
    void define(Body body) {
        this.body = body;
    }

    /** Makes the function the compiled method of the module's class of its name ({@link #bind}). */
    void compiled() {
        this.compiled = true;
    }

    /** True when the function is a compiled method. */
    boolean isCompiled() {
        return compiled;
    }

    /** True once the function has clauses or a body. */
    boolean isDefined() {
        return body != null || compiled;
    }

    /**
     * Binds a compiled function to its method in the module's class, which {@link #invoke} then calls.
     *
     * @param cls the module's class, just defined
     */
    void bind(Class<?> cls) {
        if (!compiled) return;
        try {
            java.lang.reflect.Method m = cls.getDeclaredMethod(procshell.shell.iex.Modules.javaName(name), java.util.Collections.nCopies(arity, Object.class).toArray(new Class<?>[0]));
            m.setAccessible(true);
            method = java.lang.invoke.MethodHandles.lookup().unreflect(m).asSpreader(Object[].class, arity)
                    .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Calls the function, as the module class's static method does.
     *
     * @param args one value per parameter
     * @return the function's value
     */
    public Object invoke(Object[] args) {
        java.lang.invoke.MethodHandle m = method;
        if (m != null) {
            try {
                return (Object) m.invokeExact(args);
            } catch (Throwable t) {
                throw DirectExpr.<RuntimeException>rethrow(t);
            }
        }
        if (Reductions.check()) throw new Interrupted("interrupted");
        try {
            return body.apply(args);
        } catch (Throwable t) {
            throw DirectExpr.<RuntimeException>rethrow(t);
        }
    }

    /**
     * What a line's frame runs ({@link DirectLine}): the expression, with the activation's slots.
     *
     * @param expression a planned expression of the module
     * @param env        the activation's slots
     * @return its value
     * @throws Throwable what it raised, exited or threw
     */
    public static Object eval(Object expression, Object[] env) throws Throwable {
        return ((DirectExpr) expression).eval(env);
    }
}
