package procshell.shell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procshell.runtime.bench.Figures;

/**
 * {@code bench script_start}: a whole process that evaluates and exits, as
 * {@code bench/beam/script_start.sh} runs {@code elixir -e ':ok'} and {@code elixir hello.exs}:
 * {@code procshell -e ':ok'} and {@code procshell --script hello.exs} ({@link #SCRIPT}: a module,
 * a fn, two lines printed). Each is run {@code runs} times after one untimed run; figures in ms,
 * the median of the wall time and of the CPU time (user + system of the process and its
 * children, as bash's {@code times} counts them), which a loaded machine disturbs less:
 * {@code script_e_ok_median_ms}, {@code script_e_ok_cpu_median_ms}, {@code script_file_median_ms},
 * {@code script_file_cpu_median_ms}.
 *
 * <p>Through {@code bin/procshell} (when the bench runs from it) each untimed run is the one that
 * has the launcher make that kind of evaluation's AOT cache in the background ({@code -e}'s, and
 * {@code --script}'s); the timed runs wait for it, as a person's second {@code -e} finds it made.
 */
final class ScriptBench {
    /** The benchmark's name on the command line. */
    static final String NAME = "script_start";

    /** The script run by {@code --script} (and by {@code elixir} on the BEAM side). */
    static final String SCRIPT = """
            defmodule Hello do
              def hi(name), do: "hi " <> name
            end
            IO.puts(Hello.hi("script"))
            Enum.map([1, 2, 3], fn x -> x * 2 end) |> IO.inspect()
            """;

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    private ScriptBench() {}

    /** The figure names this prints, in order. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (String k : List.of("script_e_ok", "script_file")) {
            out.add(k + "_median_ms");
            out.add(k + "_cpu_median_ms");
        }
        return out;
    }

    static void run(int runs, Figures out) throws Exception {
        Path dir = Files.createTempDirectory("procshell-script-bench");
        try {
            Path script = Files.writeString(dir.resolve("hello.exs"), SCRIPT);
            List<String> shell = StartupBench.shellCommand();
            List<String> eval = new ArrayList<>(shell);
            eval.addAll(List.of("-e", ":ok"));
            List<String> file = new ArrayList<>(shell);
            file.addAll(List.of("--script", script.toString()));
            run(eval, dir);
            LauncherCaches.await();
            report(out, "script_e_ok", eval, dir, runs);
            run(file, dir);
            LauncherCaches.await();
            report(out, "script_file", file, dir, runs);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void report(Figures out, String name, List<String> command, Path dir, int runs) throws Exception {
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            double[] s = run(command, dir);
            wall[i] = s[0];
            cpu[i] = s[1];
        }
        out.add(name + "_median_ms", median(wall), "ms");
        out.add(name + "_cpu_median_ms", median(cpu), "ms");
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(s.length + 1) / 2 - 1];
    }

    /**
     * Runs a command to its end (output discarded) under bash, which then prints its children's
     * CPU times.
     *
     * @return the wall time and the CPU time, in ms
     */
    private static double[] run(List<String> command, Path dir) throws Exception {
        List<String> bash = new ArrayList<>(List.of("bash", "-c", "\"$@\" >/dev/null 2>&1; times", "bash"));
        bash.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(bash).directory(dir.toFile()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        // times: the shell's own user/system line, then its children's
        List<String> lines = printed.lines().filter(l -> TIMES.matcher(l).find()).toList();
        if (lines.size() < 2) throw new IllegalStateException("no CPU times from `times` for " + command + ": " + printed);
        Matcher m = TIMES.matcher(lines.get(lines.size() - 1));
        if (!m.find()) throw new IllegalStateException(printed);
        double cpu = (Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2)) + Integer.parseInt(m.group(3)) * 60
                + Double.parseDouble(m.group(4))) * 1000;
        return new double[] {wall, cpu};
    }
}
