package procshell.runtime.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import procshell.runtime.node.Node;
import procshell.runtime.process.LocalProcess;

/**
 * One process's sortable figures at one moment, as Observer's process list sorts them: reductions,
 * memory (bytes, see {@link ProcessFacts#memory}) and message queue length. Sampling reads each
 * process without its lock, so sampling every process of a busy node stops none of them.
 *
 * @param process        the process record (format names and functions from it for the rows shown)
 * @param reductions     messages received so far
 * @param memory         estimated bytes
 * @param messageQueueLen queued messages
 */
public record ProcessSample(LocalProcess process, long reductions, long memory, int messageQueueLen) {
    /** The keys a process list sorts by, each largest first; ties in pid order. */
    public enum SortKey {
        /** {@code :reductions} */
        REDUCTIONS(Comparator.comparingLong(ProcessSample::reductions)),
        /** {@code :memory} */
        MEMORY(Comparator.comparingLong(ProcessSample::memory)),
        /** {@code :message_queue_len} */
        MESSAGE_QUEUE_LEN(Comparator.comparingInt(ProcessSample::messageQueueLen));

        private final Comparator<ProcessSample> order;

        SortKey(Comparator<ProcessSample> ascending) {
            this.order = ascending.reversed().thenComparing(s -> s.process().pid());
        }

        /** Largest first, then by pid. */
        public Comparator<ProcessSample> order() {
            return order;
        }
    }

    /** Samples one process now. */
    public static ProcessSample of(LocalProcess p) {
        int queued = p.mailbox().size();
        return new ProcessSample(p, p.reductions(), ProcessFacts.memory(p, queued), queued);
    }

    /**
     * Samples every live process of the node, sorted by {@code key} (largest first, ties by pid).
     *
     * @return a new list, one sample per live process
     */
    public static List<ProcessSample> all(Node node, SortKey key) {
        List<ProcessSample> out = new ArrayList<>(node.processCount() + 16);
        for (LocalProcess p : node.processRecords()) {
            if (p.isAlive()) out.add(of(p));
        }
        out.sort(key.order());
        return out;
    }
}
