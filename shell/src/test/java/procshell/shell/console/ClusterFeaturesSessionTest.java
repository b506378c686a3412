package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.AtomTable;

/**
 * A mixed cluster's rows of issue 17 beyond names and locks: output of remote calls going to the
 * caller's shell (the group leader travels with {@code :rpc}, {@code :erpc} and {@code Node.spawn}),
 * and OTP 25's {@code :global} beyond names and locks: {@code prevent_overlapping_partitions}
 * ({@code :lost_connection} / {@code :remove_connection}: when one link of a three-node mesh is cut,
 * the middle node leaves one side, so that no node is connected to both), the same turned off
 * ({@code -kernel prevent_overlapping_partitions false}, here {@link DistOptions#withPreventOverlappingPartitions}),
 * {@code :global.info/0}, {@code :global.disconnect/0} and {@code register_name_external}. Every
 * scenario runs with BEAM nodes only first (the oracle), then with a procshell node in each role;
 * what each node prints must be the same (pids and node names aside). Skipped, saying why, when
 * Elixir is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFeaturesSessionTest {
    private static final String COOKIE = "partitions_cookie";
    /** Waits (polling, up to 30 s) until the expression, typed on a node, is true. */
    private static final String WAIT = "Enum.any?(1..300, fn _ -> (%s) || (Process.sleep(100); false) end)";
    /** True when every node this one is connected to sees the same partition as this one (no overlap). */
    private static final String NO_OVERLAP = "Enum.all?(Node.list(), fn n -> Enum.sort([n | :rpc.call(n, Node, :list, [])])"
            + " == Enum.sort([node() | Node.list()]) end)";

    private Shell ps;
    private Shell psOff;
    private BeamShell a;
    private BeamShell c;
    private BeamShell d;
    private BeamShell off;
    private final List<ClusterSide> all = new ArrayList<>();

    /** One input typed on the node of a role: x, y or z. */
    private record Step(char on, String input, String expected) {}

    @BeforeAll
    void start() throws IOException {
        String exe = BeamShell.elixir();
        if (exe == null) System.out.println("ClusterFeaturesSessionTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        DistOptions dist = DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000);
        ps = new Shell("b" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, dist.withPreventOverlappingPartitions(true));
        psOff = new Shell("h" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, dist.withPreventOverlappingPartitions(false));
        a = BeamShell.start("a" + suffix + "@localhost", COOKIE, port);
        c = BeamShell.start("c" + suffix + "@localhost", COOKIE, port);
        d = BeamShell.start("d" + suffix + "@localhost", COOKIE, port);
        off = BeamShell.start("e" + suffix + "@localhost", COOKIE, port, "-kernel prevent_overlapping_partitions false");
        all.addAll(List.of(ClusterSide.of(ps), ClusterSide.of(psOff), ClusterSide.of(a), ClusterSide.of(c), ClusterSide.of(d),
                ClusterSide.of(off)));
    }

    @AfterAll
    void stop() {
        for (BeamShell b : new BeamShell[] {a, c, d, off}) if (b != null) b.close();
        if (ps != null) ps.shutdown();
        if (psOff != null) psOff.shutdown();
    }

    /** No node is connected to another after a scenario (and no name is left). */
    @AfterEach
    void apart() {
        for (ClusterSide s : all) s.eval().apply("Enum.each(Node.list(), &Node.disconnect/1)");
        for (ClusterSide s : all) {
            assertEquals("true", s.type(waitFor("Node.list() == [] and :global.registered_names() == []")), s.name() + " is apart from the others");
        }
    }

    private static String waitFor(String condition) {
        return WAIT.formatted(condition);
    }

    private static Step x(String input, String expected) {
        return new Step('x', input, expected);
    }

    private static Step y(String input, String expected) {
        return new Step('y', input, expected);
    }

    private static Step z(String input, String expected) {
        return new Step('z', input, expected);
    }

    /** Runs the steps with {@code x}, {@code y} (and {@code z}) bound on every side to the nodes' names. */
    private static List<String> run(List<ClusterSide> sides, List<Step> steps) {
        String roles = "xyz";
        StringBuilder bind = new StringBuilder();
        for (int i = 0; i < sides.size(); i++) bind.append(roles.charAt(i)).append(" = :\"").append(sides.get(i).name()).append("\"; ");
        for (ClusterSide s : sides) s.eval().apply(bind + ":ok");
        List<String> out = new ArrayList<>();
        for (Step step : steps) {
            String o = sides.get(roles.indexOf(step.on())).type(step.input());
            for (int i = 0; i < sides.size(); i++) {
                String n = sides.get(i).name();
                String role = ":" + Character.toUpperCase(roles.charAt(i));
                o = o.replace(":\"" + n + "\"", role).replace(":" + n, role);
            }
            out.add(step.on() + "> " + step.input() + " => " + o.replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<>"));
        }
        return out;
    }

    private void same(String what, List<List<ClusterSide>> configurations, List<Step> steps) {
        List<String> want = new ArrayList<>();
        for (Step s : steps) want.add(s.on() + "> " + s.input() + " => " + s.expected());
        boolean first = true;
        for (List<ClusterSide> sides : configurations) {
            if (!first) apart();
            first = false;
            StringBuilder who = new StringBuilder(what);
            for (ClusterSide s : sides) who.append(' ').append(s.name());
            assertEquals(want, run(sides, steps), who.toString());
        }
    }

    /** x, y and z meet (y in the middle) and end fully connected and synced. */
    private static List<Step> mesh() {
        return List.of(
                x("Node.connect(y)", "true"),
                y("Node.connect(z)", "true"),
                x(waitFor("Enum.sort(Node.list()) == Enum.sort([y, z])"), "true"),
                y(waitFor("Enum.sort(Node.list()) == Enum.sort([x, z])"), "true"),
                z(waitFor("Enum.sort(Node.list()) == Enum.sort([x, y])"), "true"),
                x(":global.sync()", ":ok"),
                y(":global.sync()", ":ok"),
                z(":global.sync()", ":ok"));
    }

    /**
     * x cuts its link to z: both tell y ({@code :lost_connection}), y asks the lost node to leave
     * it, and no node stays connected to both sides. Which of x and z keeps y is a race on the
     * BEAM as well; what a person sees everywhere is partitions that do not overlap.
     */
    @Test
    void aCutLinkLeavesNoOverlappingPartitions() {
        List<Step> steps = new ArrayList<>(mesh());
        steps.addAll(List.of(
                x(":erlang.disconnect_node(z)", "true"),
                x(waitFor("z not in Node.list()"), "true"),
                z(waitFor("x not in Node.list()"), "true"),
                y(waitFor("not (x in Node.list() and z in Node.list())"), "true"),
                x(waitFor(NO_OVERLAP), "true"),
                y(waitFor(NO_OVERLAP), "true"),
                z(waitFor(NO_OVERLAP), "true"),
                x("elem(:global.info(), 1)", "{:conf, true, true}")));
        ClusterSide pa = ClusterSide.of(a);
        ClusterSide pb = ClusterSide.of(ps);
        ClusterSide pc = ClusterSide.of(c);
        ClusterSide pd = ClusterSide.of(d);
        same("prevent_overlapping_partitions:", List.of(
                List.of(pa, pd, pc), // BEAM only: the oracle
                List.of(pb, pa, pc), // procshell cuts the link and tells
                List.of(pa, pb, pc), // procshell in the middle acts on the news
                List.of(pa, pc, pb)), // procshell is asked to leave
                steps);
    }

    /**
     * With {@code prevent_overlapping_partitions} false, the node in the middle ignores the news
     * of x and z (which still send it) and stays connected to both.
     */
    @Test
    void turnedOffTheMiddleNodeKeepsBothSides() {
        List<Step> steps = new ArrayList<>(mesh());
        steps.addAll(List.of(
                y("elem(:global.info(), 1)", "{:conf, true, false}"),
                x(":erlang.disconnect_node(z)", "true"),
                x(waitFor("not Map.has_key?(elem(:global.info(), 2), z)"), "true"),
                z(waitFor("not Map.has_key?(elem(:global.info(), 2), x)"), "true"),
                // rex's call comes after the news on the same connection: y has had it by now
                x(":rpc.call(y, :global, :info, []) |> elem(1)", "{:conf, true, false}"),
                z(":rpc.call(y, :global, :info, []) |> elem(1)", "{:conf, true, false}"),
                y("Enum.sort(Node.list()) == Enum.sort([x, z])", "true")));
        ClusterSide pa = ClusterSide.of(a);
        ClusterSide pc = ClusterSide.of(c);
        same("prevent_overlapping_partitions false in the middle:", List.of(
                List.of(pa, ClusterSide.of(off), pc), // BEAM only: the oracle
                List.of(pa, ClusterSide.of(psOff), pc)),
                steps);
    }

    /**
     * What a call on another node prints goes to the caller's shell (the remote process's group
     * leader is the caller's), never to the other node's, whichever runtime each side is.
     */
    @Test
    void remoteOutputGoesToTheCallersShell() {
        List<Step> steps = List.of(
                x("Node.connect(y)", "true"),
                x(":rpc.call(y, IO, :puts, [\"from rpc\"])", "from rpc :ok"),
                x(":rpc.block_call(y, IO, :puts, [\"from block_call\"])", "from block_call :ok"),
                x(":erpc.call(y, IO, :puts, [\"from erpc\"])", "from erpc :ok"),
                x(":rpc.call(y, IO, :inspect, [{:node, y}]) == {:node, y}", "{:node, :Y} true"),
                x("{_, ref} = Node.spawn_monitor(y, IO, :puts, [\"from spawn\"]); receive do {:DOWN, ^ref, _, _, r} -> r end",
                        "from spawn :normal"),
                x("{_, ref} = Node.spawn_monitor(y, Process, :group_leader, []); receive do {:DOWN, ^ref, _, _, r} -> r end", ":normal"),
                x("{_, ref} = Node.spawn_monitor(y, fn -> IO.puts(\"from a fn\") end); receive do {:DOWN, ^ref, _, _, r} -> r end",
                        "from a fn :normal"),
                x("me = self(); Node.spawn(y, fn -> send(me, {:gl, node(Process.group_leader())}) end); "
                        + "receive do {:gl, n} -> n after 30_000 -> :none end", ":X"),
                y("t = spawn(fn -> receive do {:go, from} -> IO.puts(\"after group_leader/2\"); send(from, :done) end end); "
                        + "Process.register(t, :gl_target)", "true"),
                x(":erlang.group_leader(Process.group_leader(), :rpc.call(y, Process, :whereis, [:gl_target]))", "true"),
                x("send({:gl_target, y}, {:go, self()}); receive do :done -> :done after 30_000 -> :none end", "after group_leader/2 :done"),
                y(":nothing_printed_here", ":nothing_printed_here"),
                y(":rpc.call(x, IO, :puts, [\"back\"])", "back :ok"),
                x(":nothing_printed_here", ":nothing_printed_here"));
        ClusterSide pa = ClusterSide.of(a);
        ClusterSide pb = ClusterSide.of(ps);
        ClusterSide pc = ClusterSide.of(c);
        same("remote output:", List.of(List.of(pa, pc), List.of(pa, pb), List.of(pb, pc)), steps);
    }

    /** {@code :global.info/0}, {@code register_name_external/2} and {@code disconnect/0} between two nodes. */
    @Test
    void infoExternalNamesAndDisconnect() {
        List<Step> steps = List.of(
                x("Node.connect(y)", "true"),
                x(":global.sync()", ":ok"),
                y(":global.sync()", ":ok"),
                x(":global.register_name_external(:ext, self())", ":yes"),
                y("node(:global.whereis_name(:ext)) == x", "true"),
                y(":global.register_name_external(:ext, self())", ":no"),
                x("GenServer.call(:global_name_server, :get_names_ext) |> Enum.map(fn {n, _, r} -> {n, r} end)", "[ext: :X]"),
                y("GenServer.call(:global_name_server, :get_names_ext) |> Enum.map(fn {n, _, r} -> {n, r} end)", "[ext: :X]"),
                x(":global.unregister_name_external(:ext)", ":ok"),
                y(waitFor(":global.whereis_name(:ext) == :undefined"), "true"),
                x("GenServer.call(:global_name_server, :get_names_ext)", "[]"),
                x("{elem(:global.info(), 0), elem(:global.info(), 1), elem(:global.info(), 6) == node()}", "{:state, {:conf, true, true}, true}"),
                x("Map.get(elem(:global.info(), 2), y)", "8"),
                x("elem(:global.info(), 3)", "[:Y]"),
                y(":global.disconnect()", "[:X]"),
                y("Node.list()", "[]"),
                x(waitFor("Node.list() == []"), "true"),
                x(waitFor("not Map.has_key?(elem(:global.info(), 2), y)"), "true"),
                x("elem(:global.info(), 3)", "[]"));
        ClusterSide pa = ClusterSide.of(a);
        ClusterSide pb = ClusterSide.of(ps);
        ClusterSide pc = ClusterSide.of(c);
        same("global info/disconnect/external:", List.of(List.of(pa, pc), List.of(pa, pb), List.of(pb, pc)), steps);
    }
}
