package procshell.shell.elixir.compiler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * One {@code import} in effect: the module and the functions it brings, as Elixir's
 * {@code import List, only: [first: 1]} or {@code import Enum, except: [map: 2]} restrict it.
 *
 * @param module the module's atom name ({@code "Elixir.List"})
 * @param only   the {@code name/arity}s of {@code only:}, or null for every function
 * @param except the {@code name/arity}s of {@code except:} (empty for none)
 */
public record Import(String module, Set<String> only, Set<String> except) {
    public Import {
        only = only == null ? null : Set.copyOf(only);
        except = Set.copyOf(except);
    }

    /** An import of every function of the module. */
    public static Import all(String module) {
        return new Import(module, null, Set.of());
    }

    /**
     * The import an {@code import} form's options make: {@code only:} and {@code except:} as a
     * keyword list of {@code name: arity} ({@code only: :functions} and the like bring every
     * function); other options are ignored.
     *
     * @param module  the module's atom name
     * @param options the quoted options (a keyword list), or null
     */
    static Import of(String module, Object options) {
        Object only = Quoted.keyword(options, "only");
        Object except = Quoted.keyword(options, "except");
        return new Import(module, only instanceof List<?> l ? names(l) : null, except instanceof List<?> l ? names(l) : Set.of());
    }

    /** True when a call of {@code name/arity} may resolve to this import. */
    public boolean allows(String name, int arity) {
        String key = name + "/" + arity;
        return (only == null || only.contains(key)) && !except.contains(key);
    }

    /**
     * True when a call of {@code name/arity} may resolve to this import: it allows it, and the
     * module, when it is one of the shell's, has that function (a module typed in the shell is
     * asked when the call runs).
     */
    public boolean mayDefine(String name, int arity) {
        return allows(name, arity) && (!CallTargets.isFacade(module) || CallTargets.facade(module, name, arity) != null);
    }

    /** The stack lines iex shows under an ambiguous call's CompileError (Elixir's dispatch). */
    private static final List<String> AMBIGUOUS_CALL_FRAMES = List.of(
            "(elixir 1.14.0) src/elixir_dispatch.erl:149: :elixir_dispatch.expand_import/7",
            "(elixir 1.14.0) src/elixir_dispatch.erl:119: :elixir_dispatch.dispatch_import/6");

    /** The same for an ambiguous capture ({@code &to_string/1}). */
    private static final List<String> AMBIGUOUS_CAPTURE_FRAMES = List.of(
            "(elixir 1.14.0) src/elixir_dispatch.erl:69: :elixir_dispatch.import_function/4",
            "(elixir 1.14.0) src/elixir_fn.erl:79: :elixir_fn.capture_import/5");

    /**
     * Elixir's error for a call without a module that two imports define: {@code import String}
     * then {@code length("hello")} is {@code function length/1 imported from both String and
     * Kernel, call is ambiguous}. The imports of the shell's modules that have {@code name/arity}
     * count, the latest first, then Kernel's function or macro of that name (imported unless an
     * {@code import Kernel} leaves it out); a module typed in the shell, asked only when the call
     * runs, does not.
     *
     * @param imports  the imports in effect, in import order
     * @param line     the call's line
     * @param inModule true in a module's code, whose error iex shows with the frame {@code iex:LINE: (module)}
     * @return the error, or null when at most one module defines the function
     */
    static CompileError ambiguity(String name, int arity, List<Import> imports, int line, boolean inModule) {
        return ambiguity(name, arity, imports, line, inModule, AMBIGUOUS_CALL_FRAMES);
    }

    /** As {@link #ambiguity}, for a capture of the function ({@code &to_string/1}, {@code &to_string(&1)}), with its frames. */
    static CompileError captureAmbiguity(String name, int arity, List<Import> imports, int line, boolean inModule) {
        return ambiguity(name, arity, imports, line, inModule, AMBIGUOUS_CAPTURE_FRAMES);
    }

    private static CompileError ambiguity(String name, int arity, List<Import> imports, int line, boolean inModule, List<String> dispatch) {
        List<String> modules = new java.util.ArrayList<>();
        boolean kernelAllows = true; // (the latest import of Kernel decides)
        boolean kernelImported = false;
        for (int i = imports.size() - 1; i >= 0; i--) {
            Import imported = imports.get(i);
            if (imported.module().equals("Elixir.Kernel")) {
                if (!kernelImported) kernelAllows = imported.allows(name, arity);
                kernelImported = true;
            } else if (CallTargets.isFacade(imported.module()) && imported.mayDefine(name, arity) && !modules.contains(imported.module())) {
                modules.add(imported.module());
            }
        }
        // (Kernel's tables only when an import has the function: this runs for every call planned)
        if (!modules.isEmpty() && kernelAllows && (procshell.shell.elixir.KernelExports.isFunction(name, arity)
                || procshell.shell.elixir.KernelExports.isMacro(name, arity))) {
            modules.add("Elixir.Kernel");
        }
        if (modules.size() < 2) return null;
        List<String> frames = new java.util.ArrayList<>(dispatch);
        if (inModule) frames.add("iex:" + line + ": (module)");
        return new CompileError(line, "function " + name + "/" + arity + " imported from both " + shown(modules.get(0)) + " and "
                + shown(modules.get(1)) + ", call is ambiguous", frames);
    }

    /** A module's name as Elixir prints it in a message: {@code String}, {@code :lists}. */
    private static String shown(String module) {
        return module.startsWith("Elixir.") ? module.substring("Elixir.".length()) : ":" + module;
    }

    private static Set<String> names(List<?> keywords) {
        Set<String> out = new HashSet<>();
        for (Object o : keywords) {
            if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && t.get(1) instanceof Number n) out.add(a.name() + "/" + n);
        }
        return out;
    }
}
