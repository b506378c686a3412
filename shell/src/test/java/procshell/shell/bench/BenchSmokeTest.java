package procshell.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;
import procshell.shell.cli.Main;

/**
 * {@code procshell bench --quick} runs every benchmark to the end and prints every figure line the
 * BEAM scripts print (names as in {@code bench/beam/*.exs}); the figures themselves are not
 * asserted.
 */
class BenchSmokeTest {
    @Test
    void benchIsASubcommandOfProcshell() {
        assertTrue(new CommandLine(new Main()).getSubcommands().containsKey("bench"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void quickRunPrintsEveryFigureOfTheBeamScripts() {
        BenchCommand bench = new BenchCommand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        bench.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        bench.err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        int code = new CommandLine(bench).execute("--quick");
        String output = bytes.toString(StandardCharsets.UTF_8);

        // The progress lines and why a benchmark failed go to err; a failure shows them first.
        assertEquals(0, code, () -> errors.toString(StandardCharsets.UTF_8) + "\n" + output);
        Set<String> printed = output.lines().map(l -> l.split(" ")).filter(w -> w.length == 3).map(w -> w[0]).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String name : expectedNames()) if (!printed.contains(name)) missing.add(name);
        assertEquals(List.of(), missing, output);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void inputLatencyAtATinySizePrintsItsFigures() {
        String output = benchPrinting("--size", "300", "input_latency");
        assertEquals(InputBench.names(), inputFigures(output), output);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void inputLatencyAfterAnotherWorkloadRunsInAJvmOfItsOwnAndPrintsItsFigures() {
        String output = benchPrinting("--size", "300", "atoms", "input_latency");
        assertEquals(InputBench.names(), inputFigures(output), output);
    }

    /** What {@code procshell bench ARGS} prints, once it exited with 0. */
    private static String benchPrinting(String... args) {
        BenchCommand bench = new BenchCommand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bench.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new CommandLine(bench).execute(args);
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        return output;
    }

    /** The names of the input_latency figures printed, in order. */
    private static List<String> inputFigures(String output) {
        return output.lines().map(l -> l.split(" ")).filter(w -> w.length == 3 && w[0].startsWith("input_")).map(w -> w[0]).toList();
    }

    @Test
    void anUnknownBenchmarkIsRefusedWithTheKnownNames() {
        BenchCommand bench = new BenchCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        bench.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, new CommandLine(bench).execute("spwan"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown benchmark spwan; known: spawn, registry_unique"), err.toString());
    }

    /** What the BEAM scripts print with the quick sizes, except lines printed only on a cleanup timeout. */
    private static List<String> expectedNames() {
        int s = Runtime.getRuntime().availableProcessors();
        List<String> out = new ArrayList<>();
        for (String p : List.of("spawn", "spawn_warm")) {
            for (String f : List.of("n", "total_ms", "rate", "per_process_us", "mem_per_process_raw", "mem_per_process_excl_pid_list",
                    "process_info_memory_one_idle", "kill_signals_sent_ms", "kill_all_dead_ms")) {
                out.add(p + "_" + f);
            }
        }
        for (String p : List.of("p1", "p" + s)) {
            for (String f : List.of("partitions", "spawn_ms", "register_n", "register_go_sent_ms", "register_total_ms", "register_rate",
                    "ets_bytes_per_key", "lookup_1caller_rate", "lookup_1caller_mean_us", "lookup_" + s + "callers_rate",
                    "kill_signals_sent_ms", "cleanup_all_keys_gone_ms")) {
                out.add("registry_unique_" + p + "_" + f);
            }
        }
        for (int n : List.of(1000, 2000, 4000, 8000)) {
            out.add("cleanup_registry_p1_n" + n + "_ms");
            out.add("cleanup_trap_exit_on_heap_n" + n + "_ms");
            out.add("cleanup_trap_exit_off_heap_n" + n + "_ms");
        }
        for (String p : List.of("p1", "p" + s, "p" + s + "_parallel")) {
            for (String f : List.of("partitions", "subscribers", "subscribe_all_ms", "lookup_all_entries_ms", "dispatch_return_ms",
                    "dispatch_all_delivered_ms", "dispatch_delivery_rate", "cleanup_all_entries_gone_ms")) {
                out.add("registry_duplicate_" + p + "_" + f);
            }
        }
        for (String p : List.of("pid", "local_name", "via_registry", "global")) {
            for (String f : List.of("median_us", "p99_us", "p999_us", "1caller_rate", s + "callers_rate")) out.add("genserver_call_" + p + "_" + f);
        }
        for (String p : List.of("supervisor_local_name", "dynamic_via_registry")) {
            for (String f : List.of("kills", "median_us", "p99_us", "max_us", "min_us", "total_ms")) out.add("supervisor_restart_" + p + "_" + f);
        }
        out.addAll(List.of("send_1to1_messages", "send_1to1_sender_done_ms", "send_1to1_total_ms", "send_1to1_rate"));
        for (int pairs : List.of(1, s, 1000)) {
            for (String f : List.of("roundtrips", "roundtrip_rate", "msg_rate")) out.add("pingpong_" + pairs + "pairs_" + f);
        }
        out.add("pingpong_1pairs_roundtrip_mean_us");
        for (String f : List.of("limit", "count_before", "count_after", "created", "to_atom_new_total_ms", "to_atom_new_per_atom_us",
                "to_existing_atom_total_ms", "to_atom_existing_total_ms", "memory_atom_used_bytes")) {
            out.add("atoms_" + f);
        }
        out.add("global_node");
        for (String p : List.of("register_name", "register_name_first1000", "register_name_last1000", "whereis_name", "unregister_name")) {
            for (String f : List.of("median_us", "p99_us", "rate")) out.add("global_" + p + "_" + f);
        }
        out.addAll(List.of("global_register_taken_name_result", "global_whereis_after_unregister"));
        for (String k : List.of("startup_elixir_e_ok", "startup_erl_noshell_halt", "startup_iex_first_prompt")) {
            for (String f : List.of("median", "min", "max")) out.add(k + "_" + f + "_ms");
        }
        out.addAll(InputBench.names());
        return out;
    }
}
