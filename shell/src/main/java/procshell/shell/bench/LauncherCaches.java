package procshell.shell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class-data (AOT) caches {@code bin/procshell} makes in the background after a build (the
 * session's, the {@code -e} evaluations', the scripts'): a benchmark that starts the shell through
 * the launcher waits for them, so that its timed starts find them made, as a person's starts do
 * a few seconds after the first.
 */
final class LauncherCaches {
    /** A cache being made: {@code procshell[-key][-kind].aot.PID.tmp}, PID the launcher's making shell. */
    private static final Pattern MAKING = Pattern.compile("procshell.*\\.aot\\.(\\d+)\\.tmp");

    private LauncherCaches() {}

    /**
     * Waits (up to two minutes) while the launcher makes a cache: while {@code shell/target} under
     * the procshell home holds a {@code .tmp} cache whose making process is alive. Returns at once
     * when the bench does not run from {@code bin/procshell}.
     */
    static void await() throws IOException, InterruptedException {
        String home = System.getProperty("procshell.home");
        if (home == null) return;
        Path target = Path.of(home, "shell", "target");
        if (!Files.isDirectory(target)) return;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && making(target)) Thread.sleep(200);
    }

    private static boolean making(Path target) throws IOException {
        try (var files = Files.list(target)) {
            return files.anyMatch(f -> {
                Matcher m = MAKING.matcher(f.getFileName().toString());
                return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
            });
        }
    }
}
