package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rescued error's struct has the fields Elixir's has, against what iex printed for the same
 * lines ({@code iex-reference/exception_fields.txt}): a failed lookup's KeyError with its
 * {@code key}, {@code term} and a nil {@code message} (Map.fetch!, map.field, Keyword.fetch!,
 * :maps.get) while {@code Exception.message/1} still spells it out; {@code raise KeyError, "custom"};
 * an ErlangError's {@code original}; and a map whose {@code __struct__} names a module that
 * defines no struct prints as a map.
 */
@Timeout(120)
class ExceptionFieldsSessionTest {

    @Test
    void rescuedErrorsHaveTheirStructFieldsAsInIex() {
        IexSessionCheck.against("exception_fields.txt").everyInput().check();
    }
}
