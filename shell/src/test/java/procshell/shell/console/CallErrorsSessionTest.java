package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GenServer.call's errors in a piped session, against iex's ({@code iex-reference/call_errors.txt}):
 * a name that names nobody, a dead pid, a timeout, a callee that raises (the Logger report, with
 * the server's stacktrace and the client's, then the caller's exit), {@code :global} names.
 */
@Timeout(20)
class CallErrorsSessionTest {
    /** The server of call_errors.txt: its raise is on the input's line 8, as its stack line says. */
    private static final String SRV = """
            defmodule MyApp.Srv do
              use GenServer
              def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
              @impl true
              def init(arg), do: {:ok, arg}
              @impl true
              def handle_call(:slow, _from, state), do: (Process.sleep(1000); {:reply, :done, state})
              def handle_call(:boom, _from, _state), do: raise("boom")
              def handle_call(:ping, _from, state), do: {:reply, :pong, state}
            end""";

    @Test
    void noprocTimeoutAndACalleeThatRaises() {
        IexSessionCheck.against("call_errors.txt")
                .same(SRV)
                .same("defmodule MyApp.NoCall do\n  use GenServer\n  @impl true\n  def init(arg), do: {:ok, arg}\nend")
                .same("defmodule MyApp.NoClause do\n  use GenServer\n  @impl true\n  def init(arg), do: {:ok, arg}\n  @impl true\n"
                        + "  def handle_call(:only_this, _from, state), do: {:reply, :ok, state}\nend")
                .same("GenServer.call(:nobody, :hello)")
                .same("dead = spawn(fn -> :ok end)")
                .same("Process.alive?(dead)")
                .same("GenServer.call(dead, :x)")
                .same("{:ok, pid} = GenServer.start(MyApp.Srv, :st)")
                .same("GenServer.call(pid, :slow, 100)")
                .same("GenServer.call(pid, :ping)")
                .same("GenServer.call(pid, :boom)").loggerAnywhere() // the server's report races the caller's exit, in iex as here
                .same("Process.alive?(pid)")
                .same("{:ok, pid3} = GenServer.start(MyApp.NoClause, :st)")
                .same("GenServer.call(pid3, :other)").loggerAnywhere() // from's tag is OTP 24+'s [:alias | ref]
                .same("GenServer.cast(:nobody, :hi)")
                .same("GenServer.cast(dead, :hi)")
                .same("GenServer.call(:nobody, :hello, 5000)")
                .check();
    }

    @Test
    void aGlobalNameThatNamesNobody() {
        IexSessionCheck.against("call_errors.txt")
                .same("GenServer.call({:global, :nobody}, :hi)")
                .check();
    }

    @Test
    void aLateReplyIsDropped() {
        IexSessionCheck.against("call_errors.txt")
                .same(SRV)
                .same("{:ok, pid} = GenServer.start(MyApp.Srv, :st)")
                .same("GenServer.call(pid, :slow, 100)")
                .same("GenServer.call(pid, :ping)")
                .same("flush()")
                .check();
    }
}
