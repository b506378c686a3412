package procshell.shell.iex;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * The functions every module compiled by Elixir has without defining them: {@code __info__/1}
 * (Elixir's) and {@code module_info/0,1} (the BEAM's), for a module defined in the session.
 *
 * <pre>
 * iex> defmodule Z do
 * ...>   def a, do: 1
 * ...>   defp b, do: 2
 * ...> end
 * iex> Z.__info__(:functions)
 * [a: 0]
 * iex> Z.module_info(:exports)
 * [__info__: 1, a: 0, module_info: 0, module_info: 1]
 * </pre>
 */
final class ModuleInfo {
    /** What {@link #call} answers for a function that is none of these. */
    static final Object NONE = new Object();

    private static final Atom STRUCT = Atom.of("__struct__");

    private ModuleInfo() {}

    /**
     * {@code Mod.__info__(key)}, {@code Mod.module_info()} or {@code Mod.module_info(key)}.
     *
     * @param module   the module's atom ({@code :"Elixir.Z"})
     * @param cls      its class
     * @param javaName the function called
     * @param args     its arguments
     * @return the answer, or {@link #NONE} when the call is none of these functions
     * @throws FunctionClauseError for an {@code __info__} key Elixir does not know (as Elixir's
     *                             {@code Z."-inlined-__info__/1-"/1})
     * @throws ArgumentError for a {@code module_info} key the BEAM does not know
     */
    static Object call(Atom module, Class<?> cls, String javaName, Object[] args) {
        if (javaName.equals("__info__") && args.length == 1) return info(module, cls, args[0]);
        if (javaName.equals("module_info") && args.length == 0) {
            List<Object> all = new ArrayList<>();
            for (String key : List.of("module", "exports", "attributes", "compile", "md5")) {
                all.add(Tuple.of(Atom.of(key), moduleInfo(module, cls, Atom.of(key))));
            }
            return all;
        }
        if (javaName.equals("module_info") && args.length == 1) return moduleInfo(module, cls, args[0]);
        return NONE;
    }

    private static Object info(Atom module, Class<?> cls, Object key) {
        String k = key instanceof Atom a ? a.name() : "";
        return switch (k) {
            case "functions" -> functions(cls);
            case "macros", "deprecated" -> List.of();
            case "module" -> module;
            case "struct" -> struct(cls);
            case "attributes" -> attributes(module);
            case "compile" -> compile();
            case "md5" -> Bitstring.of(md5(module));
            default -> {
                String name = Kernel.inspect(module) + ".\"-inlined-__info__/1-\"/1";
                yield Ops.functionClause(name, name, key);
            }
        };
    }

    private static Object moduleInfo(Atom module, Class<?> cls, Object key) {
        String k = key instanceof Atom a ? a.name() : "";
        return switch (k) {
            case "module" -> module;
            case "exports" -> {
                List<Object> out = new ArrayList<>();
                out.add(Tuple.of(Atom.of("__info__"), 1));
                out.addAll(functions(cls));
                out.add(Tuple.of(Atom.of("module_info"), 0));
                out.add(Tuple.of(Atom.of("module_info"), 1));
                yield out;
            }
            case "attributes" -> attributes(module);
            case "compile" -> compile();
            case "md5" -> Bitstring.of(md5(module));
            case "nifs" -> List.of();
            default -> throw new ArgumentError("argument error",
                    List.of(":erlang.get_module_info(" + Kernel.inspect(module) + ", " + Kernel.inspect(key) + ")", Kernel.inspect(module) + ".module_info/1"));
        };
    }

    /**
     * The public functions, as {@code [{:name, arity}]} by name then arity (the shell's list of a
     * module's functions, {@link ShellModules#functions}, with {@code __struct__/0,1} for a struct).
     */
    private static List<Tuple> functions(Class<?> cls) {
        List<Tuple> out = new ArrayList<>();
        for (ShellModules.Function f : ShellModules.functions(cls)) out.add(Tuple.of(Atom.of(f.name()), f.arity()));
        if (structFunction(cls) != null) {
            out.add(Tuple.of(STRUCT, 0));
            out.add(Tuple.of(STRUCT, 1));
        }
        out.sort(Comparator.comparing((Tuple t) -> ((Atom) t.get(0)).name()).thenComparing(t -> (Integer) t.get(1)));
        return out;
    }

    /** A struct's fields as {@code [%{field: :a, required: false}]}, or nil for a module without one. */
    private static Object struct(Class<?> cls) {
        Method m = structFunction(cls);
        Object fields = m == null ? null : Modules.invoke(m);
        if (!(fields instanceof Map<?, ?> map)) return null;
        List<Object> out = new ArrayList<>();
        List<Object> order = map.get(STRUCT) instanceof Atom module ? Structs.fields(module) : null;
        for (Object field : order != null ? order : map.keySet()) {
            if (STRUCT.equals(field)) continue;
            MapTerm f = new MapTerm();
            f.put(Atom.of("field"), field);
            f.put(Atom.of("required"), false);
            out.add(f);
        }
        return out;
    }

    /** The module's {@code __struct__/0}, or null for a module without a struct. */
    private static Method structFunction(Class<?> cls) {
        try {
            return cls.getMethod("__struct__");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** {@code [vsn: [N]]}: the BEAM's default version, a number from the module's MD5. */
    private static List<Object> attributes(Atom module) {
        return List.of(Tuple.of(Atom.of("vsn"), List.of(new BigInteger(1, md5(module)))));
    }

    /** What Elixir 1.14's compiler records (the compiler's version and options); the source is iex's. */
    private static List<Object> compile() {
        List<Object> options = List.of(Atom.of("no_spawn_compiler_process"), Atom.of("from_core"), Atom.of("no_core_prepare"),
                Atom.of("no_auto_import"));
        return List.of(Tuple.of(Atom.of("version"), charlist("8.2.3")), Tuple.of(Atom.of("options"), options),
                Tuple.of(Atom.of("source"), charlist("iex")));
    }

    private static List<Object> charlist(String s) {
        return s.codePoints().boxed().map(c -> (Object) c).toList();
    }

    /** Stands for the MD5 of the module's code: stable for a module's name within a session. */
    private static byte[] md5(Atom module) {
        try {
            return MessageDigest.getInstance("MD5").digest(module.name().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
