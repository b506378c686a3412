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
 * {@code :global} as one name space across runtimes: two real Elixir nodes ({@code a…} and
 * {@code c…}) and one procshell shell ({@code b…}), so that in node-name order procshell sits
 * between them. Each scenario is typed by two sides, {@code x} (the smaller node name, which
 * resolves name clashes) and {@code y}, three times: BEAM {@code a} with BEAM {@code c} (the
 * oracle), BEAM {@code a} with procshell {@code b} (the BEAM resolves), procshell {@code b} with
 * BEAM {@code c} (procshell resolves); the three transcripts must be the same (pids and node names
 * aside). Every scenario starts and ends with no node connected. Skipped, saying why, when Elixir
 * is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalMixedSessionTest {
    private static final String COOKIE = "global_cookie";
    /** Waits (polling, up to 30 s) until the expression, typed on a node, is true. */
    private static final String WAIT = "Enum.any?(1..300, fn _ -> (%s) || (Process.sleep(100); false) end)";

    private Shell ps;
    private BeamShell a;
    private BeamShell c;

    /** One input, typed on side {@code x} or {@code y}. */
    private record Step(char on, String input, String expected) {}

    @BeforeAll
    void start() throws IOException {
        String exe = BeamShell.elixir();
        if (exe == null) System.out.println("GlobalMixedSessionTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        ps = new Shell("b" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT,
                DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000));
        a = BeamShell.start("a" + suffix + "@localhost", COOKIE, port);
        c = BeamShell.start("c" + suffix + "@localhost", COOKIE, port);
    }

    @AfterAll
    void stop() {
        if (a != null) a.close();
        if (c != null) c.close();
        if (ps != null) ps.shutdown();
    }

    /** No node is connected to another after a scenario (and no name of it is left). */
    @AfterEach
    void apart() {
        if (ps == null) return;
        for (ClusterSide s : List.of(beam(a), procshell(), beam(c))) s.eval().apply("Enum.each(Node.list(), &Node.disconnect/1)");
        for (ClusterSide s : List.of(beam(a), procshell(), beam(c))) {
            assertEquals("true", s.type(WAIT.formatted("Node.list() == [] and :global.registered_names() == []")),
                    s.name() + " is apart from the others");
        }
    }

    private ClusterSide procshell() {
        return ClusterSide.of(ps);
    }

    private static ClusterSide beam(BeamShell b) {
        return ClusterSide.of(b);
    }

    /** Runs the steps with {@code x} and {@code y} bound on both sides to the two node names. */
    private static List<String> run(ClusterSide x, ClusterSide y, List<Step> steps) {
        String bind = "x = :\"" + x.name() + "\"; y = :\"" + y.name() + "\"";
        x.eval().apply(bind);
        y.eval().apply(bind);
        List<String> out = new ArrayList<>();
        for (Step step : steps) {
            ClusterSide side = step.on() == 'x' ? x : y;
            String o = side.type(step.input())
                    .replace(":\"" + x.name() + "\"", ":X").replace(":" + x.name(), ":X")
                    .replace(":\"" + y.name() + "\"", ":Y").replace(":" + y.name(), ":Y")
                    .replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<>")
                    .replaceAll("#Reference<[\\d.]+>", "#Reference<>");
            out.add(step.on() + "> " + step.input() + " => " + o);
        }
        return out;
    }

    /** The steps BEAM with BEAM (the oracle), BEAM with procshell and procshell with BEAM: each as expected. */
    private void sameEverywhere(List<Step> steps) {
        List<String> want = new ArrayList<>();
        for (Step s : steps) want.add(s.on() + "> " + s.input() + " => " + s.expected());
        assertEquals(want, run(beam(a), beam(c), steps), "BEAM a with BEAM c (the oracle)");
        apart();
        assertEquals(want, run(beam(a), procshell(), steps), "BEAM a with procshell b (the BEAM resolves)");
        apart();
        assertEquals(want, run(procshell(), beam(c), steps), "procshell b with BEAM c (procshell resolves)");
    }

    private static Step x(String input, String expected) {
        return new Step('x', input, expected);
    }

    private static Step y(String input, String expected) {
        return new Step('y', input, expected);
    }

    private static String waitFor(String condition) {
        return WAIT.formatted(condition);
    }

    @Test
    void namesAreOneSpaceAcrossRuntimes() {
        sameEverywhere(List.of(
                y("Node.connect(x)", "true"),
                y(":global.sync()", ":ok"),
                x(":global.sync()", ":ok"),
                x("px = spawn(fn -> receive do :stop -> :ok end end); :global.register_name(:gx, px)", ":yes"),
                y("py = spawn(fn -> receive do :stop -> :ok end end); :global.register_name(:gy, py)", ":yes"),
                x(":global.register_name(:gy, self())", ":no"),
                y(":global.register_name(:gx, self())", ":no"),
                x("node(:global.whereis_name(:gy)) == y", "true"),
                y("node(:global.whereis_name(:gx)) == x", "true"),
                x("Enum.sort(:global.registered_names())", "[:gx, :gy]"),
                y("Enum.sort(:global.registered_names())", "[:gx, :gy]"),
                x(":global.register_name(:gx2, px)", ":no"),
                y("e = spawn(fn -> receive do {from, m} -> send(from, {:echo, m, node()}) end end); :global.register_name(:echo, e)", ":yes"),
                x(":global.send(:echo, {self(), :hi}); receive do {:echo, _, _} = m -> m after 30_000 -> :none end", "{:echo, :hi, :Y}"),
                y(waitFor(":global.whereis_name(:echo) == :undefined"), "true"),
                x(waitFor(":global.whereis_name(:echo) == :undefined"), "true"),
                x(":global.send(:gy, :stop); :sent", ":sent"),
                x(waitFor(":global.whereis_name(:gy) == :undefined"), "true"),
                y(waitFor(":global.whereis_name(:gy) == :undefined"), "true"),
                x(":global.unregister_name(:gx)", ":ok"),
                y(":global.whereis_name(:gx)", ":undefined"),
                x(waitFor(":global.registered_names() == []"), "true"),
                y(":global.registered_names()", "[]"),
                x("send(px, :stop); :global.sync()", ":ok")));
    }

    @Test
    void locksExcludeAcrossRuntimes() {
        sameEverywhere(List.of(
                x("Node.connect(y)", "true"),
                x(":global.sync()", ":ok"),
                y(":global.sync()", ":ok"),
                x(":global.set_lock({:res, :me})", "true"),
                y(":global.set_lock({:res, :you}, [node() | Node.list()], 0)", "false"),
                y(":global.trans({:res, :you}, fn -> :inside end, [node() | Node.list()], 0)", ":aborted"),
                x(":global.set_lock({:res, :me})", "true"),
                x(":global.del_lock({:res, :me})", "true"),
                y(":global.trans({:res, :you}, fn -> :inside end, [node() | Node.list()], 0)", ":inside"),
                y(":global.set_lock({:res, :you})", "true"),
                x(":global.set_lock({:res, :me}, [node() | Node.list()], 0)", "false"),
                y(":global.del_lock({:res, :you})", "true"),
                x("me = self(); holder = spawn(fn -> send(me, {:set, :global.set_lock({:res2, :h})}); receive do :go -> :ok end end)"
                        + "; receive do {:set, r} -> r end", "true"),
                y(":global.set_lock({:res2, :other}, [node() | Node.list()], 0)", "false"),
                x("Process.exit(holder, :kill)", "true"),
                y(waitFor(":global.set_lock({:res2, :other}, [node() | Node.list()], 0)"), "true"),
                y(":global.del_lock({:res2, :other})", "true")));
    }

    @Test
    void aClashMadeApartIsResolvedAsTheBeamResolvesIt() {
        sameEverywhere(List.of(
                x("px = spawn(fn -> receive do :stop -> :ok end end); rx = Process.monitor(px); :global.register_name(:clash, px)", ":yes"),
                y("py = spawn(fn -> receive do :stop -> :ok end end); ry = Process.monitor(py); :global.register_name(:clash, py)", ":yes"),
                x("qx = spawn(fn -> receive do :stop -> :ok end end); :global.register_name(:only_x, qx)", ":yes"),
                x("Node.connect(y)", "true"),
                x(":global.sync()", ":ok"),
                y(":global.sync()", ":ok"),
                y("receive do {:DOWN, ^ry, :process, _, r} -> r after 30_000 -> :alive end", ":killed"),
                x("receive do {:DOWN, ^rx, :process, _, r} -> r after 500 -> :alive end", ":alive"),
                x(":global.whereis_name(:clash) == px", "true"),
                y(waitFor("node(:global.whereis_name(:clash)) == x"), "true"),
                y("node(:global.whereis_name(:only_x)) == x", "true"),
                y("Enum.sort(:global.registered_names())", "[:clash, :only_x]"),
                x("send(px, :stop); send(qx, :stop); " + waitFor(":global.registered_names() == []"), "true")));
    }

    @Test
    void aClashResolvedByNotifyingKeepsTheNameForNeither() {
        String report = "me = self(); p = spawn(fn -> receive do m -> send(me, {:got, m}) end end); ";
        sameEverywhere(List.of(
                x(report + ":global.register_name(:nclash, p, &:global.notify_all_name/3)", ":yes"),
                y(report + ":global.register_name(:nclash, p)", ":yes"),
                x("Node.connect(y)", "true"),
                x(":global.sync()", ":ok"),
                y(":global.sync()", ":ok"),
                x("receive do {:got, {:global_name_conflict, :nclash, other}} -> node(other) == y after 30_000 -> :none end", "true"),
                y("receive do {:got, {:global_name_conflict, :nclash, other}} -> node(other) == x after 30_000 -> :none end", "true"),
                x(waitFor(":global.whereis_name(:nclash) == :undefined"), "true"),
                y(waitFor(":global.whereis_name(:nclash) == :undefined"), "true"),
                x("Node.disconnect(y)", "true"),
                x(waitFor("Node.list() == []"), "true"),
                y(waitFor("Node.list() == []"), "true"),
                x(report + ":global.register_name(:rclash, p, &:global.random_notify_name/3)", ":yes"),
                y(report + ":global.register_name(:rclash, p)", ":yes"),
                y("Node.connect(x)", "true"),
                y(":global.sync()", ":ok"),
                x(":global.sync()", ":ok"),
                y("receive do {:got, m} -> m after 30_000 -> :none end", "{:global_name_conflict, :rclash}"),
                x(waitFor(":global.whereis_name(:rclash) == p"), "true"),
                y(waitFor("node(:global.whereis_name(:rclash)) == x"), "true"),
                x("send(p, :stop); " + waitFor(":global.registered_names() == []"), "true")));
    }

    /**
     * BEAM a holds a name of procshell b's process; BEAM c, apart, registered the same name and
     * joins a. a (the smaller of a and c) resolves the clash by asking b, the holder's node, over
     * rpc ({@code :global.resolve_it/4}): the default method keeps the process on the smaller node
     * (b) and kills c's, and all three agree, as with three BEAM nodes.
     */
    @Test
    void aBeamNodeResolvesAClashOverAProcessHeldHere() {
        String an = a.name();
        String bn = ps.node().name().name();
        ClusterSide pa = beam(a);
        ClusterSide pb = procshell();
        ClusterSide pc = beam(c);
        assertEquals("true", pa.type("Node.connect(:\"" + bn + "\")"));
        assertEquals(":yes", pb.type("held = spawn(fn -> receive do :stop -> :ok end end); :global.register_name(:held_here, held)"));
        try {
            resolvedHere(pa, pb, pc, an, bn);
        } finally {
            pb.eval().apply("send(held, :stop)");
            pc.eval().apply("if Process.get(:other_pid), do: send(Process.get(:other_pid), :stop)");
        }
    }

    private void resolvedHere(ClusterSide pa, ClusterSide pb, ClusterSide pc, String an, String bn) {
        assertEquals("true", pa.type(waitFor(heldOn(bn))));
        assertEquals(":yes", pc.type("other = spawn(fn -> receive do :stop -> :ok end end); Process.put(:other_pid, other); ro = Process.monitor(other); :global.register_name(:held_here, other)"));
        assertEquals("true", pc.type("Node.connect(:\"" + an + "\")"));
        assertEquals(":killed", pc.type("receive do {:DOWN, ^ro, :process, _, r} -> r after 30_000 -> :alive end"));
        for (ClusterSide s : List.of(pa, pb, pc)) {
            assertEquals("true", s.type(waitFor(heldOn(bn))), s.name() + " keeps b's process");
        }
        assertEquals("true", pb.type("Process.alive?(held)"));
    }

    /** True on a node once :held_here names a process of node {@code n} (never raising while it is :undefined). */
    private static String heldOn(String n) {
        return "match?(p when is_pid(p) and node(p) == :\"" + n + "\", :global.whereis_name(:held_here))";
    }

    @Test
    void threeNodesOfBothRuntimesEndFullyConnected() {
        String an = a.name();
        String bn = ps.node().name().name();
        String cn = c.name();
        ClusterSide pa = beam(a);
        ClusterSide pb = procshell();
        ClusterSide pc = beam(c);
        // b <-> c, then a -> b: a and c meet (procshell in the middle)
        assertEquals("true", pb.type("Node.connect(:\"" + cn + "\")"));
        assertEquals("true", pa.type("Node.connect(:\"" + bn + "\")"));
        assertAllMeet(pa, pb, pc, an, bn, cn);
        apart();
        // a <-> c, then b -> a: procshell, the newcomer, meets c (a BEAM node in the middle)
        assertEquals("true", pa.type("Node.connect(:\"" + cn + "\")"));
        assertEquals("true", pb.type("Node.connect(:\"" + an + "\")"));
        assertAllMeet(pa, pb, pc, an, bn, cn);
        apart();
        // a <-> b, then c -> a: procshell at the far end meets the newcomer c
        assertEquals("true", pa.type("Node.connect(:\"" + bn + "\")"));
        assertEquals("true", pc.type("Node.connect(:\"" + an + "\")"));
        assertAllMeet(pa, pb, pc, an, bn, cn);
    }

    private void assertAllMeet(ClusterSide pa, ClusterSide pb, ClusterSide pc, String an, String bn, String cn) {
        for (ClusterSide s : List.of(pa, pb, pc)) {
            String others = s == pa ? "[:\"" + bn + "\", :\"" + cn + "\"]" : s == pb ? "[:\"" + an + "\", :\"" + cn + "\"]"
                    : "[:\"" + an + "\", :\"" + bn + "\"]";
            assertEquals("true", s.type(waitFor("Enum.sort(Node.list()) == " + others)), s.name() + " meets both others");
        }
        for (ClusterSide s : List.of(pa, pb, pc)) assertEquals(":ok", s.type(":global.sync()"), s.name() + " syncs");
        // a name registered anywhere is seen everywhere
        assertEquals(":yes", pc.type("mesh = spawn(fn -> receive do :stop -> :ok end end); :global.register_name(:mesh, mesh)"));
        for (ClusterSide s : List.of(pa, pb)) {
            assertEquals("true", s.type("node(:global.whereis_name(:mesh)) == :\"" + cn + "\""), s.name() + " sees :mesh");
        }
        pc.eval().apply("send(mesh, :stop)");
    }
}
