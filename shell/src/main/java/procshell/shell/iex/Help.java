package procshell.shell.iex;

/** The text of {@code h/0} and {@code h/1} (rendered by {@link Docs}). */
final class Help {
    private Help() {}

    /** Docs for the session's width, in colour when its results are. */
    private static Docs docs() {
        IexSession s = IexSession.current();
        return new Docs(s.width(), !s.inspectOptions().syntaxColors().isEmpty());
    }

    static String overview() {
        return docs().overview();
    }

    /** The text of {@code h(Registry.lookup)}: the reference as typed, {@code "Registry.lookup"}. */
    static String about(String reference) {
        return docs().about(reference);
    }

    /**
     * The text of {@code h(value)}: a module's class has docs; any other value (a string, a
     * number) gets iex's answer, which points to {@code i/1}.
     */
    static String aboutValue(Object subject) {
        if (subject instanceof Class<?> c) return docs().about(c);
        return "The \"h\" helper expects a Module, Module.fun or Module.fun/arity, got: " + Kernel.inspect(subject) + "\n"
                + "If instead of accessing documentation you would like more information about a value or about the result"
                + " of an expression, use the \"i\" helper instead\n";
    }
}
