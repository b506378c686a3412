package procshell.runtime.event;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * Something that happened on a node and that a watcher may want to show: spawns, exits,
 * supervisor restarts, name registrations and crash reports.
 */
public sealed interface NodeEvent {
    /** The node stopped, as a BEAM VM stops on a fatal limit; {@code message} is what the BEAM prints. */
    record Halted(String message) implements NodeEvent {}

    /** A process was spawned. */
    record Spawned(Pid pid, Pid parent) implements NodeEvent {}

    /** A process's exit was processed; {@code name} is its registered name or null. */
    record Exited(Pid pid, Atom name, Object reason) implements NodeEvent {}

    /**
     * A supervisor restarted a child.
     *
     * @param supervisor   the supervisor's pid
     * @param childId      the child spec's id
     * @param oldPid       the pid that died (null if unknown)
     * @param newPid       the new pid (null if the restart returned :ignore)
     * @param reason       why the old child died
     * @param strategy     the supervisor's strategy, e.g. {@code :one_for_one}
     * @param restarts     restarts within the current intensity window, this one included
     * @param maxRestarts  the intensity limit
     */
    record Restarted(Pid supervisor, Object childId, Pid oldPid, Pid newPid, Object reason, Atom strategy,
                     int restarts, int maxRestarts) implements NodeEvent {}

    /**
     * A name was registered; {@code registry} says where, as {@code watch()} prints it:
     * {@code :local} (the node's name table), a Registry's name, {@code :gproc}, {@code :global}.
     */
    record Registered(Object registry, Object name, Pid pid) implements NodeEvent {}

    /** A name was unregistered (explicitly or because its owner died). */
    record Unregistered(Object registry, Object name, Pid pid) implements NodeEvent {}

    /**
     * A crash report, as OTP's logger receives it.
     *
     * @param kind   what crashed: {@code :process} (a plain process raised), {@code :gen_server}
     *               (a GenServer terminated abnormally), {@code :unexpected_message}, ...
     * @param pid    the crashed process
     * @param report the details, e.g. for a GenServer: name, last message, state, reason, client
     */
    record CrashReport(Atom kind, Pid pid, java.util.Map<String, Object> report) implements NodeEvent {}

    /**
     * A line for the log, as OTP's logger gets it from the runtime itself (the distribution's
     * refused connections, for one).
     *
     * @param level   {@code :error}, {@code :warning} or {@code :info}
     * @param message the text, e.g. {@code ** Connection attempt from node :b@localhost rejected. Invalid challenge reply. **}
     */
    record Logged(Atom level, String message) implements NodeEvent {}

    /**
     * An event of a GenServer whose tracing is on ({@code :sys.trace(server, true)}), as OTP's
     * gen_server hands it to {@code sys:handle_debug}: {@code {:in, message}}, {@code {:in, message,
     * from}} for a call, {@code {:out, reply, to, state}}, {@code {:noreply, state}} or
     * {@code {:continue, arg}}.
     *
     * @param pid   the server
     * @param name  its registered name, or null
     * @param event the event
     */
    record SysTraced(Pid pid, Object name, procshell.runtime.node.Tuple event) implements NodeEvent {}
}
