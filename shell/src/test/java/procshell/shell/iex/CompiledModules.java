package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import groovy.lang.GroovyClassLoader;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;

/**
 * A node whose test thread is a process, with modules of the shape the Elixir compiler emits
 * (a Groovy class annotated {@code @ElixirName} with public static functions) defined in its
 * session's module table. Module sources may use {@link #PRELUDE}'s helpers: {@code a("ok")} is
 * an atom, {@code m("MyApp.Hello")} a module atom, {@code t(...)} a tuple, {@code kw(k, v, ...)}
 * a keyword list, {@code map(k, v, ...)} a map with atom keys.
 */
final class CompiledModules implements AutoCloseable {
    static final String PRELUDE = "import static procshell.shell.iex.CompiledModules.*\n";

    final Node node = new Node();
    final IexSession session;
    private final GroovyClassLoader loader = new GroovyClassLoader(CompiledModules.class.getClassLoader());

    CompiledModules() {
        node.attach();
        session = IexSession.of(node);
    }

    /** Compiles one module's class and defines it, as the shell does after a defmodule. */
    Class<?> define(String source) {
        Class<?> cls = loader.parseClass(PRELUDE + source);
        session.modules().define(Atom.module(Modules.moduleName(cls)), cls);
        return cls;
    }

    /** Evaluates a Groovy expression (with the prelude's helpers), e.g. a closure as compiled {@code fn} gives. */
    Object eval(String groovy) {
        return new groovy.lang.GroovyShell(loader).evaluate(PRELUDE + groovy);
    }

    /** The term as iex prints it, pids masked as {@code #PID<>}. */
    String show(Object term) {
        return session.inspect(term).replaceAll("#PID<[0-9.]+>", "#PID<>");
    }

    @Override
    public void close() {
        node.detach();
        IexSession.forget(node);
        node.shutdown();
    }

    // ---- term helpers for module sources and tests --------------------------------------------

    /** An atom. */
    public static Atom a(String name) {
        return Atom.of(name);
    }

    /** A module atom: {@code m("MyApp.Hello")} is {@code MyApp.Hello}. */
    public static Atom m(String name) {
        return Atom.module(name);
    }

    /** A tuple. */
    public static Tuple t(Object... elements) {
        return Tuple.of(elements);
    }

    /** A keyword list from alternating keys (names) and values. */
    public static List<Object> kw(Object... kv) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) out.add(Tuple.of(Atom.of((String) kv[i]), kv[i + 1]));
        return out;
    }

    /** A map from alternating atom-key names and values. */
    public static MapTerm map(Object... kv) {
        MapTerm out = new MapTerm();
        for (int i = 0; i < kv.length; i += 2) out.put(Atom.of((String) kv[i]), kv[i + 1]);
        return out;
    }

    /** A list. */
    public static List<Object> list(Object... elements) {
        return new ArrayList<>(java.util.Arrays.asList(elements));
    }
}
