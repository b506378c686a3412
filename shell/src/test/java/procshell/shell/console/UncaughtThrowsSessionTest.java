package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A throw nothing catches in a spawned process, against what iex printed for the same lines
 * ({@code iex-reference/uncaught_throws.txt}): the process ends with the BEAM's error
 * {@code {{:nocatch, :ball}, [erl_eval's frame]}} (in the {@code :DOWN} and {@code :EXIT}
 * messages; it printed a Java class name and no frame), and Logger reports
 * {@code ** (ErlangError) Erlang error: {:nocatch, :ball}}; at the prompt it stays
 * {@code ** (throw) :x}.
 */
@Timeout(120)
class UncaughtThrowsSessionTest {

    @Test
    void anUncaughtThrowIsNocatchAsInIex() {
        IexSessionCheck.against("uncaught_throws.txt")
                // (procshell prints a report that comes while an input runs after its result)
                .same("{pid, ref} = spawn_monitor(fn -> throw(:ball) end); Process.sleep(200)").loggerAnywhere()
                .same("receive do {:DOWN, ^ref, :process, ^pid, r} -> r end")
                .same("Process.flag(:trap_exit, true)")
                .same("spawn_link(fn -> throw({:a, 1}) end); Process.sleep(200)").loggerAnywhere()
                .everyInput()
                .check();
    }
}
