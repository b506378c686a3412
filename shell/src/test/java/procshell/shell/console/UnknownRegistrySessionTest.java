package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mistyped registry at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/unknown_registry.txt}): {@code Agent}, {@code GenServer},
 * {@code Supervisor} and {@code DynamicSupervisor} started with a via name of a registry that is
 * not running raise {@code unknown registry} in the caller, as {@code :gen.start/6} looks the name
 * up before it spawns, so the shell lives on (it died of the linked server's crash); a via name
 * already held is {@code {:error, {:already_started, pid}}}; and each Registry function's
 * {@code unknown registry} error carries registry.ex's frames.
 */
@Timeout(120)
class UnknownRegistrySessionTest {

    @Test
    void anUnknownRegistryIsTheCallersErrorAsInIex() {
        IexSessionCheck.against("unknown_registry.txt").everyInput().check();
    }
}
