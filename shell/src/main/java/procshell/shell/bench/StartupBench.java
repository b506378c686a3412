package procshell.shell.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import procshell.runtime.bench.Figures;

/**
 * Time to the first prompt, measured as {@code bench/beam/startup.sh} measures iex's: the shell is
 * started in a detached tmux session (a keep-alive session already runs, so the tmux server's own
 * start is not counted) and its pane is polled about every 5 ms until {@code ps(1)>} shows. Next
 * to it, as the script's references: {@code procshell -e ':ok'} (for {@code elixir -e ':ok'}) and
 * a JVM that boots the runtime alone and halts (for {@code erl -noshell -eval 'halt().'}). Each
 * is run {@code runs} times; median, min and max in ms.
 *
 * <p>The shell is started through {@code bin/procshell} when the bench runs from it (so the
 * launcher and its class data sharing count, as iex's scripts count on the BEAM side), else with
 * this JVM's own {@code java} and class path. Untimed starts come first, and the launcher's
 * class-data caches are waited for ({@link LauncherCaches}), so that no timed start runs while
 * a cache is made in the background.
 */
final class StartupBench {
    private static final String[] KINDS = {"startup_elixir_e_ok", "startup_erl_noshell_halt", "startup_iex_first_prompt"};

    private StartupBench() {}

    /** The figure names this prints (for the smoke test and the table). */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (String k : KINDS) for (String s : new String[] {"median", "min", "max"}) out.add(k + "_" + s + "_ms");
        return out;
    }

    static void run(int runs, Figures out) throws Exception {
        String skip = missingTools();
        if (skip != null) {
            for (String name : names()) out.word(name, "skipped:" + skip, "ms");
            return;
        }
        List<String> shell = shellCommand();
        List<String> eval = new ArrayList<>(shell);
        eval.addAll(List.of("-e", ":ok"));
        List<String> halt = List.of(javaBin(), "-cp", System.getProperty("java.class.path"), "procshell.runtime.bench.Halt");
        wall(eval); // warm the page cache once, as the script does; it has the launcher make -e's cache
        LauncherCaches.await();
        report(out, KINDS[0], timesOf(runs, () -> wall(eval)));
        report(out, KINDS[1], timesOf(runs, () -> wall(halt)));
        String keep = "procshell_bench_keepalive_" + ProcessHandle.current().pid();
        tmux("new-session", "-d", "-s", keep, "-x", "80", "-y", "10", "sleep 3600");
        try {
            // Untimed: after a build the first session records the classes it uses (and is ended
            // only once its warm-up is done, as the launcher keeps no record of a session that
            // quit at once) and the second has the launcher assemble the session's cache from
            // that record; the timed starts find it made, as a person's later starts do.
            for (int i = 0; i < 2; i++) {
                firstPrompt(shell, true);
                LauncherCaches.await();
            }
            report(out, KINDS[2], timesOf(runs, () -> firstPrompt(shell, false)));
        } finally {
            tmux("kill-session", "-t", keep);
        }
    }

    private interface Timed {
        double ms() throws Exception;
    }

    private static double[] timesOf(int runs, Timed t) throws Exception {
        double[] out = new double[runs];
        for (int i = 0; i < runs; i++) out[i] = t.ms();
        return out;
    }

    private static void report(Figures out, String name, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        out.add(name + "_median_ms", s[(s.length + 1) / 2 - 1], "ms");
        out.add(name + "_min_ms", s[0], "ms");
        out.add(name + "_max_ms", s[s.length - 1], "ms");
    }

    /** Wall time of a command run to its end, output discarded. */
    private static double wall(List<String> command) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Starts the shell in a tmux session and waits until its first prompt shows; {@code untimed}:
     * then also until the session, if it records the classes it uses, has lived long enough for
     * its record to be kept ({@link LauncherCaches#awaitRecorded}).
     */
    private static double firstPrompt(List<String> shell, boolean untimed) throws Exception {
        String session = "procshell_bench_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        long t0 = System.nanoTime();
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", String.join(" ", quoted(shell)));
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            while (!capture(session).contains("ps(1)>")) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("no prompt within 120 s");
                Thread.sleep(5);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (untimed) LauncherCaches.awaitRecorded();
            return ms;
        } finally {
            tmux("kill-session", "-t", session);
            Thread.sleep(500);
        }
    }

    private static String capture(String session) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return text;
    }

    private static void tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static List<String> quoted(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add("'" + w.replace("'", "'\\''") + "'");
        return out;
    }

    /** {@code bin/procshell} when run from it, else this JVM's java and class path. */
    static List<String> shellCommand() {
        String home = System.getProperty("procshell.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "procshell"))) return List.of(Path.of(home, "bin", "procshell").toString());
        return List.of(javaBin(), "-cp", System.getProperty("java.class.path"), "procshell.shell.cli.Main");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Null when tmux is on the PATH, else a one-word reason. */
    private static String missingTools() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tmux"))) return null;
        }
        return "tmux_not_installed";
    }
}
