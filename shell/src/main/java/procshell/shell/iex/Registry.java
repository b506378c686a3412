package procshell.shell.iex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Registry} at the prompt, over the runtime's {@link procshell.runtime.registry.Registry}:
 * a local key-value process storage, usable as via names, dispatcher and PubSub.
 *
 * <pre>{@code
 * Registry.start_link(keys: :unique, name: MyReg)       # {:ok, #PID<0.124.0>}
 * Registry.register(MyReg, "a", 1)                      # {:ok, #PID<0.125.0>} (the partition)
 * Registry.lookup(MyReg, "a")                           # [{#PID<0.108.0>, 1}]
 * GenServer.start_link(Srv, 1, name: {:via, Registry, {MyReg, "srv"}})
 * }</pre>
 *
 * Registry names are atoms (a module name such as {@code MyReg}); keys, values, patterns and
 * guards are terms. Errors are Elixir's ArgumentErrors, e.g. {@code unknown registry: MyReg}.
 */
@Doc("""
    A local, decentralized and scalable key-value process storage.

    It allows to look up one or more processes with a given key. If the registry
    has :unique keys, a key points to 0 or 1 process; with :duplicate keys, a key
    may point to any number of processes. Entries are removed when their process
    exits. A registry also works as a via module for names
    ({:via, Registry, {registry, key}}), as a dispatcher and as a PubSub.

    ## Examples

        ps> Registry.start_link(keys: :unique, name: MyRegistry)
        ps> Registry.register(MyRegistry, "room-1", :lobby)
        ps> Registry.lookup(MyRegistry, "room-1")
        [{#PID<0.108.0>, :lobby}]
    """)
public final class Registry {
    private static final Atom START_LINK = Atom.of("start_link");

    private Registry() {}

    // ---- starting ---------------------------------------------------------------------------------

    /**
     * Starts a registry linked to the caller, as {@code Registry.start_link/1}. Options:
     * {@code keys:} ({@code :unique} or {@code :duplicate}, required), {@code name:} (required),
     * {@code partitions:} (1), {@code listeners:} (named processes), {@code meta:} (a keyword list).
     *
     * <pre>{@code Registry.start_link(keys: :unique, name: MyReg)   # {:ok, #PID<0.124.0>}}</pre>
     *
     * @return {@code {:ok, pid}} or {@code {:error, {:already_started, pid}}}
     * @throws IllegalArgumentException Elixir's texts, e.g. {@code expected :name option to be present}
     */
    @Doc("""
        Starts a registry as a supervisor process, linked to the current process.

        Options: keys: (:unique or :duplicate, required), name: (an atom, required),
        partitions: (1), listeners: (names of processes told about registrations),
        meta: (a keyword list stored with the registry). Returns {:ok, pid}.
        """)
    public static Object start_link(Map<?, ?> options) {
        return start_link((Object) options);
    }

    /** {@code Registry.start_link([keys: :unique, name: MyReg])} with an explicit keyword list or map. */
    public static Object start_link(Object options) {
        try {
            return procshell.runtime.registry.Registry.startLink(keyword(options));
        } catch (ArgumentError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ArgumentError(e.getMessage(), List.of("(elixir 1.14.0) lib/registry.ex:" + optionLine(e.getMessage()) + ": Registry.start_link/1"));
        }
    }

    /** The line of Elixir 1.14's registry.ex that raises an option's ArgumentError, for the stack line iex shows. */
    private static int optionLine(String message) {
        if (message.startsWith("expected :keys")) return 325;
        if (message.startsWith("expected :name to be")) return 335;
        if (message.startsWith("expected :name option")) return 338;
        if (message.startsWith("expected :meta")) return 344;
        if (message.startsWith("expected :partitions")) return 350;
        if (message.startsWith("expected :listeners")) return 357;
        return 364;
    }

    /**
     * The child spec that starts a registry under a supervisor, as {@code Registry.child_spec/1}.
     *
     * <pre>{@code Supervisor.start_link([{Registry, [keys: :unique, name: MyReg]}], strategy: :one_for_one)}</pre>
     *
     * @return {@code %{id: MyReg, start: {Registry, :start_link, [options]}, type: :supervisor}}
     */
    @Doc("""
        Returns the child spec to start a registry under a supervisor.
        """)
    public static Map<Object, Object> child_spec(Object options) {
        List<Tuple> kw = keyword(options);
        ChildSpec spec = procshell.runtime.registry.Registry.childSpec(kw);
        Map<Object, Object> out = new LinkedHashMap<>();
        out.put(Atom.of("id"), spec.id());
        out.put(Atom.of("start"), Tuple.of(IexSession.current().modules().atomOf(Registry.class), START_LINK, List.of(kw)));
        out.put(Atom.of("type"), Atom.of("supervisor"));
        return out;
    }

    // ---- registering ------------------------------------------------------------------------------

    /**
     * Registers the calling process under {@code key} with {@code value}, as {@code Registry.register/3}.
     *
     * <pre>{@code Registry.register(MyReg, "a", 1)   # {:ok, #PID<0.125.0>}; again: {:error, {:already_registered, #PID<0.108.0>}}}</pre>
     *
     * @return {@code {:ok, partition_pid}} or {@code {:error, {:already_registered, pid}}}
     */
    @Doc("""
        Registers the current process under the given key in the registry.

        Returns {:ok, owner} (owner is the partition's pid) or, for unique keys,
        {:error, {:already_registered, pid}}. The entry stays until the process
        exits or unregisters.

        ## Examples

            ps> Registry.register(MyRegistry, "room-1", :lobby)
            {:ok, #PID<0.109.0>}
        """)
    public static Object register(Object registry, Object key, Object value) {
        return procshell.runtime.registry.Registry.register(reg(registry), term(key), term(value));
    }

    /**
     * Removes the caller's entries under {@code key}, as {@code Registry.unregister/2}.
     *
     * <pre>{@code Registry.unregister(MyReg, "a")   # :ok}</pre>
     */
    @Doc("""
        Unregisters all entries of the current process under the key; returns :ok.
        """)
    public static Atom unregister(Object registry, Object key) {
        return procshell.runtime.registry.Registry.unregister(reg(registry), term(key));
    }

    /**
     * Removes the caller's entries under {@code key} whose value matches, as {@code Registry.unregister_match/3}.
     *
     * <pre>{@code Registry.unregister_match(MyPubSub, "topic", :one)   # :ok}</pre>
     */
    @Doc("""
        Unregisters the current process's entries under the key whose value matches
        the pattern (and guards); returns :ok.
        """)
    public static Atom unregister_match(Object registry, Object key, Object pattern) {
        return unregister_match(registry, key, pattern, List.of());
    }

    /**
     * As {@code Registry.unregister_match/4}, with match-spec guards.
     *
     * <pre>{@code Registry.unregister_match(MyPubSub, "topic", {:"$1", :_}, [{:<, :"$1", 2}])   # :ok}</pre>
     */
    public static Atom unregister_match(Object registry, Object key, Object pattern, Object guards) {
        return procshell.runtime.registry.Registry.unregisterMatch(reg(registry), term(key), term(pattern), list(guards, "Registry.unregister_match", 4));
    }

    /**
     * Changes the value the caller registered under {@code key}, as {@code Registry.update_value/3}.
     *
     * <pre>{@code Registry.update_value(MyReg, "a", fn v -> v + 1 end)   # {2, 1}}</pre>
     *
     * @return {@code {new, old}} or {@code :error}
     */
    @Doc("""
        Updates the value of the current process's entry under a unique key.

        Returns {new_value, old_value}, or :error when the process has no entry.
        """)
    public static Object update_value(Object registry, Object key, Object fun) {
        Closure<?> callback = Args.fun(fun, "Registry.update_value", 3);
        return procshell.runtime.registry.Registry.updateValue(reg(registry), term(key), v -> Values.normalize(callback.call(v)));
    }

    // ---- reading ----------------------------------------------------------------------------------

    /**
     * The {@code {pid, value}} entries under {@code key}, as {@code Registry.lookup/2}.
     *
     * <pre>{@code Registry.lookup(MyReg, "a")   # [{#PID<0.108.0>, 1}]}</pre>
     */
    @Doc("""
        Finds the {pid, value} pairs registered under the key, in no particular order.

        An empty list if there is no match.

        ## Examples

            ps> Registry.lookup(MyRegistry, "room-1")
            [{#PID<0.108.0>, :lobby}]
        """)
    public static List<Tuple> lookup(Object registry, Object key) {
        return procshell.runtime.registry.Registry.lookup(reg(registry), term(key));
    }

    /**
     * The keys {@code pid} is registered under, as {@code Registry.keys/2}.
     *
     * <pre>{@code Registry.keys(MyReg, self())   # ["a"]}</pre>
     */
    @Doc("""
        Returns the keys under which the given process is registered.
        """)
    public static List<Object> keys(Object registry, Object pid) {
        return procshell.runtime.registry.Registry.keys(reg(registry), Args.pid(pid, "Registry.keys", 2));
    }

    /**
     * The values {@code pid} registered under {@code key}, as {@code Registry.values/3}.
     *
     * <pre>{@code Registry.values(MyReg, "a", self())   # [1]}</pre>
     */
    @Doc("""
        Reads the values of the given process's entries under the key.
        """)
    public static List<Object> values(Object registry, Object key, Object pid) {
        return procshell.runtime.registry.Registry.values(reg(registry), term(key), Args.pid(pid, "Registry.values", 3));
    }

    /**
     * The entries under {@code key} whose value matches {@code pattern}, as {@code Registry.match/3}.
     *
     * <pre>{@code Registry.match(MyPubSub, "topic", :one)   # [{#PID<0.108.0>, :one}]}</pre>
     */
    @Doc("""
        Returns the {pid, value} entries under the key whose value matches the
        pattern (and guards, as in match specs).
        """)
    public static List<Tuple> match(Object registry, Object key, Object pattern) {
        return match(registry, key, pattern, List.of());
    }

    /**
     * As {@code Registry.match/4}, with match-spec guards.
     *
     * <pre>{@code Registry.match(MyPubSub, "other", %{x: :"$1"}, [{:>, :"$1", 0}])   # [{#PID<0.108.0>, %{x: 1}}]}</pre>
     */
    public static List<Tuple> match(Object registry, Object key, Object pattern, Object guards) {
        return procshell.runtime.registry.Registry.match(reg(registry), term(key), term(pattern), list(guards, "Registry.match", 4));
    }

    /**
     * How many entries under {@code key} match {@code pattern}, as {@code Registry.count_match/3}.
     *
     * <pre>{@code Registry.count_match(MyPubSub, "topic", :_)   # 2}</pre>
     */
    @Doc("""
        Returns the number of entries under the key whose value matches the pattern.
        """)
    public static long count_match(Object registry, Object key, Object pattern) {
        return count_match(registry, key, pattern, List.of());
    }

    /** As {@code Registry.count_match/4}, with match-spec guards. */
    public static long count_match(Object registry, Object key, Object pattern, Object guards) {
        return procshell.runtime.registry.Registry.countMatch(reg(registry), term(key), term(pattern), list(guards, "Registry.count_match", 4));
    }

    /**
     * Runs a match specification over {@code {key, pid, value}} entries, as {@code Registry.select/2}.
     *
     * <pre>{@code Registry.select(MyReg, [{{:"$1", :"$2", :"$3"}, [], [{{:"$1", :"$2", :"$3"}}]}])   # [{"a", #PID<0.108.0>, 1}]}</pre>
     */
    @Doc("""
        Selects entries with a match spec of {{key, pid, value}, guards, body} tuples.
        """)
    public static List<Object> select(Object registry, Object spec) {
        return procshell.runtime.registry.Registry.select(reg(registry), list(spec, "Registry.select", 2));
    }

    /**
     * How many entries a match specification returns {@code true} for, as {@code Registry.count_select/2}.
     *
     * <pre>{@code Registry.count_select(MyReg, [{{:_, :_, :_}, [], [true]}])   # 1}</pre>
     */
    @Doc("""
        Returns the number of entries a match spec selects.
        """)
    public static long count_select(Object registry, Object spec) {
        return procshell.runtime.registry.Registry.countSelect(reg(registry), list(spec, "Registry.count_select", 2));
    }

    /**
     * The number of entries, as {@code Registry.count/1}.
     *
     * <pre>{@code Registry.count(MyReg)   # 1}</pre>
     */
    @Doc("""
        Returns the number of registered keys in the registry.
        """)
    public static long count(Object registry) {
        return procshell.runtime.registry.Registry.count(reg(registry));
    }

    /**
     * The live pid under a via name, as {@code Registry.whereis_name({registry, key})}.
     *
     * <pre>{@code Registry.whereis_name({MyReg, "a"})   # #PID<0.108.0>, or :undefined}</pre>
     */
    @Doc("""
        Finds the pid of a {registry, key} name (the via interface); :undefined if none.
        """)
    public static Object whereis_name(Object name) {
        if (!(term(name) instanceof Tuple t)) throw new IllegalArgumentException("no function clause matching in Registry.whereis_name/1");
        return procshell.runtime.registry.Registry.whereisName(t);
    }

    // ---- dispatch ---------------------------------------------------------------------------------

    /**
     * Calls {@code fun} with the {@code [{pid, value}]} entries under {@code key}, as
     * {@code Registry.dispatch/3}; {@code fun} is {@code fn entries -> ... end} or
     * {@code {module, function, args}} (called with the entries first).
     *
     * <pre>{@code Registry.dispatch(MyPubSub, "topic", fn entries -> Enum.each(entries, fn e -> send(elem(e, 0), :hi) end) end)   # :ok}</pre>
     */
    @Doc("""
        Invokes the callback with all entries under the key in each partition.

        The callback receives a list of {pid, value} pairs; used for PubSub:
        send a message to every subscriber. Returns :ok.

        ## Examples

            ps> Registry.dispatch(PubSub, "topic", fn entries -> for {pid, _} <- entries, do: send(pid, :news) end)
            :ok
        """)
    public static Atom dispatch(Object registry, Object key, Object fun) {
        return dispatch(registry, key, fun, List.of());
    }

    /** As {@code Registry.dispatch/4}: {@code parallel: true} runs each partition's call in its own process. */
    public static Atom dispatch(Object registry, Object key, Object fun, Object options) {
        boolean parallel = Boolean.TRUE.equals(Options.of(options).get("parallel"));
        return procshell.runtime.registry.Registry.dispatch(reg(registry), term(key), callback(fun), parallel);
    }

    /** {@code Registry.dispatch(MyPubSub, "topic", fun, parallel: true)}: Groovy passes the named options first. */
    public static Atom dispatch(Map<?, ?> options, Object registry, Object key, Object fun) {
        return dispatch(registry, key, fun, options);
    }

    private static Consumer<List<Tuple>> callback(Object fun) {
        if (fun instanceof Closure<?> c) return entries -> c.call(entries);
        if (term(fun) instanceof Tuple mfa && mfa.size() == 3 && mfa.get(0) instanceof Atom m && mfa.get(1) instanceof Atom f
                && mfa.get(2) instanceof List<?> args) {
            IexSession s = IexSession.current();
            return entries -> {
                List<Object> all = new ArrayList<>();
                all.add(entries);
                all.addAll(args);
                try {
                    ChildSpecs.resolver(s).apply(m, f, all);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        throw new IllegalArgumentException("no function clause matching in Registry.dispatch/4");
    }

    // ---- metadata ---------------------------------------------------------------------------------

    /**
     * The registry's metadata under {@code key} (an atom or tuple), as {@code Registry.meta/2}.
     *
     * <pre>{@code Registry.meta(MyReg, :custom_key)   # {:ok, "custom_value"} or :error}</pre>
     */
    @Doc("""
        Reads registry metadata given on start_link: {:ok, value} or :error.
        """)
    public static Object meta(Object registry, Object key) {
        return procshell.runtime.registry.Registry.meta(reg(registry), term(key));
    }

    /**
     * Stores metadata, as {@code Registry.put_meta/3}.
     *
     * <pre>{@code Registry.put_meta(MyReg, :custom_key, "new")   # :ok}</pre>
     */
    @Doc("""
        Stores registry metadata under a key; returns :ok.
        """)
    public static Atom put_meta(Object registry, Object key, Object value) {
        return procshell.runtime.registry.Registry.putMeta(reg(registry), term(key), term(value));
    }

    /**
     * Deletes metadata, as {@code Registry.delete_meta/2}.
     *
     * <pre>{@code Registry.delete_meta(MyReg, :custom_key)   # :ok}</pre>
     */
    @Doc("""
        Deletes registry metadata under a key; returns :ok.
        """)
    public static Atom delete_meta(Object registry, Object key) {
        return procshell.runtime.registry.Registry.deleteMeta(reg(registry), term(key));
    }

    // ---- conversions ------------------------------------------------------------------------------

    /** A shell value as a term: classes become module atoms (deeply in tuples), GStrings strings. */
    private static Object term(Object value) {
        return IexSession.current().modules().nameTerm(value);
    }

    /** A registry name: an atom, as Elixir's {@code when is_atom(registry)} guards require. */
    private static Atom reg(Object registry) {
        Object r = term(registry);
        if (r instanceof Atom a) return a;
        throw new IllegalArgumentException("unknown registry: " + procshell.runtime.inspect.Inspect.inspect(r));
    }

    /**
     * A match spec or guard list as terms; anything else fails {@code function}'s
     * {@code when is_list(...)} guard, Elixir's FunctionClauseError.
     */
    private static List<?> list(Object value, String function, int arity) {
        Object v = term(value);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(term(o));
            return out;
        }
        throw new FunctionClauseError(function, arity);
    }

    /**
     * Options as the runtime's keyword list, names and listeners as atoms; {@code meta: [k: v]}
     * (a Groovy map) becomes the keyword list {@code [k: v]}.
     */
    private static List<Tuple> keyword(Object options) {
        List<Tuple> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : Options.of(options).entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "name" -> v = term(v);
                case "listeners" -> v = v instanceof List<?> l ? l.stream().map(Registry::term).toList() : v;
                case "meta" -> v = metaKeyword(v);
                default -> { }
            }
            out.add(Tuple.of(Atom.of(e.getKey()), v));
        }
        return out;
    }

    private static Object metaKeyword(Object v) {
        if (!(v instanceof Map<?, ?> m)) return v;
        List<Tuple> kw = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey() instanceof String s ? Atom.of(s) : e.getKey();
            kw.add(Tuple.of(k, term(e.getValue())));
        }
        return kw;
    }
}
