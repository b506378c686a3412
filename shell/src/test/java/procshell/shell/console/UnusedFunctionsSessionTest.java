package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Elixir's "function f/1 is unused" warnings, against what iex printed for the same lines
 * ({@code iex-reference/unused_functions.txt}): a GenServer's private helper nothing calls, one
 * that only calls itself, and a chain of two that no public function reaches, sorted by name; none
 * for a private function reached through a capture ({@code &double/1}), a pipe or a call that
 * leaves a default argument out.
 */
@Timeout(120)
class UnusedFunctionsSessionTest {

    @Test
    void unusedPrivateFunctionsWarnAsInIex() {
        IexSessionCheck.against("unused_functions.txt").everyInput().check();
    }
}
