package procshell.shell.console;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;

/**
 * ETS's errors at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/ets_errors.txt}): a key missing ({@code update_counter},
 * {@code lookup_element}), a table that is not there (a name, nil, a deleted named table), a name
 * taken, a bad match specification, an object that is no tuple: OTP 25's text and the call as the
 * stack line ({@code (stdlib 4.2) :ets.lookup(:nope, 1)}). A table made with the name nil is
 * unnamed, as on the BEAM.
 */
@Timeout(120)
class EtsErrorsSessionTest {

    @Test
    void etsErrorsShowTheirCallAsInIex() {
        IexSessionCheck.against("ets_errors.txt").everyInput().check();
    }
}
