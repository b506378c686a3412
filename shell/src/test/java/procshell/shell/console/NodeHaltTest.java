package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * A full atom table stops the node, as the BEAM stops the VM; the shell says so and goes on with a
 * fresh node and the same bindings.
 */
class NodeHaltTest {
    @Test
    void aFullAtomTableHaltsTheNodeAndAFreshOneTakesOver() {
        Shell shell = new Shell("nonode@nohost", 2_000);
        StringWriter out = new StringWriter();
        String input = """
                x = 1
                pid = spawn_link(fn -> receive do _ -> :ok end end)
                for i <- 1..5000, do: String.to_atom("a#{i}")
                x
                Process.alive?(pid)
                :erlang.system_info(:atom_limit)
                """;
        try {
            shell.piped(new BufferedReader(new StringReader(input)), new PrintWriter(out, true)).run();
        } finally {
            shell.shutdown();
        }
        String transcript = out.toString().replaceAll("#PID<0\\.\\d+\\.0>", "#PID<pid>");
        assertEquals("""
                ps(1)> x = 1
                1
                ps(2)> pid = spawn_link(fn -> receive do _ -> :ok end end)
                #PID<pid>
                ps(3)> for i <- 1..5000, do: String.to_atom("a#{i}")
                no more index entries in atom_tab (max=2000)
                procshell: the node nonode@nohost is dead. On the BEAM the whole VM stops here (its atom table is full, and atoms are never collected). A fresh node takes over: your variables are kept, every process is gone.

                Interactive procshell - press Ctrl+D to exit (type h() ENTER for help)
                ps(1)> x
                1
                ps(2)> Process.alive?(pid)
                false
                ps(3)> :erlang.system_info(:atom_limit)
                2000
                """, transcript);
    }
}
