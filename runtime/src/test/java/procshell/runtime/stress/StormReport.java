package procshell.runtime.stress;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a storm counted: operations by outcome, kills, restarts, supervisors that gave up, the
 * registry lag it saw, and every invariant with its violations (all must be 0). Thread-safe; the
 * storm's processes add to it as they go.
 */
final class StormReport {
    /** The invariants, each counted even when it holds (0 violations). */
    static final List<String> INVARIANTS = List.of(
            "killed process alive or still resolved by its name after Process.exit(pid, :kill) returned",
            "name resolved to the wrong server",
            "registry, gproc or :global entry of a dead process still there after its partition or the gproc server synced (lag bound)",
            "call returned later than its timeout + slack",
            "call failed with an unexpected error",
            "supervisor below its intensity limit with a child not alive at the end",
            "registry, gproc or :global entry missing or stale at the end",
            "name table entry of a dead process at the end",
            "link or monitor to a dead process at the end",
            "process count not back to baseline",
            "ETS-like tables not back to baseline",
            "heap not back near baseline after GC");

    final LongAdder operations = new LongAdder();
    final LongAdder kills = new LongAdder();
    final LongAdder restarts = new LongAdder();
    final LongAdder supervisorsGaveUp = new LongAdder();
    final LongAdder registryLagSeen = new LongAdder();
    final AtomicLong maxCallOverrunMs = new AtomicLong();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final Map<String, LongAdder> violations = new ConcurrentHashMap<>();
    final Queue<String> examples = new ConcurrentLinkedQueue<>();
    volatile long elapsedMs;
    volatile String baselines = "";
    volatile long workers;

    void outcome(String what) {
        outcomes.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    /** Counts a violation of {@code invariant} (one of {@link #INVARIANTS}), keeping a few examples. */
    void violation(String invariant, String detail) {
        if (!INVARIANTS.contains(invariant)) throw new IllegalArgumentException("unknown invariant: " + invariant);
        violations.computeIfAbsent(invariant, k -> new LongAdder()).increment();
        if (examples.size() < 20) examples.add(invariant + ": " + detail);
    }

    long violationCount() {
        return violations.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("storm: %d GenServers, %d operations in %d ms, %d kills, %d restarts, %d supervisors reached max intensity, %d registry-lag sightings%n",
                workers, operations.sum(), elapsedMs, kills.sum(), restarts.sum(), supervisorsGaveUp.sum(), registryLagSeen.sum()));
        b.append("  outcomes: ").append(new TreeMap<>(outcomes)).append('\n');
        b.append("  max call overrun past its timeout: ").append(maxCallOverrunMs.get()).append(" ms\n");
        b.append("  ").append(baselines).append('\n');
        for (String inv : INVARIANTS) {
            LongAdder n = violations.get(inv);
            b.append(String.format("  violations %d: %s%n", n == null ? 0 : n.sum(), inv));
        }
        for (String e : examples) b.append("  e.g. ").append(e).append('\n');
        return b.toString();
    }
}
