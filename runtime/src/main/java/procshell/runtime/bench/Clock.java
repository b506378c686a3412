package procshell.runtime.bench;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;

/** Time and memory helpers shared by the workloads. */
final class Clock {
    private Clock() {}

    /** Monotonic microseconds, as {@code System.monotonic_time(:microsecond)}. */
    static long micros() {
        return System.nanoTime() / 1000;
    }

    /** Polls every ms until {@code done} holds, as the scripts' {@code wait_until/1}. */
    static void waitUntil(BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) Thread.sleep(1);
    }

    /** Heap bytes in use after full collections (the JVM's counterpart of {@code :erlang.memory/1}). */
    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** The bytes an {@code ArrayList}'s array of {@code n} references takes (the caller's pid list). */
    static long referenceArrayBytes(long n) {
        boolean compressed = !"false".equals(vmOption("UseCompressedOops"));
        return 16 + n * (compressed ? 4 : 8);
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The element at quantile {@code p} of sorted samples, as the scripts' {@code pct/3}. */
    static long quantile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, (long) (sorted.length * p))];
    }
}
