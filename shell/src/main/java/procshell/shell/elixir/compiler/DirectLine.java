package procshell.shell.elixir.compiler;

import java.lang.invoke.MethodHandle;

/**
 * An expression of a module's function on a line of its own (a function's body, a statement, a
 * clause's body, an argument on a later line), evaluated through a frame of that line: a static
 * method of a small class of the module's ({@link ModuleClassWriter#lineFrames}) whose only line
 * is this one. So a stack trace, an exception's or a live process's ({@code Process.info(pid,
 * :current_stacktrace)}, the observer), shows {@code iex:LINE: Mod.fun/arity} (or
 * {@code anonymous fn/1 in Mod.fun/arity}) at the line being evaluated, as a compiled module's
 * frame does; the outer lines of the same call are frames too, which the stack formatter folds
 * into the innermost ({@link ModuleClassLoader#lineFrameActivation}).
 */
final class DirectLine implements DirectExpr {
    final DirectExpr body;
    /** The function the line is in. */
    final DirectFunction function;
    /** The fn of the function it is in (numbered from 1), or 0 for the function's own code. */
    final int closure;
    /** Its fn's arity when in one. */
    final int closureArity;
    final int line;
    /** The line's frame, once the module's classes are written; until then the expression runs as it is. */
    volatile MethodHandle frame;

    DirectLine(DirectExpr body, DirectFunction function, int closure, int closureArity, int line) {
        this.body = body;
        this.function = function;
        this.closure = closure;
        this.closureArity = closureArity;
        this.line = line;
    }

    @Override
    public Object eval(Object[] env) throws Throwable {
        MethodHandle h = frame;
        return h == null ? body.eval(env) : (Object) h.invokeExact((Object) body, env);
    }
}
