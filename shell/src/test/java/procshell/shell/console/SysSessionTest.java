package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code :sys} at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/sys.txt}): get_state and replace_state of a GenServer named by an atom;
 * {@code :sys.trace/2}'s {@code *DBG*} lines in Erlang's syntax for a cast, a call, another
 * message and an Agent's update; a suspended server that lets a call time out and shows
 * {@code :suspended} in its status, then resumes; statistics counting a call in and its reply
 * out; a replace_state function that raises (the state stays); and the exits, with sys.erl's
 * frames, for a name nobody holds.
 */
@Timeout(120)
class SysSessionTest {

    @Test
    void sysInspectsAndChangesAServerAsInIex() {
        IexSessionCheck.against("sys.txt").everyInput().check();
    }

    /**
     * {@code :sys} asked about nil or a name nothing has is {@code noproc}, with sys's frames, as in
     * iex ({@code iex-reference/sys_noproc.txt}); nil was an ArgumentError.
     */
    @Test
    void sysAboutNoProcessExitsWithNoproc() {
        IexSessionCheck.against("sys_noproc.txt").everyInput().check();
    }
}
