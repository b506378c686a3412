package procshell.shell.iex;

import java.util.List;

import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Elixir's {@code IEx} module at the prompt: {@code IEx.configure/1} with the options that mean
 * something here, {@code IEx.configuration/0}, {@code IEx.dont_display_result/0},
 * {@code IEx.started?/0}.
 */
@Doc("""
    Elixir's interactive shell, here procshell: configure it with IEx.configure/1.

    The options that apply: :default_prompt and :alive_prompt (patterns with %prefix,
    %counter and %node), :width, :history_size (how far v/1 reaches), :inspect (the
    options results are inspected with) and :colors ([enabled: false] turns them off).
    Put IEx.configure/1 in .iex.exs to have it at every start.
    """)
public final class IEx {
    private IEx() {}

    /**
     * Configures the shell, as {@code IEx.configure/1}: a keyword list of options.
     *
     * @return {@code :ok}
     * @throws ArgumentError for an unknown option or a value of the wrong type
     */
    @Doc("""
        Configures the shell with a keyword list of options.

        ## Examples

            iex> IEx.configure(default_prompt: "%prefix(%counter)|", width: 100)
            :ok
        """)
    public static Atom configure(Object options) {
        if (!(options instanceof List<?> list)) throw new ArgumentError("expected a keyword list, got: " + Kernel.inspect(options));
        IexSession s = IexSession.current();
        IexConfig config = IexConfig.of(s);
        for (Object o : list) {
            if (!(o instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Atom key)) {
                throw new ArgumentError("expected a keyword list, got: " + Kernel.inspect(options));
            }
            if (key.name().equals("inspect")) s.setInspectOptions(inspect(s.inspectOptions(), t.get(1)));
            config.set(key, t.get(1));
        }
        return Atom.OK;
    }

    /** The options configured so far, as {@code IEx.configuration/0}. */
    @Doc("""
        Returns the options configured with configure/1, as a keyword list.
        """)
    public static List<Tuple> configuration() {
        return IexConfig.of(IexSession.current()).configuration();
    }

    /** What a helper returns so that the prompt prints no result, as {@code IEx.dont_display_result/0}. */
    @Doc("""
        Returns a value the shell does not print, for helpers that print their own output.
        """)
    public static Object dont_display_result() {
        return IexSession.NO_VALUE;
    }

    /** True: the shell is running, as {@code IEx.started?/0}. */
    @Doc("""
        Returns true when the shell is running (always, here).
        """)
    public static boolean started_qm() {
        return true;
    }

    private static InspectOptions inspect(InspectOptions base, Object options) {
        if (!(options instanceof List<?> list)) throw new ArgumentError("invalid value " + Kernel.inspect(options) + " for configuration :inspect");
        InspectOptions o = base;
        for (Object e : list) {
            if (!(e instanceof Tuple t) || t.size() != 2 || !(t.get(0) instanceof Atom k)) continue;
            Object v = t.get(1);
            o = switch (k.name()) {
                case "limit" -> v instanceof Integer i ? o.withLimit(i) : Atom.of("infinity").equals(v) ? o.withLimit(InspectOptions.INFINITY) : o;
                case "printable_limit" -> v instanceof Integer i ? o.withPrintableLimit(i) : o;
                case "pretty" -> v instanceof Boolean b ? o.withPretty(b) : o;
                case "width" -> v instanceof Integer i ? o.withWidth(i) : o;
                case "charlists" -> Atom.of("as_lists").equals(v) ? o.withCharlists(InspectOptions.Charlists.AS_LISTS)
                        : Atom.of("as_charlists").equals(v) ? o.withCharlists(InspectOptions.Charlists.AS_CHARLISTS) : o;
                default -> o;
            };
        }
        return o;
    }
}
