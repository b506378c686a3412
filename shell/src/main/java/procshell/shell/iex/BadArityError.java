package procshell.shell.iex;

import java.util.StringJoiner;

/**
 * Elixir's {@code BadArityError}: a function called with another number of arguments than it
 * takes. iex prints {@code ** (BadArityError) #Function<...> with arity 1 called with 2 arguments (1, 2)}.
 */
public final class BadArityError extends RuntimeException {
    /**
     * @param function the function called
     * @param args     the arguments it was given
     */
    public BadArityError(Object function, Object[] args) {
        super(message(function, args), null, false, true);
        this.function = function;
        this.args = java.util.Collections.unmodifiableList(java.util.Arrays.asList(args.clone())); // nil arguments too
    }

    private final transient Object function;
    private final transient java.util.List<Object> args;

    /** The function called (the BEAM's error is {@code {:badarity, {function, args}}}). */
    public Object function() {
        return function;
    }

    /** The arguments it was given. */
    public java.util.List<Object> args() {
        return args;
    }

    private static String message(Object function, Object[] args) {
        int arity = function instanceof groovy.lang.Closure<?> c ? c.getMaximumNumberOfParameters() : 0;
        StringJoiner given = new StringJoiner(", ", " (", ")");
        for (Object a : args) given.add(Kernel.inspect(a));
        String count = args.length == 1 ? "1 argument" : args.length + " arguments";
        return Kernel.inspect(function) + " with arity " + arity + " called with " + (args.length == 0 ? "no arguments" : count + given);
    }
}
