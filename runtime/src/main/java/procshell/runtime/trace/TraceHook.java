package procshell.runtime.trace;

import procshell.runtime.node.Pid;

/**
 * What the process runtime tells a tracer, as the BEAM's {@code seq_trace} and {@code :erlang.trace/3}
 * see it: each message as it is queued, each exit signal that ends a process, each link made.
 * Called on the thread that sends (the sender's process, or a dying process's thread for its link
 * signals and {@code :DOWN} messages), so an implementation must be quick and must not block.
 */
public interface TraceHook {
    /**
     * A message is being queued in {@code to}'s mailbox. The sender is the calling thread's process
     * (if any), except for {@code {:EXIT, from, reason}} and {@code {:DOWN, ref, :process, pid, reason}},
     * which come from the pid they name.
     *
     * @param to      the receiving process
     * @param message the message term
     */
    void message(Pid to, Object message);

    /**
     * An exit signal from {@code from} ends {@code to} (it did not trap it, or the reason is
     * {@code :kill}); trapped signals arrive as {@code {:EXIT, ...}} messages through {@link #message}.
     *
     * @param from   who sent the signal (a link's dead end, or the caller of {@code Process.exit/2})
     * @param to     the process the signal ends
     * @param reason the signal's reason, e.g. {@code :kill} (the process then ends with {@code :killed})
     */
    void exitSignal(Pid from, Pid to, Object reason);

    /**
     * {@code from} linked itself to {@code to}, as {@code Process.link/1} or {@code spawn_link/1}.
     */
    void linked(Pid from, Pid to);
}
