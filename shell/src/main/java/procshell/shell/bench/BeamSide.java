package procshell.shell.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.runtime.bench.Benchmarks;
import procshell.runtime.bench.Figures;

/**
 * The BEAM side of {@code bench --vs-beam}: runs a benchmark's Elixir script from
 * {@code bench/beam/} with the same size, as {@code run_all.sh} does, and reads its
 * {@code name value unit} lines.
 */
final class BeamSide {
    private BeamSide() {}

    /** Null when {@code elixir} is on the PATH, else why not. */
    static String missing() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "elixir"))) return null;
        }
        return "elixir is not installed (Debian: apt-get install elixir)";
    }

    /** The shell command that runs benchmark {@code name} with size {@code n} on the BEAM. */
    static String command(String name, int n) {
        String big = "elixir --erl \"+P 5000000\" ";
        return switch (name) {
            case "spawn" -> big + "spawn.exs " + n;
            case "registry_unique" -> big + "registry_unique.exs " + n + " all";
            case "registry_cleanup_scaling" -> big + "registry_cleanup_scaling.exs "
                    + String.join(",", Benchmarks.cleanupSizes(n).stream().map(String::valueOf).toList());
            case "startup" -> "bash startup.sh " + n;
            case "script_start" -> "bash script_start.sh " + n;
            default -> "elixir " + name + ".exs " + n;
        };
    }

    /**
     * Runs the command in {@code dir} and returns its figure lines.
     *
     * @throws IllegalStateException when it fails or runs longer than {@code timeoutMs}
     */
    static List<Figures.Line> run(Path dir, String command, long timeoutMs) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Figures.Line> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String[] w = line.trim().split("\\s+");
                        if (w.length == 3) {
                            synchronized (out) {
                                out.add(new Figures.Line(w[0], w[1], w[2]));
                            }
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process was stopped
                }
            });
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("`" + command + "` ran longer than " + timeoutMs / 1000 + " s");
            }
            reader.join();
        }
        if (p.exitValue() != 0) throw new IllegalStateException("`" + command + "` exited with " + p.exitValue());
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /**
     * The folder holding the BEAM scripts: {@code bench/beam} under the procshell home (set by
     * {@code bin/procshell}) or under the current folder or one of its parents.
     *
     * @return the folder, or null when there is none
     */
    static Path scripts() {
        String home = System.getProperty("procshell.home");
        if (home != null && Files.isRegularFile(Path.of(home, "bench", "beam", "spawn.exs"))) return Path.of(home, "bench", "beam");
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bench/beam/spawn.exs"))) return d.resolve("bench/beam");
        }
        return null;
    }
}
