package procshell.shell.elixir.compiler;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import procshell.shell.iex.ShellModules;

/**
 * What a call at the prompt resolves to, decided once for the compiler ({@link Compiler}, which
 * writes it as Groovy source) and for the direct evaluator ({@link DirectInput}, which calls it):
 * Elixir's operators and the Kernel functions that {@link procshell.shell.iex.Ops} implements, by
 * the name of their {@code Ops} method, and the Java method of a facade's or Kernel's function.
 */
final class CallTargets {
    private CallTargets() {}

    /** Kernel's functions that {@link procshell.shell.iex.Ops} implements (name/arity to its method). */
    private static final Map<String, String> OPS_KERNEL = Map.of(
            "length/1", "length", "put_elem/3", "put_elem", "then/2", "then", "tap/2", "tap", "byte_size/1", "byte_size",
            "spawn/3", "spawn", "spawn_link/3", "spawn_link", "..///3", "range", "=~/2", "matchesText");

    /**
     * The {@code Ops} method of a Kernel function that Ops implements ({@code length/1}), or null.
     *
     * @param name  the Elixir name
     * @param arity the number of arguments
     */
    static String opsKernel(String name, int arity) {
        return OPS_KERNEL.get(name + "/" + arity);
    }

    /** True for the operators whose right side runs only when the left side asks for it. */
    static boolean isShortCircuit(String name) {
        return switch (name) {
            case "and", "or", "&&", "||" -> true;
            default -> false;
        };
    }

    /**
     * The Java method of a shell facade's function ({@code procshell.shell.iex.ElixirString.upcase}
     * for {@code String.upcase/1}): the first overload of that arity, by whose class and name
     * Groovy then chooses among the overloads.
     *
     * @param moduleName the module atom's name ({@code Elixir.String}, {@code ets})
     * @return the method, or null when the module is no facade or has no such function
     */
    static Method facade(String moduleName, String fun, int arity) {
        // the facades are the shell's own classes: what a name resolves to never changes
        return FACADES.computeIfAbsent(moduleName + "." + fun + "/" + arity, k -> Optional.ofNullable(findFacade(moduleName, fun, arity))).orElse(null);
    }

    /** True when the module is one of the shell's facades ({@code Elixir.Enum}, {@code ets}), whose functions are known. */
    static boolean isFacade(String moduleName) {
        return FACADE_MODULES.computeIfAbsent(moduleName,
                n -> ShellModules.find(n.startsWith("Elixir.") ? n.substring(7) : ":" + n) != null);
    }

    private static final Map<String, Boolean> FACADE_MODULES = new ConcurrentHashMap<>();
    private static final Map<String, Optional<Method>> FACADES = new ConcurrentHashMap<>();
    private static final Map<String, Optional<Method>> KERNEL = new ConcurrentHashMap<>();

    private static Method findFacade(String moduleName, String fun, int arity) {
        String typed = moduleName.startsWith("Elixir.") ? moduleName.substring(7) : ":" + moduleName;
        ShellModules.Module m = ShellModules.find(typed);
        if (m == null) return null;
        String javaName = procshell.shell.iex.Modules.javaName(fun); // an operator such as Bitwise's &&& is its function's method
        for (ShellModules.Function f : m.functions()) {
            if ((f.name().equals(fun) || f.method().getName().equals(javaName)) && f.arity() == arity) return f.method();
        }
        return null;
    }

    /**
     * The Java method of a function called without a module (Kernel's, iex's helpers, the
     * observer's), or null when there is none of this name and arity.
     */
    static Method kernelFunction(String name, int arity) {
        return KERNEL.computeIfAbsent(name + "/" + arity, k -> Optional.ofNullable(findKernelFunction(name, arity))).orElse(null);
    }

    private static Method findKernelFunction(String name, int arity) {
        for (ShellModules.Function f : ShellModules.kernelFunctions()) {
            if (f.name().equals(name) && f.arity() == arity) return f.method();
        }
        return null;
    }

    /** The Groovy callee of a method: its class's name and its own ({@code procshell.shell.iex.Kernel.self}). */
    static String callee(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName();
    }
}
