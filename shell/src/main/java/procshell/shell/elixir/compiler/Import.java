package procshell.shell.elixir.compiler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.elixir.ElixirExports;

/**
 * One {@code import} in effect: the module and the functions it brings, as Elixir's
 * {@code import List, only: [first: 1]} or {@code import Enum, except: [map: 2]} restrict it.
 *
 * @param module the module's atom name ({@code "Elixir.List"})
 * @param only   the {@code name/arity}s of {@code only:} in the order given, or null for every function
 * @param except the {@code name/arity}s of {@code except:} (empty for none)
 */
public record Import(String module, Set<String> only, Set<String> except) {
    public Import {
        // (only: in its order, for the first name an undefined-import error names)
        only = only == null ? null : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(only));
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
        return new Import(module, only instanceof List<?> ? keys(only) : null, keys(except));
    }

    /**
     * Adds {@code next} to the imports in effect as Elixir's {@code elixir_import} does: it takes
     * the place of the module's import before it, and an {@code except:} alone subtracts from what
     * that one brought ({@code import Kernel, except: [length: 1]} then {@code except: [hd: 1]}
     * leaves out both); {@code only:}, or no option, starts anew.
     *
     * @param imports the imports in effect, in import order (changed)
     */
    static void add(List<Import> imports, Import next) {
        Import before = null;
        for (int i = 0; i < imports.size(); i++) {
            if (imports.get(i).module.equals(next.module)) before = imports.remove(i--);
        }
        if (before != null && next.only == null && !next.except.isEmpty()) {
            Set<String> except = new HashSet<>(before.except);
            except.addAll(next.except);
            next = new Import(next.module, before.only, except);
        }
        imports.add(next);
    }

    /** The stack lines iex shows under an import's CompileError (Elixir's {@code elixir_import}). */
    private static final List<String> IMPORT_FRAMES = List.of(
            "(elixir 1.14.0) src/elixir_import.erl:91: :elixir_import.calculate/6",
            "(elixir 1.14.0) src/elixir_import.erl:22: :elixir_import.import/4");

    /**
     * Elixir's error for an {@code only:} that names a function or macro the module does not
     * export: {@code import Process, only: [send: 2]} is {@code cannot import Process.send/2
     * because it is undefined or private}. Only Elixir's own modules are checked
     * ({@link ElixirExports}); an Erlang module or one typed in the shell is not.
     *
     * @return the error for the first name of {@code only:} not exported, or null
     */
    CompileError undefinedOnly(int line) {
        Set<String> exports = only == null ? null : ElixirExports.of(module);
        if (exports == null) return null;
        for (String key : only) {
            if (!exports.contains(key)) {
                return new CompileError(line, "cannot import " + shown(module) + "." + key + " because it is undefined or private", IMPORT_FRAMES);
            }
        }
        return null;
    }

    /**
     * True when a call without a module of Kernel's {@code name/arity} reaches Kernel: the latest
     * {@code import Kernel} in effect allows it, or there is none.
     */
    static boolean kernelAllows(String name, int arity, List<Import> imports) {
        for (int i = imports.size() - 1; i >= 0; i--) {
            if (imports.get(i).module.equals("Elixir.Kernel")) return imports.get(i).allows(name, arity);
        }
        return true;
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
        for (int i = imports.size() - 1; i >= 0; i--) {
            Import imported = imports.get(i);
            if (!imported.module().equals("Elixir.Kernel") && CallTargets.isFacade(imported.module()) && imported.mayDefine(name, arity)
                    && !modules.contains(imported.module())) {
                modules.add(imported.module());
            }
        }
        // (Kernel's tables only when an import has the function: this runs for every call planned)
        if (!modules.isEmpty() && kernelAllows(name, arity, imports) && (procshell.shell.elixir.ElixirExports.isKernelFunction(name, arity)
                || procshell.shell.elixir.ElixirExports.isKernelMacro(name, arity))) {
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

    /** The {@code name/arity}s of a keyword list of {@code name: arity} (another term: none), in the order given. */
    private static Set<String> keys(Object keywords) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (!(keywords instanceof List<?> l)) return out;
        for (Object o : l) {
            if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && t.get(1) instanceof Number n) out.add(a.name() + "/" + n);
        }
        return out;
    }
}
