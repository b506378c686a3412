package procshell.shell.iex;

/** The text of {@code h/0} and {@code h/1} (rendered by {@link Docs}). */
final class Help {
    private Help() {}

    static String overview() {
        return new Docs(IexSession.current().width()).overview();
    }

    /**
     * The text of {@code h(subject)}: a reference as typed ({@code "Registry.lookup"}: the
     * translation passes {@code h(Registry.lookup)} as a string), or a module's class.
     */
    static String about(Object subject) {
        Docs docs = new Docs(IexSession.current().width());
        if (subject instanceof CharSequence ref) return docs.about(ref.toString());
        if (subject instanceof Class<?> c) return docs.about(c);
        return "Invalid arguments for h helper: " + Kernel.inspect(subject) + "\n";
    }
}
