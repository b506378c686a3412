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
    /** Typed so that the raising line is line 8 of the first input, as in iex's session. */
    private static final String SRV = """
            class Srv extends GenServer {
              static start_link(arg) { GenServer.start_link(Srv, arg) }
              def init(arg) { {:ok, arg} }
              def handle_call(msg, from, state) {
                if (msg == :slow) { Process.sleep(1000); return {:reply, :done, state} }
                if (msg == :ping) return {:reply, :pong, state}
                // :boom
                raise("boom")
              }
            }""";

    private static final String IEX_SRV = """
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
                .instead(SRV, IEX_SRV, "{:module, Srv}")
                .instead("class NoCall extends GenServer { def init(arg) { {:ok, arg} } }",
                        "defmodule MyApp.NoCall do\n  use GenServer\n  @impl true\n  def init(arg), do: {:ok, arg}\nend",
                        "{:module, NoCall}")
                .instead("class Other extends GenServer { def init(arg) { {:ok, arg} } }",
                        "defmodule MyApp.NoClause do\n  use GenServer\n  @impl true\n  def init(arg), do: {:ok, arg}\n  @impl true\n"
                        + "  def handle_call(:only_this, _from, state), do: {:reply, :ok, state}\nend",
                        "{:module, Other}")
                .same("GenServer.call(:nobody, :hello)", "GenServer.call(:nobody, :hello)")
                .same("dead = spawn(fn -> :ok end)", "dead = spawn(fn -> :ok end)")
                .same("Process.alive?(dead)", "Process.alive?(dead)")
                .same("GenServer.call(dead, :x)", "GenServer.call(dead, :x)")
                .same("{:ok, pid} = GenServer.start(Srv, :st)", "{:ok, pid} = GenServer.start(MyApp.Srv, :st)")
                .same("GenServer.call(pid, :slow, 100)", "GenServer.call(pid, :slow, 100)")
                .same("GenServer.call(pid, :ping)", "GenServer.call(pid, :ping)")
                .same("GenServer.call(pid, :boom)", "GenServer.call(pid, :boom)")
                .same("Process.alive?(pid)", "Process.alive?(pid)")
                .same("GenServer.cast(:nobody, :hi)", "GenServer.cast(:nobody, :hi)")
                .same("GenServer.cast(dead, :hi)", "GenServer.cast(dead, :hi)")
                .same("GenServer.call(:nobody, :hello, 5000)", "GenServer.call(:nobody, :hello, 5000)")
                .check();
    }

    @Test
    void aGlobalNameThatNamesNobody() {
        IexSessionCheck.against("call_errors.txt")
                .same("GenServer.call({:global, :nobody}, :hi)", "GenServer.call({:global, :nobody}, :hi)")
                .check();
    }

    @Test
    void aLateReplyIsDropped() {
        IexSessionCheck.against("call_errors.txt")
                .instead(SRV, IEX_SRV, "{:module, Srv}")
                .same("{:ok, pid} = GenServer.start(Srv, :st)", "{:ok, pid} = GenServer.start(MyApp.Srv, :st)")
                .same("GenServer.call(pid, :slow, 100)", "GenServer.call(pid, :slow, 100)")
                .same("GenServer.call(pid, :ping)", "GenServer.call(pid, :ping)")
                .same("flush()", "flush()")
                .check();
    }
}
