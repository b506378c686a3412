package procshell.shell.eval;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where an input's wait goes, for whoever measures it: with {@code -Dprocshell.trace.input=FILE}
 * each step of an input (a key read, Enter accepted, the hand-over to the shell process, reading,
 * planning, running, settling, printing) appends a line
 * {@code EPOCH_MICROS THREAD STEP classes=N cpu=C jvm=J} to FILE (N: classes loaded so far; C: the
 * CPU time of the marking thread so far, in microseconds, which a loaded machine disturbs far less
 * than the wall clock; J: the CPU time of the whole JVM so far, in microseconds, so that what its
 * other threads (a warm-up, the JIT, the collector) take from the person's input shows).
 * The epoch clock lets a driver outside the JVM ({@code bench/first-input.sh}) put its own
 * timestamps beside them. Off (the default) a step costs a read of a final field.
 */
public final class InputTrace {
    private static final PrintStream OUT = open(System.getProperty("procshell.trace.input"));

    private static final java.lang.management.ClassLoadingMXBean CLASSES =
            OUT == null ? null : java.lang.management.ManagementFactory.getClassLoadingMXBean();

    private static final java.lang.management.ThreadMXBean THREADS =
            OUT == null ? null : java.lang.management.ManagementFactory.getThreadMXBean();

    private static final com.sun.management.OperatingSystemMXBean PROCESS = OUT == null ? null
            : (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private InputTrace() {}

    /** True when steps are recorded. */
    public static boolean on() {
        return OUT != null;
    }

    /** Records that {@code step} happens now (nothing when tracing is off). */
    public static void mark(String step) {
        if (OUT == null) return;
        java.time.Instant now = java.time.Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        // (a StringBuilder, not a concatenation: the first concatenation bootstraps a call site,
        // which a trace of the first input would count as its own)
        String line = new StringBuilder(96).append(micros).append(' ').append(Thread.currentThread().getName()).append(' ')
                .append(step).append(" classes=").append(CLASSES.getTotalLoadedClassCount())
                .append(" cpu=").append(THREADS.getCurrentThreadCpuTime() / 1000)
                .append(" jvm=").append(PROCESS.getProcessCpuTime() / 1000).toString();
        synchronized (OUT) {
            OUT.println(line);
        }
    }

    private static PrintStream open(String file) {
        if (file == null || file.isEmpty()) return null;
        try {
            return new PrintStream(new FileOutputStream(file, true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
