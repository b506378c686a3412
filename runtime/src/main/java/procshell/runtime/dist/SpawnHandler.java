package procshell.runtime.dist;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * Runs the function another node asks this node to spawn ({@code Node.spawn/4}, {@code :erpc},
 * {@code :rpc} send spawn requests): the shell gives one that knows its modules. Without one, or
 * for a module it does not know, the process dies as the BEAM's does for an undefined function.
 */
@FunctionalInterface
public interface SpawnHandler {
    /**
     * Runs {@code module.function(args...)} as the body of the new process {@code self}; returns
     * when the process ends normally, and throws as the function does (an {@code ExitException}
     * for an exit, any other throwable for an error).
     */
    void run(ProcessContext self, Atom module, Atom function, List<Object> args);

    /**
     * As {@link #run(ProcessContext, Atom, Atom, List)} for a process whose group leader the
     * requester named ({@code SPAWN_REQUEST}'s group leader: on the BEAM the spawned process takes
     * the caller's, so that its output goes to the caller's shell). This default ignores it.
     */
    default void run(ProcessContext self, Pid groupLeader, Atom module, Atom function, List<Object> args) {
        run(self, module, function, args);
    }

    /**
     * The group leader to name in a spawn request of {@code requester} (the process a spawned
     * process on another node takes as its own); this default names the requester itself.
     */
    default Pid groupLeader(LocalProcess requester) {
        return requester.pid();
    }

    /** Makes {@code leader} the group leader of {@code process} (another node's {@code :erlang.group_leader/2}); this default ignores it. */
    default void setGroupLeader(LocalProcess process, Pid leader) {
        // a node without a shell has no group leaders
    }
}
