package procshell.shell.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import procshell.runtime.bench.Benchmarks;
import procshell.runtime.bench.Figures;
import procshell.runtime.bench.Workload;

/**
 * {@code procshell bench [--quick] [--vs-beam] [NAME...]}: runs, inside the runtime, the same work
 * as each BEAM script of {@code bench/beam/} and prints the same {@code name value unit} lines
 * (stdout; progress goes to stderr). With {@code --vs-beam} each benchmark runs on the BEAM
 * ({@code elixir}) and then in procshell, alternating, and a table figure | BEAM | procshell |
 * ratio follows.
 *
 * <p>Exit code 0 when every benchmark ran, 1 when one failed (the others still run), 2 for an
 * unknown name or {@code --vs-beam} without {@code elixir}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks the runtime with the same work as the BEAM scripts in bench/beam/,",
            "printing one `name value unit` line per figure."})
public final class BenchCommand implements Callable<Integer> {
    /** {@code startup}: time to the first prompt (run outside the runtime, see {@link StartupBench}). */
    static final String STARTUP = "startup";

    @Option(names = "--quick", description = "Scale every size down (the whole run takes about a minute).")
    boolean quick;

    @Option(names = "--vs-beam", description = "Run each benchmark on the BEAM too (needs elixir), alternating, and print a comparison table.")
    boolean vsBeam;

    @Option(names = "--size", paramLabel = "N", description = "Run the selected benchmarks with size N (processes, keys, calls, runs...) instead of their default.")
    Integer size;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Benchmarks to run (default: all): spawn, registry_unique, registry_cleanup_scaling, registry_duplicate, "
                    + "genserver_call, supervisor_restart, send_throughput, atoms, global, startup, script_start, input_latency, dist_roundtrip, maps, "
                    + "list_idioms.")
    List<String> names = new ArrayList<>();

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** The benchmark names, in run order. */
    static List<String> allNames() {
        List<String> out = new ArrayList<>();
        for (Workload w : Benchmarks.all()) out.add(w.name());
        out.add(STARTUP);
        out.add(ScriptBench.NAME);
        out.add(InputBench.NAME);
        out.add(DistRoundtripBench.NAME);
        out.add(MapsBench.NAME);
        out.add(ListIdiomsBench.NAME);
        return out;
    }

    @Override
    public Integer call() {
        List<String> selected = names.isEmpty() ? allNames() : names;
        for (String n : selected) {
            if (!allNames().contains(n)) {
                err.println("procshell bench: unknown benchmark " + n + "; known: " + String.join(", ", allNames()));
                return 2;
            }
        }
        Path scripts = null;
        if (vsBeam) {
            String why = BeamSide.missing();
            scripts = BeamSide.scripts();
            if (why == null && scripts == null) why = "bench/beam/ (the Elixir scripts) not found";
            if (why != null) {
                err.println("procshell bench --vs-beam: " + why);
                return 2;
            }
        }
        Comparison table = new Comparison();
        int failures = 0;
        int i = 0;
        for (String name : selected) {
            int n = size(name);
            // Alternate which side goes first, so neither always runs on a machine the other warmed.
            boolean beamFirst = i++ % 2 == 0;
            boolean beamSide = vsBeam && !DistRoundtripBench.NAME.equals(name); // it measures BEAM<->BEAM itself
            if (beamSide && beamFirst) failures += beam(scripts, name, n, table);
            failures += procshell(name, n, table);
            if (beamSide && !beamFirst) failures += beam(scripts, name, n, table);
        }
        if (vsBeam) {
            out.println();
            out.println("procshell bench" + (quick ? " --quick" : "") + " --vs-beam, " + Runtime.getRuntime().availableProcessors() + " cores:");
            out.println(table.table());
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private int size(String name) {
        if (size != null) return size;
        if (STARTUP.equals(name) || ScriptBench.NAME.equals(name)) return quick ? 1 : 5;
        if (InputBench.NAME.equals(name)) return quick ? InputBench.QUICK_SIZE : InputBench.DEFAULT_SIZE;
        if (DistRoundtripBench.NAME.equals(name)) return quick ? DistRoundtripBench.QUICK_SIZE : DistRoundtripBench.DEFAULT_SIZE;
        if (MapsBench.NAME.equals(name)) return quick ? MapsBench.QUICK_SIZE : MapsBench.DEFAULT_SIZE;
        if (ListIdiomsBench.NAME.equals(name)) return quick ? ListIdiomsBench.QUICK_SIZE : ListIdiomsBench.DEFAULT_SIZE;
        return Benchmarks.named(name).size(quick);
    }

    private long timeoutMs() {
        return quick ? 180_000 : 900_000;
    }

    /** True once this JVM has run a workload (a benchmark other than those run in a process of their own). */
    private boolean ranOthers;

    private int procshell(String name, int n, Comparison table) {
        err.println(">>> procshell " + name + " " + n);
        Figures figures = new Figures(vsBeam ? null : out::println);
        try {
            if (STARTUP.equals(name)) StartupBench.run(n, figures);
            else if (ScriptBench.NAME.equals(name)) ScriptBench.run(n, figures);
            else if (InputBench.NAME.equals(name) && ranOthers) {
                // a JVM that ran other workloads first (a million processes spawned, their
                // garbage) is not a shell just started: its first input met their collections
                // (15-26 ms in --vs-beam against 0.5-1.5 in a JVM of its own)
                ScriptFigures.fresh(name, n, figures);
            } else if (MapsBench.NAME.equals(name)) {
                MapsBench.run(n, figures);
            } else if (ListIdiomsBench.NAME.equals(name)) {
                ListIdiomsBench.run(n, figures);
            } else {
                ranOthers = true;
                if (InputBench.NAME.equals(name)) InputBench.run(n, figures);
                else if (DistRoundtripBench.NAME.equals(name)) DistRoundtripBench.run(n, figures);
                else Benchmarks.run(Benchmarks.named(name), n, figures, timeoutMs());
            }
            return 0;
        } catch (Exception e) {
            err.println("procshell bench: " + name + " failed: " + e);
            return 1;
        } finally {
            table.procshell(figures.lines());
            out.flush();
        }
    }

    private int beam(Path scripts, String name, int n, Comparison table) {
        String command = BeamSide.command(name, n);
        err.println(">>> BEAM " + command);
        try {
            table.beam(BeamSide.run(scripts, command, timeoutMs()));
            return 0;
        } catch (Exception e) {
            err.println("procshell bench: BEAM " + name + " failed: " + e.getMessage());
            return 1;
        }
    }
}
