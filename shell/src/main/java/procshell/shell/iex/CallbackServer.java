package procshell.shell.iex;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.codehaus.groovy.runtime.InvokerHelper;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Runs a class typed at the prompt as a runtime GenServer: each callback goes to the method of
 * the Elixir name ({@code init}, {@code handle_call}, ...) when the class defines it, else to
 * Elixir's default behaviour.
 */
final class CallbackServer extends procshell.runtime.otp.GenServer {
    private static final ClassValue<Callbacks> CALLBACKS = new ClassValue<>() {
        @Override
        protected Callbacks computeValue(Class<?> type) {
            return new Callbacks(has(type, "init", 1), has(type, "handle_call", 3), has(type, "handle_cast", 2),
                    has(type, "handle_info", 2), has(type, "handle_continue", 2), has(type, "terminate", 2));
        }
    };

    private record Callbacks(boolean init, boolean call, boolean cast, boolean info, boolean cont, boolean terminate) {}

    private final Object callbacks;

    CallbackServer(Object callbacks) {
        this.callbacks = callbacks;
    }

    private static boolean has(Class<?> type, String name, int arity) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !Modifier.isStatic(m.getModifiers())) return true;
        }
        return false;
    }

    private Callbacks defined() {
        return CALLBACKS.get(callbacks.getClass());
    }

    private Object invoke(String name, Object... args) {
        try {
            return Values.normalize(InvokerHelper.invokeMethod(callbacks, name, args));
        } catch (org.codehaus.groovy.runtime.InvokerInvocationException e) {
            // Groovy wraps what a reflectively called method threw: crash with the original.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    @Override
    public Object init(Object arg) {
        if (!defined().init()) {
            throw new RuntimeException(Modules.moduleName(callbacks.getClass()) + " must define init(arg) returning {:ok, state}");
        }
        return invoke("init", arg);
    }

    @Override
    public Object handleCall(Object request, Tuple from, Object state) {
        return defined().call() ? invoke("handle_call", request, from, state) : super.handleCall(request, from, state);
    }

    @Override
    public Object handleCast(Object request, Object state) {
        return defined().cast() ? invoke("handle_cast", request, state) : super.handleCast(request, state);
    }

    @Override
    public Object handleInfo(Object message, Object state) {
        return defined().info() ? invoke("handle_info", message, state) : super.handleInfo(message, state);
    }

    @Override
    public Object handleContinue(Object arg, Object state) {
        return defined().cont() ? invoke("handle_continue", arg, state) : super.handleContinue(arg, state);
    }

    @Override
    public Object terminate(Object reason, Object state) {
        return defined().terminate() ? invoke("terminate", reason, state) : Atom.OK;
    }

    @Override
    public Atom module() {
        return Atom.module(Modules.moduleName(callbacks.getClass()));
    }
}
