package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.AtomTable;

/**
 * A cluster of two real Elixir nodes (client {@code c1}, server {@code s1}) and one procshell
 * shell: every scenario is typed on a client against a server bound to {@code srv}, three times —
 * BEAM to BEAM (the oracle), BEAM to procshell, procshell to BEAM — and the three transcripts must
 * be the same (pids, references and node names aside), and be what the BEAM gives. Skipped, saying
 * why, when Elixir is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedClusterSessionTest {
    private static final String COOKIE = "mixed_cookie";
    /** What each server defines, typed at its prompt. */
    private static final List<String> SERVER_CODE = List.of("""
            defmodule Srv do
              def double(x), do: x * 2
              def boom(), do: raise "boom"
              def who(), do: node()
            end""", """
            defmodule SrvServer do
              use GenServer
              def init(x), do: {:ok, x}
              def handle_call(:slow, _from, s), do: (Process.sleep(800); {:reply, :late, s})
              def handle_call(:boom, _from, _s), do: raise "boom"
              def handle_call(:ping, _from, s), do: {:reply, :pong, s}
            end""", """
            defmodule Box do
              def start(name), do: (Process.register(spawn(fn -> loop(name) end), name); :ok)
              def loop(name) do
                receive do
                  {from, :ping} -> send(from, {name, node(), :pong})
                  _ -> :ignored
                end
                loop(name)
              end
            end""", "{:ok, _} = GenServer.start(SrvServer, 0, name: :srv)");

    private Shell ps;
    private BeamShell c1;
    private BeamShell s1;
    private String suffix;

    /** One side typing: a BEAM node or procshell's shell. */
    private record Client(String name, Function<String, String> eval) {}

    @BeforeAll
    void start() throws IOException {
        String exe = BeamShell.elixir();
        if (exe == null) System.out.println("MixedClusterSessionTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        // prevent_overlapping_partitions off here (as -kernel prevent_overlapping_partitions false on a BEAM
        // node): the scenarios cut links of a three-node cluster and check what the two nodes of each
        // see, which the third node's partition prevention would change (ClusterFeaturesSessionTest
        // covers it)
        ps = new Shell("p" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT,
                DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000).withPreventOverlappingPartitions(false));
        c1 = BeamShell.start("c" + suffix + "@localhost", COOKIE, port);
        s1 = BeamShell.start("s" + suffix + "@localhost", COOKIE, port);
        for (String code : SERVER_CODE) {
            assertTrue(!s1.eval(code).startsWith("**"), code);
            assertTrue(!type(code).contains("** ("), code);
        }
    }

    @AfterAll
    void stop() {
        if (c1 != null) c1.close();
        if (s1 != null) s1.close();
        if (ps != null) ps.shutdown();
    }

    /** Types one input into procshell's shell: what it printed after the echoed input. */
    private String type(String input) {
        StringWriter out = new StringWriter();
        ps.piped(new BufferedReader(new StringReader(input + "\n")), new PrintWriter(out, true)).run();
        List<String> lines = List.of(out.toString().split("\n", -1));
        int echoed = input.split("\n", -1).length;
        return String.join("\n", lines.subList(Math.min(echoed, lines.size()), lines.size()));
    }

    /** The output without its log entries (a timestamped line up to the next blank line), one line. */
    private static String normalized(String output) {
        return ClusterSide.normalized(output);
    }

    private Client procshell() {
        return new Client(ps.node().name().name(), this::type);
    }

    private static Client beam(BeamShell b) {
        return new Client(b.name(), in -> b.eval(in).strip());
    }

    /** Runs the steps on {@code client} with {@code srv} bound to {@code server}; each output normalized. */
    private static List<String> run(Client client, String server, List<String> steps) {
        List<String> out = new ArrayList<>();
        client.eval().apply("srv = :\"" + server + "\"");
        for (String step : steps) {
            String o = normalized(client.eval().apply(step))
                    .replace(":\"" + server + "\"", ":SRV").replace(":" + server, ":SRV")
                    .replace(":\"" + client.name() + "\"", ":CLI").replace(":" + client.name(), ":CLI")
                    .replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<>")
                    .replaceAll("#Reference<[\\d.]+>", "#Reference<>");
            out.add(step + " => " + o);
        }
        return out;
    }

    /**
     * The steps BEAM to BEAM, BEAM to procshell and procshell to BEAM: each must give {@code expected}
     * (one output per step).
     */
    private void sameEverywhere(List<String> steps, List<String> expected) {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) want.add(steps.get(i) + " => " + expected.get(i));
        assertEquals(want, run(beam(c1), s1.name(), steps), "BEAM -> BEAM (the oracle)");
        assertEquals(want, run(beam(c1), ps.node().name().name(), steps), "BEAM -> procshell");
        assertEquals(want, run(procshell(), s1.name(), steps), "procshell -> BEAM");
    }

    /** As {@link #sameEverywhere}, each pair starting alone: every node leaves the others first. */
    private void sameEverywhereApart(List<String> steps, List<String> expected) {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) want.add(steps.get(i) + " => " + expected.get(i));
        apartAll();
        assertEquals(want, run(beam(c1), s1.name(), steps), "BEAM -> BEAM (the oracle)");
        apartAll();
        assertEquals(want, run(beam(c1), ps.node().name().name(), steps), "BEAM -> procshell");
        apartAll();
        assertEquals(want, run(procshell(), s1.name(), steps), "procshell -> BEAM");
    }

    private void apartAll() {
        List<Client> all = List.of(beam(c1), beam(s1), procshell());
        for (Client c : all) c.eval().apply("Enum.each(Node.list(), &Node.disconnect/1)");
        for (Client c : all) {
            assertEquals("true", normalized(c.eval().apply("Enum.any?(1..300, fn _ -> Node.list() == [] || (Process.sleep(100); false) end)")),
                    c.name() + " is apart from the others");
        }
    }

    @Test
    void exitsOfCrashesReachTheOtherRuntime() {
        sameEverywhere(List.of(
                "try do GenServer.call({:srv, srv}, :boom) catch :exit, {{%RuntimeError{message: m}, [_ | _]}, {GenServer, :call, _}} -> {:crashed, m} end",
                ":rpc.call(srv, GenServer, :start, [SrvServer, 0, [name: :srv]])",
                "{pid, ref} = Node.spawn_monitor(srv, Srv, :boom, [])",
                "receive do {:DOWN, ^ref, :process, ^pid, {%RuntimeError{message: m}, [_ | _]}} -> {:down, m} after 10_000 -> :none end",
                "Process.flag(:trap_exit, true)",
                "Node.spawn_link(srv, Kernel, :exit, [:bye])",
                "receive do {:EXIT, _, r} -> r after 10_000 -> :none end",
                "Process.flag(:trap_exit, false)",
                "GenServer.whereis({:srv, srv})",
                "GenServer.call({:srv, srv}, :ping)"),
                List.of("{:crashed, \"boom\"}", "{:ok, #PID<>}", "{#PID<>, #Reference<>}", "{:down, \"boom\"}", "false", "#PID<>", ":bye",
                        "true", "{:srv, :SRV}", ":pong"));
    }

    @Test
    void aLateReplyIsDropped() {
        sameEverywhere(List.of(
                "try do GenServer.call({:srv, srv}, :slow, 100) catch :exit, {r, {GenServer, :call, _}} -> r end",
                "Process.sleep(1500)",
                "Process.info(self(), :message_queue_len)"),
                List.of(":timeout", ":ok", "{:message_queue_len, 0}"));
    }

    @Test
    void rpcAndErpcCallBothWays() {
        sameEverywhere(List.of(
                ":rpc.call(srv, Srv, :double, [21])",
                ":rpc.call(srv, Srv, :who, [])",
                "match?({:badrpc, {:EXIT, {%RuntimeError{message: \"boom\"}, [_ | _]}}}, :rpc.call(srv, Srv, :boom, []))",
                ":rpc.call(srv, Srv, :nosuch, [1])",
                ":rpc.call(:nobody@localhost, Srv, :who, [])",
                ":erpc.call(srv, String, :upcase, [\"abc\"])",
                "try do :erpc.call(srv, Srv, :boom, []) catch :error, {:exception, %RuntimeError{message: m}, [_ | _]} -> {:raised, m} end",
                "try do :erpc.call(srv, :erlang, :exit, [:bye]) catch :exit, r -> r end",
                "r = :erpc.send_request(srv, Srv, :double, [5])",
                ":erpc.receive_response(r)",
                ":rpc.multicall([srv, :nobody@localhost], Srv, :double, [1])",
                ":rpc.cast(srv, Srv, :double, [1])",
                "node(Node.spawn(srv, Srv, :who, [])) == srv"),
                List.of("42", ":SRV", "true", "{:badrpc, {:EXIT, {:undef, [{Srv, :nosuch, [1], []}]}}}", "{:badrpc, :nodedown}", "\"ABC\"",
                        "{:raised, \"boom\"}", "{:exception, :bye}", "[#Reference<> | #Reference<>]", "10", "{[2], [:nobody@localhost]}",
                        "true", "true"));
    }

    @Test
    void theRexServerTakesBlockCallsBroadcastsAndServerCalls() {
        sameEverywhere(List.of(
                ":rpc.block_call(srv, Srv, :double, [21])",
                ":rpc.block_call(srv, Srv, :who, [], 10_000)",
                "match?({:badrpc, {:EXIT, {%RuntimeError{message: \"boom\"}, [_ | _]}}}, :rpc.block_call(srv, Srv, :boom, []))",
                ":rpc.block_call(srv, Srv, :nosuch, [1])",
                ":rpc.block_call(srv, :erlang, :exit, [:bye])",
                ":rpc.block_call(srv, :erlang, :throw, [:up])",
                ":rpc.block_call(:nobody@localhost, Srv, :who, [])",
                ":rpc.call(srv, Box, :start, [:box])",
                ":rpc.server_call(srv, :box, :box, :ping)",
                ":rpc.server_call(srv, :nobox, :nobox, :ping)",
                ":rpc.sbcast([srv, :nobody@localhost], :box, :hello)",
                ":rpc.sbcast([srv], :nobox, :hello)",
                ":rpc.multi_server_call([srv, :nobody@localhost], :box, :ping)",
                ":rpc.abcast([srv], :box, {self(), :ping})",
                "receive do {:box, n, :pong} -> n == srv after 10_000 -> :none end",
                "Process.exit(:rpc.call(srv, Process, :whereis, [:box]), :kill)"),
                List.of("42", ":SRV", "true", "{:badrpc, {:EXIT, {:undef, [{Srv, :nosuch, [1], []}]}}}", "{:badrpc, {:EXIT, :bye}}", ":up",
                        "{:badrpc, :nodedown}", ":ok", ":pong", "{:error, :nodedown}", "{[:SRV], [:nobody@localhost]}", "{[], [:SRV]}",
                        "{[:pong], [:nobody@localhost]}", ":abcast", "true", "true"));
    }

    /**
     * A fun made in a module the other node lacks: the BEAM and procshell both die with
     * {@code :undef} there, whichever runtime made it (procshell's funs never carry their code).
     */
    @Test
    void aFunWhoseModuleTheOtherNodeLacksFailsWithUndef() {
        String onlyHere = "defmodule OnlyHere do\n  def f, do: fn -> :ran end\nend";
        List<String> steps = List.of(
                "f = OnlyHere.f()",
                "try do :erpc.call(srv, f) catch :error, {:exception, :undef, [{g, [], []} | _]} -> {:undef, is_function(g, 0)} end",
                "{pid, ref} = Node.spawn_monitor(srv, f)",
                "receive do {:DOWN, ^ref, :process, ^pid, {:undef, [{g, [], []} | _]}} -> {:undef, is_function(g, 0)} after 10_000 -> :none end",
                "node(Node.spawn(srv, f)) == srv",
                "Enum.member?(Node.list(), srv)");
        List<String> want = List.of("#Function<>", "{:undef, true}", "{#PID<>, #Reference<>}", "{:undef, true}", "true", "true");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) expected.add(steps.get(i) + " => " + want.get(i));
        assertTrue(!c1.eval(onlyHere).startsWith("**"));
        assertEquals(expected, funsShown(run(beam(c1), s1.name(), steps)), "BEAM -> BEAM (the oracle)");
        assertEquals(expected, funsShown(run(beam(c1), ps.node().name().name(), steps)), "BEAM -> procshell");
        assertTrue(!type(onlyHere).contains("** ("));
        assertEquals(expected, funsShown(run(procshell(), s1.name(), steps)), "procshell -> BEAM");
    }

    private static List<String> funsShown(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("#Function<[^>]*>", "#Function<>")).toList();
    }

    @Test
    void aFnTypedInIexRunsOnEitherRuntime() {
        // iex's fns are erl_eval funs: a BEAM node runs them, and procshell reads them back and runs them too
        String steps = "try do :erpc.call(srv, fn -> :ran end) catch :error, {:exception, :undef, [{f, [], []} | _]} -> {:undef, is_function(f)} end";
        assertEquals(List.of(steps + " => :ran"), run(beam(c1), s1.name(), List.of(steps)));
        assertEquals(List.of(steps + " => :ran"), run(beam(c1), ps.node().name().name(), List.of(steps)));
    }

    @Test
    void nodeMonitorsAndAPendingCallSeeTheNodeGo() {
        // two nodes alone: a third one's prevent_overlapping_partitions (BEAM nodes have it on) would
        // answer the cut link with more disconnections, as it does between three BEAM nodes
        sameEverywhereApart(List.of(
                "Node.connect(srv)",
                "Node.monitor(srv, true)",
                ":net_kernel.monitor_nodes(true)",
                "t = Task.async(fn -> try do GenServer.call({:srv, srv}, :slow, 5000) catch :exit, {r, _} -> r end end); :started",
                "Process.sleep(300)",
                "Node.disconnect(srv)",
                "Task.await(t)",
                "receive do {:nodedown, n} -> n == srv after 5000 -> :none end",
                "receive do {:nodedown, n} -> n == srv after 5000 -> :none end",
                ":net_kernel.monitor_nodes(false)",
                "Node.connect(srv)",
                "receive do {:nodedown, _} -> :another_nodedown after 500 -> :no_more end",
                "Enum.each(1..5, fn _ -> receive do _ -> :ok after 100 -> :ok end end)"),
                List.of("true", "true", ":ok", ":started", ":ok", "true", "{:nodedown, :SRV}", "true",
                        "true", ":ok", "true", ":no_more", ":ok"));
    }
    @Test
    void theBeamsGlobalSyncReturnsWithAProcshellNodeConnected() {
        String p = ps.node().name().name();
        assertEquals("true", c1.eval("Node.connect(:\"" + p + "\")").strip());
        assertEquals("true", c1.eval("Enum.member?(Node.list(), :\"" + p + "\")").strip());
        assertEquals(":ok", c1.eval(":global.sync()").strip(), "the BEAM's :global.sync/0 must not wait forever for procshell");
        assertEquals(":ok", s1.eval(":global.sync()").strip());
    }

    @Test
    void aSeventyMegabyteMessageArrivesBothWays() {
        String p = ps.node().name().name();
        type("Process.register(self(), :big_box)");
        c1.eval("Process.register(self(), :big_box)");
        // BEAM -> procshell
        assertEquals(":sent", c1.eval("send({:big_box, :\"" + p + "\"}, {:big, :binary.copy(\"a\", 70_000_000)}); :sent").strip());
        assertEquals("70000000", normalized(type("{:big, big} = receive do {:big, _} = m -> m after 60_000 -> {:big, \"\"} end; byte_size(big)")));
        // procshell -> BEAM: the same binary back
        assertEquals(":sent", normalized(type("send({:big_box, :\"" + c1.name() + "\"}, {:big, big}); :sent")));
        assertEquals("70000000", c1.eval("receive do {:big, b} -> byte_size(b) after 60_000 -> :none end").strip());
        // in 64 KiB fragments both ways (both offer DFLAG_FRAGMENTS), and the connection stays
        assertEquals("true", c1.eval("Enum.member?(Node.list(), :\"" + p + "\")").strip());
        assertEquals("true", normalized(type("Enum.member?(Node.list(), :\"" + c1.name() + "\")")));
        type("Process.unregister(:big_box); big = nil");
        c1.eval("Process.unregister(:big_box)");
    }
    @Test
    void processGroupsOfPgAreSharedWithTheBeam() {
        sameEverywhere(List.of(
                "case :pg.start(:mixed) do {:ok, _} -> :started; {:error, {:already_started, _}} -> :started end",
                "case :rpc.call(srv, :pg, :start, [:mixed]) do {:ok, _} -> :started; {:error, {:already_started, _}} -> :started end",
                "member = Node.spawn(srv, Process, :sleep, [:infinity]); :rpc.call(srv, :pg, :join, [:mixed, :g1, member])",
                ":pg.join(:mixed, :g1, self())",
                "Process.sleep(500)",
                "Enum.sort(Enum.map(:pg.get_members(:mixed, :g1), &node/1)) == Enum.sort([node(), srv])",
                "Enum.sort(Enum.map(:rpc.call(srv, :pg, :get_members, [:mixed, :g1]), &node/1)) == Enum.sort([node(), srv])",
                ":pg.get_local_members(:mixed, :g1) == [self()]",
                "{ref, []} = :pg.monitor(:mixed, :g2); :monitoring",
                "m2 = Node.spawn(srv, Process, :sleep, [:infinity]); :rpc.call(srv, :pg, :join, [:mixed, :g2, m2])",
                "receive do {^ref, :join, :g2, [p]} -> node(p) == srv after 5000 -> :none end",
                "Process.exit(m2, :kill)",
                "receive do {^ref, :leave, :g2, [p]} -> node(p) == srv after 5000 -> :none end",
                ":pg.demonitor(:mixed, ref)",
                ":pg.leave(:mixed, :g1, self())",
                "Process.exit(member, :kill)",
                "Process.sleep(500)",
                ":pg.get_members(:mixed, :g1)"),
                List.of(":started", ":started", ":ok", ":ok", ":ok", "true", "true", "true", ":monitoring", ":ok", "true", "true", "true",
                        ":ok", ":ok", "true", ":ok", "[]"));
    }
    @Test
    void aBeamNodeThatJoinsProcshellMeetsTheWholeClusterAndTheOtherWayRound() {
        String p = ps.node().name().name();
        String s = s1.name();
        String c = c1.name();
        // the BEAM node c1 leaves everyone, then connects to procshell alone: the rest of the cluster connects to it
        c1.eval("Node.disconnect(:\"" + s + "\"); Node.disconnect(:\"" + p + "\"); Process.sleep(500)");
        assertEquals("false", c1.eval("Enum.member?(Node.list(), :\"" + s + "\")").strip());
        assertEquals("true", c1.eval("Node.connect(:\"" + p + "\")").strip());
        assertEquals("true", c1.eval("Enum.any?(1..50, fn _ -> Process.sleep(200); Enum.member?(Node.list(), :\"" + s + "\") end)").strip());
        // global's name exchanges of the new connections are over (one still under way may connect again)
        for (String sync : List.of(c1.eval(":global.sync()"), s1.eval(":global.sync()"), type(":global.sync()"))) assertEquals(":ok", normalized(sync));
        // procshell leaves everyone, then connects to one BEAM node: it meets the nodes that one knows
        type("Node.disconnect(:\"" + s + "\"); Node.disconnect(:\"" + c + "\"); Process.sleep(500)");
        assertEquals("[]", normalized(type("Node.list()")));
        assertEquals("true", normalized(type("Node.connect(:\"" + c + "\")")));
        assertEquals("true", normalized(type("Enum.any?(1..50, fn _ -> Process.sleep(200); Enum.member?(Node.list(), :\"" + s + "\") end)")));
    }
}
