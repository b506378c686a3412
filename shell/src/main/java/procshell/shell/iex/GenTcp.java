package procshell.shell.iex;

import java.util.List;

import procshell.runtime.net.TcpSocket;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * Erlang's {@code :gen_tcp} at the prompt, over the runtime's {@link procshell.runtime.net.GenTcp}:
 * TCP sockets (ports, printed {@code #Port<0.N>}) owned by the process that opened them.
 */
@ElixirName(":gen_tcp")
@Doc("""
    TCP sockets: listen, accept, connect, recv, send, close, controlling_process.

    A socket belongs to the process that opened or accepted it (its controlling process)
    and is closed when that process dies. Options: :binary (data as strings; the default
    is :list, charlists), packet: :line (one message per line) or 1 | 2 | 4 (one message
    per packet after a length header of that many bytes), active: true | false |
    :once (active sockets send {:tcp, socket, data} and {:tcp_closed, socket} to their
    owner; passive ones are read with recv), ip: {127, 0, 0, 1} (the default here).
    :inet.port/1 tells the port of a socket listening on port 0.

    ## Examples

        ps> {:ok, listen} = :gen_tcp.listen(0, [:binary, packet: :line, active: false])
        {:ok, #Port<0.1>}
        ps> {:ok, socket} = :gen_tcp.accept(listen)
        {:ok, #Port<0.2>}
        ps> :gen_tcp.recv(socket, 0)
        {:ok, "hello\\n"}
    """)
public final class GenTcp {
    private GenTcp() {}

    static Object term(Object value) {
        return IexSession.current().modules().nameTerm(value);
    }

    /** gen_tcp's option list from the shell's forms: a list of atoms and pairs, keyword maps included. */
    static List<?> options(Object options) {
        List<Object> out = new java.util.ArrayList<>();
        if (options instanceof java.util.Map<?, ?> m) {
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey() instanceof CharSequence name ? Atom.of(name.toString()) : term(e.getKey());
                out.add(procshell.runtime.node.Tuple.of(k, term(e.getValue())));
            }
            return out;
        }
        if (!(options instanceof List<?> l)) throw new IllegalArgumentException("argument error");
        for (Object o : l) {
            if (o instanceof java.util.Map<?, ?>) out.addAll(options(o));
            else out.add(term(o));
        }
        return out;
    }

    static long timeout(Object t) {
        if (Atom.INFINITY.equals(t)) return -1;
        if (t instanceof Number n && n.longValue() >= 0) return n.longValue();
        throw new IllegalArgumentException("argument error");
    }

    static TcpSocket socket(Object s) {
        if (s instanceof TcpSocket t) return t;
        throw new IllegalArgumentException("argument error");
    }

    @Doc("""
        Listens on a port of 127.0.0.1 (0: any free port); returns {:ok, socket}.

        Fails with {:error, :eaddrinuse} when the port is taken. Options as in h(:gen_tcp).

        ## Examples

            ps> :gen_tcp.listen(4040, [:binary, packet: :line, active: false])
            {:ok, #Port<0.1>}
        """)
    public static Object listen(Object port, Object options) {
        try {
            if (!(port instanceof Number n)) throw new IllegalArgumentException("argument error");
            return procshell.runtime.net.GenTcp.listen(n.intValue(), options(options));
        } catch (IllegalArgumentException e) {
            throw badargExit();
        }
    }

    /** gen_tcp's answer to a bad port or option in listen/connect: {@code exit(:badarg)}, no ArgumentError. */
    private static procshell.runtime.process.ExitException badargExit() {
        return new procshell.runtime.process.ExitException(Atom.of("badarg"));
    }

    /** {@code :gen_tcp.listen(port, packet: :line, active: false)}: the options as trailing keywords. */
    public static Object listen(java.util.Map<?, ?> options, Object port) {
        return listen(port, options);
    }

    @Doc("""
        Waits for a connection on a listening socket; returns {:ok, socket}.

        The caller owns the new socket. With a timeout (ms): {:error, :timeout}; on a
        closed listening socket: {:error, :closed}.

        ## Examples

            ps> {:ok, socket} = :gen_tcp.accept(listen)
            {:ok, #Port<0.2>}
        """)
    public static Object accept(Object listen) {
        return accept(listen, Atom.INFINITY);
    }

    /** {@code :gen_tcp.accept/2} with a timeout in ms or {@code :infinity}. */
    public static Object accept(Object listen, Object timeout) {
        return procshell.runtime.net.GenTcp.accept(socket(listen), timeout(timeout));
    }

    @Doc("""
        Connects to a host and port; returns {:ok, socket} or {:error, :econnrefused}.

        ## Examples

            ps> :gen_tcp.connect('localhost', 4040, [:binary, active: false])
            {:ok, #Port<0.3>}
        """)
    public static Object connect(Object host, Object port, Object options) {
        return connect(host, port, options, Atom.INFINITY);
    }

    /** {@code :gen_tcp.connect/4} with a timeout in ms or {@code :infinity}. */
    public static Object connect(Object host, Object port, Object options, Object timeout) {
        Object h = term(host);
        if (h instanceof List<?> chars) {
            StringBuilder b = new StringBuilder();
            for (Object c : chars) b.appendCodePoint(((Number) c).intValue());
            h = b.toString();
        }
        try {
            if (!(port instanceof Number n)) throw new IllegalArgumentException("argument error");
            return procshell.runtime.net.GenTcp.connect(h, n.intValue(), options(options), timeout(timeout));
        } catch (IllegalArgumentException e) {
            throw badargExit();
        }
    }

    @Doc("""
        Reads from a passive socket: {:ok, data}, {:error, :closed} or {:error, :timeout}.

        The length is ignored (use 0): a line with packet: :line, else what has arrived.

        ## Examples

            ps> :gen_tcp.recv(socket, 0, 5000)
            {:ok, "hello\\n"}
        """)
    public static Object recv(Object socket, Object length) {
        return recv(socket, length, Atom.INFINITY);
    }

    /** {@code :gen_tcp.recv/3} with a timeout in ms or {@code :infinity}. */
    public static Object recv(Object socket, Object length, Object timeout) {
        return procshell.runtime.net.GenTcp.recv(socket(socket), timeout(timeout));
    }

    @Doc("""
        Writes a string or iodata to a socket: :ok or {:error, :closed}.

        ## Examples

            ps> :gen_tcp.send(socket, "hello\\n")
            :ok
        """)
    public static Object send(Object socket, Object data) {
        return procshell.runtime.net.GenTcp.send(socket(socket), term(data));
    }

    @Doc("""
        Closes a socket; returns :ok.

        ## Examples

            ps> :gen_tcp.close(socket)
            :ok
        """)
    public static Atom close(Object socket) {
        return procshell.runtime.net.GenTcp.close(socket(socket));
    }

    @Doc("""
        Makes another process the socket's owner: its messages go there, its death closes it.

        Returns :ok, or {:error, :not_owner} when the caller does not own the socket.

        ## Examples

            ps> :gen_tcp.controlling_process(socket, worker)
            :ok
        """)
    public static Object controlling_process(Object socket, Pid pid) {
        return procshell.runtime.net.GenTcp.controllingProcess(socket(socket), pid);
    }
}
