package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 21's nil and bad arguments, against what iex printed for the same lines
 * ({@code iex-reference/bad_arguments.txt}): {@code nil} is the atom nil, so {@code pid(nil)},
 * {@code Process.whereis(nil)}, {@code :global.whereis_name(nil)}, {@code Process.monitor(nil)},
 * {@code GenServer.call(nil, ...)} and {@code Node.connect(nil)} answer as for any unregistered
 * name; {@code spawn(nil)} raises in the caller; the built-ins give OTP 25's per-argument text
 * ({@code * 1st argument: not a pid}) with the call as their stack line; nothing of Java shows.
 */
@Timeout(60)
class BadArgumentsSessionTest {

    @Test
    void nilAndBadArgumentsGiveIexsErrors() {
        IexSessionCheck.against("bad_arguments.txt").everyInput().check();
    }
}
