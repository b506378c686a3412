package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.global.Global;
import procshell.runtime.node.Atom;
import procshell.runtime.node.AtomTable;

/**
 * A shell's node and another procshell JVM ({@code procshell --sname b --net-ticktime 2}) in one
 * cluster: when the other JVM dies or stops answering, its {@code :global} names disappear from
 * this node, within the net tick time.
 */
class NodeDownTest {
    private static final long BOUND_MS = 120_000;
    private String suffix;
    private int epmdPort;
    private Shell shell;
    private Process child;
    private final List<String> logged = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (ServerSocket s = new ServerSocket(0)) {
            epmdPort = s.getLocalPort();
        }
        shell = new Shell("a" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT,
                DistOptions.of("down_cookie").withEpmdPort(epmdPort).withNetTickTime(2_000));
        shell.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.Logged l) logged.add(l.message());
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(20, TimeUnit.SECONDS);
        }
        shell.shutdown();
    }

    /** Starts the other node, joins it to ours and registers {@code :b_name} there. */
    private Atom startOther() throws IOException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        String name = "b" + suffix + "@localhost";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "procshell.shell.cli.Main",
                "--sname", name, "--cookie", "down_cookie", "--net-ticktime", "2", "--no-color");
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        child = pb.start();
        Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        in.write("Node.connect(:\"" + shell.node().name().name() + "\")\n");
        in.write(":global.register_name(:b_name, self())\n");
        in.flush(); // stdin stays open: the other shell keeps running
        await("our node sees :b_name", () -> Global.of(shell.node()).whereisName(Atom.of("b_name")) != null);
        return Atom.of(name);
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + BOUND_MS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("gave up waiting: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting: " + what);
            }
        }
    }

    @Test
    void killingTheOtherJvmRemovesItsGlobalNames() throws IOException {
        Atom other = startOther();
        child.destroyForcibly();
        await("the name goes with the killed node", () -> Global.of(shell.node()).whereisName(Atom.of("b_name")) == null);
        assertTrue(!Global.of(shell.node()).registeredNames().contains(Atom.of("b_name")));
        await("the node leaves Node.list", () -> !((procshell.runtime.dist.Distribution) shell.node().remote()).nodes().contains(other));
    }

    @Test
    void aNodeThatStopsAnsweringIsDroppedAfterTheNetTickTime() throws IOException, InterruptedException {
        Atom other = startOther();
        // SIGSTOP: the socket stays open but nothing comes any more, not even ticks.
        new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).start().waitFor();
        await("the silent node's name goes", () -> Global.of(shell.node()).whereisName(Atom.of("b_name")) == null);
        assertTrue(logged.contains("** Node " + procshell.runtime.inspect.Inspect.inspectAtom(other) + " not responding **\n"
                + "** Removing (timedout) connection **"), logged.toString());
    }
}
