package procshell.shell.iex;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.codehaus.groovy.runtime.InvokerHelper;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Runs a GenServer module on the runtime's gen_server loop: each callback ({@code init/1},
 * {@code handle_call/3}, ...) goes to the module's function of that name when it has one, else to
 * the default {@code use GenServer} gives. The module is a compiled module's atom (its static
 * functions, looked up at each callback so that a redefinition takes effect as a BEAM module's
 * newest code does) or a class typed at the prompt that extends {@link GenServer} (a fresh
 * instance per server).
 */
final class CallbackServer extends procshell.runtime.otp.GenServer {
    /** Where the callbacks are. */
    private interface Callbacks {
        /** The module atom shown in logs and {@code $initial_call}. */
        Atom module();

        /** True when the module defines the callback. */
        boolean has(String name, int arity);

        /** Runs a callback the module defines. */
        Object invoke(String name, Object... args);

        /** What {@code init/1} does when the module does not define it. */
        Object missingInit(Object arg);
    }

    private final Callbacks callbacks;

    private CallbackServer(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /**
     * The server for a module as given to {@code GenServer.start_link/3}.
     *
     * @param module a module atom, or a class typed at the prompt that extends {@link GenServer}
     * @throws IllegalArgumentException when it is neither
     */
    static CallbackServer of(Modules modules, Object module) {
        if (module instanceof Class<?> cls) {
            if (!GenServer.class.isAssignableFrom(cls)) {
                throw new IllegalArgumentException(Modules.moduleName(cls) + " is not a GenServer (it must extend GenServer)");
            }
            modules.atomOf(cls); // the class is a module from now on: {Worker, 1} and apply(Worker, ...) find it
            try {
                return new CallbackServer(new InstanceCallbacks(cls.getDeclaredConstructor().newInstance()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot create " + Modules.moduleName(cls) + ": " + e);
            }
        }
        Object m = Values.normalize(module);
        if (m instanceof Atom a) return new CallbackServer(new ModuleCallbacks(modules, a));
        throw new ArgumentError("expected a module, got: " + Kernel.inspect(m));
    }

    /** A compiled module's static functions. */
    private record ModuleCallbacks(Modules modules, Atom module) implements Callbacks {
        @Override
        public boolean has(String name, int arity) {
            return modules.function(module, name, arity) != null;
        }

        @Override
        public Object invoke(String name, Object... args) {
            Method m = modules.function(module, name, args.length);
            return Values.normalize(Modules.invoke(m, args));
        }

        @Override
        public Object missingInit(Object arg) {
            // As the BEAM's gen_server calling a missing Mod.init/1 (no module, or a module without
            // use GenServer, whose default init/1 the compiler adds): start returns
            // {:error, {:undef, [{Mod, :init, [arg], []}, gen_server's and proc_lib's frames]}} and
            // the server exits with that reason.
            java.util.List<Object> stack = new java.util.ArrayList<>();
            stack.add(Tuple.of(module, Atom.of("init"), java.util.Arrays.asList(arg), java.util.List.of()));
            stack.addAll(procshell.shell.inspect.StackTerms.ofLines(procshell.shell.inspect.StackFormatter.initLines()));
            throw new procshell.runtime.process.ExitException(Tuple.of(Atom.of("undef"), stack));
        }
    }

    /** An instance of a class typed at the prompt. */
    private record InstanceCallbacks(Object target) implements Callbacks {
        private static final ClassValue<java.util.Set<String>> DEFINED = new ClassValue<>() {
            @Override
            protected java.util.Set<String> computeValue(Class<?> type) {
                java.util.Set<String> out = new java.util.HashSet<>();
                for (Method m : type.getMethods()) {
                    if (!Modifier.isStatic(m.getModifiers())) out.add(m.getName() + "/" + m.getParameterCount());
                }
                return out;
            }
        };

        @Override
        public Atom module() {
            return Atom.module(Modules.moduleName(target.getClass()));
        }

        @Override
        public boolean has(String name, int arity) {
            return DEFINED.get(target.getClass()).contains(name + "/" + arity);
        }

        @Override
        public Object invoke(String name, Object... args) {
            try {
                return Values.normalize(InvokerHelper.invokeMethod(target, name, args));
            } catch (org.codehaus.groovy.runtime.InvokerInvocationException e) {
                // Groovy wraps what a reflectively called method threw: crash with the original.
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw e;
            }
        }

        @Override
        public Object missingInit(Object arg) {
            throw new RuntimeException(Modules.moduleName(target.getClass()) + " must define init(arg) returning {:ok, state}");
        }
    }

    @Override
    public Object init(Object arg) {
        return callbacks.has("init", 1) ? callbacks.invoke("init", arg) : callbacks.missingInit(arg);
    }

    @Override
    public Object handleCall(Object request, Tuple from, Object state) {
        return callbacks.has("handle_call", 3) ? callbacks.invoke("handle_call", request, from, state) : super.handleCall(request, from, state);
    }

    @Override
    public Object handleCast(Object request, Object state) {
        return callbacks.has("handle_cast", 2) ? callbacks.invoke("handle_cast", request, state) : super.handleCast(request, state);
    }

    @Override
    public Object handleInfo(Object message, Object state) {
        return callbacks.has("handle_info", 2) ? callbacks.invoke("handle_info", message, state) : super.handleInfo(message, state);
    }

    @Override
    public Object handleContinue(Object arg, Object state) {
        return callbacks.has("handle_continue", 2) ? callbacks.invoke("handle_continue", arg, state) : super.handleContinue(arg, state);
    }

    @Override
    public Object terminate(Object reason, Object state) {
        return callbacks.has("terminate", 2) ? callbacks.invoke("terminate", reason, state) : Atom.OK;
    }

    @Override
    public Atom module() {
        return callbacks.module();
    }
}
