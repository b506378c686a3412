package procshell.runtime.observe;

import procshell.runtime.process.LocalProcess;

/**
 * One process's figures at one moment, as Observer's process list shows them: reductions, memory
 * (bytes, see {@link ProcessFacts#memory}) and message queue length, read without the process's
 * lock.
 *
 * @param process         the process record (format names and functions from it)
 * @param reductions      messages received so far
 * @param memory          estimated bytes
 * @param messageQueueLen queued messages
 */
public record ProcessSample(LocalProcess process, long reductions, long memory, int messageQueueLen) {
    /** The keys a process list sorts by, each largest first; ties in pid order. */
    public enum SortKey {
        /** {@code :reductions} */
        REDUCTIONS,
        /** {@code :memory} */
        MEMORY,
        /** {@code :message_queue_len} */
        MESSAGE_QUEUE_LEN;

        /** The figure this key sorts by, read now. */
        public long valueOf(LocalProcess p) {
            return switch (this) {
                case REDUCTIONS -> p.reductions();
                case MEMORY -> ProcessFacts.memory(p);
                case MESSAGE_QUEUE_LEN -> p.mailbox().size();
            };
        }
    }

    /** Samples one process now. */
    public static ProcessSample of(LocalProcess p) {
        int queued = p.mailbox().size();
        return new ProcessSample(p, p.reductions(), ProcessFacts.memory(p, queued), queued);
    }
}
