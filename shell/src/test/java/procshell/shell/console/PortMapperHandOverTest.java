package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.dist.Distribution;
import procshell.runtime.dist.EpmdClient;
import procshell.runtime.node.Atom;
import procshell.runtime.node.AtomTable;

/**
 * Issue 21, the port mapper's hand-over: the first procshell node of a machine serves the port
 * mapper; when the shell that hosts it closes, the other nodes register again, with the next
 * procshell node that serves it or with a real {@code epmd} that starts, and can be found by name
 * again, by procshell's nodes and by the BEAM's ({@code elixir --sname}, when installed).
 *
 * <p>The host is another JVM ({@code procshell --sname h}), killed as a closed terminal kills it;
 * the other nodes are shells of this JVM.
 */
@Timeout(180)
class PortMapperHandOverTest {
    private static final long BOUND_MS = 60_000;
    private static final String COOKIE = "handover_cookie";
    private String suffix;
    private int epmdPort;
    private Process host;
    private Shell a;
    private Shell b;

    @BeforeEach
    void startTheHost() throws IOException {
        suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (ServerSocket s = new ServerSocket(0)) {
            epmdPort = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "procshell.shell.cli.Main",
                "--sname", "h" + suffix + "@localhost", "--cookie", COOKIE, "--no-color");
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        host = pb.start();
        Writer in = new OutputStreamWriter(host.getOutputStream(), StandardCharsets.UTF_8);
        in.write(":ok\n");
        in.flush(); // stdin stays open: the host's shell keeps running
        await("the host serves the port mapper with its node registered", () -> names().containsKey("h" + suffix));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (host != null) {
            host.destroyForcibly();
            host.waitFor(20, TimeUnit.SECONDS);
        }
        if (a != null) a.shutdown();
        if (b != null) b.shutdown();
    }

    private Shell node(String alive) {
        return new Shell(alive + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, DistOptions.of(COOKIE).withEpmdPort(epmdPort));
    }

    private Map<String, Integer> names() {
        try {
            return new EpmdClient("localhost", epmdPort).names();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + BOUND_MS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("gave up waiting: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting: " + what);
            }
        }
    }

    /** The host's node and its port mapper go, as when its terminal closes. */
    private void closeTheHost() throws InterruptedException {
        host.destroyForcibly();
        assertTrue(host.waitFor(30, TimeUnit.SECONDS));
    }

    /** A BEAM node on the same port mapper finds {@code node} by name: {@code Node.ping} answers {@code :pong}. */
    private void theBeamFinds(Shell node) throws IOException {
        if (BeamShell.elixir() == null) {
            System.out.println("PortMapperHandOverTest: no elixir on PATH; the BEAM's half is skipped");
            return;
        }
        try (BeamShell beam = BeamShell.start("probe" + suffix + "@localhost", COOKIE, epmdPort)) {
            assertEquals(":pong\n", beam.eval("Node.ping(:\"" + node.node().name().name() + "\")"));
        }
    }

    @Test
    void theOtherProcshellNodesTakeOverThePortMapper() throws Exception {
        a = node("a");
        b = node("b");
        assertEquals(java.util.Set.of("h" + suffix, "a" + suffix, "b" + suffix), names().keySet());
        closeTheHost();
        // one of a and b now serves the port mapper (in this JVM), and both are registered with it
        await("a and b registered again", () -> names().keySet().equals(java.util.Set.of("a" + suffix, "b" + suffix)));
        Distribution da = (Distribution) a.node().remote();
        assertEquals(names().get("b" + suffix), ((Distribution) b.node().remote()).port());
        assertTrue(da.connect(b.node().name()), "a finds b by name through the new port mapper");
        theBeamFinds(a);
    }

    @Test
    void aRealEpmdThatStartsTakesOver() throws Exception {
        String epmd = epmd();
        Assumptions.assumeTrue(epmd != null, "no epmd on PATH");
        // as erl -start_epmd false: this JVM may not serve the port mapper, so the real epmd does
        System.setProperty(EpmdClient.START_EPMD_PROPERTY, "false");
        try {
            a = node("a");
            closeTheHost();
            run(epmd, "-port", Integer.toString(epmdPort), "-daemon");
            try {
                await("epmd lists a", () -> run(epmd, "-port", Integer.toString(epmdPort), "-names").contains("name a" + suffix + " at port "));
                assertEquals(((Distribution) a.node().remote()).port(), names().get("a" + suffix));
                theBeamFinds(a);
            } finally {
                run(epmd, "-port", Integer.toString(epmdPort), "-kill");
            }
        } finally {
            System.clearProperty(EpmdClient.START_EPMD_PROPERTY);
        }
    }

    private static String epmd() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            java.io.File f = new java.io.File(dir, "epmd");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
