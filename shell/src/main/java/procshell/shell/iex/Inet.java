package procshell.shell.iex;

/** Erlang's {@code :inet} at the prompt: the socket functions {@code :gen_tcp} leaves to it. */
@ElixirName(":inet")
@Doc("""
    Socket settings and addresses: port/1, setopts/2, getopts/2, peername/1.

    ## Examples

        ps> :inet.port(listen)
        {:ok, 4040}
    """)
public final class Inet {
    private Inet() {}

    @Doc("""
        The local port of a socket: {:ok, port}.

        ## Examples

            ps> :inet.port(listen)
            {:ok, 4040}
        """)
    public static Object port(Object socket) {
        return procshell.runtime.net.GenTcp.port(GenTcp.socket(socket));
    }

    @Doc("""
        Changes a socket's options (active:, packet:, :binary); returns :ok.

        ## Examples

            ps> :inet.setopts(socket, active: true)
            :ok
        """)
    public static Object setopts(Object socket, Object options) {
        procshell.runtime.net.TcpSocket s = GenTcp.socket(socket);
        try {
            return procshell.runtime.net.GenTcp.setopts(s, GenTcp.options(options));
        } catch (IllegalArgumentException e) {
            // inet answers a bad option value with an error, not an exception
            return procshell.runtime.node.Tuple.of(procshell.runtime.node.Atom.ERROR, procshell.runtime.node.Atom.of("einval"));
        }
    }

    /** {@code :inet.setopts(socket, active: true)}: the options as trailing keywords. */
    public static Object setopts(java.util.Map<?, ?> options, Object socket) {
        return setopts(socket, options);
    }

    @Doc("""
        Some of a socket's options (active, packet, packet_size, buffer, mode): {:ok, [{name, value}]}.

        ## Examples

            ps> :inet.getopts(socket, [:packet_size, :buffer])
            {:ok, [packet_size: 0, buffer: 1460]}
        """)
    public static Object getopts(Object socket, Object names) {
        return procshell.runtime.net.GenTcp.getopts(GenTcp.socket(socket), GenTcp.options(names));
    }

    @Doc("""
        The address of the other end: {:ok, {{127, 0, 0, 1}, port}}.

        ## Examples

            ps> :inet.peername(socket)
            {:ok, {{127, 0, 0, 1}, 51234}}
        """)
    public static Object peername(Object socket) {
        return procshell.runtime.net.GenTcp.peername(GenTcp.socket(socket));
    }
}
