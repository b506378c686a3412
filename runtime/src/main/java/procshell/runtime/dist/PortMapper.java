package procshell.runtime.dist;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * An embedded port mapper speaking the EPMD protocol (ALIVE2, PORT_PLEASE2, NAMES), started by the
 * first procshell node of a machine where no {@code epmd} runs, so that later nodes, procshell's or
 * the BEAM's ({@code erl -start_epmd false}), find each other as they would through epmd. Like
 * epmd, a node stays registered while its ALIVE2 connection stays open.
 *
 * <p>It listens on the loopback interface only. Requests longer than
 * {@value Epmd#MAX_REQUEST} bytes or of unknown type close their connection.
 */
public final class PortMapper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PortMapper.class.getName());

    /** One registered node. */
    private record Registration(String name, int port, int nodeType, int protocol, int highest, int lowest,
                                byte[] extra, Socket socket) {}

    private final ServerSocket server;
    private final Map<String, Registration> nodes = new ConcurrentHashMap<>();
    private final AtomicInteger creation = new AtomicInteger((int) (System.nanoTime() & 0xffff) + 4);
    private final Thread acceptor;

    private PortMapper(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("procshell-epmd-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /**
     * Starts a port mapper on {@code port} of the loopback interface.
     *
     * @return the running mapper
     * @throws IOException when the port is taken (another epmd runs) or cannot be bound
     */
    public static PortMapper start(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new PortMapper(s);
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** True once {@link #close()} ran: it serves no one any more. */
    public boolean isClosed() {
        return server.isClosed();
    }

    /** The names registered now, as {@code epmd -names} lists them. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(nodes.keySet());
    }

    /**
     * The most connections served at once, as epmd's {@code -max_conn}: beyond it a new connection
     * is closed at once, so that idle clients cannot take every file descriptor of the JVM.
     */
    static final int MAX_CONNECTIONS = 1000;

    /** How long a connection may take to send its request (epmd drops a silent one too). */
    static final int REQUEST_TIMEOUT_MS = 5_000;

    private final java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(MAX_CONNECTIONS);

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                if (!connections.tryAcquire()) {
                    s.close();
                    continue;
                }
                Thread.ofVirtual().start(() -> {
                    try {
                        serve(s);
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) LOG.fine(() -> "port mapper accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket s) {
        Registration registered = null;
        try (s) {
            s.setSoTimeout(REQUEST_TIMEOUT_MS); // a request must come quickly; an ALIVE2 connection then idles forever
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            int len = in.readUnsignedShort();
            if (len < 1 || len > Epmd.MAX_REQUEST) return;
            byte[] req = in.readNBytes(len);
            if (req.length != len) return;
            DataInputStream r = new DataInputStream(new java.io.ByteArrayInputStream(req));
            switch (r.readUnsignedByte()) {
                case Epmd.ALIVE2_REQ -> {
                    registered = alive2(r, s, out);
                    if (registered == null) return;
                    s.setSoTimeout(0);
                    InputStream rest = s.getInputStream();
                    while (rest.read() >= 0) {
                        // epmd ignores anything after ALIVE2; the registration ends with the connection
                    }
                }
                case Epmd.PORT_PLEASE2_REQ -> portPlease(new String(r.readAllBytes(), StandardCharsets.UTF_8), out);
                case Epmd.NAMES_REQ -> names(out);
                default -> { }
            }
        } catch (IOException e) {
            // a broken client connection: nothing to answer
        } finally {
            if (registered != null) nodes.remove(registered.name(), registered);
        }
    }

    private Registration alive2(DataInputStream r, Socket s, DataOutputStream out) throws IOException {
        int port = r.readUnsignedShort();
        int type = r.readUnsignedByte();
        int protocol = r.readUnsignedByte();
        int highest = r.readUnsignedShort();
        int lowest = r.readUnsignedShort();
        String name = new String(r.readNBytes(r.readUnsignedShort()), StandardCharsets.UTF_8);
        byte[] extra = r.available() >= 2 ? r.readNBytes(r.readUnsignedShort()) : new byte[0];
        Registration reg = new Registration(name, port, type, protocol, highest, lowest, extra, s);
        boolean ok = !name.isEmpty() && nodes.putIfAbsent(name, reg) == null;
        out.writeByte(Epmd.ALIVE2_X_RESP);
        out.writeByte(ok ? 0 : 1);
        out.writeInt(ok ? creation.getAndIncrement() : 0);
        out.flush();
        return ok ? reg : null;
    }

    private void portPlease(String name, DataOutputStream out) throws IOException {
        Registration reg = nodes.get(name);
        out.writeByte(Epmd.PORT2_RESP);
        if (reg == null) {
            out.writeByte(1);
        } else {
            byte[] n = reg.name().getBytes(StandardCharsets.UTF_8);
            out.writeByte(0);
            out.writeShort(reg.port());
            out.writeByte(reg.nodeType());
            out.writeByte(reg.protocol());
            out.writeShort(reg.highest());
            out.writeShort(reg.lowest());
            out.writeShort(n.length);
            out.write(n);
            out.writeShort(reg.extra().length);
            out.write(reg.extra());
        }
        out.flush();
    }

    private void names(DataOutputStream out) throws IOException {
        out.writeInt(port());
        StringBuilder b = new StringBuilder();
        for (Registration reg : nodes.values()) b.append("name ").append(reg.name()).append(" at port ").append(reg.port()).append('\n');
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Stops listening and drops every registration (their nodes' connections close). */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Registration reg : nodes.values()) {
            try {
                reg.socket().close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        nodes.clear();
        acceptor.interrupt();
    }
}
