package procshell.shell.iex;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;

/**
 * The session's module table: which class stands behind a module atom. Compiled modules
 * ({@code defmodule MyApp.Hello}, a class annotated {@code @ElixirName("MyApp.Hello")}) are
 * {@linkplain #define defined} here, a redefinition replacing the class; classes typed at the
 * prompt in Groovy join it when first used as a module ({@link #atomOf}); the facades
 * ({@code GenServer}, {@code Registry}, ...) and the Erlang modules ({@code :ets}) are found by
 * name. A module that exports {@code register_name/2}, {@code unregister_name/1} and
 * {@code whereis_name/1} (and optionally {@code send/2}) works in {@code {:via, module, key}} tuples.
 *
 * <p>Remote calls to a module known only at run time go through {@link #apply} (Elixir's
 * {@code UndefinedFunctionError} texts when there is no such module or function), or through
 * {@link #function}/{@link #handle} for a caller that keeps the method.
 */
public final class Modules {
    private final Node node;
    private final Map<Atom, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Atom, Class<?>> facades = new ConcurrentHashMap<>();

    Modules(Node node) {
        this.node = node;
        // {:via, mod, name} calls mod's own functions, whatever mod is: :gen.start/6 and
        // GenServer.whereis/1 raise UndefinedFunctionError for a module that is not there
        node.setViaModules(module -> new ModuleVia(this, module));
    }

    /**
     * Registers a compiled module, as loading its {@code .beam} does: later calls through
     * {@code module} reach {@code cls}, which replaces any earlier class of that module.
     *
     * @param module the module atom, e.g. {@code :"Elixir.MyApp.Hello"}
     * @param cls    the class whose public static methods are the module's functions
     */
    public void define(Atom module, Class<?> cls) {
        classes.put(module, cls);
        if (isViaModule(cls)) node.registerVia(module, new ModuleVia(this, module));
    }

    /**
     * The module atom of a class, e.g. {@code :"Elixir.HelloServer"}, registering a class typed at
     * the prompt as that module (a facade keeps its place: {@code GenServer} is the facade's).
     */
    public Atom atomOf(Class<?> cls) {
        String n = moduleName(cls);
        Atom a = node.atoms().intern(n.startsWith(":") ? n.substring(1) : "Elixir." + n);
        if (classes.get(a) != cls && !isFacade(cls)) define(a, cls);
        return a;
    }

    private static boolean isFacade(Class<?> cls) {
        return cls.getPackage() == Modules.class.getPackage() && cls.getClassLoader() == Modules.class.getClassLoader();
    }

    /**
     * The class behind a module atom: a defined (compiled or typed) module's newest class, else a
     * facade's ({@code GenServer}, {@code String} is {@code ElixirString}, {@code :ets}), else null.
     */
    public Class<?> classOf(Atom module) {
        Class<?> c = classes.get(module);
        return c != null ? c : facades.computeIfAbsent(module, Modules::facade);
    }

    /** True when the atom names a module defined in this session (compiled or typed), not a facade. */
    public boolean isDefined(Atom module) {
        return classes.containsKey(module);
    }

    private static Class<?> facade(Atom module) {
        String n = module.name();
        // Kernel is no module of the prompt's listing (its functions are called without one), but
        // it is a module all the same: apply(Kernel, :length, [l]), a variable bound to Kernel
        if (n.equals("Elixir.Kernel")) return Kernel.class;
        if (n.startsWith("Elixir.")) {
            ShellModules.Module m = ShellModules.find(n.substring("Elixir.".length()));
            return m == null ? null : m.cls();
        }
        return ErlangModules.modules().get(n);
    }

    /** The Elixir-style name of a class: facade classes keep their Elixir names. */
    public static String moduleName(Class<?> cls) {
        ElixirName n = cls.getAnnotation(ElixirName.class);
        return n != null ? n.value() : cls.getSimpleName();
    }

    /**
     * A public static function of a module, for remote calls ({@code MyApp.Hello.start_link(1)}).
     * When a facade has several Java overloads of one arity, the one taking only {@code Object}s
     * is preferred; {@link #apply} chooses among overloads by the arguments' types.
     *
     * @param module   the module atom
     * @param javaName the function's Java name ({@code alive_qm} for {@code alive?})
     * @param arity    the number of arguments
     * @return the method, or null when the module or the function does not exist
     */
    public Method function(Atom module, String javaName, int arity) {
        Class<?> c = classOf(module);
        return c == null ? null : FUNCTIONS.get(c).get(javaName + "/" + arity);
    }

    /**
     * A function as a method handle taking {@code Object}s and returning {@code Object}, for
     * compiled code that calls a module's function many times.
     *
     * @return the handle, or null when there is no such function
     */
    public MethodHandle handle(Atom module, String javaName, int arity) {
        Method m = function(module, javaName, arity);
        if (m == null) return null;
        try {
            return java.lang.invoke.MethodHandles.publicLookup().unreflect(m)
                    .asType(java.lang.invoke.MethodType.genericMethodType(arity));
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * The functions a module exports, as {@code Module.__info__(:functions)}:
     * {@code [{:start_link, 1}, {:alive?, 1}, ...]}, by Elixir name then arity.
     *
     * @return the list, or null when the module does not exist
     */
    public List<Tuple> exports(Atom module) {
        Class<?> c = classOf(module);
        if (c == null) return null;
        List<Tuple> out = new ArrayList<>();
        for (ShellModules.Function f : ShellModules.functions(c)) out.add(Tuple.of(Atom.of(f.name()), f.arity()));
        return out;
    }

    /** True when the module exports the function, as {@code function_exported?/3}. */
    public boolean exported(Atom module, String javaName, int arity) {
        return function(module, javaName, arity) != null;
    }

    /**
     * Calls a module's function, as {@code apply(module, function, args)}: a compiled module's
     * static method, or a facade's (Groovy chooses among overloads by the arguments).
     *
     * @param javaName the function's Java name ({@code alive_qm} for {@code alive?})
     * @return what the function returns
     * @throws UndefinedFunctionError when the module is not available or does not export the function
     */
    public Object apply(Atom module, String javaName, Object... args) {
        Class<?> c = classOf(module);
        if (c == null) throw UndefinedFunctionError.moduleNotAvailable(module, ShellModules.elixirName(javaName), args);
        Method m = FUNCTIONS.get(c).get(javaName + "/" + args.length);
        if (m == null && !isFacade(c)) {
            Object info = ModuleInfo.call(module, c, javaName, args); // __info__/1, module_info/0,1
            if (info != ModuleInfo.NONE) return info;
        }
        if (m == null) throw undefined(module, javaName, args);
        if (!isFacade(c) && allObjects(m)) return invoke(m, args);
        return procshell.shell.eval.Values.normalize(org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(c, javaName, args));
    }

    /** The Java name of an Elixir function name: {@code alive?} is {@code alive_qm}, {@code fetch!} {@code fetch_bang}. */
    public static String javaName(String elixirName) {
        elixirName = ReservedNames.escape(elixirName);
        if (elixirName.endsWith("?")) return elixirName.substring(0, elixirName.length() - 1) + "_qm";
        if (elixirName.endsWith("!")) return elixirName.substring(0, elixirName.length() - 1) + "_bang";
        if (elixirName.equals("new")) return "new_"; // a Java keyword
        return elixirName;
    }

    /** Elixir's error for a missing function of an existing module: {@code function Foo.bar/1 is undefined or private}. */
    static UndefinedFunctionError undefined(Atom module, String javaName, int arity) {
        return new UndefinedFunctionError("function " + Kernel.inspect(module) + "." + ShellModules.elixirName(javaName) + "/" + arity
                + " is undefined or private");
    }

    /** As {@link #undefined(Atom, String, int)}, with the call as its stack line, as iex shows it: {@code Foo.bar(1)}. */
    UndefinedFunctionError undefined(Atom module, String javaName, Object[] args) {
        String name = ShellModules.elixirName(javaName);
        Class<?> c = classOf(module);
        boolean facade = c != null && isFacade(c);
        java.util.StringJoiner call = new java.util.StringJoiner(", ",
                (facade && module.isElixirModule() ? "(" + app(c) + " 1.14.0) " : "") + Kernel.inspect(module) + "." + name + "(", ")");
        for (Object a : args) call.add(Kernel.inspect(a));
        // as iex's blame, the same name with other arities is suggested
        StringBuilder suggestions = new StringBuilder();
        if (c != null) {
            for (String key : new java.util.TreeSet<>(FUNCTIONS.get(c).keySet())) {
                if (key.startsWith(javaName + "/")) suggestions.append("\n      * ").append(name).append(key.substring(javaName.length())).append('\n');
            }
        }
        return new UndefinedFunctionError(undefined(module, javaName, args.length).getMessage(),
                suggestions.isEmpty() ? "" : ". Did you mean:\n" + suggestions, java.util.List.of(call.toString()));
    }

    /** The application of a facade's module, as its stack lines name it ({@code elixir}, {@code logger}). */
    private static String app(Class<?> facade) {
        ElixirName n = facade.getAnnotation(ElixirName.class);
        return n == null ? "elixir" : n.app();
    }

    /** Invokes a static method, rethrowing what it threw (an Elixir exception, an exit) as it is. */
    static Object invoke(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each class's public static methods by {@code "javaName/arity"}; the all-{@code Object} overload wins. */
    private static final ClassValue<Map<String, Method>> FUNCTIONS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> out = new HashMap<>();
            for (Method m : type.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.getName().contains("$")) continue;
                String key = m.getName() + "/" + m.getParameterCount();
                Method prev = out.get(key);
                if (prev == null || (!allObjects(prev) && allObjects(m))) out.put(key, m);
            }
            return Map.copyOf(out);
        }
    };

    private static boolean allObjects(Method m) {
        for (Class<?> p : m.getParameterTypes()) if (p != Object.class) return false;
        return true;
    }

    private static boolean isViaModule(Class<?> cls) {
        Map<String, Method> f = FUNCTIONS.get(cls);
        return f.containsKey("register_name/2") && f.containsKey("unregister_name/1") && f.containsKey("whereis_name/1");
    }

    /** Converts a shell value used as a process name into a runtime name term (classes to atoms, deeply in tuples). */
    public Object nameTerm(Object name) {
        if (name instanceof Class<?> c) return atomOf(c);
        if (name instanceof Tuple t) {
            Object[] out = new Object[t.size()];
            for (int i = 0; i < t.size(); i++) out[i] = nameTerm(t.get(i));
            return Tuple.of(out);
        }
        return procshell.shell.eval.Values.normalize(name);
    }
}
