package procshell.shell.iex;

import java.util.Map;

import procshell.runtime.node.Atom;

/**
 * Elixir's {@code Exception} module: an exception's message and its banner. An exception is an
 * exception struct ({@code %MyError{}}, {@link ExceptionStructs}) or an error the shell raised
 * for one of Elixir's own, which stands for its struct.
 */
@Doc("""
    Functions to work with exceptions: Exception.message(e), Exception.format(kind, e),
    Exception.format_banner(kind, e), Exception.exception?(term).
    """)
@ElixirName("Exception")
public final class ElixirException {
    private static final Atom ERROR = Atom.of("error");
    private static final Atom THROW = Atom.of("throw");
    private static final Atom EXIT = Atom.of("exit");

    private ElixirException() {}

    /**
     * As {@code Exception.message/1}: what the exception's module says of it, through its
     * {@code message/1} for one defined by {@code defexception}.
     *
     * <pre>{@code
     * Exception.message(%RuntimeError{message: "boom"})   # "boom"
     * }</pre>
     *
     * @throws FunctionClauseError when the term is no exception
     */
    @Doc("Gets the message for an exception.")
    public static String message(Object exception) {
        if (exception instanceof Throwable t) return Ops.exceptionMessage(t);
        if (!ExceptionStructs.isStruct(exception)) throw new FunctionClauseError("Exception.message", 1);
        Map<?, ?> struct = (Map<?, ?>) exception;
        Atom module = (Atom) struct.get(ExceptionStructs.STRUCT);
        if (ExceptionStructs.isBuiltIn(module)) {
            Object m = struct.get(ExceptionStructs.MESSAGE);
            return m instanceof String s ? s : Kernel.inspect(exception);
        }
        Object text;
        try {
            text = Ops.call(module, "message", exception);
        } catch (RuntimeException e) {
            return "got " + procshell.shell.inspect.ErrorFormatter.elixirName(e) + " with message " + Kernel.inspect(Ops.exceptionMessage(e))
                    + " while retrieving Exception.message/1 for " + Kernel.inspect(exception);
        }
        if (text instanceof String s) return s;
        return "got " + Kernel.inspect(text) + " while retrieving Exception.message/1 for " + Kernel.inspect(exception)
                + " (expected a string)";
    }

    /**
     * As {@code Exception.format_banner/2}: {@code "** (RuntimeError) boom"} for an error,
     * {@code "** (throw) :value"} for a throw, {@code "** (exit) normal"} for an exit.
     */
    @Doc("Normalizes and formats the banner of an error, exit or throw.")
    public static String format_banner(Object kind, Object value) {
        if (ERROR.equals(kind)) return "** (" + name(value) + ") " + message(value);
        if (THROW.equals(kind)) return "** (throw) " + Kernel.inspect(value);
        // Exception.format_exit/1 writes an atom reason as its bare name ("** (exit) normal")
        if (EXIT.equals(kind)) return "** (exit) " + (value instanceof Atom a ? a.name() : Kernel.inspect(value));
        throw new FunctionClauseError("Exception.format_banner", 3);
    }

    /** As {@code Exception.format_banner/3}; the stacktrace does not change a banner. */
    @Doc("Normalizes and formats the banner of an error, exit or throw.")
    public static String format_banner(Object kind, Object value, Object stacktrace) {
        return format_banner(kind, value);
    }

    /** As {@code Exception.format/2}: the banner, with no stacktrace to follow it. */
    @Doc("Normalizes and formats an error, exit or throw with its stacktrace.")
    public static String format(Object kind, Object value) {
        return format_banner(kind, value);
    }

    /** As {@code Exception.format/3} with an empty stacktrace: the banner. */
    @Doc("Normalizes and formats an error, exit or throw with its stacktrace.")
    public static String format(Object kind, Object value, Object stacktrace) {
        return format_banner(kind, value);
    }

    /** As {@code Exception.exception?/1}: true for an exception struct. */
    @Doc("Returns true if the given term is an exception.")
    public static boolean exception_qm(Object term) {
        return term instanceof Throwable || ExceptionStructs.isStruct(term);
    }

    private static String name(Object exception) {
        if (exception instanceof Throwable t) return procshell.shell.inspect.ErrorFormatter.elixirName(t);
        if (!ExceptionStructs.isStruct(exception)) throw new FunctionClauseError("Exception.message", 1);
        return Kernel.inspect(((Map<?, ?>) exception).get(ExceptionStructs.STRUCT));
    }
}
