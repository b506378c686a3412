package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Application}, its environment: the configuration of each application as a
 * person sets and reads it at run time ({@code Application.put_env(:my_app, :interval, 250)},
 * {@code Application.get_env(:my_app, :interval, 1000)}). Each node has its own environment, read
 * and written by every process of the node, as the BEAM's application controller keeps it. No
 * application is loaded in the shell: {@code fetch_env!/2} of a missing key says so, as iex does
 * for an application it has not loaded.
 */
@Doc("""
    The application environment: Application.put_env(:my_app, :key, value),
    get_env(:my_app, :key, default), fetch_env/2, fetch_env!/2, get_all_env/1,
    delete_env/2, put_all_env/1.
    """)
@ElixirName("Application")
public final class ElixirApplication {
    private static final Atom OK = Atom.of("ok");

    /** Each node's environment: application, then key, then value. */
    private static final PerNode<Map<Atom, Map<Object, Object>>> ENVIRONMENTS = new PerNode<>(ConcurrentHashMap::new);

    private ElixirApplication() {}

    private static Map<Object, Object> of(Atom app) {
        return ENVIRONMENTS.get().computeIfAbsent(app, a -> new ConcurrentHashMap<>());
    }

    /**
     * As {@code Application.get_env/3}: the value of {@code key} in {@code app}'s environment, or
     * {@code default}.
     *
     * <pre>{@code
     * Application.get_env(:my_app, :interval, 1000)   # 1000 until put_env sets it
     * }</pre>
     *
     * @throws FunctionClauseError when {@code app} is no atom
     */
    @Doc("The value of key in the application's environment, or default (nil).")
    public static Object get_env(Object app, Object key, Object fallback) {
        Object v = of(app(app, "get_env", 3, app, key, fallback)).get(Values.normalize(key));
        return v == null ? fallback : unwrap(v);
    }

    /** As {@code Application.get_env/2}: the value, or nil. */
    @Doc("The value of key in the application's environment, or nil.")
    public static Object get_env(Object app, Object key) {
        return get_env(app, key, null);
    }

    /** As {@code Application.fetch_env/2}: {@code {:ok, value}}, or {@code :error} when unset. */
    @Doc("{:ok, value} for key in the application's environment, or :error.")
    public static Object fetch_env(Object app, Object key) {
        Object v = of(app(app, "fetch_env", 2, app, key)).get(Values.normalize(key));
        return v == null ? Atom.of("error") : Tuple.of(OK, unwrap(v));
    }

    /**
     * As {@code Application.fetch_env!/2}: the value.
     *
     * @throws ArgumentError when unset: {@code could not fetch application environment :key for
     *         application :my_app because the application was not loaded nor configured}
     */
    @Doc("The value of key in the application's environment; ArgumentError when unset.")
    public static Object fetch_env_bang(Object app, Object key) {
        Object v = of(app(app, "fetch_env!", 2, app, key)).get(Values.normalize(key));
        if (v == null) {
            throw new ArgumentError("could not fetch application environment " + Kernel.inspect(key) + " for application "
                    + Kernel.inspect(app) + " because the application was not loaded nor configured",
                    List.of("(elixir 1.14.0) lib/application.ex:730: Application.fetch_env!/2"));
        }
        return unwrap(v);
    }

    /** As {@code Application.put_env/3}: sets the value; {@code :ok}. */
    @Doc("Sets key to value in the application's environment; returns :ok.")
    public static Atom put_env(Object app, Object key, Object value) {
        return put_env(app, key, value, List.of());
    }

    /** As {@code Application.put_env/4}; the options ({@code persistent:}, {@code timeout:}) change nothing here. */
    @Doc("Sets key to value in the application's environment; returns :ok.")
    public static Atom put_env(Object app, Object key, Object value, Object options) {
        of(app(app, "put_env", 4, app, key, value, options)).put(Values.normalize(key), wrap(Values.normalize(value)));
        return OK;
    }

    /** As {@code Application.delete_env/2}: removes the key; {@code :ok}. */
    @Doc("Removes key from the application's environment; returns :ok.")
    public static Atom delete_env(Object app, Object key) {
        of(app(app, "delete_env", 3, app, key, List.of())).remove(Values.normalize(key));
        return OK;
    }

    /** As {@code Application.get_all_env/1}: the environment as a keyword list, by key. */
    @Doc("The whole environment of the application as a keyword list.")
    public static List<Object> get_all_env(Object app) {
        List<Object> out = new ArrayList<>();
        of(app(app, "get_all_env", 1, app)).forEach((k, v) -> out.add(Tuple.of(k, unwrap(v))));
        out.sort((a, b) -> procshell.runtime.inspect.Inspect.compare(((Tuple) a).get(0), ((Tuple) b).get(0)));
        return out;
    }

    /** As {@code Application.put_all_env/1}: {@code [app: [key: value]]} put at once; {@code :ok}. */
    @Doc("Puts the environments of several applications at once: put_all_env(my_app: [key: value]).")
    public static Atom put_all_env(Object config) {
        java.util.List<?> apps = ErlangArgs.list(Values.normalize(config));
        if (apps == null) throw new FunctionClauseError("Application.put_all_env", 2);
        for (Object entry : apps) {
            if (!(entry instanceof Tuple t && t.size() == 2 && ErlangArgs.list(t.get(1)) != null)) {
                throw new FunctionClauseError("Application.put_all_env", 2);
            }
            for (Object kv : ErlangArgs.list(t.get(1))) {
                if (!(kv instanceof Tuple p && p.size() == 2)) throw new FunctionClauseError("Application.put_all_env", 2);
                put_env(t.get(0), p.get(0), p.get(1));
            }
        }
        return OK;
    }

    /**
     * Each function's clause as Elixir 1.14 defines it, and the line of {@code lib/application.ex}
     * iex shows for it when the application is no atom.
     */
    private static final Map<String, String[]> CLAUSES = Map.of(
            "get_env/3", new String[] {"682", "def get_env(app, key, default) when is_atom(app)"},
            "fetch_env/2", new String[] {"701", "def fetch_env(app, key) when is_atom(app)"},
            "fetch_env!/2", new String[] {"724", "def fetch_env!(app, key) when is_atom(app)"},
            "put_env/4", new String[] {"766", "def put_env(app, key, value, opts) when is_atom(app)"},
            "delete_env/3", new String[] {"795", "def delete_env(app, key, opts) when is_atom(app)"},
            "get_all_env/1", new String[] {"482", "def get_all_env(app) when is_atom(app)"});

    /** The application's atom, or Elixir's FunctionClauseError for anything else. */
    private static Atom app(Object app, String function, int arity, Object... args) {
        Object a = Values.normalize(app);
        if (a instanceof Atom atom) return atom;
        if (a == null) return Atom.of("nil"); // nil is an atom
        String name = function + "/" + arity;
        String[] clause = CLAUSES.get(name);
        List<Object> given = new ArrayList<>(java.util.Arrays.asList(args));
        throw new FunctionClauseError("Application." + name, given,
                List.of("(elixir 1.14.0) lib/application.ex:" + clause[0] + ": Application." + name),
                List.of("Attempted function clauses (showing 1 out of 1):", clause[1]));
    }

    /** nil is a value like any other: a key set to nil is set. */
    private static final Object NIL = new Object();

    private static Object wrap(Object v) {
        return v == null ? NIL : v;
    }

    private static Object unwrap(Object v) {
        return v == NIL ? null : v;
    }
}
