package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.AtomTable;

/**
 * The kill storm in a mixed cluster: a procshell shell and a real Elixir node that stay, and in
 * every round one more of each that join, register names through {@code :global} (their own, and
 * shared ones they all race for), kill some of their named processes, and are then killed
 * themselves. After each round every survivor must hold the same names, each held by a live
 * process of a live node, and exactly the ones expected: nothing stale anywhere. The suite runs two
 * small rounds; {@code -Dprocshell.stress=true} (as {@code StormTest}) adds a longer storm.
 * Skipped, saying why, when Elixir is not installed.
 */
class GlobalStormSessionTest {
    private static final String COOKIE = "storm_cookie";
    private static final String WAIT = "Enum.any?(1..600, fn _ -> (%s) || (Process.sleep(100); false) end)";

    private final List<AutoCloseable> started = new ArrayList<>();
    private String suffix;
    private int port;

    @BeforeEach
    void start() throws IOException {
        String exe = BeamShell.elixir();
        if (exe == null) System.out.println("GlobalStormSessionTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started.reversed()) c.close();
    }

    @Test
    void aSmallMixedStormLeavesNoStaleName() throws IOException {
        storm(2, 4);
    }

    @Test
    @EnabledIfSystemProperty(named = "procshell.stress", matches = "true")
    void aLongMixedStormLeavesNoStaleName() throws IOException {
        storm(8, 30);
    }

    private Shell procshell(String name) {
        Shell s = new Shell(name + suffix + "@localhost", AtomTable.DEFAULT_LIMIT,
                DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000));
        started.add(s::shutdown);
        return s;
    }

    private BeamShell beam(String name) throws IOException {
        BeamShell b = BeamShell.start(name + suffix + "@localhost", COOKIE, port);
        started.add(b);
        return b;
    }

    /**
     * {@code rounds} rounds of {@code names} own names per node (half of them then killed) and
     * {@code names} shared names all nodes race for.
     */
    private void storm(int rounds, int names) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        started.add(pool::shutdownNow);
        Shell p = procshell("p"); // first: its port mapper serves the others
        ClusterSide stayP = ClusterSide.of(p);
        ClusterSide stayB = ClusterSide.of(beam("e"));
        assertEquals("true", stayB.type("Node.connect(:\"" + stayP.name() + "\")"));
        for (int round = 1; round <= rounds; round++) {
            Shell q = procshell("q" + round);
            BeamShell v = beam("v" + round);
            ClusterSide goneP = ClusterSide.of(q);
            ClusterSide goneB = ClusterSide.of(v);
            List<ClusterSide> all = List.of(stayP, stayB, goneP, goneB);
            assertEquals("true", goneP.type("Node.connect(:\"" + stayB.name() + "\")"));
            assertEquals("true", goneB.type("Node.connect(:\"" + stayP.name() + "\")"));
            for (ClusterSide s : all) {
                assertEquals("true", s.type(WAIT.formatted("length(Node.list()) == 3")), s.name() + " meets the three others");
            }
            // global has synced everyone with everyone: each node knows the three others
            for (ClusterSide s : all) {
                assertEquals(":ok", s.type(":global.sync()"), s.name() + " syncs");
                assertEquals("true", s.type(WAIT.formatted("length(GenServer.call(:global_name_server, :get_known)) == 3")),
                        s.name() + " knows the three others");
            }
            // every node at once: its own names, half of them killed, and a race for the shared ones
            String r = Integer.toString(round);
            List<CompletableFuture<String>> work = new ArrayList<>();
            for (ClusterSide s : all) {
                work.add(CompletableFuture.supplyAsync(() -> s.type(
                        "own = for i <- 1..N, do: (pid = spawn(fn -> receive do :stop -> :ok end end); :yes = :global.register_name({:own, node(), R, i}, pid); pid)"
                                .replace("N", Integer.toString(names)).replace("R", r)
                        + "; own |> Enum.take(div(length(own), 2)) |> Enum.each(&Process.exit(&1, :kill))"
                        + "; for i <- 1..N, :global.register_name({:shared, R, i}, spawn(fn -> receive do :stop -> :ok end end)) == :yes, do: i"
                                .replace("N", Integer.toString(names)).replace("R", r)), pool));
            }
            List<Integer> won = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) answers.add(all.get(k).name() + " won " + work.get(k).join());
            for (CompletableFuture<String> w : work) {
                String out = w.join();
                assertTrue(out.matches("\\[[\\d, ]*\\]"), "a node's shared names: " + out);
                for (String i : out.replaceAll("[\\[\\] ]", "").split(",")) if (!i.isEmpty()) won.add(Integer.parseInt(i));
            }
            won.sort(null);
            List<Integer> each = new ArrayList<>();
            for (int i = 1; i <= names; i++) each.add(i);
            assertEquals(each, won, "every shared name was won by exactly one node: " + answers);
            // the two newcomers die: the BEAM node halts at once (no goodbye), procshell's shuts down
            assertEquals(":halting", goneB.type("spawn(fn -> Process.sleep(200); :erlang.halt() end); :halting"));
            q.shutdown();
            for (ClusterSide s : List.of(stayP, stayB)) {
                assertEquals("true", s.type(WAIT.formatted("Enum.sort(Node.list()) == [:\"" + other(s, stayP, stayB).name() + "\"]")),
                        s.name() + " sees the newcomers go");
                assertEquals(":ok", s.type(":global.sync()"));
            }
            // no stale name: each survivor holds its own live names and the shared names of survivors
            String check = "Enum.all?(:global.registered_names(), fn n -> p = :global.whereis_name(n); is_pid(p) and "
                    + "node(p) in [node() | Node.list()] and :erpc.call(node(p), Process, :alive?, [p]) end)";
            for (ClusterSide s : List.of(stayP, stayB)) {
                assertEquals("true", s.type(WAIT.formatted(check)), s.name() + ": every name is held by a live process");
                assertEquals("true", s.type(WAIT.formatted("Enum.all?(:global.registered_names(), fn {:own, n, _, _} -> n in [node() | Node.list()]; "
                        + "{:shared, _, _} -> true end)")), s.name() + ": no name of a dead node");
            }
            String namesP = stayP.type("Enum.sort(:global.registered_names())");
            assertEquals(namesP, stayB.type("Enum.sort(:global.registered_names())"), "both survivors hold the same names");
            String ownCount = stayP.type("Enum.count(:global.registered_names(), &match?({:own, _, _, _}, &1))");
            assertEquals(Integer.toString(2 * round * (names - names / 2)), ownCount, "the live own names of the two survivors");
        }
    }

    private static ClusterSide other(ClusterSide s, ClusterSide a, ClusterSide b) {
        return s == a ? b : a;
    }
}
