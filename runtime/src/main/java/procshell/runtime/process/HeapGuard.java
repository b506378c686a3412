package procshell.runtime.process;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.WeakReference;

/**
 * Whether the node's memory is nearly full, for an early {@code :system_limit} instead of the
 * JVM's OutOfMemoryError minutes later: after a collection of the old generation (where every
 * long-lived process's data ends up), more than {@value #FULL_PERCENT}% of it is still in use.
 * The BEAM's nearest equivalent is a process's {@code max_heap_size}; here the heap is shared, so
 * the process that finds it full at its reduction check (the one allocating) is the one stopped.
 */
public final class HeapGuard {
    /** The share of the old generation in use after a collection that counts as full. */
    public static final int FULL_PERCENT = 90;

    private static final MemoryPoolMXBean OLD = oldGeneration();

    /** Cleared by the first collection since the pool was last asked. */
    private static volatile WeakReference<Object> sinceCollection = new WeakReference<>(null);
    /** The pool's last answer: over the threshold (then asked again at every slice end). */
    private static volatile boolean over;

    private HeapGuard() {}

    private static MemoryPoolMXBean oldGeneration() {
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                String n = pool.getName();
                if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                        && (n.contains("Old") || n.contains("Tenured")) && pool.getUsage().getMax() > 0) {
                    pool.setCollectionUsageThreshold(pool.getUsage().getMax() / 100 * FULL_PERCENT);
                    return pool;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no management support: no early error, the JVM's own stays
        }
        return null;
    }

    /**
     * True when the old generation is nearly full after a collection. When its last collection
     * says so, a full collection confirms it first: the data that filled it may have become garbage
     * since (the process that built it was stopped), and no other process must be stopped for it.
     */
    public static boolean full() {
        if (OLD == null) return false;
        // The pool's answer changes only in a collection's pause, and every young or full pause
        // clears a weak reference to an object nobody holds: until it is cleared, the last
        // answer stands. Asking the pool (a native call building a MemoryUsage, 180-305 ns) at
        // every end of every process's time slice cost a module's loop 3-5% of its time.
        if (!over && sinceCollection.get() != null) return false;
        sinceCollection = new WeakReference<>(new Object()); // (before asking: a pause meanwhile is seen next time)
        over = OLD.isCollectionUsageThresholdExceeded();
        if (!over) return false;
        synchronized (HeapGuard.class) {
            if (!OLD.isCollectionUsageThresholdExceeded()) return false; // another process's collection cleared it
            System.gc();
            return OLD.isCollectionUsageThresholdExceeded();
        }
    }

    /**
     * The bytes one element of a list built from computed elements takes at least: the list's slot
     * and a boxed integer (the JVM's cons cell; the BEAM's is 16 bytes).
     */
    static final long BYTES_PER_ELEMENT = 20;

    /**
     * Checks, before a list of {@code elements} computed elements is built (a range made a list),
     * that the node's memory could hold it at all: a list bigger than the whole heap fails at once
     * with {@code :system_limit}, as a process over its {@code max_heap_size} is stopped on the
     * BEAM, instead of after minutes of the JVM collecting to make room.
     *
     * @param elements how many elements the list will have
     * @throws procshell.runtime.node.SystemLimitException when they cannot fit in the heap
     */
    public static void ensureRoomForList(long elements) {
        long max = Runtime.getRuntime().maxMemory();
        if (elements <= max / BYTES_PER_ELEMENT) return;
        throw new procshell.runtime.node.SystemLimitException("a list of " + elements + " elements needs about "
                + gigabytes(elements * (double) BYTES_PER_ELEMENT)
                + " of memory, more than the node's " + gigabytes(max) + "; walk the range lazily (Enum.reduce/3, Stream) instead");
    }

    private static String gigabytes(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1L << 30));
    }

    /** The old generation's size in MB, for the error's message; 0 when unknown. */
    public static long maxMegabytes() {
        return OLD == null ? 0 : OLD.getUsage().getMax() >> 20;
    }
}
