package procshell.runtime.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import procshell.runtime.node.Node;

/**
 * Distributed nodes for tests: each test class gets a port mapper port of its own (free when
 * picked, so that no other test run on this machine shares it) and unique node names; everything
 * started is stopped by {@link #close()}.
 */
final class DistTestSupport implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();
    final int epmdPort;
    final String suffix;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Distribution> dists = new ArrayList<>();

    DistTestSupport() throws IOException {
        this.epmdPort = freePort();
        this.suffix = Long.toString(ProcessHandle.current().pid()) + "_" + SEQ.incrementAndGet();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A node {@code base<suffix>@localhost} started with {@code cookie}; a 20 s net tick time, so a loaded machine never drops a connection here. */
    Distribution start(String base, String cookie) throws IOException {
        Node node = new Node(name(base), 1 << 20);
        Distribution d = Distribution.start(node, DistOptions.of(cookie).withEpmdPort(epmdPort).withNetTickTime(20_000));
        nodes.add(node);
        dists.add(d);
        return d;
    }

    /** The full name a node started as {@code base} has. */
    String name(String base) {
        return base + suffix + "@localhost";
    }

    /**
     * A raw socket to {@code target} that has done the handshake as node {@code name} with
     * {@code cookie}, offering what procshell offers; its receive buffer {@code receiveBuffer}
     * bytes (0 for the default).
     */
    Socket handshaken(Distribution target, String name, String cookie, int receiveBuffer) throws IOException, HandshakeException {
        int port = new EpmdClient("localhost", epmdPort).portPlease(target.node().name().name().split("@")[0]);
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new java.net.InetSocketAddress("localhost", port));
        s.setSoTimeout(60_000);
        new Handshake(name, 7, cookie).initiate(s.getInputStream(), s.getOutputStream(), target.node().name().name());
        return s;
    }

    /** The log lines {@code d}'s node publishes from now on. */
    static List<String> logOf(Distribution d) {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        d.node().events().subscribe(e -> {
            if (e instanceof procshell.runtime.event.NodeEvent.Logged l) logged.add(l.message());
        });
        return logged;
    }

    /** Runs {@code body} as a process of {@code node} (this thread, attached for the while); returns what it returns. */
    static <T> T inProcess(Node node, java.util.function.Function<procshell.runtime.process.ProcessContext, T> body) {
        procshell.runtime.process.ProcessContext ctx = node.attach();
        try {
            return body.apply(ctx);
        } finally {
            node.detach();
        }
    }

    @Override
    public void close() {
        for (Distribution d : dists) d.stop();
        for (Node n : nodes) n.shutdown();
    }
}
