package procshell.shell.bench;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import procshell.runtime.bench.Figures;
import procshell.shell.console.Console;
import procshell.shell.console.Shell;

/**
 * {@code bench input_latency}: how long a person waits at the prompt, from an input handed to the
 * shell to its value printed (reading, compiling onto Groovy, running in the shell process,
 * waiting for the node to settle and inspecting, all as {@link Console#evalAndPrint} does for a
 * typed line). Measured in-process, on a fresh node and shell; the terminal (JLine) is not
 * included. Figures, in ms:
 * <ul>
 * <li>{@code input_first_ms}: {@code 1 + 1} handed to a shell just built, so Groovy's start (which
 *     begins as the console is built, as at the first prompt) is included — in this JVM the first
 *     time Groovy loads, as no other benchmark loads it;</li>
 * <li>{@code input_steady_median_ms}, {@code input_steady_p90_ms}: over the corpus's typical
 *     iex inputs, after one untimed round, repeated {@link #rounds} times;</li>
 * <li>{@code input_typed_loop_ms}: {@code Enum.reduce} over {@code n} integers with a fun typed
 *     at the prompt;</li>
 * <li>{@code input_spawn_loop_ms}: {@code n / 15} processes spawned from a {@code for} typed at
 *     the prompt;</li>
 * <li>{@code input_defmodule_ms}: the definition of a module with a tail-recursive function
 *     (its first definition in the session);</li>
 * <li>{@code input_module_loop_ms}: that function counting down from {@code n}.</li>
 * </ul>
 * And {@code input_steady_mean_ms}; each figure but the median and p90 also as
 * {@code input_..._cpu_ms}: the CPU time of the whole JVM meanwhile ({@link Sample}), which a
 * loaded machine disturbs less than the wait.
 * {@code bench/beam/input_latency.exs} does the same with {@code Code.eval_string} on the BEAM, as
 * iex's evaluator.
 */
final class InputBench {
    /** The benchmark's name on the command line. */
    static final String NAME = "input_latency";

    /** The default size: the typed loop's and the module loop's steps (3,000,000). */
    static final int DEFAULT_SIZE = 3_000_000;

    /** The size with {@code --quick}. */
    static final int QUICK_SIZE = 30_000;

    /**
     * The inputs, as {@code input_corpus.txt} (a resource beside this class, which the BEAM side
     * reads too) has them.
     *
     * @param first      the first input of a fresh shell
     * @param steady     typical inputs, evaluated in order (later ones may use earlier bindings)
     * @param typedLoop  a loop of {@code n} steps written at the prompt, for {@code n}
     * @param spawnLoop  spawning {@code n} processes from the prompt, for {@code n}
     * @param module     the definition of a module with a loop function
     * @param moduleLoop a call of that function for {@code n} steps
     */
    record Corpus(String first, List<String> steady, IntFunction<String> typedLoop, IntFunction<String> spawnLoop, String module,
            IntFunction<String> moduleLoop) {
        /** What the typed loop and the module loop print for {@code n}: the sum of 1..n. */
        static String sum(int n) {
            return Long.toString((long) n * (n + 1) / 2);
        }

        /**
         * Reads the corpus file: sections {@code ## name}, inputs separated by blank lines,
         * {@code {n}} for the size, {@code # } comment lines.
         *
         * @throws IllegalStateException when the resource or one of its sections is missing
         */
        static Corpus load() {
            java.util.Map<String, List<String>> sections = new java.util.HashMap<>();
            try (java.io.InputStream in = InputBench.class.getResourceAsStream("input_corpus.txt")) {
                if (in == null) throw new IllegalStateException("input_corpus.txt is missing from the jar");
                List<String> current = null;
                StringBuilder input = new StringBuilder();
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)) {
                    if (line.startsWith("## ") || line.isBlank()) {
                        if (current != null && !input.isEmpty()) current.add(input.toString());
                        input.setLength(0);
                        if (line.startsWith("## ")) current = sections.computeIfAbsent(line.substring(3).strip(), k -> new ArrayList<>());
                    } else if (!line.startsWith("# ") && current != null) {
                        if (!input.isEmpty()) input.append('\n');
                        input.append(line);
                    }
                }
                if (current != null && !input.isEmpty()) current.add(input.toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            java.util.function.Function<String, String> one = name -> {
                List<String> l = sections.get(name);
                if (l == null || l.size() != 1) throw new IllegalStateException("input_corpus.txt: section " + name + " must hold one input");
                return l.get(0);
            };
            String typed = one.apply("typed_loop");
            String spawn = one.apply("spawn_loop");
            String loop = one.apply("module_loop");
            List<String> steady = sections.get("steady");
            if (steady == null) throw new IllegalStateException("input_corpus.txt: no steady section");
            return new Corpus(one.apply("first"), List.copyOf(steady), n -> typed.replace("{n}", Integer.toString(n)),
                    n -> spawn.replace("{n}", Integer.toString(n)), one.apply("module"), n -> loop.replace("{n}", Integer.toString(n)));
        }
    }

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private InputBench() {}

    /** The figure names this prints, in order (for the smoke test and the table). */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (String m : List.of("first", "steady_median", "steady_p90", "steady_mean", "typed_loop", "spawn_loop", "defmodule", "module_loop")) {
            out.add("input_" + m + "_ms");
            if (!m.equals("steady_median") && !m.equals("steady_p90")) out.add("input_" + m + "_cpu_ms");
        }
        return out;
    }

    /** Timed rounds of the corpus for size {@code n}: one per 300,000 steps, 1 to 10. */
    static int rounds(int n) {
        return Math.max(1, Math.min(10, n / 300_000));
    }

    /**
     * Runs the benchmark with the corpus ({@link Corpus#load()}).
     *
     * @param n   the loops' steps (the spawn loop spawns {@code n / 15} processes)
     * @param out where the figures go
     * @throws IllegalStateException when an input fails or prints something else than expected
     */
    static void run(int n, Figures out) {
        Corpus corpus = Corpus.load();
        Shell shell = new Shell("nonode@nohost");
        StringWriter printed = new StringWriter();
        try {
            Console console = shell.piped(new BufferedReader(Reader.nullReader()), new PrintWriter(printed, true));
            // timed on the console's own loop thread, where a person's inputs run as the shell
            // process without a hand-over (Console#run); the loop then finds no input and ends
            console.run(() -> measure(corpus, n, new Input(console, printed), out));
        } finally {
            shell.shutdown();
        }
    }

    private static void measure(Corpus corpus, int n, Input in, Figures out) {
        report(out, "first", in.time(corpus.first()));
        for (String s : corpus.steady()) in.time(s); // warm-up round
        List<Double> steady = new ArrayList<>();
        long c0 = CPU.getProcessCpuTime();
        for (int r = 0; r < rounds(n); r++) {
            for (String s : corpus.steady()) steady.add(in.time(s).wallMs());
        }
        double cpuMs = (CPU.getProcessCpuTime() - c0) / 1e6;
        double[] wall = steady.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.add("input_steady_median_ms", percentile(wall, 50), "ms");
        out.add("input_steady_p90_ms", percentile(wall, 90), "ms");
        double sum = steady.stream().mapToDouble(Double::doubleValue).sum();
        report(out, "steady_mean", new Sample(sum / wall.length, cpuMs / wall.length));
        Sample typed = in.time(corpus.typedLoop().apply(n));
        in.expect(Corpus.sum(n));
        report(out, "typed_loop", typed);
        report(out, "spawn_loop", in.time(corpus.spawnLoop().apply(Math.max(1, n / 15))));
        report(out, "defmodule", in.time(corpus.module()));
        Sample module = in.time(corpus.moduleLoop().apply(n));
        in.expect(Corpus.sum(n));
        report(out, "module_loop", module);
    }

    private static void report(Figures out, String measure, Sample s) {
        out.add("input_" + measure + "_ms", s.wallMs(), "ms");
        out.add("input_" + measure + "_cpu_ms", s.cpuMs(), "ms");
    }

    /**
     * One input's wait, and the CPU time the whole JVM spent meanwhile (every thread: the shell
     * process, Groovy's start, JIT compilers, GC). On a loaded machine the wait grows with
     * the other programs' load; the CPU time much less so. The JVM counts CPU time in clock
     * ticks (10 ms on Linux): too coarse for one steady input, hence a mean over all of them.
     */
    record Sample(double wallMs, double cpuMs) {}

    /** The nearest-rank percentile {@code p} of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Hands inputs to a console and checks what it printed. */
    private record Input(Console console, StringWriter printed) {
        /** The wait from handing {@code source} over to its value printed; fails when it raised. */
        Sample time(String source) {
            printed.getBuffer().setLength(0);
            long c0 = CPU.getProcessCpuTime();
            long t0 = System.nanoTime();
            boolean ok = console.evalAndPrint(source);
            long t1 = System.nanoTime();
            long c1 = CPU.getProcessCpuTime();
            if (!ok) throw new IllegalStateException("the input `" + source + "` failed: " + printed.toString().strip());
            return new Sample((t1 - t0) / 1e6, (c1 - c0) / 1e6);
        }

        /** Fails unless the last input printed {@code value}. */
        void expect(String value) {
            String got = printed.toString().strip();
            if (!got.equals(value)) throw new IllegalStateException("expected " + value + ", printed " + got);
        }
    }
}
