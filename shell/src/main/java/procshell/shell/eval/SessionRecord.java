package procshell.shell.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells {@code bin/procshell} that the class-data record this session's JVM writes as it exits is
 * worth keeping. The launcher has the first interactive session after a build record the classes
 * it uses ({@code -XX:AOTMode=record}), and every later start maps them from the cache made of
 * that record; a session that quit at once (a benchmark's start, a person's slip) recorded neither
 * the console's path of an input nor Groovy's runtime, and every later shell then waited for them
 * (a fn as the second input: ~300 ms instead of ~20). So the launcher passes
 * {@code -Dprocshell.aot.record=FILE.cold} (an empty marker it made) and keeps the record only if
 * the marker was renamed {@code FILE.warm}, which happens here once the prompt's warm-up walked
 * its inputs ({@link PromptWarmUp}) and Groovy's compiler loaded ({@link Evaluator}), the two
 * things a later start would otherwise load on a person's time. Without the property (no
 * recording) nothing happens.
 */
final class SessionRecord {
    private static final String COLD = ".cold";

    /** This JVM's: the marker the launcher named, if it records. */
    private static final SessionRecord JVM = new SessionRecord(marker(System.getProperty("procshell.aot.record")));

    private final Path cold;
    private final AtomicBoolean warmedUp = new AtomicBoolean();
    private final AtomicBoolean compiler = new AtomicBoolean();
    private final AtomicBoolean said = new AtomicBoolean();

    /**
     * @param cold the launcher's marker ({@code ....cold}), renamed {@code ....warm} once both steps
     *             are done; null for a session that does not record
     */
    SessionRecord(Path cold) {
        this.cold = cold;
    }

    /** This JVM's record, as {@code -Dprocshell.aot.record} names it. */
    static SessionRecord jvm() {
        return JVM;
    }

    /** The prompt's warm-up has walked its inputs (its last round done). */
    void warmUpDone() {
        warmedUp.set(true);
        sayIfWarm();
    }

    /** Groovy's compiler has loaded (in the background, or for an input that needed it). */
    void compilerLoaded() {
        compiler.set(true);
        sayIfWarm();
    }

    private void sayIfWarm() {
        if (cold == null || !warmedUp.get() || !compiler.get() || !said.compareAndSet(false, true)) return;
        String name = cold.getFileName().toString();
        try {
            Files.move(cold, cold.resolveSibling(name.substring(0, name.length() - COLD.length()) + ".warm"));
        } catch (IOException | RuntimeException e) {
            // (the marker is gone: the launcher drops the record, and a later session records anew)
        }
    }

    private static Path marker(String file) {
        if (file == null || !file.endsWith(COLD)) return null;
        try {
            return Path.of(file);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
