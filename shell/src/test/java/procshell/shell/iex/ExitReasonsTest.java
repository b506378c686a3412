package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.SystemLimitException;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;

/**
 * The Erlang term of each error the shell raises, as the BEAM puts it in an exit reason (the
 * inverse of Elixir 1.14's {@code ErlangError.normalize/2}); an exception Elixir code raised stays
 * its struct.
 */
class ExitReasonsTest {
    private static Object term(Throwable t) {
        return procshell.shell.inspect.ExitReasons.errorTerm(t);
    }

    private static Atom a(String name) {
        return Atom.of(name);
    }

    @Test
    void theErrorsTheBeamRaisesAreTheirTerms() {
        assertEquals(a("badarith"), term(ArithmeticError.operator("/", 1L, 0L)));
        assertEquals(a("badarith"), term(new ArithmeticException("/ by zero")));
        assertEquals(Tuple.of(a("badmatch"), a("error")), term(new MatchError(a("error"))));
        assertEquals(Tuple.of(a("case_clause"), 3L), term(new procshell.shell.eval.CaseClauseError(3L)));
        assertEquals(Tuple.of(a("with_clause"), a("no")), term(new WithClauseError(a("no"))));
        assertEquals(Tuple.of(a("try_clause"), 1L), term(new TryClauseError(1L)));
        assertEquals(a("cond_clause"), term(new CondClauseError()));
        assertEquals(Tuple.of(a("badfun"), 1L), term(new BadFunctionError(1L)));
        assertEquals(Tuple.of(a("badmap"), 1L), term(new BadMapError(1L)));
        assertEquals(Tuple.of(a("badarity"), Tuple.of(a("f"), java.util.Arrays.asList(1L, null))), term(new BadArityError(a("f"), new Object[] {1L, null})));
        assertEquals(Tuple.of(a("badbool"), a("and"), 1L), term(new BadBooleanError("and", 1L)));
        assertEquals(Tuple.of(a("badkey"), a("k")), term(KeyError.badkey(a("k"), new MapTerm(), List.of())));
        assertEquals(Tuple.of(a("badkey"), a("k"), new MapTerm()), term(KeyError.badkeyIn(a("k"), new MapTerm())));
        assertEquals(a("undef"), term(new UndefinedFunctionError("function NoSuch.f/0 is undefined (module NoSuch is not available)")));
        assertEquals(a("function_clause"), term(new FunctionClauseError("String.upcase", 2)));
        assertEquals(a("badarg"), term(ArgumentError.badArgument("1st argument: not a binary")));
        assertEquals(a("badarg"), term(ArgumentError.badarg()));
        assertEquals(a("badarg"), term(new NullPointerException()));
        assertEquals(a("system_limit"), term(new SystemLimitException("atoms")));
        assertEquals(Tuple.of(a("my"), a("term")), term(new ErlangError(Tuple.of(a("my"), a("term")))));
        assertEquals(Tuple.of(a("nocatch"), a("ball")), term(new ThrownValue(a("ball"))));
    }

    @Test
    void whatElixirCodeRaisedIsItsStruct() {
        assertEquals(ExceptionStructs.of(new ArgumentError("own")), term(new ArgumentError("own")));
        // raise ArgumentError, without words
        assertEquals(ExceptionStructs.of(new ArgumentError()), term(new ArgumentError()));
        assertEquals(a("Elixir.RuntimeError"), ((java.util.Map<?, ?>) term(new RuntimeError("boom"))).get(a("__struct__")));
        assertEquals("boom", ((java.util.Map<?, ?>) term(new RuntimeError("boom"))).get(a("message")));
        // Keyword.fetch!/2 and Map.pop!/2 raise KeyError themselves
        java.util.Map<?, ?> key = (java.util.Map<?, ?>) term(KeyError.notFound(a("a"), List.of()));
        assertEquals(a("Elixir.KeyError"), key.get(a("__struct__")));
        assertEquals(a("a"), key.get(a("key")));
        assertEquals(ExceptionStructs.of(new ArithmeticError("my words")), term(new ArithmeticError("my words")));
    }

    /**
     * A BEAM function's error given its call as stack line ({@link ArgumentError#withFrames}, as
     * the :ets functions give theirs) is still the badarg it was: the runtime's bare
     * {@code argument error} ({@code :ets.insert} of an object shorter than the key position) and
     * an OTP 25 text alike; Elixir's own ArgumentError stays its struct, and an error with its
     * lines already is left as it is.
     */
    @Test
    void anErrorGivenItsCallKeepsItsTerm() {
        List<String> call = List.of("(stdlib 4.2) :ets.insert(t, {1})");
        IllegalArgumentException bare = ArgumentError.withFrames(new IllegalArgumentException("argument error"), call);
        assertEquals(a("badarg"), term(bare));
        assertEquals(call, ((BeamFrames) bare).beamFrames());
        assertEquals(a("badarg"), term(ArgumentError.withFrames(
                procshell.runtime.table.TableErrors.noTable(), call)));
        assertEquals(ExceptionStructs.of(new ArgumentError("own")), term(ArgumentError.withFrames(new ArgumentError("own"), call)));
        ArgumentError framed = ArgumentError.badArgument("1st argument: not a tuple", ":erlang.element(1, :a)");
        assertEquals(framed, ArgumentError.withFrames(framed, call));
    }
}
