package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.AtomTable;

/** Two shells of one cluster, as two terminals would be: what a person types and sees on each. */
class TwoNodesSessionTest {
    private Shell a;
    private Shell b;
    private String an;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        an = "a" + suffix + "@localhost";
        DistOptions opts = DistOptions.of("two_nodes").withEpmdPort(port).withNetTickTime(20_000);
        a = new Shell(an, AtomTable.DEFAULT_LIMIT, opts);
        b = new Shell("b" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, opts);
    }

    @AfterEach
    void stop() {
        b.shutdown();
        a.shutdown();
    }

    private static String type(Shell shell, String... inputs) {
        StringWriter out = new StringWriter();
        shell.piped(new BufferedReader(new StringReader(String.join("\n", inputs) + "\n")), new PrintWriter(out, true)).run();
        return out.toString();
    }

    @Test
    void aRemotePidIsSentToAndRefusedWhereTheBeamRefusesIt() {
        type(a, ":global.register_name(:inbox_a, self())");
        String onB = type(b,
                "Node.connect(:\"" + an + "\")",
                ":global.sync()",
                "pid = :global.whereis_name(:inbox_a)",
                "node(pid)",
                "send(pid, {:hi, Node.self()})",
                "Process.alive?(pid)",
                "Process.info(pid)");
        assertTrue(onB.contains("> Node.connect(:\"" + an + "\")\ntrue\n") || onB.contains("> Node.connect(:" + an + ")\ntrue\n"), onB);
        assertTrue(onB.contains(":global.sync()\n:ok\n"), onB);
        assertTrue(onB.matches("(?s).*pid = :global.whereis_name\\(:inbox_a\\)\n#PID<[1-9]\\d*\\.\\d+\\.0>\n.*"), onB);
        assertTrue(onB.contains("node(pid)\n:" + an + "\n"), onB);
        assertTrue(onB.contains("** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a pid\n"), onB);
        assertTrue(onB.contains("  * 1st argument: not a local pid\n"), onB);
        // the message is on its way: wait for it, then nothing else may be there
        String onA = type(a, "receive do {:hi, _} = m -> m after 20_000 -> :none end", "flush()");
        assertTrue(onA.contains("end\n{:hi, :" + b.node().name().name() + "}\n"), onA);
        assertTrue(onA.contains("flush()\n:ok\n"), onA);
    }

    /**
     * A fn typed at one shell runs on the other (it travels as iex's fns do, an {@code erl_eval}
     * fun); one whose form has no translation ({@code with}) dies there with {@code :undef}, as a
     * fun does on a BEAM node that lacks its module.
     */
    @Test
    void aFnTypedAtOneShellRunsOnTheOther() {
        String onB = type(b,
                "Node.connect(:\"" + an + "\")",
                "{pid, ref} = Node.spawn_monitor(:\"" + an + "\", fn -> :ran end)",
                "receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 20_000 -> :none end",
                "try do :erpc.call(:\"" + an + "\", fn -> :ran end) catch :error, {:exception, :undef, _} -> :undef end",
                "try do :erpc.call(:\"" + an + "\", fn -> with {:ok, x} <- {:ok, 1}, do: x end) catch :error, {:exception, :undef, [{g, [], []} | _]} -> {:undef, is_function(g, 0)} end");
        assertTrue(onB.contains("after 20_000 -> :none end\n:normal\n"), onB);
        assertTrue(onB.contains("catch :error, {:exception, :undef, _} -> :undef end\n:ran\n"), onB);
        assertTrue(onB.contains("-> {:undef, is_function(g, 0)} end\n{:undef, true}\n"), onB);
        assertTrue(!onB.contains("groovy") && !onB.contains("java") && !onB.contains("Closure"), onB);
        String onA = type(a, ":ok");
        assertTrue(!onA.contains("groovy") && !onA.contains("java") && !onA.contains("Closure"), onA);
    }
}
