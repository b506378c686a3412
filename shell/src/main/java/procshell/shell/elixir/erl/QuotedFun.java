package procshell.shell.elixir.erl;

import java.util.Map;

/**
 * A fn of the shell that remembers what it was typed as, so that it can go to another node as an
 * {@code erl_eval} fun (as iex's fns do): its quoted form and the variables it could read.
 */
public interface QuotedFun {
    /** The fn's quoted form, {@code {:fn, meta, [{:->, meta, [args, body]}, ...]}}. */
    Object quoted();

    /**
     * The variables bound where the fn was made, by Elixir name, with the values the fn sees
     * (those it reads become the {@code erl_eval} fun's bindings).
     */
    Map<String, Object> bindings();
}
