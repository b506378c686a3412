package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * What {@code :erlang.fun_info/1,2} (and Elixir's {@code Function.info/1,2}) answers for a fn of
 * the shell ({@link FunOrigin}): a capture of a remote function is an external fun
 * ({@code [module: Enum, name: :map, arity: 2, env: [], type: :external]}); a fn typed at the prompt
 * a local fun of {@code erl_eval} ({@code name: :"-expr/6-fun-3-"}, index {@code 43 - arity});
 * a fn written in a module a local fun of that module ({@code name: :"-g/0-fun-0-"}). The
 * {@code env} of a local fun is left empty.
 */
final class FunInfo {
    private static final List<String> LOCAL = List.of("pid", "module", "new_index", "new_uniq", "index", "uniq", "name", "arity", "env", "type");
    private static final List<String> EXTERNAL = List.of("module", "name", "arity", "env", "type");

    private FunInfo() {}

    /** {@code :erlang.fun_info(fun)}: every item, in the BEAM's order. */
    static List<Object> all(Object fun) {
        Closure<?> f = fun("", fun, null);
        List<Object> out = new ArrayList<>();
        for (String item : external(f) != null ? EXTERNAL : LOCAL) out.add(Tuple.of(Atom.of(item), value(f, item)));
        return out;
    }

    /** {@code :erlang.fun_info(fun, item)}: {@code {item, value}}. */
    static Tuple item(Object fun, Object item) {
        Closure<?> f = fun(", " + Kernel.inspect(item), fun, item);
        String name = item instanceof Atom a ? a.name() : "";
        boolean known = LOCAL.contains(name) || name.equals("refs");
        if (!known) throw ErlangArgs.badarg(":erlang.fun_info", "2nd argument: invalid item", fun, item);
        if (name.equals("refs")) return Tuple.of(item, List.of());
        if (external(f) != null && !EXTERNAL.contains(name)) return Tuple.of(item, Atom.of("undefined"));
        return Tuple.of(item, value(f, name));
    }

    private static Closure<?> fun(String rest, Object fun, Object item) {
        Object f = procshell.shell.eval.Values.normalize(fun);
        if (f instanceof Closure<?> c) return c;
        if (item == null) throw ErlangArgs.badarg(":erlang.fun_info", "1st argument: not a fun", f);
        throw ErlangArgs.badarg(":erlang.fun_info", "1st argument: not a fun", f, item);
    }

    /** The remote function a capture stands for, else null. */
    private static FunOrigin.Capture external(Closure<?> f) {
        return f instanceof FunOrigin o ? o.capture() : null;
    }

    private static Object value(Closure<?> f, String item) {
        int arity = f.getMaximumNumberOfParameters();
        FunOrigin.Capture ext = external(f);
        FunOrigin o = f instanceof FunOrigin origin && origin.definedIn() != null ? origin : null;
        return switch (item) {
            case "arity" -> arity;
            case "env" -> List.of();
            case "type" -> Atom.of(ext != null ? "external" : "local");
            case "module" -> ext != null ? ext.module() : o != null ? moduleAtom(o.module()) : Atom.of("erl_eval");
            case "name" -> ext != null ? ext.function()
                    : o != null ? Atom.of("-" + o.definedIn().substring(o.module().length() + 1) + "-fun-" + o.index() + "-")
                    : Atom.of("-expr/6-fun-" + (arity + 2) + "-");
            case "index", "new_index" -> o != null ? o.index() : FunOrigin.erlEvalIndex(arity);
            case "uniq" -> o != null ? FunOrigin.moduleUniq(o.module()) : FunOrigin.ERL_EVAL_UNIQ;
            case "new_uniq" -> Bitstring.of(o != null ? java.util.Arrays.copyOf(java.nio.ByteBuffer.allocate(8)
                    .putLong(FunOrigin.moduleUniq(o.module())).array(), 16) : FunOrigin.ERL_EVAL_NEW_UNIQ.clone());
            case "pid" -> procshell.runtime.process.ProcessContext.current().self();
            default -> Atom.of("undefined");
        };
    }

    /** The atom of a module as Elixir shows it: {@code Enum} is {@code :"Elixir.Enum"}, {@code :lists} is {@code :lists}. */
    private static Atom moduleAtom(String shown) {
        if (!shown.startsWith(":")) return Atom.of("Elixir." + shown);
        String name = shown.substring(1);
        return Atom.of(name.startsWith("\"") && name.endsWith("\"") && name.length() > 1 ? name.substring(1, name.length() - 1) : name);
    }
}
