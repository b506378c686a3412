package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Registry's errors for a bad match spec, a spec or guards that are no list, and update_value/3 on
 * a duplicate registry, against what iex printed for the same lines
 * ({@code iex-reference/registry_errors.txt}): {@code invalid match specification in
 * Registry.select/2} with {@code group_match_headers/2}'s frames, the FunctionClauseError of
 * {@code when is_list(spec)} with its clause, and {@code lib/registry.ex:441: Registry.update_value/3}.
 */
@Timeout(120)
class RegistryErrorsSessionTest {

    @Test
    void registryErrorsCarryRegistryExFramesAsInIex() {
        IexSessionCheck.against("registry_errors.txt").everyInput().check();
    }
}
