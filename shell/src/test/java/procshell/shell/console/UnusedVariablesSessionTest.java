package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Elixir's "variable is unused" warnings, against what iex printed for the same lines
 * ({@code iex-reference/unused_variables.txt}): a GenServer's unused {@code from} and
 * {@code msg}; a module whose clauses leave variables unused in a guarded head, an inner fn, a
 * case clause, a binary segment, a map and a match, a list's head, a receive clause (each clause's
 * warnings when it ends, inner first, sorted by name), none for a variable repeated in a head or
 * read through a default argument; none for a binding at the prompt. And
 * ({@code iex-reference/module_warnings.txt}) a name in a module's function that no pattern binds,
 * expanded to a call with its warning (none after a pipe, in a capture, for an attribute or
 * {@code __MODULE__}, for what a {@code for}, {@code with}, {@code case}, {@code rescue} or match
 * binds), and a module's undefined functions: its warnings first, then the others as warnings,
 * then the first as the CompileError.
 */
@Timeout(120)
class UnusedVariablesSessionTest {

    @Test
    void unusedVariablesWarnAsInIex() {
        IexSessionCheck.against("unused_variables.txt").everyInput().check();
    }

    @Test
    void namesExpandedToCallsInAModuleWarnAsInIex() {
        IexSessionCheck.against("module_warnings.txt").everyInput().check();
    }
}
