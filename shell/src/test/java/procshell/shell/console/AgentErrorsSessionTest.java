package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Agent whose function raises, and a server module that does not exist, against what iex
 * printed for the same lines ({@code iex-reference/agent_errors.txt}): the stacktraces (in the
 * caller's exit, the crash report and {@code {:error, {exception, stacktrace}}}) name Elixir's
 * {@code Agent.Server} clause that ran the function ({@code lib/agent/server.ex:12:
 * Agent.Server.handle_call/3} for a get, {@code :16} for a get_and_update, {@code :8}
 * {@code Agent.Server.init/1}) with gen_server's frames under it, and {@code GenServer.start(Nope, 1)}
 * is {@code {:undef, [{Nope, :init, [1], []}, gen_server's init_it frames, proc_lib's]}}.
 */
@Timeout(120)
class AgentErrorsSessionTest {

    @Test
    void agentCrashesNameAgentServerAsInIex() {
        IexSessionCheck.against("agent_errors.txt")
                .same("{:ok, a} = Agent.start(fn -> 1 end)")
                // the server's crash report races the caller's exit to the terminal, in iex as here
                .same("Agent.get(a, fn _ -> raise ArgumentError, \"x\" end)").loggerAnywhere()
                .same("Process.sleep(200)")
                .same("{:ok, b} = Agent.start(fn -> 1 end)")
                .same("Agent.get_and_update(b, fn _ -> raise ArgumentError, \"y\" end)").loggerAnywhere()
                .everyInput()
                .check();
    }
}
