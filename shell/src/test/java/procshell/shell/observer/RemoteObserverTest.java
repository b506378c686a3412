package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.AtomTable;
import procshell.runtime.node.Node;
import procshell.shell.console.Shell;
import procshell.shell.iex.IexSession;

/**
 * {@code observer(:node@host)} on a real Elixir node ({@code elixir --sname}) with nothing
 * installed there, key by key: the process list, read over rpc, shows the node's registered
 * processes ({@code code_server}, {@code application_controller}, an Agent the node started);
 * Enter opens the Agent's page with its {@code Process.info}, its state from
 * {@code :sys.get_state} and its stack as Elixir prints it; {@code k} kills it over the connection.
 * Skipped, saying why, when Elixir is not installed. The same for another procshell node.
 */
@Timeout(120)
class RemoteObserverTest {
    private static final String COOKIE = "observer_cookie";
    private static final int WIDTH = 200;
    private static final int HEIGHT = 120;
    private Shell ps;
    private Shell other;
    private Node node;
    private Process beam;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null) node.detach();
        if (beam != null) {
            beam.destroy();
            if (!beam.waitFor(10, TimeUnit.SECONDS)) beam.destroyForcibly();
        }
        if (ps != null) ps.shutdown();
        if (other != null) other.shutdown();
    }

    private static String elixir() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "elixir");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    /** Starts a BEAM node ({@code name@localhost}) that registers an Agent holding {@code %{known: 1}} and prints READY. */
    private String startBeam(String name, int epmdPort) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(elixir(), "--erl", "-start_epmd false", "--sname", name, "--cookie", COOKIE, "-e",
                "{:ok, _} = Agent.start(fn -> %{known: 1} end, name: :observed_agent); IO.puts(\"READY\"); Process.sleep(:infinity)");
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        pb.redirectErrorStream(true);
        beam = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(beam.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder b = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("READY")) return "READY";
                    b.append(line).append('\n');
                }
            } catch (IOException e) {
                b.append(e);
            }
            return b.toString();
        }).get(60, TimeUnit.SECONDS);
    }

    private static List<String> frame(ObserverView view) {
        return view.frame(WIDTH, HEIGHT).stream().map(l -> l.toString().stripTrailing()).toList();
    }

    /** The first frame, refreshing between frames, for which {@code ready} holds (at most 200 refreshes, 25 ms apart). */
    private static List<String> awaitFrame(ObserverView view, java.util.function.Predicate<List<String>> ready) throws InterruptedException {
        List<String> f = frame(view);
        for (int i = 0; i < 200 && !ready.test(f); i++) {
            Thread.sleep(25);
            view.refresh();
            f = frame(view);
        }
        assertTrue(ready.test(f), String.join("\n", f));
        return f;
    }

    private static List<String> section(List<String> frame, String title) {
        return ObservedShell.section(frame, title);
    }

    @Test
    void observerOfARealBeamNodeListsItsRegisteredProcessesAndOpensAPage() throws Exception {
        Assumptions.assumeTrue(elixir() != null, "RemoteObserverTest skipped: no `elixir` on PATH (.ci/run installs it)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        ps = new Shell("p" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000));
        String beamName = "b" + suffix + "@localhost";
        assertEquals("READY", startBeam(beamName, port));
        node = ps.node();
        node.attach();
        ObserverView view = new ObserverView(IexSession.of(node), Atom.of(beamName));

        List<String> list = frame(view);
        assertTrue(list.get(0).startsWith("procshell observer  " + beamName + " (over rpc from " + node.name().name() + ")"), list.get(0));
        assertEquals(ProcessList.COLUMNS, ObserverViewsTest.cells(list.get(3)), () -> String.join("\n", list));
        List<String> names = list.subList(4, list.size()).stream().filter(l -> !l.isEmpty()).map(l -> ObserverViewsTest.cells(l).get(1)).toList();
        for (String registered : List.of("code_server", "application_controller", "init", "observed_agent")) {
            assertTrue(names.contains(registered), registered + " is listed:\n" + String.join("\n", list));
        }

        view.handle(ObserverKey.TREES);
        List<String> trees = frame(view);
        assertTrue(trees.stream().anyMatch(l -> l.matches(":kernel_sup #PID<\\d+\\.\\d+\\.\\d+>")), String.join("\n", trees));
        assertTrue(trees.stream().anyMatch(l -> l.matches("[├└]── :code_server #PID<\\d+\\.\\d+\\.\\d+>")),
                "kernel_sup's child, from :supervisor.which_children:\n" + String.join("\n", trees));

        view.handle(ObserverKey.TABLES);
        List<String> tables = frame(view);
        assertEquals(procshell.shell.iex.TableViewer.COLUMNS, ObserverViewsTest.cells(tables.get(3)));
        List<String> acTab = tables.stream().filter(l -> l.startsWith("ac_tab ")).map(ObserverViewsTest::cells).findFirst()
                .orElseThrow(() -> new AssertionError("no ac_tab in\n" + String.join("\n", tables)));
        assertEquals("application_controller", acTab.get(4), "the application controller's table, with its owner's name");

        view.handle(ObserverKey.PORTS);
        List<String> ports = frame(view);
        assertEquals(PortList.COLUMNS, ObserverViewsTest.cells(ports.get(3)));
        int ours = ((procshell.runtime.dist.Distribution) node.remote()).channels().stream()
                .filter(c -> c.peer().name().equals(beamName)).findFirst().orElseThrow().local().getPort();
        List<List<String>> rows = ports.subList(4, ports.size()).stream().filter(l -> !l.isEmpty()).map(ObserverViewsTest::cells).toList();
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("tcp_inet") && r.get(4).endsWith(":" + ours) && r.get(5).equals("connected")),
                "the BEAM's end of our distribution connection:\n" + String.join("\n", ports));
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("tcp_inet") && r.get(4).equals("-") && r.get(5).equals("listen")),
                "the BEAM's distribution listener:\n" + String.join("\n", ports));
        view.handle(ObserverKey.PROCESSES);

        // Enter opens the row selected in the last frame drawn: count the rows down to the Agent there
        List<String> shown = frame(view);
        int agentRow = shown.subList(4, shown.size()).stream().filter(l -> !l.isEmpty()).map(l -> ObserverViewsTest.cells(l).get(1)).toList()
                .indexOf("observed_agent");
        for (int i = 0; i < agentRow; i++) view.handle(ObserverKey.DOWN);
        view.handle(ObserverKey.OPEN);
        List<String> page = frame(view);
        assertTrue(page.get(3).matches("Process #PID<\\d+\\.\\d+\\.\\d+>  :observed_agent  waiting  \\(read .*"), page.get(3));
        List<String> info = section(page, "Info");
        assertEquals(List.of("  registered_name: :observed_agent", "  current_function: {:gen_server, :loop, 7}",
                "  initial_call: {:proc_lib, :init_p, 5}", "  status: :waiting", "  message_queue_len: 0"), info.subList(0, 5));
        assertEquals(List.of("  %{known: 1}"), section(page, "State"));
        assertEquals(List.of("  (stdlib 4.2) gen_server.erl:871: :gen_server.loop/7", "  (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3"),
                section(page, "Stack"));
        // an Agent started from a fn has that fn as its "$initial_call"
        assertTrue(section(page, "Dictionary").stream().anyMatch(l -> l.startsWith("  \"$initial_call\": {:erl_eval, ")), String.join("\n", page));

        view.handle(ObserverKey.KILL);
        view.handle(ObserverKey.YES);
        // the exit signal travels on its own: the page may need the next refresh to see the death
        List<String> dead = awaitFrame(view, f -> f.get(3).contains(" is dead "));
        assertTrue(dead.get(3).endsWith(" is dead (killed from this page with exit signal :kill); the facts below are from before"), dead.get(3));
        view.handle(ObserverKey.BACK);
        awaitFrame(view, f -> f.stream().noneMatch(l -> l.contains("observed_agent")));
    }

    @Test
    void observerOfAnotherProcshellNodeShowsItsProcessesAndAServersState() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        DistOptions options = DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000);
        ps = new Shell("p" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, options);
        other = new Shell("q" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, options);
        StringWriter typed = new StringWriter();
        other.piped(new BufferedReader(new StringReader(String.join("\n",
                "defmodule Counter do use GenServer; def init(n), do: {:ok, %{n: n}} end",
                "{:ok, _} = GenServer.start(Counter, 7, name: :counter)") + "\n")), new PrintWriter(typed, true)).run();
        assertFalse(typed.toString().contains("** ("), typed::toString);
        node = ps.node();
        node.attach();
        ObserverView view = new ObserverView(IexSession.of(node), other.node().name());

        List<String> list = frame(view);
        List<String> names = list.subList(4, list.size()).stream().filter(l -> !l.isEmpty()).map(l -> ObserverViewsTest.cells(l).get(1)).toList();
        assertTrue(names.contains("counter"), String.join("\n", list));
        for (int i = 0; i < names.indexOf("counter"); i++) view.handle(ObserverKey.DOWN);
        view.handle(ObserverKey.OPEN);
        List<String> page = frame(view);
        assertTrue(page.get(3).matches("Process #PID<\\d+\\.\\d+\\.\\d+>  :counter  waiting  \\(read .*"), page.get(3));
        assertEquals(List.of("  registered_name: :counter", "  current_function: {:gen_server, :loop, 7}",
                "  initial_call: {:proc_lib, :init_p, 5}", "  status: :waiting", "  message_queue_len: 0"), section(page, "Info").subList(0, 5));
        assertEquals(List.of("  %{n: 7}"), section(page, "State"));
        assertTrue(section(page, "Dictionary").contains("  \"$initial_call\": {Counter, :init, 1}"), String.join("\n", page));
    }
}
