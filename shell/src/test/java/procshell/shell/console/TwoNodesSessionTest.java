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
        String onA = type(a, "flush()");
        assertTrue(onA.contains("{:hi, :" + b.node().name().name() + "}\n"), onA);
        assertEquals(1, onA.split("\\{:hi, ", -1).length - 1, onA);
    }
}
