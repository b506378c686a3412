package procshell.shell.observer;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * The node an observer's process page reads: this node (see {@link LocalNode}) or another one over
 * rpc (see {@link RpcNode}). Every answer is the BEAM's own term, so that a page shows the same
 * facts for either.
 */
interface ObservedNode {
    /** The node's name, {@code :nonode@nohost} for a node that is not distributed. */
    Atom name();

    /** {@code Process.info(pid)}: the keyword list, or null when the process is not alive. */
    List<Tuple> info(Pid pid);

    /** {@code Process.info(pid, items)}: the keyword list, or null when the process is not alive. */
    List<Tuple> info(Pid pid, List<Atom> items);

    /**
     * The state of an OTP process, as {@code :sys.get_state(pid, timeoutMs)}; never waits longer
     * than the timeout (and what it takes to reach the node).
     */
    StateRead state(Pid pid, long timeoutMs);

    /** The process's current stack as Elixir prints a stacktrace, innermost first; empty when it is dead. */
    List<String> stack(Pid pid);

    /** Sends the exit signal {@code :kill}, as {@code Process.exit(pid, :kill)}. */
    void kill(Pid pid);

    /**
     * What {@code :sys.get_state} answered.
     *
     * @param state   the state, when {@code problem} is null
     * @param problem why there is no state, in words (no answer in time, not an OTP process, ...)
     */
    record StateRead(Object state, String problem) {
        /** A state read. */
        static StateRead of(Object state) {
            return new StateRead(state, null);
        }

        /** No state, and why. */
        static StateRead none(String problem) {
            return new StateRead(null, problem);
        }
    }
}
