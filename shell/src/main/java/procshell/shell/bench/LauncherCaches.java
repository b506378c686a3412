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
 * a few seconds after the first; and for the session that records what the session's cache is
 * made of to have lived long enough for its record to be kept.
 */
final class LauncherCaches {
    /**
     * A cache being made: {@code procshell[-key][-kind].aot.PID.tmp}, PID the launcher's making
     * shell; or a session's record not yet kept or dropped: {@code procshell[-key].aotconf.PID.cold}
     * (the session records, its warm-up not done) or {@code .warm}, PID the launcher that started it.
     */
    private static final Pattern MAKING = Pattern.compile("procshell.*\\.(?:aot\\.(\\d+)\\.tmp|aotconf\\.(\\d+)\\.(?:cold|warm))");

    /** A session recording whose warm-up is not done yet: {@code procshell[-key].aotconf.PID.cold}. */
    private static final Pattern RECORDING = Pattern.compile("procshell.*\\.aotconf\\.(\\d+)\\.cold");

    private LauncherCaches() {}

    /**
     * Waits (up to two minutes) while the launcher makes a cache or keeps a session's record: while
     * {@code shell/target} under the procshell home holds a {@code .tmp} cache, or a session's
     * record marker, whose launcher process is alive. Returns at once when the bench does not run
     * from {@code bin/procshell}. Call it once the sessions started are ended.
     */
    static void await() throws IOException, InterruptedException {
        awaitNone(MAKING);
    }

    /**
     * Waits (up to two minutes) while a running session records the classes it uses and its
     * prompt's warm-up is not done: the launcher keeps only the record of a session that lived
     * that long ({@code bin/procshell}, {@code eval/SessionRecord}), so an untimed session that
     * should leave a record behind is ended only after this. Returns at once when no session
     * records, or the bench does not run from {@code bin/procshell}.
     */
    static void awaitRecorded() throws IOException, InterruptedException {
        awaitNone(RECORDING);
    }

    private static void awaitNone(Pattern files) throws IOException, InterruptedException {
        String home = System.getProperty("procshell.home");
        if (home == null) return;
        Path target = Path.of(home, "shell", "target");
        if (!Files.isDirectory(target)) return;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && anyAlive(target, files)) Thread.sleep(200);
    }

    /** True when a file of {@code target} matches {@code files} and the process its name holds is alive. */
    private static boolean anyAlive(Path target, Pattern files) throws IOException {
        try (var list = Files.list(target)) {
            return list.anyMatch(f -> {
                Matcher m = files.matcher(f.getFileName().toString());
                if (!m.matches()) return false;
                String pid = m.group(1) != null ? m.group(1) : m.group(2);
                return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            });
        }
    }
}
