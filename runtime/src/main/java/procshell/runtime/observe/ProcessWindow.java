package procshell.runtime.observe;

import java.util.HashMap;
import java.util.Map;

import procshell.runtime.node.Node;
import procshell.runtime.process.LocalProcess;

/**
 * Reductions and memory over a sliding window, as observer_cli's {@code rr} and {@code mm} (and
 * recon's {@code proc_window/3}) rank processes: what each process did between the last two
 * samples, not since it started. {@link #advance} takes a sample (a refresh of the view); the
 * deltas are those between it and the sample before, and stay the same until the next advance, so
 * that a view redrawn after a key keeps its order. A process that was not in the earlier sample
 * (spawned during the window) counts its whole figure, as recon counts it; a process that died is
 * dropped. Memory deltas may be negative (a queue that emptied).
 *
 * <p>Not thread-safe: one observer view owns a window.
 */
public final class ProcessWindow {
    private final Node node;
    /** Per pid number: reductions and memory at the last sample. */
    private Map<Long, long[]> last = new HashMap<>();
    /** Per pid number: reductions and memory deltas between the last two samples. */
    private Map<Long, long[]> delta = new HashMap<>();
    private long lastNanos;
    private long intervalNanos;

    /**
     * A window over the node's processes whose first sample is taken now; every delta is 0 until
     * the next {@link #advance}.
     */
    public ProcessWindow(Node node) {
        this.node = node;
        for (LocalProcess p : node.processRecords()) {
            if (p.isAlive()) last.put(p.pid().number(), new long[] {p.reductions(), ProcessFacts.memory(p)});
        }
        lastNanos = System.nanoTime();
    }

    /** Takes a sample now: the deltas become those since the previous sample. */
    public void advance() {
        Map<Long, long[]> now = new HashMap<>(Math.max(16, last.size() * 2));
        Map<Long, long[]> d = new HashMap<>(Math.max(16, last.size() * 2));
        for (LocalProcess p : node.processRecords()) {
            if (!p.isAlive()) continue;
            long n = p.pid().number();
            long[] figures = {p.reductions(), ProcessFacts.memory(p)};
            long[] before = last.get(n);
            now.put(n, figures);
            d.put(n, before == null ? figures : new long[] {figures[0] - before[0], figures[1] - before[1]});
        }
        long t = System.nanoTime();
        intervalNanos = t - lastNanos;
        lastNanos = t;
        last = now;
        delta = d;
    }

    /** The window's length in milliseconds: the time between the last two samples (0 before the first advance). */
    public long intervalMillis() {
        return intervalNanos / 1_000_000;
    }

    /** Reductions the process did in the window (0 when it was not sampled at the last advance). */
    public long reductions(LocalProcess p) {
        long[] d = delta.get(p.pid().number());
        return d == null ? 0 : d[0];
    }

    /** How much the process's memory estimate (bytes) grew in the window; negative when it shrank. */
    public long memory(LocalProcess p) {
        long[] d = delta.get(p.pid().number());
        return d == null ? 0 : d[1];
    }

    /** The window's figure for a sort key: reductions, memory, or (not windowed) the queue length now. */
    public long valueOf(ProcessSample.SortKey key, LocalProcess p) {
        return switch (key) {
            case REDUCTIONS -> reductions(p);
            case MEMORY -> memory(p);
            case MESSAGE_QUEUE_LEN -> p.mailbox().size();
        };
    }
}
