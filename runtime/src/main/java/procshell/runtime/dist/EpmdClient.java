package procshell.runtime.dist;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talks to the port mapper of a host, as {@code erl_epmd} does: registers a node (ALIVE2), finds a
 * node's distribution port (PORT_PLEASE2) and lists the names (NAMES). When no port mapper answers
 * on this machine, {@link #register} starts an embedded {@link PortMapper} first, so that the
 * first procshell node serves the others.
 */
public final class EpmdClient {
    /** Embedded port mappers this JVM started, by port; they live as long as the JVM. */
    private static final Map<Integer, PortMapper> EMBEDDED = new ConcurrentHashMap<>();
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final String host;
    private final int port;

    /**
     * @param host the host whose port mapper to ask, e.g. {@code localhost}
     * @param port its port, normally {@link #defaultPort()}
     */
    public EpmdClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code ERL_EPMD_PORT} when set, else 4369, as erl chooses. */
    public static int defaultPort() {
        return Epmd.portFromEnvironment();
    }

    /**
     * A node's registration: the open ALIVE2 connection (closing it unregisters the node) and the
     * creation the port mapper assigned.
     */
    public record Registration(Socket socket, int creation, boolean embeddedMapper) implements AutoCloseable {
        /** Unregisters the node. */
        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // unregistered anyway
            }
        }
    }

    /**
     * Registers {@code alive} (the name before {@code @}) as listening on {@code listenPort}. When
     * nothing listens on the port mapper's port of this machine, starts an embedded
     * {@link PortMapper} there first (another process may win that race; then its mapper serves).
     *
     * @return the registration, to keep open while the node lives
     * @throws IOException when no port mapper can be reached or started, or the name is taken
     *         ({@code the name node1 seems to be in use by another Erlang node})
     */
    public Registration register(String alive, int listenPort) throws IOException {
        boolean embedded = false;
        Socket s;
        try {
            s = connect();
        } catch (ConnectException e) {
            embedded = startEmbedded();
            s = connect();
        }
        try {
            byte[] name = alive.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            DataOutputStream r = new DataOutputStream(req);
            r.writeByte(Epmd.ALIVE2_REQ);
            r.writeShort(listenPort);
            r.writeByte(Epmd.NODE_TYPE_NORMAL);
            r.writeByte(Epmd.PROTOCOL_TCP);
            r.writeShort(Epmd.HIGHEST_VERSION);
            r.writeShort(Epmd.LOWEST_VERSION);
            r.writeShort(name.length);
            r.write(name);
            r.writeShort(0);
            send(s, req.toByteArray());
            DataInputStream in = new DataInputStream(s.getInputStream());
            int tag = in.readUnsignedByte();
            int result = in.readUnsignedByte();
            int creation = switch (tag) {
                case Epmd.ALIVE2_X_RESP -> in.readInt();
                case Epmd.ALIVE2_RESP -> in.readUnsignedShort();
                default -> throw new IOException("port mapper answered ALIVE2 with tag " + tag);
            };
            if (result != 0) throw new IOException("the name " + alive + " seems to be in use by another Erlang node");
            return new Registration(s, creation, embedded);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private boolean startEmbedded() throws IOException {
        if (EMBEDDED.containsKey(port)) return false; // ours runs; the connect failure was transient
        try {
            EMBEDDED.put(port, PortMapper.start(port));
            return true;
        } catch (java.net.BindException e) {
            return false; // someone else started one meanwhile
        }
    }

    /**
     * The distribution port of node {@code alive} on this host, as PORT_PLEASE2 gives it.
     *
     * @return the port, or -1 when no such node is registered
     * @throws IOException when no port mapper answers
     */
    public int portPlease(String alive) throws IOException {
        try (Socket s = connect()) {
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(Epmd.PORT_PLEASE2_REQ);
            req.writeBytes(alive.getBytes(StandardCharsets.UTF_8));
            send(s, req.toByteArray());
            DataInputStream in = new DataInputStream(s.getInputStream());
            int tag = in.readUnsignedByte();
            if (tag != Epmd.PORT2_RESP) throw new IOException("port mapper answered PORT_PLEASE2 with tag " + tag);
            if (in.readUnsignedByte() != 0) return -1;
            return in.readUnsignedShort();
        }
    }

    /**
     * The registered nodes and their ports, as {@code :net_adm.names/0}.
     *
     * @throws IOException when no port mapper answers
     */
    public Map<String, Integer> names() throws IOException {
        try (Socket s = connect()) {
            send(s, new byte[] {(byte) Epmd.NAMES_REQ});
            DataInputStream in = new DataInputStream(s.getInputStream());
            in.readInt();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length == 5 && f[0].equals("name")) out.put(f[1], Integer.parseInt(f[4]));
            }
            return out;
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(CONNECT_TIMEOUT_MS);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static void send(Socket s, byte[] request) throws IOException {
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeShort(request.length);
        out.write(request);
        out.flush();
    }
}
