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
 * first procshell node serves the others; when that node goes, every other node registers again
 * with the next port mapper ({@link Registration}).
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
     * A node's registration with the port mapper: the open ALIVE2 connection (closing it
     * unregisters the node) and the creation the port mapper assigned.
     *
     * <p>It outlives its port mapper: when the ALIVE2 connection drops without {@link #close()}
     * (the shell that served the embedded port mapper closed, or epmd was killed), a daemon thread
     * registers the name again with the next port mapper that answers on the same port, whichever
     * comes first: another procshell node's embedded one, a real {@code epmd} that starts, or one
     * this JVM starts (unless {@value #START_EPMD_PROPERTY} is {@code false}). It tries every
     * {@value #RETRY_MS} ms until it succeeds or the registration is closed. The node keeps its
     * own creation: the port mapper's new one does not change the node's pids.
     */
    public static final class Registration implements AutoCloseable {
        private final EpmdClient client;
        private final String alive;
        private final int listenPort;
        private final int creation;
        private volatile Socket socket;
        private volatile boolean embeddedMapper;
        private volatile boolean closed;
        private final java.util.concurrent.atomic.AtomicInteger registrations = new java.util.concurrent.atomic.AtomicInteger(1);

        private Registration(EpmdClient client, String alive, int listenPort, Socket socket, int creation, boolean embeddedMapper) {
            this.client = client;
            this.alive = alive;
            this.listenPort = listenPort;
            this.socket = socket;
            this.creation = creation;
            this.embeddedMapper = embeddedMapper;
            Thread.ofPlatform().daemon().name("procshell-epmd-keeper-" + alive).start(this::keep);
        }

        /** The open ALIVE2 connection, or null while no port mapper holds the name (between one and the next). */
        public Socket socket() {
            return socket;
        }

        /** The creation the port mapper assigned at the first registration. */
        public int creation() {
            return creation;
        }

        /** True when a registration of this node started this JVM's embedded port mapper. */
        public boolean embeddedMapper() {
            return embeddedMapper;
        }

        /** True while a port mapper holds the name (false between a lost mapper and the next one). */
        public boolean registered() {
            return !closed && socket != null && !socket.isClosed();
        }

        /** How many times the name was registered: 1, plus one per port mapper that took over. */
        public int registrations() {
            return registrations.get();
        }

        /** Unregisters the node, for good. */
        @Override
        public void close() {
            closed = true;
            Socket s = socket;
            if (s == null) return;
            try {
                s.close();
            } catch (IOException ignored) {
                // unregistered anyway
            }
        }

        /** Watches the ALIVE2 connection; when the port mapper goes, registers with the next one. */
        private void keep() {
            while (!closed) {
                waitForClose(socket);
                socket = null;
                while (!closed) {
                    try {
                        Thread.sleep(RETRY_MS);
                        Attempt a = client.attempt(alive, listenPort);
                        if (a.embedded()) embeddedMapper = true;
                        socket = a.socket();
                        registrations.incrementAndGet();
                        if (closed) close(); // closed while registering: do not leave the name behind
                        break;
                    } catch (IOException e) {
                        LOG.fine(() -> "re-registering " + alive + " with the port mapper: " + e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        private static void waitForClose(Socket s) {
            try {
                s.setSoTimeout(0); // the ALIVE2 connection idles for the node's life
                java.io.InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // a port mapper sends nothing after ALIVE2_RESP
                }
            } catch (IOException e) {
                // reset or closed: the registration is gone either way
            }
        }
    }

    /** The system property that, set to {@code false}, keeps this JVM from starting a port mapper (erl's {@code -start_epmd false}). */
    public static final String START_EPMD_PROPERTY = "procshell.start_epmd";
    /** How long a node whose port mapper went away waits between attempts to register again. */
    static final int RETRY_MS = 200;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EpmdClient.class.getName());

    /** One successful ALIVE2: the connection to keep open and whether this JVM's port mapper was started for it. */
    private record Attempt(Socket socket, int creation, boolean embedded) {}

    /**
     * Registers {@code alive} (the name before {@code @}) as listening on {@code listenPort}. When
     * nothing listens on the port mapper's port of this machine, starts an embedded
     * {@link PortMapper} there first (another process may win that race; then its mapper serves).
     * The registration re-registers by itself when its port mapper goes away ({@link Registration}).
     *
     * @return the registration, to keep open while the node lives
     * @throws IOException when no port mapper can be reached or started, or the name is taken
     *         ({@code the name node1 seems to be in use by another Erlang node})
     */
    public Registration register(String alive, int listenPort) throws IOException {
        Attempt a = attempt(alive, listenPort);
        return new Registration(this, alive, listenPort, a.socket(), a.creation(), a.embedded());
    }

    private Attempt attempt(String alive, int listenPort) throws IOException {
        boolean embedded = false;
        Socket s;
        try {
            s = connect();
        } catch (ConnectException e) {
            if (!mayStartEmbedded()) throw e;
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
            return new Attempt(s, creation, embedded);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static boolean mayStartEmbedded() {
        return !"false".equals(System.getProperty(START_EPMD_PROPERTY));
    }

    private boolean startEmbedded() throws IOException {
        synchronized (EMBEDDED) {
            PortMapper running = EMBEDDED.get(port);
            if (running != null && !running.isClosed()) return false; // ours runs; the connect failure was transient
            try {
                EMBEDDED.put(port, PortMapper.start(port));
                return true;
            } catch (java.net.BindException e) {
                return false; // someone else started one meanwhile
            }
        }
    }

    /**
     * Stops the port mapper this JVM serves on {@code port}, as closing the shell that hosts it
     * does: its nodes' connections drop and every node registers again with the next port mapper.
     *
     * @return true when this JVM served one there
     */
    static boolean stopEmbedded(int port) {
        PortMapper m = EMBEDDED.remove(port);
        if (m != null) m.close();
        return m != null;
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
