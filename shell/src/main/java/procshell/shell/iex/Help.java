package procshell.shell.iex;

import java.util.List;

/** The text of {@code h/0} and {@code h/1} (rendered by {@link Docs}). */
final class Help {
    private Help() {}

    /** Docs for the session's width, in colour when its results are. */
    private static Docs docs() {
        IexSession s = IexSession.current();
        return new Docs(s.width(), !s.inspectOptions().syntaxColors().isEmpty());
    }

    static String overview() {
        return paged(docs().overview());
    }

    /** The text of {@code h(Registry.lookup)}: the reference as typed, {@code "Registry.lookup"}. */
    static String about(String reference) {
        return paged(docs().about(reference));
    }

    /**
     * Docs longer than the terminal is high go through the {@link Pager} (then nothing is left to
     * print); shorter ones, or any without a terminal (piped input), print as they are.
     */
    private static String paged(String text) {
        return Pager.page(IexSession.current().terminal(), text) ? "" : text;
    }

    /**
     * The text of {@code h(value)}: a module's class has docs; any other value (a string, a
     * number) gets iex's answer, which points to {@code i/1}.
     */
    static String aboutValue(Object subject) {
        if (subject instanceof Class<?> c) return paged(docs().about(c));
        return "The \"h\" helper expects a Module, Module.fun or Module.fun/arity, got: " + Kernel.inspect(subject) + "\n"
                + "If instead of accessing documentation you would like more information about a value or about the result"
                + " of an expression, use the \"i\" helper instead\n";
    }

    /**
     * The text of {@code t(Registry)} and {@code t(Registry.key)}: the public types as iex prints
     * them ({@code @type key() :: term()}, each followed by an empty line), from {@link DocFacts}.
     */
    static String types(String reference) {
        return declarations(reference, true);
    }

    /** The text of {@code b(GenServer)} and {@code b(GenServer.handle_call)}: the callbacks' {@code @callback} lines. */
    static String callbacks(String reference) {
        return declarations(reference, false);
    }

    private static String declarations(String reference, boolean types) {
        String ref = reference.strip().replaceFirst("/\\d+$", "");
        int dot = ref.lastIndexOf('.');
        String last = dot < 0 ? ref : ref.substring(dot + 1);
        boolean named = dot > 0 && !last.isEmpty() && !Character.isUpperCase(last.charAt(0));
        String module = named ? ref.substring(0, dot) : ref;
        String name = named ? last : null;
        if (ShellModules.find(module) == null) return "Could not load module " + module + ", got: nofile\n";
        List<String> found = types ? DocFacts.types(module, name) : DocFacts.callbacks(module, name);
        if (found.isEmpty()) {
            if (types) return "No type information for " + ref + " was found or " + ref + " is private\n";
            return name == null ? "No callbacks for " + module + " were found\n" : "No documentation for " + ref + " was found\n";
        }
        StringBuilder out = new StringBuilder();
        for (String d : found) out.append(d).append("\n\n");
        return paged(out.toString());
    }
}
