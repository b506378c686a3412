package procshell.runtime.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * TCP sockets as Erlang's {@code :gen_tcp} and {@code :inet} offer them: {@code listen},
 * {@code accept}, {@code connect}, {@code recv}, {@code send}, {@code close},
 * {@code controlling_process}, {@code setopts}, {@code port}, {@code peername}. A socket belongs
 * to the process that opened or accepted it (its controlling process) and is closed when that
 * process dies. Results are gen_tcp's terms: {@code {:ok, socket}}, {@code {:ok, data}},
 * {@code :ok}, {@code {:error, reason}} with {@code :closed}, {@code :timeout},
 * {@code :eaddrinuse}, {@code :econnrefused}, {@code :not_owner}, {@code :einval}.
 *
 * <p>Every function runs in the calling process ({@link ProcessContext#require()}).
 */
public final class GenTcp {
    private static final Map<Node, AtomicLong> PORT_NUMBERS = new WeakHashMap<>();
    private static final Atom CLOSED = Atom.of("closed");

    private GenTcp() {}

    private static long nextNumber(Node node) {
        synchronized (PORT_NUMBERS) {
            return PORT_NUMBERS.computeIfAbsent(node, n -> new AtomicLong(1)).getAndIncrement();
        }
    }

    private static Tuple error(String reason) {
        return Tuple.of(Atom.ERROR, Atom.of(reason));
    }

    /**
     * Listens on {@code port} (0: any free port) of 127.0.0.1 (or {@code ip:}), as
     * {@code :gen_tcp.listen/2}; the calling process owns the socket.
     *
     * @param options see {@link TcpOptions}: {@code :binary}, {@code packet: :line}, {@code active: false}, {@code ip: {0, 0, 0, 0}}
     * @return {@code {:ok, socket}} or {@code {:error, :eaddrinuse | :eacces | reason}}
     * @throws IllegalArgumentException badarg for a port outside 0..65535 or a bad option
     */
    public static Object listen(int port, List<?> options) {
        if (port < 0 || port > 65535) throw TcpOptions.badarg();
        TcpOptions o = TcpOptions.parse(options, TcpOptions.DEFAULT);
        ProcessContext self = ProcessContext.require();
        self.process().checkAlive();
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            // as gen_tcp with reuseaddr: a restarted listener gets its port back at once
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(o.ip(), port), 128);
            return Tuple.of(Atom.OK, new TcpSocket(self.node(), nextNumber(self.node()), server, null, o, self.process()));
        } catch (BindException e) {
            closeQuietly(server);
            return error(e.getMessage() != null && e.getMessage().contains("ermission") ? "eacces" : "eaddrinuse");
        } catch (IOException e) {
            closeQuietly(server);
            return Tuple.of(Atom.ERROR, Atom.of(String.valueOf(e.getMessage())));
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            if (s != null) s.close();
        } catch (IOException ignored) {
            // nothing to free
        }
    }

    /**
     * Waits for a connection on a listening socket, as {@code :gen_tcp.accept/2}; the caller owns
     * the new socket, which takes the listening socket's options.
     *
     * @param timeoutMs ms to wait, negative for {@code :infinity}
     * @return {@code {:ok, socket}}, {@code {:error, :timeout}} or {@code {:error, :closed}}
     */
    public static Object accept(TcpSocket listening, long timeoutMs) {
        ProcessContext self = ProcessContext.require();
        if (!listening.isListening()) return error("einval");
        if (!listening.isOpen()) return error("closed");
        try {
            ServerSocket server = listening.server();
            server.setSoTimeout(timeoutMs < 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)));
            Socket s;
            listening.enterAccept();
            try {
                s = server.accept();
            } finally {
                listening.leaveAccept();
            }
            s.setTcpNoDelay(true);
            TcpSocket socket = new TcpSocket(self.node(), nextNumber(self.node()), null, s, listening.options(), self.process());
            socket.startReading();
            return Tuple.of(Atom.OK, socket);
        } catch (SocketTimeoutException e) {
            return error("timeout");
        } catch (IOException e) {
            // closed under us: by close/1, by the owner's exit, or by this process's own kill
            self.process().checkAlive();
            return error("closed");
        }
    }

    /**
     * Connects to {@code host:port}, as {@code :gen_tcp.connect/4}.
     *
     * @param host      a hostname or {@code {a, b, c, d}}
     * @param timeoutMs ms to wait, negative for {@code :infinity}
     * @return {@code {:ok, socket}} or {@code {:error, :econnrefused | :timeout | reason}}
     */
    public static Object connect(Object host, int port, List<?> options, long timeoutMs) {
        TcpOptions o = TcpOptions.parse(options, TcpOptions.DEFAULT);
        ProcessContext self = ProcessContext.require();
        Socket s = new Socket();
        try {
            InetAddress address = host instanceof CharSequence name ? InetAddress.getByName(name.toString())
                    : TcpOptions.parse(List.of(Tuple.of(Atom.of("ip"), host)), o).ip();
            s.connect(new InetSocketAddress(address, port), timeoutMs < 0 ? 0 : (int) Math.max(1, timeoutMs));
            s.setTcpNoDelay(true);
            TcpSocket socket = new TcpSocket(self.node(), nextNumber(self.node()), null, s, o, self.process());
            socket.startReading();
            return Tuple.of(Atom.OK, socket);
        } catch (SocketTimeoutException e) {
            return error("timeout");
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to free
            }
            self.process().checkAlive();
            return error("econnrefused");
        }
    }

    /**
     * Reads the next packet of a passive socket, as {@code :gen_tcp.recv/3} (the length is
     * ignored: a line with {@code packet: :line}, else what has arrived).
     *
     * @param timeoutMs ms to wait, negative for {@code :infinity}
     * @return {@code {:ok, data}}, {@code {:error, :closed}}, {@code {:error, :timeout}}, or
     *         {@code {:error, :einval}} for an active or listening socket
     */
    public static Object recv(TcpSocket socket, long timeoutMs) {
        ProcessContext self = ProcessContext.require();
        try {
            return socket.take(timeoutMs);
        } catch (InterruptedException e) {
            self.process().checkAlive();
            Thread.currentThread().interrupt();
            return error("timeout");
        }
    }

    /**
     * Writes to a connection, as {@code :gen_tcp.send/2}: any process may write.
     *
     * @param data a binary, a byte array, or iodata (a list of bytes, binaries and lists)
     * @return {@code :ok} or {@code {:error, :closed}}
     * @throws IllegalArgumentException badarg for data that is no iodata
     */
    public static Object send(TcpSocket socket, Object data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int header = socket.options().header();
        // packet: 1 | 2 | 4: a big-endian length header (cut to its size, as inet's driver does)
        for (int i = header - 1; i >= 0; i--) bytes.write(0);
        iodata(data, bytes);
        byte[] out = bytes.toByteArray();
        long length = out.length - header;
        for (int i = header - 1; i >= 0; i--, length >>>= 8) out[i] = (byte) length;
        return socket.write(out) ? Atom.OK : Tuple.of(Atom.ERROR, CLOSED);
    }

    private static void iodata(Object data, ByteArrayOutputStream out) {
        if (data instanceof CharSequence s) {
            out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
        } else if (data instanceof byte[] b) {
            out.writeBytes(b);
        } else if (Bitstring.isBinary(data)) {
            out.writeBytes(Bitstring.bytes(data));
        } else if (data instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Integer i && i >= 0 && i <= 255) out.write(i);
                else if (o instanceof CharSequence || o instanceof byte[] || Bitstring.isBinary(o) || o instanceof List<?>) iodata(o, out);
                else throw TcpOptions.badarg();
            }
        } else {
            throw TcpOptions.badarg();
        }
    }

    /** Closes a socket, as {@code :gen_tcp.close/1}; returns {@code :ok}. */
    public static Atom close(TcpSocket socket) {
        socket.close();
        return Atom.OK;
    }

    /**
     * Makes {@code pid} the socket's controlling process, as {@code :gen_tcp.controlling_process/2}:
     * active-mode messages go to it, and its death closes the socket.
     *
     * @return {@code :ok}, {@code {:error, :not_owner}} when the caller does not own the socket,
     *         {@code {:error, :badarg}} when {@code pid} is not a live process, {@code {:error, :closed}}
     */
    public static Object controllingProcess(TcpSocket socket, Pid pid) {
        ProcessContext self = ProcessContext.require();
        if (!socket.isOpen()) return error("closed");
        if (!socket.ownedBy(self.self())) return error("not_owner");
        LocalProcess next = self.node().process(pid);
        if (next == null || !socket.transfer(next)) return error("badarg");
        return Atom.OK;
    }

    /**
     * Changes options, as {@code :inet.setopts/2} ({@code active:}, {@code packet:}, {@code :binary}).
     *
     * @return {@code :ok}, or {@code {:error, :einval}} on a closed socket
     */
    public static Object setopts(TcpSocket socket, List<?> options) {
        if (!socket.isOpen()) return error("einval");
        socket.setOptions(TcpOptions.parse(options, socket.options()));
        return Atom.OK;
    }

    /**
     * Some of a socket's options, as {@code :inet.getopts/2}: {@code active}, {@code packet},
     * {@code packet_size}, {@code buffer}, {@code mode}; other names are left out, as inet leaves
     * out what it does not know.
     *
     * @return {@code {:ok, [{name, value}]}} or {@code {:error, :einval}} on a closed socket
     */
    public static Object getopts(TcpSocket socket, List<?> names) {
        if (!socket.isOpen()) return error("einval");
        TcpOptions o = socket.options();
        List<Object> out = new java.util.ArrayList<>();
        for (Object n : names) {
            if (!(n instanceof Atom a)) throw TcpOptions.badarg();
            Object v = switch (a.name()) {
                case "active" -> o.active();
                case "packet" -> o.line() ? (Object) Atom.of("line") : (Object) o.header();
                case "packet_size" -> o.packetSize();
                case "buffer" -> o.buffer();
                case "mode" -> Atom.of(o.binary() ? "binary" : "list");
                default -> null;
            };
            if (v != null) out.add(Tuple.of(a, v));
        }
        return Tuple.of(Atom.OK, out);
    }

    /** The local port, as {@code :inet.port/1}: {@code {:ok, port}} or {@code {:error, :einval}}. */
    public static Object port(TcpSocket socket) {
        if (!socket.isOpen()) return error("einval");
        int port = socket.isListening() ? socket.server().getLocalPort() : socket.socket().getLocalPort();
        return Tuple.of(Atom.OK, port);
    }

    /** The peer's address, as {@code :inet.peername/1}: {@code {:ok, {{a, b, c, d}, port}}} or {@code {:error, :enotconn}}. */
    public static Object peername(TcpSocket socket) {
        if (socket.isListening() || !socket.isOpen()) return error("enotconn");
        InetSocketAddress peer = (InetSocketAddress) socket.socket().getRemoteSocketAddress();
        byte[] a = peer.getAddress().getAddress();
        Object ip = a.length == 4 ? Tuple.of(a[0] & 0xff, a[1] & 0xff, a[2] & 0xff, a[3] & 0xff) : peer.getAddress().getHostAddress();
        return Tuple.of(Atom.OK, Tuple.of(ip, peer.getPort()));
    }
}
