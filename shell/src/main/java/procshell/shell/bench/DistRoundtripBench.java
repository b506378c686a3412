package procshell.shell.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.runtime.bench.Figures;

/**
 * {@code procshell bench dist_roundtrip}: the remote call round trip between runtimes, measured in
 * one run for the four pairs procshell->procshell, procshell->BEAM, BEAM->procshell and
 * BEAM->BEAM. It starts two procshell nodes and two Elixir nodes (a client and a server of each
 * runtime, each server an echo GenServer registered as {@code :echo}) on a port mapper of its own,
 * and an Elixir driver ({@code bench/dist_roundtrip.exs}) that times, on its own clock, n
 * {@code GenServer.call}s and n {@code :erpc.call(node, :erlang, :node, [])}s from each client to
 * each server. Figures: {@code dist_genserver_call_<pair> µs} and {@code dist_erpc_call_<pair> µs}
 * per call, e.g. {@code dist_genserver_call_procshell_to_beam 161.4 us_per_call}.
 *
 * <p>Without {@code elixir} every figure is {@code skipped:elixir_not_installed}.
 */
final class DistRoundtripBench {
    /** The benchmark's name on the command line. */
    static final String NAME = "dist_roundtrip";
    /** Calls per pair by default, and with {@code --quick}. */
    static final int DEFAULT_SIZE = 2000;
    static final int QUICK_SIZE = 100;

    private static final String COOKIE = "dist_roundtrip_cookie";
    /**
     * The Elixir nodes' flags: the bench's port mapper; and no disconnects by OTP 25's global to
     * "prevent overlapping partitions", which on a loaded machine (a node's tick late) cut the
     * driver from a server in the middle of the timed calls ({nodedown, ...}): the bench times
     * calls, not global's view of the cluster.
     */
    private static final String ERL_FLAGS = "-start_epmd false -kernel prevent_overlapping_partitions false";
    private static final String[] PAIRS = {"procshell_to_procshell", "procshell_to_beam", "beam_to_procshell", "beam_to_beam"};
    private static final String DEFS = """
            defmodule Echo do
              use GenServer
              def init(x), do: {:ok, x}
              def handle_call(m, _from, s), do: {:reply, m, s}
            end
            defmodule Loop do
              def run(_target, 0), do: :ok
              def run(target, n), do: (GenServer.call(target, :ping); run(target, n - 1))
              def erpc(_node, 0), do: :ok
              def erpc(node, n), do: (:erpc.call(node, :erlang, :node, []); erpc(node, n - 1))
            end
            {:ok, _} = GenServer.start(Echo, 0, name: :echo)
            """;

    private DistRoundtripBench() {}

    /** The figure names this prints (for the table and the smoke test). */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (String kind : new String[] {"genserver_call", "erpc_call"}) for (String p : PAIRS) out.add("dist_" + kind + "_" + p);
        return out;
    }

    /**
     * Runs the four pairs with {@code calls} calls each.
     *
     * @throws IllegalStateException when a node does not start or the driver fails
     */
    static void run(int calls, Figures out) throws Exception {
        if (BeamSide.missing() != null) {
            for (String name : names()) out.word(name, "skipped:elixir_not_installed", "us_per_call");
            return;
        }
        int epmd;
        try (ServerSocket s = new ServerSocket(0)) {
            epmd = s.getLocalPort();
        }
        String tag = "rt" + ProcessHandle.current().pid();
        Path driver = Files.createTempFile("dist_roundtrip", ".exs");
        List<Process> nodes = new ArrayList<>();
        try (InputStream res = DistRoundtripBench.class.getResourceAsStream("/bench/dist_roundtrip.exs")) {
            Files.write(driver, res.readAllBytes());
            for (String who : new String[] {"ps_srv", "ps_cli"}) nodes.add(procshellNode(who + "_" + tag + "@localhost", epmd));
            awaitPortMapper(epmd); // the first procshell node starts the port mapper the Elixir nodes use
            for (String who : new String[] {"ex_srv", "ex_cli"}) {
                nodes.add(start(epmd, false, "elixir", "--erl", ERL_FLAGS, "--sname", who + "_" + tag + "@localhost", "--cookie", COOKIE,
                        "-e", DEFS + "Process.sleep(:infinity)"));
            }
            Process d = start(epmd, true, "elixir", "--erl", ERL_FLAGS, "--sname", "driver_" + tag + "@localhost", "--cookie", COOKIE,
                    driver.toString(), tag, Integer.toString(calls));
            nodes.add(d);
            List<String> said = new ArrayList<>(); // what the driver printed besides figures: why it failed
            try (BufferedReader r = new BufferedReader(new InputStreamReader(d.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] w = line.trim().split("\\s+");
                    if (w.length == 3 && w[0].startsWith("dist_")) out.word(w[0], w[1], w[2]);
                    else if (said.size() < 40) said.add(line);
                }
            }
            if (!d.waitFor(60, TimeUnit.SECONDS) || d.exitValue() != 0) {
                throw new IllegalStateException("the Elixir driver failed:\n" + String.join("\n", said));
            }
        } finally {
            for (Process p : nodes) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
            for (Process p : nodes) {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
            Files.deleteIfExists(driver);
        }
    }

    /** A procshell node that evaluates the definitions and then waits (its input stays open). */
    private static Process procshellNode(String name, int epmd) throws IOException {
        List<String> cmd = new ArrayList<>(StartupBench.shellCommand());
        cmd.addAll(List.of("--sname", name, "--cookie", COOKIE));
        Process p = start(epmd, false, cmd.toArray(String[]::new));
        OutputStream in = p.getOutputStream();
        in.write(DEFS.getBytes(StandardCharsets.UTF_8));
        in.flush();
        return p;
    }

    /** Starts a command with the port mapper's port; unless {@code read}, its output is drained (it would fill the pipe) and its errors dropped. */
    private static Process start(int epmd, boolean read, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (read) pb.redirectErrorStream(true); // the driver's errors are read with its figures
        else pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmd));
        Process p = pb.start();
        if (!read) Thread.ofVirtual().start(() -> drain(p.getInputStream()));
        return p;
    }

    private static void drain(InputStream s) {
        try (s) {
            s.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the node was stopped
        }
    }

    private static void awaitPortMapper(int port) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no port mapper on port " + port + ": the procshell nodes did not start");
    }
}
