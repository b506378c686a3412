package procshell.shell.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.runtime.bench.Figures;

/**
 * A benchmark whose work is one of the BEAM's scripts of {@code bench/beam/}, run by procshell as
 * is ({@code procshell --script FILE}, its size in {@code PROCSHELL_BENCH_N}, since a script takes
 * no arguments), as {@code elixir FILE N} runs it on the BEAM: the script times its idioms itself
 * and prints {@code name value unit} lines, so both sides are measured by the same Elixir code.
 */
final class ScriptFigures {
    /** The environment variable holding the size ({@code System.get_env/1} in the script). */
    static final String SIZE_VARIABLE = "PROCSHELL_BENCH_N";

    private ScriptFigures() {}

    /**
     * Runs {@code bench/beam/<script>} with size {@code n} in a procshell of its own and adds the
     * figures it prints.
     *
     * @throws IllegalStateException when the script is not found, fails, prints no figure or runs
     *                               over 10 minutes
     */
    static void run(String script, int n, Figures out) throws Exception {
        Path scripts = BeamSide.scripts();
        if (scripts == null || !Files.isRegularFile(scripts.resolve(script))) {
            throw new IllegalStateException("bench/beam/" + script + " not found");
        }
        ProcessBuilder pb = new ProcessBuilder(procshell("--script", scripts.resolve(script).toString())).redirectErrorStream(true);
        pb.environment().put(SIZE_VARIABLE, Integer.toString(n));
        collect(pb, script, out);
    }

    /**
     * Runs {@code procshell bench --size=N NAME} in a procshell of its own, a JVM that has run
     * nothing else, and adds the figures it prints: for a benchmark whose figures are those of a
     * fresh JVM, as the BEAM's script runs in a VM of its own.
     *
     * @throws IllegalStateException when it fails, prints no figure or runs over 10 minutes
     */
    static void fresh(String name, int n, Figures out) throws Exception {
        collect(new ProcessBuilder(procshell("bench", "--size=" + n, name)).redirectErrorStream(true), name, out);
    }

    private static List<String> procshell(String... args) {
        List<String> command = new ArrayList<>(StartupBench.shellCommand());
        command.addAll(List.of(args));
        return command;
    }

    private static void collect(ProcessBuilder pb, String script, Figures out) throws Exception {
        Process p = pb.start();
        int figures = 0;
        List<String> said = new ArrayList<>(); // lines besides figures (an error's), for the failure's message
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                if (w.length == 3 && w[1].matches("-?[0-9.]+")) {
                    out.add(w[0], Double.parseDouble(w[1]), w[2]);
                    figures++;
                } else if (said.size() < 40) {
                    said.add(line);
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " ran longer than 10 minutes");
        }
        if (p.exitValue() != 0 || figures == 0) {
            throw new IllegalStateException(script + " exited with " + p.exitValue() + " after " + figures + " figures:\n" + String.join("\n", said));
        }
    }
}
