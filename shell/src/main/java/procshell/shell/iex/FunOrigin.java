package procshell.shell.iex;

/**
 * Where a fn of the shell comes from, which decides how the BEAM prints it: a capture of a
 * remote function prints as itself ({@code &Enum.map/2}), a fn written in a function of a module
 * names that function and its number among the module's funs
 * ({@code #Function<0.18581596/1 in M.a/0>}), and a fn typed at the prompt is an
 * {@code erl_eval} fun ({@code #Function<42.3316493/1 in :erl_eval.expr/6>}).
 */
public interface FunOrigin {
    /** A capture of a remote function as iex prints it, {@code "&Enum.map/2"}; null for any other fn. */
    String capture();

    /** The module it is written in, as Elixir shows it ({@code "M"}, {@code ":lower"}); null at the prompt. */
    String module();

    /** The function it is written in, as Elixir shows it ({@code "M.a/0"}); null at the prompt. */
    String definedIn();

    /** Its number among the module's funs, from 0 in the order they are written. */
    int index();
}
