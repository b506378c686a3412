package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code raise ErlangError, original: term} typed at the prompt, against what iex printed for the
 * same lines ({@code iex-reference/erlang_error.txt}): {@code ** (ErlangError) Erlang error: :foo},
 * and the raised error rescued as {@code %ErlangError{}} with its {@code original} and message.
 */
@Timeout(60)
class ErlangErrorSessionTest {

    @Test
    void raisingErlangErrorIsAsInIex() {
        IexSessionCheck.against("erlang_error.txt").everyInput().check();
    }
}
