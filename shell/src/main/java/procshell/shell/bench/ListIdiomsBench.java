package procshell.shell.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.runtime.bench.Figures;

/**
 * {@code bench list_idioms}: the commonest Elixir idioms on lists ({@code [h * 2 | acc]} in an
 * accumulator loop, {@code [n | build(n - 1)]}, {@code Enum.reduce} consing, a pop/push loop,
 * {@code [i] ++ l}, a {@code tl/1} walk), each over {@code n} elements, as a person runs them: the
 * very script the BEAM side runs ({@code bench/beam/list_idioms.exs}), given to
 * {@code procshell --script} with the size in {@code LIST_IDIOMS_N}. The script prints the figures
 * itself ({@code list_IDIOM_ms} and {@code list_IDIOM_cpu_ms}, medians of 5 runs after an
 * untimed one), so both sides are measured by the same Elixir code.
 */
final class ListIdiomsBench {
    /** The benchmark's name on the command line (and its script's, {@code NAME.exs}). */
    static final String NAME = "list_idioms";

    /** The default size: elements per idiom. */
    static final int DEFAULT_SIZE = 100_000;

    /** The size with {@code --quick}. */
    static final int QUICK_SIZE = 10_000;

    private ListIdiomsBench() {}

    /**
     * Runs the script in a procshell of its own and adds the figures it prints.
     *
     * @throws IllegalStateException when {@code bench/beam/} is not found, the script fails or
     *                               prints no figure
     */
    static void run(int n, Figures out) throws Exception {
        Path scripts = BeamSide.scripts();
        if (scripts == null) throw new IllegalStateException("bench/beam/ (the Elixir scripts) not found");
        List<String> command = new ArrayList<>(StartupBench.shellCommand());
        command.addAll(List.of("--script", scripts.resolve(NAME + ".exs").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(scripts.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LIST_IDIOMS_N", Integer.toString(n));
        Process p = pb.start();
        int figures = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                if (w.length == 3 && w[0].startsWith("list_")) {
                    out.add(w[0], Double.parseDouble(w[1]), w[2]);
                    figures++;
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(NAME + ".exs ran longer than 10 minutes");
        }
        if (p.exitValue() != 0 || figures == 0) throw new IllegalStateException(NAME + ".exs exited with " + p.exitValue() + " after " + figures + " figures");
    }
}
