package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A GenServer whose init raises, and one stopped from outside, against what iex printed for the
 * same lines ({@code iex-reference/init_errors.txt}): the {@code {exception, stacktrace}} of
 * {@code {:error, ...}} and of the {@code :EXIT} message breaks its stacktrace list as iex does
 * (each frame indented under the list's bracket), and {@code GenServer.stop(pid, :boom)}'s crash
 * report says {@code Last message: []}, as gen_server's {@code system_terminate/4} reports it.
 */
@Timeout(120)
class InitErrorsSessionTest {

    @Test
    void initErrorsAndStopsPrintAsInIex() {
        IexSessionCheck.against("init_errors.txt")
                .same("defmodule T do\n  use GenServer\n  def init(:match), do: ({:ok, x} = Process.get(:nothing); {:ok, x})\n"
                        + "  def init(:raise), do: raise ArgumentError, \"nope\"\n  def init(n), do: {:ok, n}\nend")
                .same("GenServer.start(T, :raise)")
                .same("Process.flag(:trap_exit, true)")
                .same("GenServer.start_link(T, :raise)")
                .same("flush()")
                .same("{:ok, g} = GenServer.start(T, 1)")
                // the report (logged by the server before it exits) races stop's :ok to the terminal
                .same("GenServer.stop(g, :boom)").loggerAnywhere()
                .everyInput()
                .check();
    }
}
