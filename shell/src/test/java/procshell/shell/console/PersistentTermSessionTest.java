package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code :persistent_term} at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/persistent_term.txt}): put and get, a missing key's ArgumentError, a
 * default, exact keys ({@code 1} stored, {@code 1.0} not found), erase answering whether there
 * was a term, and a term put by another process read by the shell.
 */
@Timeout(120)
class PersistentTermSessionTest {

    @Test
    void persistentTermsAsInIex() {
        IexSessionCheck.against("persistent_term.txt").everyInput().check();
    }
}
