package procshell.runtime.node;

import java.util.List;
import java.util.Objects;

import procshell.runtime.process.ErlangError;

/**
 * The exit reason of a process that died of an error, {@code {reason, stacktrace}}, as the BEAM
 * builds it: the error's Erlang term ({@code :badarith}, {@code {:badmatch, :error}}, or the struct
 * of an exception raised by Elixir code, {@code %RuntimeError{message: "boom"}}) and the
 * stacktrace as a list of frames. It is an ordinary 2-tuple to everyone who matches, compares or
 * prints it; it also keeps the Java throwable and its stack it was made of ({@link #exception()},
 * {@link #javaStack()}), so that whoever formats it (a crash report, {@code Exception.format_exit})
 * can say everything the error knows.
 *
 * <p>The runtime does not know what a throwable stands for in Erlang; whoever does (the shell)
 * says so once with {@link #setErrorTerms}. Until then the reason is {@code {throwable,
 * [StackTraceElement...]}}, with an {@link ErlangError}'s own reason in place of the throwable.
 * Both elements are worked out when first read.
 */
public final class ErrorReason extends Tuple {
    /**
     * What a throwable is on the BEAM, filled by the shell: the inverse of Elixir's
     * {@code ErlangError.normalize/2} ({@code Exception.normalize/3}).
     */
    public interface ErrorTerms {
        /**
         * The error term the BEAM puts in an exit reason for this throwable: an Erlang error
         * ({@code :badarith}, {@code {:badkey, :a}}, {@code :undef}, {@code {:nocatch, value}}) for
         * what the BEAM raises itself, the exception's struct for what Elixir code raised.
         */
        Object error(Throwable t);

        /**
         * The stacktrace as the BEAM's list of {@code {module, function, arity_or_args, location}}
         * frames.
         *
         * @param t     the throwable
         * @param stack its Java stack
         */
        List<Object> stacktrace(Throwable t, List<StackTraceElement> stack);
    }

    /** Until the shell says otherwise: an ErlangError's reason, else the throwable; the Java frames as they are. */
    private static final ErrorTerms RAW = new ErrorTerms() {
        @Override
        public Object error(Throwable t) {
            return t instanceof ErlangError e ? e.reason() : t;
        }

        @Override
        public List<Object> stacktrace(Throwable t, List<StackTraceElement> stack) {
            return List.copyOf(stack);
        }
    };

    private static volatile ErrorTerms terms = RAW;

    private final Throwable exception;
    private final List<StackTraceElement> javaStack;
    private final ErrorTerms mapping;
    /** Worked out when first read; volatile so that another process reads a whole term. */
    private volatile Object error;
    private volatile List<Object> stacktrace;

    private ErrorReason(Throwable exception, List<StackTraceElement> javaStack, ErrorTerms mapping) {
        this.exception = exception;
        this.javaStack = javaStack;
        this.mapping = mapping;
    }

    /**
     * The exit reason {@code {reason, stacktrace}} of a process that dies of {@code t} (with the
     * stack {@code t} was raised at), as the BEAM gives it in {@code :DOWN} and {@code :EXIT}
     * messages, to {@code terminate/2} and in {@code {:error, reason}} of a failed {@code init/1}.
     *
     * @param t the error nothing caught
     * @return the reason, a 2-tuple
     */
    public static ErrorReason of(Throwable t) {
        return of(t, terms);
    }

    /** As {@link #of(Throwable)}, with this mapping instead of the one {@link #setErrorTerms} set. */
    static ErrorReason of(Throwable t, ErrorTerms mapping) {
        return new ErrorReason(Objects.requireNonNull(t), List.of(t.getStackTrace()), mapping);
    }

    /**
     * Sets what throwables are in Erlang terms for the reasons made from now on (the shell calls it
     * once, as it starts).
     *
     * @param mapping the mapping, or null for the runtime's own (the throwable itself, the Java frames)
     */
    public static void setErrorTerms(ErrorTerms mapping) {
        terms = mapping == null ? RAW : mapping;
    }

    /** The throwable the process died of. */
    public Throwable exception() {
        return exception;
    }

    /** The Java stack the throwable was raised at, innermost first. */
    public List<StackTraceElement> javaStack() {
        return javaStack;
    }

    /**
     * The throwable a reason was made of, when it is an {@link ErrorReason}; else null (a reason
     * made by {@code exit/1}, or one that came from another node).
     */
    public static Throwable exceptionOf(Object reason) {
        return reason instanceof ErrorReason r ? r.exception : null;
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Object get(int index) {
        return switch (index) {
            case 0 -> error();
            case 1 -> stacktrace();
            default -> throw SmallTuples.outside(index, 2);
        };
    }

    private Object error() {
        Object e = error;
        if (e == null) {
            e = mapping.error(exception);
            error = e; // the same term however many threads work it out
        }
        return e;
    }

    private List<Object> stacktrace() {
        List<Object> s = stacktrace;
        if (s == null) {
            s = List.copyOf(mapping.stacktrace(exception, javaStack));
            stacktrace = s;
        }
        return s;
    }
}
