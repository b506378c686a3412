package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.AtomTable;

/**
 * A fn typed at one node's prompt runs on another, as between two BEAM nodes (where iex's fns are
 * {@code erl_eval} funs): two real Elixir nodes and two procshell shells, the same steps typed
 * BEAM to BEAM (the oracle), BEAM to procshell, procshell to BEAM and procshell to procshell, with
 * {@code n} bound to the other node; every transcript must be the oracle's (pids, references and
 * node names aside) and what is written here. Skipped, saying why, when Elixir is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErlEvalFunsSessionTest {
    private static final String COOKIE = "funs_cookie";

    private Shell p1;
    private Shell p2;
    private BeamShell b1;
    private BeamShell b2;

    @BeforeAll
    void start() throws IOException {
        String exe = BeamShell.elixir();
        if (exe == null) System.out.println("ErlEvalFunsSessionTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String suffix = ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        DistOptions opts = DistOptions.of(COOKIE).withEpmdPort(port).withNetTickTime(20_000);
        p1 = new Shell("fp" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, opts);
        p2 = new Shell("fq" + suffix + "@localhost", AtomTable.DEFAULT_LIMIT, opts);
        b1 = BeamShell.start("fb" + suffix + "@localhost", COOKIE, port);
        b2 = BeamShell.start("fc" + suffix + "@localhost", COOKIE, port);
    }

    @AfterAll
    void stop() {
        if (b1 != null) b1.close();
        if (b2 != null) b2.close();
        if (p1 != null) p1.shutdown();
        if (p2 != null) p2.shutdown();
    }

    private static ClusterSide procshell(Shell shell) {
        return ClusterSide.of(shell);
    }

    private static ClusterSide beam(BeamShell b) {
        return ClusterSide.of(b);
    }

    /** The steps typed on {@code client} with {@code n} bound to {@code server}'s node, each output normalized. */
    private static List<String> run(ClusterSide client, ClusterSide server, List<String> steps) {
        List<String> out = new ArrayList<>();
        client.eval().apply("n = :\"" + server.name() + "\"");
        for (String step : steps) {
            String o = ClusterSide.normalized(client.eval().apply(step))
                    .replace(":\"" + server.name() + "\"", ":SRV").replace(":" + server.name(), ":SRV")
                    .replace(":\"" + client.name() + "\"", ":CLI").replace(":" + client.name(), ":CLI")
                    .replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<>")
                    .replaceAll("#Reference<[\\d.]+>", "#Reference<>")
                    .replaceAll("#Function<[^>]*>", "#Function<>");
            out.add(step + " => " + o);
        }
        return out;
    }

    /** The steps in the four directions: each must give {@code expected} (one output per step). */
    private void sameEverywhere(List<String> steps, List<String> expected) {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) want.add(steps.get(i) + " => " + expected.get(i));
        assertEquals(want, run(beam(b1), beam(b2), steps), "BEAM -> BEAM (the oracle)");
        assertEquals(want, run(beam(b1), procshell(p1), steps), "BEAM -> procshell");
        assertEquals(want, run(procshell(p1), beam(b1), steps), "procshell -> BEAM");
        assertEquals(want, run(procshell(p1), procshell(p2), steps), "procshell -> procshell");
    }

    @Test
    void aSpawnedFnRunsOnTheOtherNode() {
        sameEverywhere(List.of(
                "parent = self()",
                "Node.spawn(n, fn -> send(parent, {:ran_on, node()}) end) |> is_pid()",
                "receive do {:ran_on, where} -> where after 10_000 -> :timeout end",
                "{pid, ref} = Node.spawn_monitor(n, fn -> exit(:bye) end); receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 10_000 -> :timeout end",
                "Process.flag(:trap_exit, true); Node.spawn_link(n, fn -> exit({:done, node()}) end); receive do {:EXIT, _, r} -> r after 10_000 -> :timeout end",
                "Process.flag(:trap_exit, false)"),
                List.of("#PID<>", "true", ":SRV", ":bye", "{:done, :SRV}", "true"));
    }

    @Test
    void erpcAndRpcRunAFn() {
        sameEverywhere(List.of(
                ":erpc.call(n, fn -> Enum.sum([1, 2, 3]) end)",
                ":rpc.call(n, :erlang, :apply, [fn -> {node(), 40 + 2} end, []])",
                "k = 10",
                "f = fn x -> case x do {:ok, v} when v > 1 -> \"got #{v + k}\" |> String.upcase(); _ -> if x, do: :other, else: :falsy end end",
                ":erpc.call(n, fn -> {f.({:ok, 5}), f.(:x), f.(nil), node() == n} end)",
                ":erpc.call(n, fn -> [1, 2, 3] |> Enum.map(&(&1 * k)) |> Enum.filter(fn x -> x > 10 && x < 40 end) end)",
                "try do :erpc.call(n, fn -> raise \"boom\" end) catch kind, {:exception, reason, [_ | _]} -> {kind, reason} end",
                "try do :erpc.call(n, fn -> throw(:ball) end) catch kind, value -> {kind, value} end",
                "try do :erpc.call(n, fn -> exit(:gone) end) catch kind, value -> {kind, value} end"),
                List.of("6", "{:SRV, 42}", "10", "#Function<>", "{\"GOT 15\", :other, :falsy, true}", "[20, 30]",
                        "{:error, %RuntimeError{message: \"boom\"}}", "{:throw, :ball}", "{:exit, {:exception, :gone}}"));
    }

    @Test
    void aFnSentInAMessageIsCalledThere() {
        sameEverywhere(List.of(
                "me = self()",
                "pid = Node.spawn(n, fn -> receive do {from, g} -> send(from, {:result, g.(20), node()}) end end); is_pid(pid)",
                "add = 22; send(pid, {me, fn x -> x + add end}); :sent",
                "receive do {:result, r, where} -> {r, where} after 10_000 -> :timeout end"),
                List.of("#PID<>", "true", ":sent", "{42, :SRV}"));
    }

    /**
     * A fn given to {@code :global.register_name/3} as the resolve method is stored by a BEAM
     * node as the fn itself (an erl_eval fun it can call), as when an iex registers it; it was
     * {@code &:global.random_exit_name/3} in its place.
     */
    @Test
    void aResolveFnIsStoredAsItselfOnABeamNode() {
        String name = ":resolve_" + System.nanoTime() % 100_000;
        String look = "[{_, _, m, _}] = :ets.lookup(:global_names, " + name + "); {:erlang.fun_info(m, :module), m.(:n, :one, :two)}";
        List<String> want = List.of("true", ":yes", "{{:module, :erl_eval}, :two}", "true");
        for (ClusterSide registrar : List.of(beam(b2), procshell(p1))) {
            List<String> got = new ArrayList<>();
            // synced before registering: a registration while the two globals still exchange
            // their names at connection was once missing on b1 (noted for issue 17's follow-up)
            got.add(ClusterSide.normalized(registrar.eval().apply("Node.connect(:\"" + b1.name() + "\") and :global.sync() == :ok")));
            got.add(ClusterSide.normalized(registrar.eval().apply(
                    "parked = spawn(fn -> Process.sleep(:infinity) end); :global.register_name(" + name + ", parked, fn _name, _p1, p2 -> p2 end)")));
            got.add(ClusterSide.normalized(beam(b1).eval().apply(":global.sync(); " + look)));
            got.add(ClusterSide.normalized(registrar.eval().apply(":global.unregister_name(" + name + ") == :ok")));
            assertEquals(want, got, registrar.name());
        }
    }

    /**
     * A process spawned from another node that calls a fun whose module is not loaded here dies
     * with {@code :undef}, and the node logs it as the BEAM's logger does. The expected text is what
     * an {@code elixir --sname} node printed for the same spawn (its logger writes on its own
     * time, so a BEAM node's output cannot be read here in step).
     */
    @Test
    void aSpawnedFunOfAMissingModuleIsLogged() {
        beam(b1).eval().apply("defmodule OnlyThere do\n  def f, do: fn -> :ran end\nend");
        ClusterSide server = procshell(p1);
        // spawned while the shell is busy with an input: what it prints meanwhile is what the node logs
        beam(b1).eval().apply("g = OnlyThere.f(); spawn(fn -> Process.sleep(300); Node.spawn(:\"" + server.name() + "\", g) end); :sent");
        String log = server.eval().apply("Process.sleep(1000)");
        String shown = log.replaceAll("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", "").replaceAll("#PID<\\d+\\.\\d+\\.\\d+>", "#PID<>")
                .replace(":\"" + server.name() + "\"", ":SRV").replace(":" + server.name(), ":SRV")
                .replaceAll("#Function<0\\.\\d+/0", "#Function<0.N/0").strip();
        String report = """
                [error] Process #PID<> on node :SRV raised an exception
                ** (UndefinedFunctionError) undefined function
                    #Function<0.N/0 in OnlyThere>()""";
        assertTrue(shown.contains(report), shown);
    }
}
