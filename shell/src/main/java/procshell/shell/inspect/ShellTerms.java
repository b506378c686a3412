package procshell.shell.inspect;

import groovy.lang.Closure;
import groovy.lang.GString;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectFallback;
import procshell.shell.iex.Modules;

/**
 * How the shell's own values print inside terms: classes as module names ({@code HelloServer}),
 * closures as {@code #Function<...>}, structs as {@code %Name{a: 1}}, integer ranges as {@code 1..3}, exceptions as Elixir exception structs.
 */
public final class ShellTerms {
    private static final procshell.runtime.node.Atom STRUCT = procshell.runtime.node.Atom.of("__struct__");
    private static final InspectFallback FALLBACK = (term, opts) -> {
        if (term instanceof Class<?> c) return Modules.moduleName(c);
        if (term instanceof Closure<?> c) return FunLabel.of(c);
        String struct = procshell.shell.iex.StructInspect.INSTANCE.inspect(term, opts);
        if (struct != null) return struct;
        if (term instanceof java.util.Map<?, ?> m && m.get(STRUCT) instanceof procshell.runtime.node.Atom a && a.name().startsWith("Elixir.")) {
            // a struct %Name{...}: the map without its __struct__ key, named
            java.util.Map<Object, Object> fields = new java.util.LinkedHashMap<>(m);
            fields.remove(STRUCT);
            // an exception's struct (one from another node): Elixir does not show __exception__
            if (Boolean.TRUE.equals(fields.get(procshell.runtime.node.Atom.of("__exception__")))) fields.remove(procshell.runtime.node.Atom.of("__exception__"));
            String inner = Inspect.inspect(fields, opts);
            return "%" + a.name().substring("Elixir.".length()) + inner.substring(1);
        }
        if (term instanceof GString g) return Inspect.inspect(g.toString(), opts);
        if (term instanceof Throwable t) {
            String msg = ErrorFormatter.message(t);
            return "%" + ErrorFormatter.elixirName(t) + "{message: " + Inspect.inspect(msg, opts) + "}";
        }
        if (term instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof StackTraceElement) {
            // a stacktrace in a value (a raising init's {:error, {exception, stacktrace}}): the BEAM's frames, no Java
            return Inspect.inspect(StackFormatter.stacktraceTerm(l), opts);
        }
        if (term instanceof StackTraceElement f) return Inspect.inspect(StackFormatter.stacktraceTerm(java.util.List.of(f)), opts);
        return null;
    };

    private ShellTerms() {}

    /** Makes these rules the process-wide default for inspecting. Idempotent. */
    public static void install() {
        Inspect.setDefaultFallback(FALLBACK);
    }
}
