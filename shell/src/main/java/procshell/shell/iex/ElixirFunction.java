package procshell.shell.iex;

import java.util.List;

/**
 * Elixir's {@code Function} (1.14's {@code lib/function.ex}): {@code capture/3},
 * {@code identity/1} and {@code info/1,2}, the last as {@code :erlang.fun_info/1,2}
 * ({@link FunInfo}).
 *
 * <pre>
 * iex> Function.capture(Enum, :map, 2)
 * &Enum.map/2
 * iex> Function.info(&Enum.map/2, :name)
 * {:name, :map}
 * </pre>
 */
@Doc("""
    Functions over functions: capture/3 (a fun of a module's function), identity/1, and info/1,2
    (arity, module, name, type, ... of a fun).
    """)
@ElixirName("Function")
public final class ElixirFunction {
    private ElixirFunction() {}

    @Doc("Returns its argument.")
    public static Object identity(Object value) {
        return value;
    }

    @Doc("Captures the function of the module of this name and arity: Function.capture(Enum, :map, 2) is &Enum.map/2.")
    public static Object capture(Object module, Object function, Object arity) {
        // inlined by Elixir's compiler: its errors are make_fun's
        return Erlang.make_fun(module, function, arity);
    }

    @Doc("Information about a fun, as a keyword list: module, name, arity, env, type (and for a local fun pid, index, uniq, ...).")
    public static List<Object> info(Object fun) {
        return FunInfo.all(fun);
    }

    /** {@code Function.info/2}: {@code {item, value}}. */
    public static Object info(Object fun, Object item) {
        return FunInfo.item(fun, item);
    }
}
