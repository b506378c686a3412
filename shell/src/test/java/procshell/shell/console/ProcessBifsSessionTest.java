package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Process functions, timers, monitors, links, exit signals and {@code :global} typed at the
 * prompt, against what iex printed for the same lines ({@code iex-reference/process_bifs.txt}):
 * among them {@code Process.cancel_timer(:nope)} with its {@code :erlang.cancel_timer(:nope)}
 * line, {@code Process.link/1} to a dead pid as OTP 25 explains its {@code :noproc}, and
 * {@code :global.send/2} to an unregistered name with global.erl's frame.
 */
@Timeout(120)
class ProcessBifsSessionTest {

    @Test
    void processFunctionsAnswerAsInIex() {
        IexSessionCheck.against("process_bifs.txt").everyInput().check();
    }

    /** A monitor of nil (an atom no process has) is down at once with noproc; a string is no pid ({@code iex-reference/monitor_nil.txt}). */
    @Test
    void aMonitorOfNilIsDownWithNoproc() {
        IexSessionCheck.against("monitor_nil.txt").everyInput().check();
    }
}
