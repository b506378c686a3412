package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Via names whose module is no via module, against what iex printed for the same lines
 * ({@code iex-reference/via_modules.txt}): {@code {:via, mod, name}} calls {@code mod.whereis_name/1}
 * whatever {@code mod} is, so a module that is not there ({@code :nomod}, {@code Nope}) or does not
 * export it ({@code String}, a module typed at the prompt) is Elixir's {@code UndefinedFunctionError}
 * with the call and whoever looked the name up ({@code GenServer.whereis/1}, {@code GenServer.call/3},
 * {@code :gen.start/6}) as its frames; a module exporting only {@code whereis_name/1} answers
 * {@code GenServer.whereis/1} and {@code GenServer.call/3} ({@code :noproc}).
 */
@Timeout(120)
class ViaModuleSessionTest {

    @Test
    void aViaNameCallsItsModuleAsInIex() {
        IexSessionCheck.against("via_modules.txt").everyInput().check();
    }
}
