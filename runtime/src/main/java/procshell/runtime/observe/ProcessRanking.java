package procshell.runtime.observe;

import java.util.Arrays;
import java.util.function.ToLongFunction;

import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * Every live process of a node in the order of a process list: largest first by a sort key, ties
 * in pid order. Built for a refreshing view of many processes: ranking reads one figure per
 * process without any lock and sorts an array of primitive keys (the figure, clamped to
 * &plusmn;(2<sup>30</sup>-1), above the pid number), and a row's full {@link ProcessSample} is read
 * only when it is shown. With 100,000 processes a ranking costs a few milliseconds. The figure
 * may be negative (a window's memory delta, see {@link ProcessWindow}).
 */
public final class ProcessRanking {
    /** Figures are clamped to +-MAX_VALUE, so that MAX_VALUE - value fits in 31 bits. */
    private static final long MAX_VALUE = (1L << 30) - 1;
    private static final long LOW = 0xFFFF_FFFFL;

    private final Node node;
    /** Ascending: (MAX_VALUE - value) in the high 32 bits, the pid number in the low 32. */
    private final long[] keys;

    private ProcessRanking(Node node, long[] keys) {
        this.node = node;
        this.keys = keys;
    }

    /**
     * Ranks the node's live processes now.
     *
     * @param node the node
     * @param key  what to sort by (largest first)
     * @return the ranking; processes spawned later are not in it
     */
    public static ProcessRanking of(Node node, ProcessSample.SortKey key) {
        return of(node, key::valueOf);
    }

    /**
     * Ranks the node's live processes now by any figure, largest first (a figure may be negative).
     *
     * @param node  the node
     * @param value the figure of a process, read without its lock
     * @return the ranking; processes spawned later are not in it
     */
    public static ProcessRanking of(Node node, ToLongFunction<LocalProcess> value) {
        long[] keys = new long[node.processCount() + 64];
        int n = 0;
        for (LocalProcess p : node.processRecords()) {
            if (!p.isAlive()) continue;
            long number = p.pid().number();
            if (number > LOW) throw new IllegalStateException("pid numbers past 2^32 cannot be ranked: " + p.pid());
            if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
            long v = Math.min(MAX_VALUE, Math.max(-MAX_VALUE, value.applyAsLong(p)));
            keys[n++] = (MAX_VALUE - v) << 32 | number;
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        return new ProcessRanking(node, keys);
    }

    /** How many processes were ranked. */
    public int size() {
        return keys.length;
    }

    /** The pid at this rank (0 is first). */
    public Pid pid(int rank) {
        return node.pid(0, keys[rank] & LOW, 0);
    }

    /** The figures of the process at this rank, read now; null when it has died since. */
    public ProcessSample sample(int rank) {
        LocalProcess p = node.process(pid(rank));
        return p == null ? null : ProcessSample.of(p);
    }
}
