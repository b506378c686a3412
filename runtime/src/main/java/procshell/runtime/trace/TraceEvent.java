package procshell.runtime.trace;

import procshell.runtime.node.Pid;

/**
 * One thing a {@link TraceRecorder} saw, in the order it saw them ({@code seq}).
 *
 * @param seq  the position in the recording, from 0
 * @param kind what happened
 * @param from the process it came from (the sender, the linker, the parent, the supervisor; for
 *             {@link Kind#EXITED} and {@link Kind#NAMED} the process itself); null when unknown
 * @param to   the process it went to (the receiver, the new process); null for EXITED and NAMED
 * @param term the message ({@link Kind#MESSAGE}), the signal's reason ({@link Kind#EXIT_SIGNAL}),
 *             the exit reason ({@link Kind#EXITED}), {@code {child_id, old_pid}} ({@link Kind#RESTARTED}; old_pid may be null), the
 *             name ({@link Kind#NAMED}); null otherwise
 */
public record TraceEvent(long seq, Kind kind, Pid from, Pid to, Object term) {
    /** The kinds of events recorded. */
    public enum Kind {
        /** A message queued in {@code to}'s mailbox. */
        MESSAGE,
        /** An exit signal that ended {@code to}. */
        EXIT_SIGNAL,
        /** {@code from} linked to {@code to}. */
        LINK,
        /** {@code from} spawned {@code to}. */
        SPAWN,
        /** {@code from} exited with reason {@code term}. */
        EXITED,
        /** Supervisor {@code from} restarted child {@code term} as {@code to}. */
        RESTARTED,
        /** {@code from} was known by the name {@code term} (a local name, a registry key). */
        NAMED
    }
}
