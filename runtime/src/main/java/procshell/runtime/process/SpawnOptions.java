package procshell.runtime.process;

import procshell.runtime.node.Tuple;

/**
 * Options for spawning a process, as {@code :erlang.spawn_opt/2}'s list: link, monitor, and the
 * runtime's own choices (trap exits from the start, a platform thread instead of a virtual one).
 *
 * @param link          link the new process to the spawning one ({@code spawn_link})
 * @param trapExit      start with {@code trap_exit} set
 * @param platformThread run on a platform thread (for the shell's evaluator, whose user code may
 *                      loop without yielding); processes otherwise run on virtual threads
 * @param initialCall   {@code {module, function, arity}} reported by {@code Process.info/2}, or null
 */
public record SpawnOptions(boolean link, boolean trapExit, boolean platformThread, Tuple initialCall) {
    /** No link, no trap, a virtual thread, no initial call. */
    public static final SpawnOptions DEFAULT = new SpawnOptions(false, false, false, null);
    /**
     * The stack a platform thread reserves (1 GiB of address space, used only as deep as the calls
     * go): the BEAM grows a process's stack until memory runs out, so a recursion that is not a
     * tail call (a body-recursive {@code f(n) = 1 + f(n - 1)} over 100,000) succeeds at the prompt
     * as it does in iex.
     */
    public static final long PLATFORM_STACK_BYTES = 1L << 30;
        /** As {@code spawn_link/1}. */
    public static final SpawnOptions LINK = new SpawnOptions(true, false, false, null);

    /** These options with {@code link} set. */
    public SpawnOptions withLink(boolean on) {
        return new SpawnOptions(on, trapExit, platformThread, initialCall);
    }

    /** These options with {@code trap_exit} set from the start. */
    public SpawnOptions withTrapExit(boolean on) {
        return new SpawnOptions(link, on, platformThread, initialCall);
    }

    /** These options on a platform thread. */
    public SpawnOptions withPlatformThread(boolean on) {
        return new SpawnOptions(link, trapExit, on, initialCall);
    }

    /** These options with the given {@code {module, function, arity}} as initial call. */
    public SpawnOptions withInitialCall(Tuple mfa) {
        return new SpawnOptions(link, trapExit, platformThread, mfa);
    }
}
