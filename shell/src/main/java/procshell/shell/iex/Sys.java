package procshell.shell.iex;

/** Erlang's {@code :sys} module: {@code :sys.get_state/1,2}. */
@Doc("""
    The :sys module: inspects OTP processes (GenServers, supervisors).
    """)
@ElixirName(":sys")
public final class Sys {
    private Sys() {}

    /**
     * The state of a GenServer, as {@code :sys.get_state/1} (5000 ms timeout).
     *
     * @throws procshell.runtime.process.ExitException {@code {:noproc, {:sys, :get_state, [server]}}}
     */
    @Doc("""
        Returns the state of a GenServer (waits at most the timeout, default 5000 ms).

        ## Examples

            ps> :sys.get_state(HelloServer)
            %{id: 123}
        """)
    public static Object get_state(Object server) {
        return get_state(server, 5000);
    }

    /** As {@code :sys.get_state/2}. */
    public static Object get_state(Object server, long timeoutMs) {
        return procshell.runtime.otp.GenServer.getState(IexSession.current().modules().nameTerm(server), timeoutMs);
    }
}
