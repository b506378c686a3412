package procshell.runtime.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/**
 * A TCP socket, a port in the BEAM's terms (it prints {@code #Port<0.N>}): a listening socket or
 * a connection, owned by its controlling process, closed when that process dies. A connection
 * reads on a virtual thread of its own; in active mode what it reads goes to the owner as
 * {@code {:tcp, socket, data}} (one message per line with {@code packet: :line}, per packet with
 * {@code packet: 1 | 2 | 4}, whose length header is left out) and the peer's
 * close as {@code {:tcp_closed, socket}}; in passive mode it waits in a queue for
 * {@link GenTcp#recv}. In {@code :binary} mode data is a binary term (a {@code String} when it
 * is UTF-8, else a {@link Bitstring}), in {@code :list} mode a list of bytes.
 *
 * <p>With {@code packet: :line} at most {@code max(buffer, packet_size)} bytes of a line are ever
 * held: a line that has no newline within {@code buffer} bytes comes in pieces of that size, and
 * one longer than a non-zero {@code packet_size} is the error {@code :emsgsize} (then the socket
 * reads no more: {@code {:tcp_error, s, :emsgsize}} and {@code {:tcp_closed, s}} in active mode,
 * {@code {:error, :emsgsize}} then {@code {:error, :enotconn}} from recv), as inet's driver does.
 */
public final class TcpSocket {
    private static final Object CLOSED = new Object();
    /** In the queue: the line being read was longer than packet_size. */
    private static final Object EMSGSIZE = new Object();
    private static final Atom TCP = Atom.of("tcp");
    private static final Atom TCP_CLOSED = Atom.of("tcp_closed");
    /** Each node's open sockets, for {@link #open(Node)}. */
    private static final java.util.Map<Node, java.util.Set<TcpSocket>> OPEN = new java.util.WeakHashMap<>();
    private static final Atom TCP_ERROR = Atom.of("tcp_error");

    private final Node node;
    private final long number;
    private final ServerSocket server;
    private final Socket socket;
    private final Object writeLock = new Object();
    private final java.util.function.Consumer<Object> closeOnOwnerExit = reason -> close();
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    // Guarded by this.
    private TcpOptions options;
    private LocalProcess owner;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean closed;
    /** Set once recv has reported {@code :emsgsize}: reading is over. */
    private boolean readFailed;
    private int accepting;

    TcpSocket(Node node, long number, ServerSocket server, Socket socket, TcpOptions options, LocalProcess owner) {
        this.node = node;
        this.number = number;
        this.server = server;
        this.socket = socket;
        this.options = options;
        this.owner = owner;
        synchronized (OPEN) {
            OPEN.computeIfAbsent(node, n -> new java.util.LinkedHashSet<>()).add(this);
        }
        if (!owner.onExitClosePort(closeOnOwnerExit)) close();
    }

    /** Starts reading a connection (after construction, so that the reader sees a whole socket). */
    void startReading() {
        Thread.ofVirtual().name("procshell-tcp-" + number).start(this::readLoop);
    }

    /** The node's open sockets (listening and connected), oldest first: what an observer lists as its ports. */
    public static List<TcpSocket> open(Node node) {
        synchronized (OPEN) {
            java.util.Set<TcpSocket> s = OPEN.get(node);
            return s == null ? List.of() : List.copyOf(s);
        }
    }

    /** The local address and port, as {@code :inet.sockname/1}; null once closed. */
    public java.net.InetSocketAddress localAddress() {
        java.net.SocketAddress a = server != null ? server.getLocalSocketAddress() : socket.getLocalSocketAddress();
        return a instanceof java.net.InetSocketAddress i ? i : null;
    }

    /** The peer's address and port, as {@code :inet.peername/1}; null for a listening socket. */
    public java.net.InetSocketAddress peerAddress() {
        return socket != null && socket.getRemoteSocketAddress() instanceof java.net.InetSocketAddress i ? i : null;
    }

    /** Bytes read from the connection so far, as {@code :inet.getstat(s, [:recv_oct])}. */
    public long bytesReceived() {
        return received.get();
    }

    /** Bytes written to the connection so far, as {@code :inet.getstat(s, [:send_oct])}. */
    public long bytesSent() {
        return sent.get();
    }

    /** The port number in {@code #Port<0.N>}. */
    public long number() {
        return number;
    }

    /** True for a listening socket. */
    public boolean isListening() {
        return server != null;
    }

    /** The controlling process's pid. */
    public synchronized Pid owner() {
        return owner.pid();
    }

    /** True until closed (by {@link #close}, the owner's exit, or the peer in active mode). */
    public synchronized boolean isOpen() {
        return !closed;
    }

    Node node() {
        return node;
    }

    ServerSocket server() {
        return server;
    }

    Socket socket() {
        return socket;
    }

    synchronized TcpOptions options() {
        return options;
    }

    synchronized boolean ownedBy(Pid pid) {
        return owner.pid().equals(pid);
    }

    // ---- reading ----------------------------------------------------------------------------------

    private void readLoop() {
        byte[] buf = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                received.addAndGet(n);
                TcpOptions o = options();
                if (o.header() > 0) {
                    line.write(buf, 0, n);
                    if (!framed(line, o)) return;
                    continue;
                }
                if (!o.line()) {
                    arrived(java.util.Arrays.copyOf(buf, n));
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    line.write(buf[i]);
                    if (o.packetSize() > 0 && line.size() > o.packetSize()) {
                        // inet's driver: a line longer than packet_size is an error, and reading stops
                        arrived(EMSGSIZE);
                        return;
                    }
                    if (buf[i] == '\n' || line.size() >= Math.max(o.buffer(), o.packetSize())) {
                        arrived(line.toByteArray());
                        line.reset();
                    }
                }
            }
            if (line.size() > 0) arrived(line.toByteArray());
        } catch (IOException e) {
            // reset by the peer, or closed here: either way the connection is over
        }
        arrived(CLOSED);
    }

    /**
     * Hands over every whole packet in {@code pending} ({@code packet: 1 | 2 | 4}: a big-endian
     * length header, then that many bytes) and keeps the rest.
     *
     * @return false when a packet announced more than a non-zero {@code packet_size}: the error
     *         {@code :emsgsize} is queued and reading stops, as inet's driver does
     */
    private boolean framed(ByteArrayOutputStream pending, TcpOptions o) {
        byte[] b = pending.toByteArray();
        int at = 0;
        while (b.length - at >= o.header()) {
            long length = 0;
            for (int i = 0; i < o.header(); i++) length = length << 8 | (b[at + i] & 0xff);
            if (o.packetSize() > 0 && length > o.packetSize() || length > Integer.MAX_VALUE - 8) {
                arrived(EMSGSIZE);
                return false;
            }
            if (b.length - at - o.header() < length) break;
            arrived(java.util.Arrays.copyOfRange(b, at + o.header(), at + o.header() + (int) length));
            at += o.header() + (int) length;
        }
        pending.reset();
        pending.write(b, at, b.length - at);
        return true;
    }

    /**
     * Bytes as the socket's mode wants them when they are handed over (not when read, so that a
     * setopts between the two applies, as in inet): a binary term for :binary, a list of bytes for :list.
     */
    private Object packet(Object bytes) {
        return packet((byte[]) bytes, options.binary());
    }

    private static Object packet(byte[] bytes, boolean binary) {
        if (!binary) {
            List<Integer> chars = new ArrayList<>(bytes.length);
            for (byte b : bytes) chars.add(b & 0xff);
            return chars;
        }
        return Bitstring.of(bytes);
    }

    private synchronized void arrived(Object packet) {
        if (closed) return;
        queue.add(packet);
        flushActive();
        notifyAll();
    }

    /** In active mode, hands queued packets to the owner (one, then passive, for {@code :once}). */
    private void flushActive() {
        while (!closed && !Boolean.FALSE.equals(options.active()) && !queue.isEmpty()) {
            Object p = queue.poll();
            if (p == EMSGSIZE) owner.deliver(Tuple.of(TCP_ERROR, this, Atom.of("emsgsize")));
            if (p == CLOSED || p == EMSGSIZE) {
                owner.deliver(Tuple.of(TCP_CLOSED, this));
                // gen_tcp's exit_on_close: the socket is closed once the peer closed it
                owner.removeExitHook(closeOnOwnerExit);
                closeQuietly();
                return;
            }
            owner.deliver(Tuple.of(TCP, this, packet(p)));
            if (TcpOptions.ONCE.equals(options.active())) options = options.withActive(Boolean.FALSE);
        }
    }

    /** Changes options, as {@code :inet.setopts/2}; turning active on delivers what was queued. */
    synchronized void setOptions(TcpOptions next) {
        options = next;
        flushActive();
    }

    /**
     * Takes the next packet in passive mode.
     *
     * @return {@code {:ok, data}}, {@code {:error, :closed}}, {@code {:error, :timeout}},
     *         {@code {:error, :einval}} (the socket is active), {@code {:error, :emsgsize}} (a line
     *         longer than packet_size), then {@code {:error, :enotconn}}
     */
    synchronized Object take(long timeoutMs) throws InterruptedException {
        if (server != null || !Boolean.FALSE.equals(options.active())) return Tuple.of(Atom.ERROR, Atom.of("einval"));
        if (readFailed && !closed) return Tuple.of(Atom.ERROR, Atom.of("enotconn"));
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (queue.isEmpty() && !closed) {
            if (timeoutMs < 0) {
                wait();
            } else {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return Tuple.of(Atom.ERROR, Atom.TIMEOUT);
                wait(left);
            }
        }
        if (closed || queue.peek() == CLOSED) return Tuple.of(Atom.ERROR, Atom.of("closed"));
        if (queue.peek() == EMSGSIZE) {
            queue.poll();
            readFailed = true;
            return Tuple.of(Atom.ERROR, Atom.of("emsgsize"));
        }
        return Tuple.of(Atom.OK, packet(queue.poll()));
    }

    // ---- writing and owning -----------------------------------------------------------------------

    /** Writes bytes; false when the connection is closed. */
    boolean write(byte[] bytes) {
        if (socket == null || !isOpen()) return false;
        synchronized (writeLock) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
                sent.addAndGet(bytes.length);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Hands the socket to {@code next}; false when {@code next} is dead. */
    synchronized boolean transfer(LocalProcess next) {
        if (!next.onExitClosePort(closeOnOwnerExit)) return false;
        owner.removeExitHook(closeOnOwnerExit);
        owner = next;
        flushActive();
        return true;
    }

    /** Marks a thread as blocked in {@code accept} on this listening socket. */
    synchronized void enterAccept() {
        accepting++;
    }

    synchronized void leaveAccept() {
        accepting--;
        notifyAll();
    }

    /**
     * Closes the socket, as {@code :gen_tcp.close/1}: no message to the owner. A listening
     * socket's port is free when this returns: the JDK releases it only once a thread blocked
     * in {@code accept} has left, so this waits (a bounded moment) for such threads.
     */
    public void close() {
        LocalProcess o;
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.clear();
            notifyAll();
            o = owner;
        }
        o.removeExitHook(closeOnOwnerExit);
        closeQuietly();
        if (server != null) awaitAcceptors();
    }

    private synchronized void awaitAcceptors() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        boolean interrupted = false;
        while (accepting > 0 && System.nanoTime() < deadline) {
            try {
                wait(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void closeQuietly() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        synchronized (OPEN) {
            java.util.Set<TcpSocket> open = OPEN.get(node);
            if (open != null) open.remove(this);
        }
        try {
            if (server != null) server.close();
            if (socket != null) socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "#Port<0." + number + ">";
    }
}
