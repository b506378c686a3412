package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Captures of a remote call against what iex printed for the same lines
 * ({@code iex-reference/remote_captures.txt}): a call whose arguments are {@code &1} to
 * {@code &n} in order is the capture {@code &Mod.fun/n} (through an alias, of a module that does
 * not exist, returned by a module's function), while other arguments or another order make an
 * erl_eval fn; either kind calls the function. A capture of a variable's module
 * ({@code iex-reference/variable_captures.txt}) is {@code :erlang.make_fun/3}'s, in a module's
 * function too, with its ArgumentError for a module that is not an atom, as
 * {@code Function.capture/3}'s.
 */
@Timeout(120)
class RemoteCapturesSessionTest {

    @Test
    void remoteCallsOfTheArgumentsInOrderAreCapturesAsInIex() {
        IexSessionCheck.against("remote_captures.txt").everyInput().check();
    }

    @Test
    void aCaptureOfAVariablesModuleIsMakeFunAsInIex() {
        IexSessionCheck.against("variable_captures.txt").everyInput().check();
    }
}
