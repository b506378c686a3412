package procshell.shell.iex;

/**
 * Elixir's {@code FunctionClauseError} for a shell module's function called with arguments none
 * of its clauses accepts ({@code Float.round(1)}); iex prints
 * {@code ** (FunctionClauseError) no function clause matching in Float.round/1}. When the
 * arguments are known (a compiled module's function, a {@code fn}), iex lists them below that
 * line ({@link #arguments()}); for a function of Elixir's own modules it lists the clauses too
 * ({@link #attempted()}, see {@link FunctionClauses}).
 */
@ElixirName("FunctionClauseError")
public final class FunctionClauseError extends RuntimeException implements BeamFrames {
    /**
     * @param function the function as Elixir names it, e.g. {@code Float.round}
     * @param arity    the number of arguments it was called with
     */
    public FunctionClauseError(String function, int arity) {
        super("no function clause matching in " + function + "/" + arity);
        this.function = function + "/" + arity;
        this.arguments = null;
        this.frames = java.util.List.of();
        this.attempted = java.util.List.of();
    }

    /**
     * The error of a compiled function or fn, with the arguments none of its clauses accepted.
     *
     * @param function  the function with its arity as Elixir names it, e.g. {@code MyApp.Hello.f/1},
     *                  {@code anonymous fn/1 in Foo.bar/0} or
     *                  {@code :erl_eval."-inside-an-interpreted-fun-"/1}
     * @param arguments the arguments it was called with
     */
    public FunctionClauseError(String function, java.util.List<Object> arguments) {
        this(function, arguments, java.util.List.of());
    }

    /**
     * As {@link #FunctionClauseError(String, java.util.List)}, with the stack lines iex shows under it.
     *
     * @param frames e.g. {@code iex:2: Foo.f/1}
     */
    public FunctionClauseError(String function, java.util.List<Object> arguments, java.util.List<String> frames) {
        this(function, arguments, frames, java.util.List.of());
    }

    /**
     * As {@link #FunctionClauseError(String, java.util.List, java.util.List)}, with the clauses iex
     * lists under "Attempted function clauses" for a function of Elixir's own modules.
     *
     * @param attempted the heading then the clause lines, e.g.
     *                  {@code Attempted function clauses (showing 1 out of 1):} and
     *                  {@code def at(enumerable, index, default) when is_integer(index)}
     */
    public FunctionClauseError(String function, java.util.List<Object> arguments, java.util.List<String> frames, java.util.List<String> attempted) {
        super("no function clause matching in " + function);
        this.frames = java.util.List.copyOf(frames);
        this.function = function;
        this.arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments)); // nil arguments are null;
        this.attempted = java.util.List.copyOf(attempted);
    }

    private final String function;
    private final java.util.List<String> attempted;

    /** The "Attempted function clauses" heading and clause lines iex prints, empty when it prints none. */
    public java.util.List<String> attempted() {
        return attempted == null ? java.util.List.of() : attempted;
    }
    private final java.util.List<String> frames;

    @Override
    public java.util.List<String> beamFrames() {
        return frames;
    }

    private final transient java.util.List<Object> arguments;

    /** The function and arity, e.g. {@code Foo.f/1}. */
    public String function() {
        return function;
    }

    /** The arguments the function was given, or null when not known. */
    public java.util.List<Object> arguments() {
        return arguments;
    }
}
