package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;

/**
 * Finds a protocol's implementation for a term, as Elixir does before protocols are consolidated:
 * by the name of a module, the protocol's name followed by the term's struct
 * ({@code Size.User}) or built-in type ({@code Size.BitString}, {@code Size.Integer}, ...),
 * falling back to {@code Size.Any} when the protocol says {@code @fallback_to_any true}. The
 * modules {@code defprotocol} and {@code defimpl} define
 * ({@link procshell.shell.elixir.compiler.ProtocolExpansion}) call it; the shell's
 * {@code to_string}, string interpolation and {@code inspect} ask it for a struct's
 * {@code String.Chars} and {@code Inspect} implementations.
 */
@Doc("""
    Protocols: defprotocol declares one, defimpl implements it for a type or struct;
    dispatch finds the implementation module by name (Size.BitString, Size.User).
    """)
@ElixirName("Protocol")
public final class ElixirProtocol {
    private ElixirProtocol() {}

    /**
     * As {@code Protocol.consolidated?/1}: false, as in iex and {@code elixir} outside Mix, where
     * no protocol is consolidated and implementations are found by name at each call.
     */
    @Doc("""
        True when the protocol was consolidated; outside Mix, as in iex, none is.
        """)
    public static boolean consolidated_qm(Object protocol) {
        return false;
    }

    /**
     * The implementation module of {@code protocol} for {@code term}, or nil: what a protocol's
     * {@code impl_for/1} returns.
     *
     * @param protocol the protocol's module atom ({@code Size})
     * @param fallback whether the protocol falls back to its {@code Any} implementation
     */
    public static Atom _impl_for_(Object protocol, Object term, Object fallback) {
        return implementation((Atom) protocol, Values.normalize(term), Boolean.TRUE.equals(fallback));
    }

    /**
     * As {@link #_impl_for_}, for {@code impl_for!/1}.
     *
     * @throws ProtocolUndefinedError when there is no implementation: {@code protocol Size not
     *                                implemented for [1, 2, 3] of type List}
     */
    public static Atom _impl_for_strict_(Object protocol, Object term, Object fallback) {
        Object t = Values.normalize(term);
        Atom impl = implementation((Atom) protocol, t, Boolean.TRUE.equals(fallback));
        if (impl != null) return impl;
        Atom struct = Structs.structOf(t);
        String name = procshell.runtime.inspect.Inspect.inspectAtom((Atom) protocol);
        if (struct != null) throw new ProtocolUndefinedError(name, t, procshell.runtime.inspect.Inspect.inspectAtom(struct) + " (a struct)");
        throw new ProtocolUndefinedError(name, t, Enumerables.typeName(t));
    }

    /**
     * The implementation module, or null: {@code Protocol.Struct} for a struct, else
     * {@code Protocol.Type} for its built-in type; then {@code Protocol.Any} when {@code fallback}.
     */
    static Atom implementation(Atom protocol, Object term, boolean fallback) {
        Modules modules = modules();
        if (modules == null) return null;
        Atom struct = Structs.structOf(term);
        String type = struct != null ? struct.name().substring("Elixir.".length()) : Enumerables.typeName(term);
        Atom impl = Atom.of(protocol.name() + "." + type);
        if (modules.isDefined(impl)) return impl;
        if (fallback) {
            Atom any = Atom.of(protocol.name() + ".Any");
            if (modules.isDefined(any)) return any;
        }
        return null;
    }

    /**
     * A struct's implementation of a protocol the shell itself uses ({@code String.Chars},
     * {@code Inspect}), or null when the term is no struct or has none.
     *
     * @param protocol {@code "String.Chars"} or {@code "Inspect"}
     */
    static Atom structImplementation(String protocol, Object term) {
        if (Structs.structOf(term) == null) return null;
        return implementation(Atom.of("Elixir." + protocol), term, false);
    }

    /** Calls a function of an implementation module, also from a thread that is no process (the console printing). */
    static Object call(Atom impl, String function, Object... args) {
        return Values.normalize(modules().apply(impl, Modules.javaName(function), args));
    }

    /** The modules of the calling process's node, or of the session printing a result on this thread. */
    private static Modules modules() {
        ProcessContext c = ProcessContext.current();
        if (c != null) return IexSession.of(c.node()).modules();
        IexSession printing = IexSession.inspecting();
        return printing == null ? null : printing.modules();
    }

    /**
     * A struct printed by its own {@code Inspect} implementation ({@code defimpl Inspect, for:
     * Point}), or null when it has none or its {@code inspect/2} did not return a string (an
     * algebra document, an error): the struct then prints as a struct.
     *
     * @param opts the options the implementation receives as {@code %Inspect.Opts{}}
     */
    static String inspect(Object term, procshell.runtime.inspect.InspectOptions opts) {
        Atom impl = structImplementation("Inspect", term);
        if (impl == null) return null;
        MapTerm options = new MapTerm();
        options.put(Atom.of("__struct__"), Atom.of("Elixir.Inspect.Opts"));
        options.put(Atom.of("limit"), 50);
        options.put(Atom.of("pretty"), false);
        options.put(Atom.of("width"), 80);
        options.put(Atom.of("structs"), true);
        try {
            return call(impl, "inspect", term, options) instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
