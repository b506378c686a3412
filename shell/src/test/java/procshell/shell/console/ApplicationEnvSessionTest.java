package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Application}'s environment at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/application.txt}): get_env with and without a default, put_env,
 * fetch_env and fetch_env! (its ArgumentError for an unset key), get_all_env by key,
 * delete_env, put_all_env of two applications, Elixir's FunctionClauseError for an application
 * that is no atom, a value put by another process read by the shell, and a module's function
 * reading the environment.
 */
@Timeout(120)
class ApplicationEnvSessionTest {

    @Test
    void applicationEnvironmentAsInIex() {
        IexSessionCheck.against("application.txt").everyInput().check();
    }
}
