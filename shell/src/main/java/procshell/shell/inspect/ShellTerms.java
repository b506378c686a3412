package procshell.shell.inspect;

import groovy.lang.Closure;
import groovy.lang.GString;
import procshell.runtime.inspect.Doc;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectFallback;
import procshell.shell.iex.Modules;

/**
 * How the shell's own values print inside terms: classes as module names ({@code HelloServer}),
 * closures as {@code #Function<...>}, structs as {@code %Name{a: 1}}, integer ranges as {@code 1..3}, exceptions as Elixir exception structs.
 */
public final class ShellTerms {
    private static final procshell.runtime.node.Atom STRUCT = procshell.runtime.node.Atom.of("__struct__");
    private static final InspectFallback TEXT = (term, opts) -> {
        if (term instanceof Class<?> c) return Modules.moduleName(c);
        if (term instanceof Closure<?> c) return FunLabel.of(c);
        String own = procshell.shell.iex.StructInspect.INSTANCE.own(term, opts);
        if (own != null) return own;
        String struct = procshell.shell.iex.StructInspect.INSTANCE.inspect(term, opts);
        if (struct != null) return struct;
        if (term instanceof GString g) return Inspect.inspect(g.toString(), opts);
        return null;
    };

    /** The shell's values as text ({@link #TEXT}), and structs as documents that break as maps do. */
    private static final InspectFallback FALLBACK = new InspectFallback() {
        @Override
        public String inspect(Object term, procshell.runtime.inspect.InspectOptions opts) {
            Doc doc = toDoc(term, opts);
            return doc == null ? null : procshell.runtime.inspect.Algebra.format(doc, opts.layoutWidth());
        }

        @Override
        public Doc toDoc(Object term, procshell.runtime.inspect.InspectOptions opts) {
            if (term instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof StackTraceElement) {
                // a stacktrace in a value (a raising init's {:error, {exception, stacktrace}}): the BEAM's
                // frames, no Java, a list that breaks as any list does where it is nested
                return Inspect.toDoc(StackFormatter.stacktraceTerm(l), opts);
            }
            if (term instanceof StackTraceElement f) return Inspect.toDoc(StackFormatter.stacktraceTerm(java.util.List.of(f)), opts);
            if (term instanceof procshell.shell.iex.ThrownValue t) {
                // a throw nothing caught ends its process as the BEAM's error {:nocatch, value}
                return Inspect.toDoc(procshell.runtime.node.Tuple.of(procshell.runtime.node.Atom.of("nocatch"), t.value()), opts);
            }
            String text = TEXT.inspect(term, opts);
            if (text != null) return procshell.runtime.inspect.Algebra.text(text);
            // an error the shell raised prints as the exception struct it stands for
            return struct(term instanceof Throwable t ? procshell.shell.iex.StructInspect.INSTANCE.exceptionStruct(t) : term, opts);
        }
    };

    /** Elixir 1.14's own struct modules that are no exceptions, whose structs the shell prints as such without knowing their fields. */
    private static final java.util.Set<String> STDLIB_STRUCTS = java.util.Set.of("Date", "DateTime", "File.Stat", "File.Stream",
            "IO.Stream", "Inspect.Opts", "Macro.Env", "MapSet", "NaiveDateTime", "Range", "Regex", "Stream", "Task", "Time", "URI",
            "Version", "Version.Requirement");

    /**
     * A struct {@code %Name{...}}: its fields in their defstruct order when the shell defined it, else
     * sorted as a map's; null (a map) when, as Elixir's {@code Inspect.Any} finds, its module
     * defines no struct or one with other fields ({@code %{__struct__: Foo, a: 2}}).
     */
    private static Doc struct(Object term, procshell.runtime.inspect.InspectOptions opts) {
        if (!(term instanceof java.util.Map<?, ?> m && m.get(STRUCT) instanceof procshell.runtime.node.Atom a && a.name().startsWith("Elixir."))) return null;
        java.util.Map<Object, Object> fields = new java.util.LinkedHashMap<>(m);
        fields.remove(STRUCT);
        java.util.List<Object> order = procshell.shell.iex.StructInspect.INSTANCE.fieldOrder(a);
        // an exception's struct: Elixir does not show __exception__
        procshell.runtime.node.Atom exception = procshell.runtime.node.Atom.of("__exception__");
        if (Boolean.TRUE.equals(fields.get(exception))) fields.remove(exception);
        if (order != null) {
            java.util.Set<Object> declared = new java.util.HashSet<>(order);
            declared.remove(exception);
            if (!fields.keySet().equals(declared)) return null;
        } else if (!STDLIB_STRUCTS.contains(a.name().substring("Elixir.".length()))) {
            return null;
        }
        java.util.List<java.util.Map.Entry<?, ?>> entries = new java.util.ArrayList<>();
        if (order != null) {
            for (Object f : order) if (fields.containsKey(f)) entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(f, fields.remove(f)));
        }
        java.util.List<java.util.Map.Entry<?, ?>> rest = new java.util.ArrayList<>();
        fields.forEach((k, v) -> rest.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, v)));
        rest.sort((x, y) -> Inspect.compare(x.getKey(), y.getKey()));
        entries.addAll(rest);
        return Inspect.structDoc(a.name().substring("Elixir.".length()), entries, opts);
    }

    private ShellTerms() {}

    /** Makes these rules the process-wide default for inspecting, and for the terms of exit reasons made of errors. Idempotent. */
    public static void install() {
        Inspect.setDefaultFallback(FALLBACK);
        // a process that dies of an error ends with the BEAM's reason: {:badarith, [frames]}, {%RuntimeError{...}, [frames]}
        procshell.runtime.node.ErrorReason.setErrorTerms(ExitReasons.INSTANCE);
    }
}
