package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A FunctionClauseError in a server, against what iex printed for the same lines
 * ({@code iex-reference/crash_reports.txt}): at the prompt iex blames it (the arguments listed,
 * the frame {@code iex:7: R.f/1}, then its callers' frames); a crash report and the caller's
 * {@code an exception was raised:} print {@code Exception.format_banner/3}'s banner, without the
 * blame, and the BEAM's frame with the arguments ({@code iex:7: R.f(0)},
 * {@code (elixir 1.14.0) lib/string.ex:831: String.upcase(0, :default)}) above the callers'
 * ({@code iex:4: R.handle_cast/2}) and gen_server's.
 */
@Timeout(120)
class CrashReportsSessionTest {

    @Test
    void crashReportsPrintTheBannerAndFramesAsIex() {
        IexSessionCheck.against("crash_reports.txt")
                .same("defmodule R do\n  use GenServer\n  def init(n), do: {:ok, n}\n"
                        + "  def handle_cast(:fc, s), do: {:noreply, f(s)}\n"
                        + "  def handle_cast(:up, s), do: {:noreply, String.upcase(s)}\n"
                        + "  def handle_call(:fc, _from, s), do: {:reply, f(s), s}\n"
                        + "  def f(:never), do: 1\n  def g(x), do: {:ok, f(x)}\nend")
                .same("R.f(0)")
                .same("R.g(0)")
                .same("{:ok, p} = GenServer.start(R, 0)")
                // (procshell prints a report that comes while an input runs after its result)
                .same("GenServer.cast(p, :fc); Process.sleep(300)").loggerAnywhere()
                .same("{:ok, p} = GenServer.start(R, 0)")
                .same("GenServer.cast(p, :up); Process.sleep(300)").loggerAnywhere()
                .same("{:ok, p} = GenServer.start(R, 0)")
                // the server's report races the caller's exit to the terminal, in iex as here
                .same("GenServer.call(p, :fc)").loggerAnywhere()
                .everyInput()
                .check();
    }
}
