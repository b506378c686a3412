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
    }

    private static String message(Object function, Object[] args) {
        int arity = function instanceof groovy.lang.Closure<?> c ? c.getMaximumNumberOfParameters() : 0;
        StringJoiner given = new StringJoiner(", ", " (", ")");
        for (Object a : args) given.add(Kernel.inspect(a));
        String count = args.length == 1 ? "1 argument" : args.length + " arguments";
        return Kernel.inspect(function) + " with arity " + arity + " called with " + (args.length == 0 ? "no arguments" : count + given);
    }
}
