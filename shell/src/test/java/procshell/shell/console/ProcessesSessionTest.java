package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages and plain processes, against iex's ({@code iex-reference/processes.txt}): spawn and
 * send, {@code flush()} (the messages in order, then {@code :ok}), names, monitors and their
 * {@code :DOWN} messages, links.
 */
@Timeout(20)
class ProcessesSessionTest {
    @Test
    void flushPrintsTheMailboxThenOk() {
        IexSessionCheck.against("processes.txt")
                .helloServer()
                .same("pid = spawn(fn -> receive do m -> IO.inspect(m) end end)")
                .same("send(pid, :hi)")
                .same("Process.alive?(pid)")
                .same("self()")
                .same("send(self(), :a); send(self(), {:b, 1}); flush()")
                .same("flush()")
                .same("p2 = spawn(fn -> Process.sleep(:infinity) end)")
                .same("Process.alive?(p2)")
                .same("Process.register(p2, :foo)")
                .same("Process.whereis(:foo)")
                .same("Process.whereis(:nope)")
                .check();
    }

    @Test
    void monitorsAndTheirDownMessages() {
        IexSessionCheck.against("processes.txt")
                .same("p2 = spawn(fn -> Process.sleep(:infinity) end)")
                .same("ref = Process.monitor(p2)")
                .same("Process.exit(p2, :kill)")
                // iex wraps the DOWN tuple of its longer reference at 80 columns
                .instead("flush()", "{:DOWN, #Reference<0.2575309945.3058696193.195078>, :process, #PID<0.131.0>, :killed}", ":ok")
                .same("Process.monitor(p2)")
                .instead("flush()", "{:DOWN, #Reference<0.2575309945.3058696193.195105>, :process, #PID<0.131.0>, :noproc}", ":ok")
                .same("p3 = spawn(fn -> Process.sleep(:infinity) end)")
                .same("Process.link(p3)")
                .same("Process.info(self(), :links)")
                .same("Process.unlink(p3)")
                .same("Process.exit(p3, :kill)")
                .check();
    }

    @Test
    void sleepingForever() {
        IexSessionCheck.against("processes.txt")
                .same("p2 = spawn(fn -> Process.sleep(:infinity) end)")
                .same("Process.alive?(p2)")
                .check();
    }

    @Test
    void aLinkedProcessThatRaisesTakesTheShellProcess() {
        IexSessionCheck.against("processes.txt")
                .same("self()")
                // iex printed the Logger report over its next prompt (a tty race); here it comes after
                // the EXIT line of the input that caused it (issue 15), each line as iex's
                .instead("spawn_link(fn -> raise \"oops\" end)",
                        "** (EXIT from #PID<0.108.0>) shell process exited with reason: an exception was raised:",
                        "    ** (RuntimeError) oops",
                        "        (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7",
                        "",
                        Console.RESTART_BANNER,
                        "",
                        "00:52:20.733 [error] Process #PID<0.152.0> raised an exception",
                        "** (RuntimeError) oops",
                        "    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7")
                .check();
    }

    @Test
    void anUnlinkedProcessThatRaisesIsLogged() {
        IexSessionCheck.against("processes.txt")
                // iex printed the report over its next prompt (a tty race); the lines are iex's, and the
                // report may come before or after the result
                .instead("spawn(fn -> raise \"oops2\" end)",
                        "#PID<0.156.0>",
                        "",
                        "00:53:22.024 [error] Process #PID<0.156.0> raised an exception",
                        "** (RuntimeError) oops2",
                        "    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7")
                .loggerAnywhere()
                .extra("self() == self()", "true")
                .check();
    }
}
