package procshell.shell.elixir.compiler;

import java.util.List;

import procshell.runtime.process.Reductions;
import procshell.shell.eval.Interrupted;
import procshell.shell.iex.Ops;

/**
 * A function of a module defined without Groovy ({@link DirectModule}): its clauses, planned from
 * the quoted form, tried in order as a compiled module's method tries them. The module's class
 * ({@link ModuleClassWriter}) has one static method per function that calls {@link #invoke}; the
 * module's own functions call each other here directly, as compiled methods call each other.
 *
 * <p>As compiled code: one reduction at entry and per turn of a self tail call (which loops instead
 * of growing the stack), FunctionClauseError with the module's name and the first clause's line
 * when no clause matches, and a stack frame {@code iex:LINE: Mod.fun/arity} for the line where an
 * error was raised (this activation's {@code invoke} frame is rewritten into the class's frame on
 * the way out, see {@link #frame}).
 */
public final class DirectFunction {
    /** Slot 0 of every activation: the line of the innermost expression an error came through. */
    static final int LINE_SLOT = 0;

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
    private List<DirectControl.Planned> clauses;
    private int slots;
    private Body body;
    /** The module's class, once defined (for the frames of errors). */
    volatile Class<?> owner;

    DirectFunction(String name, int arity, boolean priv, String display, int line) {
        this.name = name;
        this.arity = arity;
        this.priv = priv;
        this.display = display;
        this.line = line;
    }

    /** Gives the function its planned clauses and the slots an activation needs. */
    void define(List<DirectControl.Planned> clauses, int slots) {
        this.clauses = clauses;
        this.slots = slots;
    }

    /** Gives the function a body of its own (not clauses). */
    void define(Body body) {
        this.body = body;
    }

    /** True once the function has clauses or a body. */
    boolean isDefined() {
        return clauses != null || body != null;
    }

    /**
     * Calls the function, as the module class's static method does.
     *
     * @param args one value per parameter
     * @return the function's value
     */
    public Object invoke(Object[] args) {
        if (Reductions.check()) throw new Interrupted("interrupted");
        Object[] env = null;
        try {
            if (body != null) return body.apply(args);
            while (true) {
                env = new Object[slots];
                Object v = DirectControl.firstMatch(clauses, env, args);
                if (v == DirectControl.NO_MATCH) {
                    return Ops.functionClause(display, "iex:" + line + ": " + display, args);
                }
                if (!(v instanceof TailCall t)) return v;
                args = t.args;
                if (Reductions.check()) throw new Interrupted("interrupted");
            }
        } catch (Throwable t) {
            Class<?> cls = owner;
            if (!(t instanceof VirtualMachineError) && cls != null) {
                frame(t, DirectFunction.class.getName(), "invoke", cls.getName(), procshell.shell.iex.Modules.javaName(name),
                        env != null && env[LINE_SLOT] instanceof Integer l ? l : line);
            }
            throw DirectExpr.<RuntimeException>rethrow(t);
        }
    }

    /**
     * Rewrites the innermost frame of {@code cls.method} not rewritten yet (this activation's: inner
     * ones rewrote theirs first) into the frame compiled code would have had: the module class's,
     * in file {@code iex}, at the line typed.
     */
    static void frame(Throwable t, String cls, String method, String frameClass, String javaName, int line) {
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < st.length; i++) {
            if (st[i].getMethodName().equals(method) && st[i].getClassName().equals(cls)) {
                // the frames right under it of the same name are this activation's too (a fn's call(Object) calling call(Object...))
                int j = i + 1;
                while (j < st.length && st[j].getMethodName().equals(method) && st[j].getClassName().equals(cls)) j++;
                StackTraceElement[] out = new StackTraceElement[st.length - (j - i - 1)];
                System.arraycopy(st, 0, out, 0, i);
                out[i] = new StackTraceElement(frameClass, javaName, "iex", line);
                System.arraycopy(st, j, out, i + 1, st.length - j);
                t.setStackTrace(out);
                return;
            }
        }
    }
}
