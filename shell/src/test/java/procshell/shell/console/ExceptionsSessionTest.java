package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exceptions as Elixir has them, against what iex printed for the same lines
 * ({@code iex-reference/exceptions.txt}): {@code defexception} with a default message, with
 * fields and its own {@code message/1}, with its own {@code exception/1}; {@code raise} of a
 * module, with a message, with fields and of a struct; {@code rescue e in Mod} binding the
 * struct, its fields, {@code Exception.message/1}, {@code is_exception/1,2}; struct literals of
 * Elixir's own exceptions; {@code struct/2} and {@code struct!/2}; {@code Exception.format/2}.
 */
@Timeout(120)
class ExceptionsSessionTest {

    @Test
    void exceptionsAsInIex() {
        IexSessionCheck.against("exceptions.txt").everyInput().check();
    }
}
