package procshell.shell.eval;

import java.util.function.IntConsumer;

/**
 * Stops the node, as the BEAM's {@code erlang:halt/1} stops the VM: {@code System.halt/1},
 * {@code System.stop/1} and {@code :erlang.halt/1} typed at the prompt end procshell with that
 * exit status, as they end iex. The launcher ({@code procshell.shell.cli.Main}) sets what a halt
 * does first (restore the terminal); without it the output is flushed and the JVM halts.
 *
 * <p>A Groovy input ({@code ~G}) may not end the JVM behind the node's back:
 * {@code System.exit}, {@code Runtime.getRuntime().exit/halt} in it raise instead
 * ({@link #refuseJvmExit}), naming the functions that stop the node.
 */
public final class NodeHalt {
    private static volatile IntConsumer handler = NodeHalt::haltJvm;

    private NodeHalt() {}

    /** Sets what a halt does (it must end the JVM with the status); the launcher restores the terminal in it. */
    public static void onHalt(IntConsumer h) {
        handler = h;
    }

    /**
     * Ends the node and its JVM with {@code status} (0-255), as {@code System.halt/1}; does not return.
     */
    public static void halt(int status) {
        handler.accept(status);
        haltJvm(status); // a handler that returned: halt anyway
    }

    /**
     * The exit status of {@code System.halt/1}'s argument: an integer 0..255 is itself,
     * {@code :abort} is 134 (the BEAM aborts with SIGABRT), a string (the BEAM's crash-dump
     * slogan) is 1.
     *
     * @throws procshell.shell.iex.ArgumentError for anything else
     */
    public static int status(Object status) {
        if (status instanceof Integer n && n >= 0) return n & 0xff;
        if (status instanceof CharSequence) return 1;
        if (status instanceof procshell.runtime.node.Atom a && a.name().equals("abort")) return 134;
        throw new procshell.shell.iex.ArgumentError("errors were found at the given arguments:\n\n  * 1st argument: invalid status\n");
    }

    /**
     * What {@code System.exit} and {@code Runtime.exit/halt} do in a {@code ~G} input: the
     * compiler puts this call in their place.
     *
     * @param call the call as typed, e.g. {@code System.exit}
     * @throws procshell.shell.iex.RuntimeError always
     */
    public static Object refuseJvmExit(String call) {
        throw new procshell.shell.iex.RuntimeError(call + " would end the JVM under the node; to stop the node,"
                + " as in iex, call System.halt/1 (or System.stop/1, :erlang.halt/1)");
    }

    private static void haltJvm(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
