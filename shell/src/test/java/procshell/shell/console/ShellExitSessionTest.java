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
                .same("x = 42")
                .same("self()")
                .same("{:ok, pid} = MyApp.HelloServer.start_link(123)")
                .same("Process.exit(pid, :kill)")
                .same("self()")
                // iex lost x here; procshell keeps it
                .instead("x", "42")
                // iex lost pid too (its capture called a pid typed out instead); procshell still has it
                .extra("MyApp.HelloServer.hello(pid)",
                        "** (exit) exited in: GenServer.call(#PID<0.127.0>, :hello, 5000)",
                        "    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given"
                                + " name, possibly because its application isn't started",
                        "    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3")
                .check();
    }

    @Test
    void exitsAndRestartsOfTheShellProcess() {
        IexSessionCheck.against("shell_exit.txt")
                .helloServer()
                .same("{:ok, pid} = MyApp.HelloServer.start_link(1)")
                .same("Process.exit(pid, :normal)")
                .same("Process.alive?(pid)")
                .same("Process.exit(pid, :shutdown)")
                .same("self()")
                .same("y = 1")
                .same("Process.exit(self(), :kill)")
                .same("self()")
                .same("z = 2")
                .same("Process.exit(self(), :normal)")
                .same("self()")
                .same("z = 3")
                .same("exit(:bye)")
                .same("self()")
                .same("exit(:normal)")
                .same("self()")
                .same("raise \"x\"")
                .same("Process.flag(:trap_exit, true)")
                .same("{:ok, pid} = MyApp.HelloServer.start_link(2)")
                .same("Process.exit(pid, :kill)")
                .same("flush()")
                .same("self()")
                .check();
    }
}
