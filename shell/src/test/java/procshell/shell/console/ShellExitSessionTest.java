package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shell process's death and what survives it, against iex's ({@code iex-reference/shell_exit.txt}):
 * the {@code ** (EXIT from ...)} line, the empty line and the banner, the counter starting again
 * at 1, {@code exit/1} and {@code raise} at the prompt (the shell process lives on), trapping
 * exits. Unlike iex, procshell keeps the bindings across a restart (by design).
 */
@Timeout(20)
class ShellExitSessionTest {
    @Test
    void aKilledLinkedServerTakesTheShellProcessAndTheBindingsStay() {
        IexSessionCheck.against("shell_exit.txt")
                .helloServer()
                .same("x = 42", "x = 42")
                .same("self()", "self()")
                .same("{:ok, pid} = HelloServer.start_link(123)", "{:ok, pid} = MyApp.HelloServer.start_link(123)")
                .same("Process.exit(pid, :kill)", "Process.exit(pid, :kill)")
                .same("self()", "self()")
                // iex lost x here; procshell keeps it
                .instead("x", "x", "42")
                // iex's capture called a pid one below the server's (0.126.0); with the server's own pid:
                .instead("HelloServer.hello(pid)", "MyApp.HelloServer.hello(:erlang.list_to_pid(~c\"<0.126.0>\"))",
                        "** (exit) exited in: GenServer.call(#PID<0.127.0>, :hello, 5000)",
                        "    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given"
                                + " name, possibly because its application isn't started",
                        "    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3")
                .check();
    }

    @Test
    void exitsAndRestartsOfTheShellProcess() {
        IexSessionCheck.against("shell_exit.txt")
                .instead("""
                        class HelloServer extends GenServer {
                          static start_link(id) { GenServer.start_link(HelloServer, id) }
                          def init(id) { {:ok, %{id: id}} }
                        }""", "defmodule MyApp.HelloServer do\n  use GenServer\n"
                        + "  def start_link(id), do: GenServer.start_link(__MODULE__, id)\n"
                        + "  def hello(pid), do: GenServer.call(pid, :hello)\n  @impl true\n  def init(id), do: {:ok, %{id: id}}\n"
                        + "  @impl true\n  def handle_call(:hello, _from, state), do: {:reply, \"hello\", state}\nend",
                        "{:module, HelloServer}")
                .same("{:ok, pid} = HelloServer.start_link(1)", "{:ok, pid} = MyApp.HelloServer.start_link(1)")
                .same("Process.exit(pid, :normal)", "Process.exit(pid, :normal)")
                .same("Process.alive?(pid)", "Process.alive?(pid)")
                .same("Process.exit(pid, :shutdown)", "Process.exit(pid, :shutdown)")
                .same("self()", "self()")
                .same("y = 1", "y = 1")
                .same("Process.exit(self(), :kill)", "Process.exit(self(), :kill)")
                .same("self()", "self()")
                .same("z = 2", "z = 2")
                .same("Process.exit(self(), :normal)", "Process.exit(self(), :normal)")
                .same("self()", "self()")
                .same("z = 3", "z = 3")
                .same("exit(:bye)", "exit(:bye)")
                .same("self()", "self()")
                .same("exit(:normal)", "exit(:normal)")
                .same("self()", "self()")
                .same("raise \"x\"", "raise \"x\"")
                .same("Process.flag(:trap_exit, true)", "Process.flag(:trap_exit, true)")
                .same("{:ok, pid} = HelloServer.start_link(2)", "{:ok, pid} = MyApp.HelloServer.start_link(2)")
                .same("Process.exit(pid, :kill)", "Process.exit(pid, :kill)")
                .same("flush()", "flush()")
                .same("self()", "self()")
                .check();
    }
}
