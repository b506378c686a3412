package procshell.runtime.names;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;

/**
 * A name registry usable in {@code {:via, module, name}} tuples: any module that exports
 * {@code register_name/2}, {@code unregister_name/1}, {@code whereis_name/1} and {@code send/2}.
 * A node maps module atoms to implementations ({@link procshell.runtime.node.Node#registerVia}).
 */
public interface ViaModule {
    /**
     * Registers {@code name} for {@code pid}, as {@code register_name/2}.
     *
     * @return true for {@code :yes}, false for {@code :no} (the name is taken)
     */
    boolean registerName(Object name, Pid pid);

    /** Removes {@code name}, as {@code unregister_name/1}. */
    void unregisterName(Object name);

    /** The pid registered under {@code name}, or null for {@code :undefined}, as {@code whereis_name/1}. */
    Pid whereisName(Object name);

    /**
     * Sends to the process registered under {@code name}, as {@code send/2}.
     *
     * @return the pid the message went to
     * @throws ExitException with {@code {:badarg, {name, message}}} when the name is not registered
     */
    default Pid send(Object name, Object message) {
        Pid pid = whereisName(name);
        if (pid == null) throw new ExitException(Tuple.of(Atom.of("badarg"), Tuple.of(name, message)));
        pid.node().send(pid, message);
        return pid;
    }
}
