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
 * {@code bench maps}: the map and set idioms of {@code bench/beam/maps.exs} (put, update, delete,
 * {@code for ... into: %{}}, {@code Map.new}, merge, {@code MapSet.put/union}, an Agent holding a
 * big map, small literal maps, struct update), run by procshell on that very script
 * ({@code procshell --script}, its size in {@code PROCSHELL_BENCH_N}, since a script takes no
 * arguments), as {@code elixir maps.exs N} runs it on the BEAM. The script times each idiom itself
 * (the median of 5 runs after an untimed one) and prints {@code name value ms} lines.
 */
final class MapsBench {
    /** The benchmark's name on the command line. */
    static final String NAME = "maps";
    /** Keys per idiom by default (as the BEAM script's default). */
    static final int DEFAULT_SIZE = 100_000;
    /** Keys per idiom with {@code --quick}. */
    static final int QUICK_SIZE = 20_000;

    private MapsBench() {}

    /**
     * Runs the script with {@code n} keys per idiom and adds its figures.
     *
     * @throws IllegalStateException when the script is not found, fails or runs over 10 minutes
     */
    static void run(int n, Figures out) throws Exception {
        Path scripts = BeamSide.scripts();
        if (scripts == null || !Files.isRegularFile(scripts.resolve("maps.exs"))) {
            throw new IllegalStateException("bench/beam/maps.exs not found");
        }
        List<String> command = new ArrayList<>(StartupBench.shellCommand());
        command.addAll(List.of("--script", scripts.resolve("maps.exs").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PROCSHELL_BENCH_N", Integer.toString(n));
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                if (w.length == 3) out.add(w[0], Double.parseDouble(w[1]), w[2]);
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("maps.exs ran longer than 10 minutes");
        }
        if (p.exitValue() != 0) throw new IllegalStateException("maps.exs exited with " + p.exitValue());
    }
}
