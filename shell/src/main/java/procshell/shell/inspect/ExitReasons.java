package procshell.shell.inspect;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.ErrorReason;
import procshell.runtime.node.SystemLimitException;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.shell.iex.ArgumentError;
import procshell.shell.iex.ArithmeticError;
import procshell.shell.iex.BadArityError;
import procshell.shell.iex.BadBooleanError;
import procshell.shell.iex.BadFunctionError;
import procshell.shell.iex.BadMapError;
import procshell.shell.iex.CondClauseError;
import procshell.shell.iex.FunctionClauseError;
import procshell.shell.iex.KeyError;
import procshell.shell.iex.MatchError;
import procshell.shell.iex.ThrownValue;
import procshell.shell.iex.TryClauseError;
import procshell.shell.iex.UndefinedFunctionError;
import procshell.shell.iex.WithClauseError;

/**
 * What an error the shell raised is in a process's exit reason, as the BEAM has it: the errors the
 * BEAM raises itself are Erlang terms ({@code :badarith}, {@code {:badmatch, :error}},
 * {@code {:badkey, :a}}, {@code :undef}, {@code :function_clause}, {@code :badarg},
 * {@code {:nocatch, :ball}}), the exceptions Elixir code raises their structs
 * ({@code %RuntimeError{message: "boom"}}, {@code %KeyError{key: :a, term: [], message: nil}} of
 * {@code Keyword.fetch!/2}). It is the inverse of Elixir's {@code ErlangError.normalize/2}
 * ({@code Exception.normalize(:error, term, stacktrace)} gives the exception back), and the
 * {@link ErrorReason.ErrorTerms} the shell gives the runtime.
 */
public final class ExitReasons implements ErrorReason.ErrorTerms {
    /** The one instance ({@code ErrorReason.setErrorTerms(ExitReasons.INSTANCE)}). */
    public static final ExitReasons INSTANCE = new ExitReasons();

    private static final String BADARITH = "bad argument in arithmetic expression";

    private ExitReasons() {}

    @Override
    public Object error(Throwable t) {
        return errorTerm(t);
    }

    @Override
    public List<Object> stacktrace(Throwable t, List<StackTraceElement> stack) {
        // the frames of the code that ran, as the reason has always printed them (the BEAM's own
        // frame of a BIF that failed, {:erlang, :/, [1, 0], [error_info: ...]}, is not among them)
        return StackTerms.of(null, stack);
    }

    /**
     * The error term of a raised error, as the BEAM holds it in an exit reason and in
     * {@code :erpc}'s answers: for the errors Elixir's {@code ErlangError.normalize/2} makes
     * exceptions of, the Erlang term they came from; for an exception Elixir code raised
     * ({@code raise}, {@code Keyword.fetch!/2}, an Elixir function's own ArgumentError), its struct.
     *
     * @param t the error
     * @return an Erlang term, or an exception struct (a map)
     */
    public static Object errorTerm(Throwable t) {
        if (t instanceof ThrownValue v) return Tuple.of(Atom.of("nocatch"), v.value());
        if (t instanceof ErlangError e) return e.reason();
        if (t instanceof SystemLimitException) return Atom.of("system_limit");
        if (t instanceof ArithmeticError a) {
            String m = a.getMessage();
            // raise ArithmeticError, "own words" is Elixir's: its struct
            if (m == null || m.equals(BADARITH) || m.startsWith(BADARITH + ": ")) return Atom.of("badarith");
        } else if (t instanceof ArithmeticException) {
            return Atom.of("badarith");
        }
        if (t instanceof MatchError m) return Tuple.of(Atom.of("badmatch"), m.value());
        if (t instanceof procshell.shell.eval.CaseClauseError c) return Tuple.of(Atom.of("case_clause"), c.term());
        if (t instanceof WithClauseError w) return Tuple.of(Atom.of("with_clause"), w.term());
        if (t instanceof TryClauseError w) return Tuple.of(Atom.of("try_clause"), w.term());
        if (t instanceof CondClauseError) return Atom.of("cond_clause");
        if (t instanceof BadFunctionError f) return Tuple.of(Atom.of("badfun"), f.term());
        if (t instanceof BadMapError m) return Tuple.of(Atom.of("badmap"), m.term());
        if (t instanceof BadArityError a) return Tuple.of(Atom.of("badarity"), Tuple.of(a.function(), a.args()));
        if (t instanceof BadBooleanError b) return Tuple.of(Atom.of("badbool"), Atom.of(b.operator()), b.term());
        if (t instanceof KeyError k && k.erlangError() != null) return k.erlangError();
        if (t instanceof UndefinedFunctionError || t instanceof groovy.lang.MissingMethodException) return Atom.of("undef");
        if (t instanceof FunctionClauseError) return Atom.of("function_clause");
        if (isBadArgument(t)) return Atom.of("badarg");
        return procshell.shell.iex.StructInspect.INSTANCE.exceptionStruct(t);
    }

    /**
     * An ArgumentError the BEAM raised ({@code :badarg} of a BIF, whose message Elixir makes of its
     * error info: {@code errors were found at the given arguments: ...}), not one Elixir code
     * raised ({@code raise ArgumentError}, an Elixir function's own words); Java's own bad-argument
     * errors stand for a BIF's.
     */
    private static boolean isBadArgument(Throwable t) {
        if (t instanceof ArgumentError a) return a.isBadarg();
        if (!"ArgumentError".equals(ErrorFormatter.elixirName(t))) return false;
        String m = ErrorFormatter.exceptionMessage(t);
        return m == null || m.equals(ArgumentError.DEFAULT_MESSAGE) || m.startsWith(ArgumentError.BIF_WORDS);
    }
}
