package procshell.runtime.dist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.RemoteNodes;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/**
 * A node's distribution, as the BEAM's {@code net_kernel} and its distribution controller: it
 * listens for other nodes, registers with the port mapper, connects to nodes by name
 * ({@code Node.connect/1}), carries messages, links, monitors and exit signals over the
 * connections, ticks to find silent nodes, and tells watchers when a node comes up or goes down.
 *
 * <p>Started for a node named {@code alive@host} (the node must have been created with that
 * name): {@link #start(Node, DistOptions)}. It installs itself as the node's {@link RemoteNodes},
 * registers {@code net_kernel} (which answers {@code Node.ping/1}) and {@code procshell_dist}
 * (which makes connections transitive: every node connected to one procshell node connects to the
 * others, as the BEAM's global does).
 */
public final class Distribution implements RemoteNodes {
    private static final Atom NET_KERNEL = Atom.of("net_kernel");
    private static final Atom PROCSHELL_DIST = Atom.of("procshell_dist");
    private static final Atom NODES = Atom.of("nodes");
    private static final Atom IS_AUTH = Atom.of("is_auth");
    private static final Atom CONNECT_NODE = Atom.of("connect_node");
    private static final Atom REPLY = Atom.of("reply");
    private static final Atom ERPC = Atom.of("erpc");
    private static final Atom EXECUTE_CALL = Atom.of("execute_call");
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom EMPTY = Atom.of("");
    private static final Atom ERROR = Atom.of("error");
    private static final Atom WARNING = Atom.of("warning");
    private static final Atom ALIAS = Atom.of("alias");
    /** How long a connection setup may take, as the BEAM's {@code net_setuptime} (7 s). */
    private static final int SETUP_TIME_MS = 7_000;

    private final Node node;
    private final NodeTable table;
    private final DistOptions options;
    private final Handshake handshake;
    private final ServerSocket listener;
    private final EpmdClient.Registration registration;
    private final String alive;
    private final ConcurrentHashMap<Atom, Connection> connections = new ConcurrentHashMap<>();
    private final Set<Atom> pending = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Atom, Object> connectLocks = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<Atom, Boolean>> nodeWatchers = new CopyOnWriteArrayList<>();
    private final RemoteLinks links;
    private final RemoteSpawns spawns;
    private final AtomicLong unlinkIds = new AtomicLong(1);
    private final Thread ticker;
    private volatile Pid netKernel;
    private volatile boolean stopped;

    private Distribution(Node node, DistOptions options, ServerSocket listener, EpmdClient.Registration registration) {
        this.node = node;
        this.table = new NodeTable(node);
        this.options = options;
        this.listener = listener;
        this.registration = registration;
        String name = node.name().name();
        this.alive = name.substring(0, name.indexOf('@'));
        this.handshake = new Handshake(name, node.creation(), options.cookie());
        this.links = new RemoteLinks(this);
        this.spawns = new RemoteSpawns(this, links);
        this.ticker = Thread.ofPlatform().daemon().name("procshell-net-tick-" + name).unstarted(this::tickLoop);
    }

    /**
     * Makes {@code node} a distributed node, as {@code Node.start/2} or {@code --sname}: listens on
     * a free port, registers its name with the port mapper (starting an embedded one when none
     * runs), and starts {@code net_kernel}.
     *
     * @param node    a node named {@code alive@host}
     * @param options cookie, port mapper port, net tick time, frame limit
     * @return the running distribution
     * @throws IOException when the name is taken or no port mapper can be reached or started
     * @throws IllegalArgumentException when the node's name has no {@code @host} part
     */
    public static Distribution start(Node node, DistOptions options) throws IOException {
        String name = node.name().name();
        int at = name.indexOf('@');
        if (at <= 0 || at == name.length() - 1 || name.indexOf('@', at + 1) >= 0) {
            throw new IllegalArgumentException("the node name " + name + " is not of the form name@host");
        }
        String host = name.substring(at + 1);
        InetAddress bind = isLoopback(host) ? InetAddress.getLoopbackAddress() : null;
        ServerSocket listener = new ServerSocket();
        EpmdClient.Registration reg;
        try {
            listener.bind(new InetSocketAddress(bind, 0), 64);
            reg = new EpmdClient("localhost", options.epmdPort()).register(name.substring(0, at), listener.getLocalPort());
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        Distribution d = new Distribution(node, options, listener, reg);
        d.begin();
        return d;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private void begin() {
        node.setRemote(this);
        netKernel = spawnSystem(NET_KERNEL, this::netKernelLoop);
        spawnSystem(PROCSHELL_DIST, this::procshellDistLoop);
        Thread.ofPlatform().daemon().name("procshell-dist-accept-" + node.name().name()).start(this::acceptLoop);
        ticker.start();
    }

    private Pid spawnSystem(Atom name, procshell.runtime.process.ProcessBody body) {
        Pid pid = node.spawn(body, SpawnOptions.DEFAULT);
        node.names().register(name, node.process(pid));
        return pid;
    }

    // ---- the public face -------------------------------------------------------------------------

    /** The node this distribution serves. */
    public Node node() {
        return node;
    }

    /** This node's table of known node incarnations (pid printing, wire pids). */
    public NodeTable table() {
        return table;
    }

    /** The options it runs with. */
    public DistOptions options() {
        return options;
    }

    /** The TCP port other nodes connect to, as registered with the port mapper. */
    public int port() {
        return listener.getLocalPort();
    }

    /** True when this node's registration started the embedded port mapper. */
    public boolean startedPortMapper() {
        return registration.embeddedMapper();
    }

    /**
     * One TCP connection of the distribution, as an observer's Ports tab lists it.
     *
     * @param peer   the node at the other end; {@code :epmd} for the registration with the port mapper
     * @param local  this end's address and port
     * @param remote the other end's address and port
     */
    public record Channel(Atom peer, java.net.InetSocketAddress local, java.net.InetSocketAddress remote) {}

    /** The address and port other nodes connect to. */
    public java.net.InetSocketAddress listenAddress() {
        return (java.net.InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The open connections to other nodes, sorted by node name (read-only facts). */
    public List<Channel> channels() {
        List<Channel> out = new ArrayList<>();
        for (Connection c : connections.values()) {
            if (c.isClosed()) continue;
            java.net.Socket s = c.socket();
            out.add(new Channel(c.peer(), (java.net.InetSocketAddress) s.getLocalSocketAddress(), (java.net.InetSocketAddress) s.getRemoteSocketAddress()));
        }
        out.sort(java.util.Comparator.comparing(Channel::peer));
        return out;
    }

    /** The connection that keeps this node registered with the port mapper (epmd), or null when it has none. */
    public Channel portMapperChannel() {
        java.net.Socket s = registration.socket();
        if (s == null || s.isClosed()) return null;
        return new Channel(Atom.of("epmd"), (java.net.InetSocketAddress) s.getLocalSocketAddress(), (java.net.InetSocketAddress) s.getRemoteSocketAddress());
    }

    /** The connected nodes, as {@code Node.list/0}, sorted by name. */
    public List<Atom> nodes() {
        List<Atom> out = new ArrayList<>();
        for (Connection c : connections.values()) if (!c.isClosed()) out.add(c.peer());
        out.sort(null);
        return out;
    }

    /**
     * Calls {@code watcher(node, true)} when a connection to a node comes up and
     * {@code watcher(node, false)} when it goes down, as {@code :net_kernel.monitor_nodes/1}.
     * Watchers run on the connection's thread and must not block.
     *
     * @return a handle whose {@code run()} removes the watcher
     */
    public Runnable watchNodes(BiConsumer<Atom, Boolean> watcher) {
        nodeWatchers.add(watcher);
        return () -> nodeWatchers.remove(watcher);
    }

    /**
     * Connects to {@code peer}, as {@code Node.connect/1}: true when connected (already, or now),
     * false when the node cannot be reached or refuses (a wrong cookie).
     */
    public boolean connect(Atom peer) {
        if (peer.equals(node.name())) return true;
        if (stopped) return false;
        if (connection(peer) != null) return true;
        synchronized (connectLocks.computeIfAbsent(peer, k -> new Object())) {
            if (connection(peer) != null) return true;
            pending.add(peer);
            try {
                return doConnect(peer);
            } finally {
                pending.remove(peer);
            }
        }
    }

    private boolean doConnect(Atom peer) {
        String name = peer.name();
        int at = name.indexOf('@');
        if (at <= 0 || at == name.length() - 1) return false;
        Socket s = new Socket();
        try {
            int port = new EpmdClient(name.substring(at + 1), options.epmdPort()).portPlease(name.substring(0, at));
            if (port < 0) {
                s.close();
                return false;
            }
            s.connect(new InetSocketAddress(name.substring(at + 1), port), SETUP_TIME_MS);
            s.setSoTimeout(SETUP_TIME_MS);
            s.setTcpNoDelay(true);
            Handshake.Peer p = handshake.initiate(s.getInputStream(), s.getOutputStream(), name);
            s.setSoTimeout(0);
            return established(s, p);
        } catch (HandshakeException e) {
            closeQuietly(s);
            if (e.getMessage().startsWith("status nok") || e.getMessage().startsWith("status alive")) {
                return awaitConnection(peer); // the other side's connection to us wins
            }
            if (e.logLine() != null) log(ERROR, e.logLine());
            return false;
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            return false;
        }
    }

    private boolean awaitConnection(Atom peer) {
        long end = System.nanoTime() + SETUP_TIME_MS * 1_000_000L;
        while (System.nanoTime() < end) {
            if (connection(peer) != null) return true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Connects when not connected; true when a connection is there afterwards (for sends to a known node). */
    boolean ensureConnected(Atom peer) {
        return connection(peer) != null || connect(peer);
    }

    /**
     * Closes the connection to {@code peer}, as {@code Node.disconnect/1}: links and monitors
     * towards it fire {@code :noconnection}.
     *
     * @return true when it was connected
     */
    public boolean disconnect(Atom peer) {
        Connection c = connections.get(peer);
        if (c == null) return false;
        c.close("disconnected");
        return true;
    }

    /**
     * Pings {@code peer}, as {@code Node.ping/1}: connects, then asks its {@code net_kernel}
     * {@code {:is_auth, node()}}; must be called from a process.
     *
     * @return {@code :pong} when it answers {@code :yes}, else {@code :pang}
     */
    public Atom ping(Atom peer) {
        if (peer.equals(node.name())) return Atom.of("pong");
        if (!connect(peer)) return Atom.of("pang");
        ProcessContext self = ProcessContext.require();
        Ref ref = monitor(self.process(), Tuple.of(NET_KERNEL, peer));
        send(self.self(), NET_KERNEL, peer, Tuple.of(GEN_CALL, Tuple.of(self.self(), ref), Tuple.of(IS_AUTH, node.name())));
        Object m = self.receive(msg -> msg instanceof Tuple t
                && ((t.size() == 2 && ref.equals(t.get(0))) || (t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))), SETUP_TIME_MS);
        self.demonitor(ref, true);
        return m instanceof Tuple t && t.size() == 2 && Atom.YES.equals(t.get(1)) ? Atom.of("pong") : Atom.of("pang");
    }

    /** True once {@link #stop} began: the connections going down now are this node's leaving. */
    public boolean stopped() {
        return stopped;
    }

    /** Leaves the cluster: closes every connection, unregisters from the port mapper, stops listening. */
    public void stop() {
        if (stopped) return;
        stopped = true;
        for (Connection c : connections.values()) c.close("node stopped");
        registration.close();
        closeQuietly(listener);
        ticker.interrupt();
        if (node.remote() == this) node.setRemote(null);
    }

    // ---- RemoteNodes ---------------------------------------------------------------------------

    @Override
    public Atom nodeOf(Pid pid) {
        return table.nodeOf(pid);
    }

    @Override
    public void send(Pid from, Pid to, Object message) {
        Atom peer = nodeOf(to);
        if (peer == null || !ensureConnected(peer)) return;
        Connection c = connection(peer);
        if (c == null) return;
        if (c.aliases() && message instanceof Tuple t && t.size() == 2 && t.get(0) instanceof ImproperList tag
                && tag.elements().size() == 1 && ALIAS.equals(tag.elements().get(0)) && tag.tail() instanceof RemoteRef alias) {
            // A reply to an OTP 24+ call ({pid, [:alias | ref]}) goes to the alias, as gen:reply
            // sends it: the caller's node drops it once the call gave up.
            c.send(Tuple.of(ControlOp.ALIAS_SEND, from == null ? netKernel : from, alias), message);
        } else {
            c.send(Tuple.of(ControlOp.SEND, EMPTY, to), message);
        }
    }

    @Override
    public void send(Pid from, Atom name, Atom peer, Object message) {
        if (!ensureConnected(peer)) return;
        Connection c = connection(peer);
        if (c != null) c.send(Tuple.of(ControlOp.REG_SEND, from == null ? netKernel : from, EMPTY, name), message);
    }

    @Override
    public void exit(Pid from, Pid to, Object reason) {
        Atom peer = nodeOf(to);
        if (peer == null || !ensureConnected(peer)) return;
        sendSignal(peer, Tuple.of(ControlOp.EXIT2, from == null ? netKernel : from, to, reason));
    }

    @Override
    public void link(LocalProcess self, Pid remote) {
        links.link(self, remote);
    }

    @Override
    public void unlink(LocalProcess self, Pid remote) {
        links.unlink(self, remote);
    }

    @Override
    public Ref monitor(LocalProcess self, Object target) {
        return links.monitor(self, target);
    }

    @Override
    public boolean demonitor(LocalProcess self, Ref ref) {
        return links.demonitor(self, ref);
    }

    /**
     * {@code :erlang.group_leader(leader, pid)} for a process of another node: sends it GROUP_LEADER
     * {@code {23, leader, pid}} (connecting when needed; a node that cannot be reached is ignored).
     */
    public void groupLeader(Pid leader, Pid pid) {
        Atom peer = nodeOf(pid);
        if (peer == null || !ensureConnected(peer)) return;
        Connection c = connection(peer);
        if (c != null) c.send(Tuple.of(ControlOp.GROUP_LEADER, leader, pid), Connection.NO_MESSAGE);
    }

    /**
     * Runs what other nodes ask this node to spawn ({@code Node.spawn/4}, {@code :erpc.call},
     * {@code :rpc.call} of theirs); until one is set, such processes die with {@code :undef}.
     */
    public void setSpawnHandler(SpawnHandler handler) {
        spawns.setHandler(handler);
    }

    /**
     * Asks {@code peer} to spawn {@code module.function(args...)}, as
     * {@code :erlang.spawn_request(peer, module, function, args, opts)}; must be called from a
     * process ({@code self}).
     *
     * @param opts {@code :link}, {@code :monitor}, {@code {:reply, :yes | :no | :error_only}},
     *             {@code {:reply_tag, tag}}
     * @return the request id: the reply comes as {@code {:spawn_reply, id, :ok, pid}} or
     *         {@code {:spawn_reply, id, :error, reason}} ({@code :noconnection} when the node cannot
     *         be reached), and with {@code :monitor} the DOWN under the same id
     */
    public Ref spawnRequest(LocalProcess self, Atom peer, Atom module, Atom function, List<?> args, List<?> opts) {
        return spawns.request(self, peer, module, function, args, opts);
    }

    /** The remote pids a local process is linked to. */
    public List<Pid> remoteLinks(Pid local) {
        return links.linksOf(local);
    }

    // ---- connections ---------------------------------------------------------------------------

    /** The live connection to {@code peer}, or null. */
    Connection connection(Atom peer) {
        if (peer == null) return null;
        Connection c = connections.get(peer);
        return c == null || c.isClosed() ? null : c;
    }

    /** Sends a control message without a payload when connected; dropped otherwise. */
    void sendControl(Atom peer, Tuple control) {
        Connection c = connection(peer);
        if (c != null) c.send(control, Connection.NO_MESSAGE);
    }

    /**
     * Sends a signal carrying an exit reason (EXIT, EXIT2, MONITOR_P_EXIT) when connected: the BEAM
     * can always encode a reason, so one holding what is no term (a Java object) goes out with it
     * as its inspected text, and a warning is logged rather than the signal dropped.
     */
    void sendSignal(Atom peer, Tuple control) {
        Connection c = connection(peer);
        if (c == null) return;
        List<String> replaced = c.sendSignal(control);
        if (!replaced.isEmpty()) {
            log(WARNING, "** An exit signal to node " + procshell.runtime.inspect.Inspect.inspectAtom(peer)
                    + " held what is no Erlang term; sent as text instead: " + String.join(", ", replaced) + " **");
        }
    }

    long nextUnlinkId() {
        return unlinkIds.getAndIncrement();
    }

    int maxFrameBytes() {
        return options.maxFrameBytes();
    }

    private void acceptLoop() {
        while (!stopped) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (stopped) return;
                continue;
            }
            Thread.ofVirtual().start(() -> accept(s));
        }
    }

    private void accept(Socket s) {
        try {
            s.setSoTimeout(SETUP_TIME_MS);
            s.setTcpNoDelay(true);
            Handshake.Peer p = handshake.accept(s.getInputStream(), s.getOutputStream(), this::admit);
            s.setSoTimeout(0);
            if (!established(s, p)) closeQuietly(s);
        } catch (HandshakeException e) {
            if (e.logLine() != null) log(ERROR, e.logLine());
            closeQuietly(s);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
        }
    }

    /** The status for a node that calls: {@code ok}, or {@code nok} when our own call to it wins. */
    private String admit(String peerName) {
        Atom peer = Atom.of(peerName);
        Connection old = connection(peer);
        if (old != null) old.close("replaced by a new connection from " + peerName); // it restarted
        if (pending.contains(peer)) return node.name().name().compareTo(peerName) > 0 ? "nok" : "ok_simultaneous";
        return "ok";
    }

    private boolean established(Socket s, Handshake.Peer p) throws IOException {
        Connection c = new Connection(this, s, p);
        table.index(c.peer(), c.creation());
        synchronized (connections) {
            if (stopped || connection(c.peer()) != null) return connection(c.peer()) != null;
            connections.put(c.peer(), c);
        }
        c.start();
        for (BiConsumer<Atom, Boolean> w : nodeWatchers) safely(() -> w.accept(c.peer(), true));
        List<Object> others = new ArrayList<>();
        for (Atom n : nodes()) if (!n.equals(c.peer())) others.add(n);
        c.send(Tuple.of(ControlOp.REG_SEND, netKernel, EMPTY, PROCSHELL_DIST), Tuple.of(NODES, others));
        meshWith(c.peer(), others);
        return true;
    }

    /**
     * The full mesh, as the BEAM's global makes it (connect_all): every other node connects to the
     * newcomer too. Each is asked with a spawn request of {@code :net_kernel.connect_node/1}, which
     * a BEAM node runs as it is; nodes already connected to it do nothing, so this ends.
     */
    private void meshWith(Atom newcomer, List<Object> others) {
        LocalProcess nk = node.process(netKernel);
        if (nk == null) return;
        for (Object other : others) {
            Thread.ofVirtual().start(() -> safely(() -> spawns.request(nk, (Atom) other, NET_KERNEL, CONNECT_NODE, List.of(newcomer),
                    List.of(Tuple.of(REPLY, Atom.of("no"))))));
        }
        node.spawn(self -> meetNodesOf(self, newcomer), procshell.runtime.process.SpawnOptions.DEFAULT);
    }

    /**
     * The other half of the mesh: this node connects to the nodes the newcomer knows, asking it
     * with {@code :erpc}'s own call ({@code :erpc.execute_call(ref, :erlang, :nodes, [])} spawned
     * there, its answer in the exit reason), which a BEAM node answers as it is.
     */
    private void meetNodesOf(ProcessContext self, Atom newcomer) {
        Ref res = node.makeRef();
        Ref req = spawns.request(self.process(), newcomer, ERPC, EXECUTE_CALL, List.of(res, Atom.of("erlang"), NODES, List.of()),
                List.of(Atom.of("monitor"), Tuple.of(REPLY, Atom.of("error_only"))));
        Object m = self.receive(msg -> msg instanceof Tuple t && t.size() >= 4 && req.equals(t.get(1)), SETUP_TIME_MS);
        if (m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && t.get(4) instanceof Tuple r && r.size() == 3 && res.equals(r.get(0))
                && r.get(2) instanceof List<?> theirs) {
            for (Object o : theirs) if (o instanceof Atom peer && !peer.equals(node.name()) && connection(peer) == null) connect(peer);
        } else if (m == procshell.runtime.process.Mailbox.TIMEOUT) {
            self.demonitor(req, true);
        }
    }

    /** Called once by a connection that closed. */
    void connectionClosed(Connection c, String why) {
        synchronized (connections) {
            if (!connections.remove(c.peer(), c)) return;
        }
        links.nodeDown(c.peer());
        spawns.nodeDown(c.peer());
        for (BiConsumer<Atom, Boolean> w : nodeWatchers) safely(() -> w.accept(c.peer(), false));
    }

    /** A frame that breaks the protocol: logged, and that connection closed. */
    void malformed(Connection c, String what) {
        log(ERROR, "** Malformed distribution frame from node " + procshell.runtime.inspect.Inspect.inspectAtom(c.peer())
                + ": " + what + "; connection closed **");
        c.close("malformed frame");
    }

    private void tickLoop() {
        long timeout = options.netTickTimeMs() * 1_000_000L;
        long period = timeout / 4;
        while (!stopped) {
            try {
                Thread.sleep(Math.max(1, period / 1_000_000L));
            } catch (InterruptedException e) {
                return;
            }
            for (Connection c : connections.values()) {
                if (c.tick(period, timeout)) {
                    log(ERROR, "** Node " + procshell.runtime.inspect.Inspect.inspectAtom(c.peer()) + " not responding **\n"
                            + "** Removing (timedout) connection **");
                    c.close("net_tick_timeout");
                }
            }
        }
    }

    // ---- incoming control messages -------------------------------------------------------------

    /**
     * Acts on one control message from {@code c}'s node.
     *
     * @throws RuntimeException (ClassCastException, IndexOutOfBounds...) when its shape is wrong;
     *         the connection then treats the frame as malformed
     */
    void dispatch(Connection c, Tuple t, Object message) {
        int op = (Integer) t.get(0);
        switch (op) {
            case ControlOp.SEND, ControlOp.SEND_TT, ControlOp.SEND_SENDER, ControlOp.SEND_SENDER_TT -> {
                requireMessage(message);
                LocalProcess p = node.process((Pid) t.get(2));
                if (p != null) p.deliver(message);
            }
            case ControlOp.REG_SEND, ControlOp.REG_SEND_TT -> {
                requireMessage(message);
                LocalProcess p = node.names().whereis((Atom) t.get(3));
                if (p != null) p.deliver(message);
            }
            case ControlOp.LINK -> links.linked((Pid) t.get(1), (Pid) t.get(2));
            case ControlOp.UNLINK -> links.unlinked((Pid) t.get(1), (Pid) t.get(2));
            case ControlOp.UNLINK_ID -> {
                links.unlinked((Pid) t.get(2), (Pid) t.get(3));
                c.send(Tuple.of(ControlOp.UNLINK_ID_ACK, t.get(1), t.get(3), t.get(2)), Connection.NO_MESSAGE);
            }
            case ControlOp.GROUP_LEADER -> spawns.groupLeader((Pid) t.get(1), (Pid) t.get(2));
            case ControlOp.UNLINK_ID_ACK, ControlOp.NODE_LINK -> { }
            case ControlOp.EXIT, ControlOp.EXIT_TT -> links.linkExit((Pid) t.get(1), (Pid) t.get(2), t.get(3));
            case ControlOp.PAYLOAD_EXIT, ControlOp.PAYLOAD_EXIT_TT -> {
                requireMessage(message);
                links.linkExit((Pid) t.get(1), (Pid) t.get(2), message);
            }
            case ControlOp.EXIT2, ControlOp.EXIT2_TT, ControlOp.PAYLOAD_EXIT2, ControlOp.PAYLOAD_EXIT2_TT -> {
                Object reason = op >= ControlOp.PAYLOAD_EXIT2 ? message : t.get(3);
                if (reason == Connection.NO_MESSAGE) throw new IllegalArgumentException("no reason");
                LocalProcess p = node.process((Pid) t.get(2));
                if (p != null) LocalProcess.exitSignal(p, (Pid) t.get(1), reason, false);
            }
            case ControlOp.SPAWN_REQUEST, ControlOp.SPAWN_REQUEST_TT -> {
                requireMessage(message);
                spawns.requested(c, t, message);
            }
            case ControlOp.SPAWN_REPLY, ControlOp.SPAWN_REPLY_TT -> spawns.replied(t);
            case ControlOp.MONITOR_P -> links.monitored((Pid) t.get(1), t.get(2), t.get(3));
            case ControlOp.DEMONITOR_P -> links.demonitored(t.get(2), t.get(3));
            case ControlOp.MONITOR_P_EXIT -> links.monitorFired(t.get(3), t.get(4));
            case ControlOp.PAYLOAD_MONITOR_P_EXIT -> {
                requireMessage(message);
                links.monitorFired(t.get(3), message);
            }
            default -> log(WARNING, "** Ignoring distribution control message " + t + " from node "
                    + procshell.runtime.inspect.Inspect.inspectAtom(c.peer()) + ": not supported **");
        }
    }

    private static void requireMessage(Object message) {
        if (message == Connection.NO_MESSAGE) throw new IllegalArgumentException("a send without a message");
    }

    // ---- system processes ----------------------------------------------------------------------

    /** {@code net_kernel}: answers {@code {:is_auth, node}} calls with {@code :yes}, ignores the rest. */
    private void netKernelLoop(ProcessContext self) {
        while (!stopped) {
            Object m = self.receive();
            if (m instanceof Tuple t && t.isTagged(GEN_CALL, 3) && t.get(1) instanceof Tuple from && from.size() == 2
                    && from.get(0) instanceof Pid caller && t.get(2) instanceof Tuple req && req.isTagged(IS_AUTH, 2)) {
                node.send(caller, Tuple.of(from.get(1), Atom.YES));
            }
        }
    }

    /** {@code procshell_dist}: connects to the nodes a newly connected procshell node knows. */
    private void procshellDistLoop(ProcessContext self) {
        while (!stopped) {
            Object m = self.receive();
            if (m instanceof Tuple t && t.isTagged(NODES, 2) && t.get(1) instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Atom peer && !peer.equals(node.name()) && connection(peer) == null) {
                        Thread.ofVirtual().start(() -> connect(peer));
                    }
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void log(Atom level, String message) {
        node.events().publish(new NodeEvent.Logged(level, message));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a broken watcher must not break the connection
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "Distribution[" + node.name().name() + " on port " + port() + ", nodes " + nodes() + "]";
    }

    /** The connections by node, for tests. */
    Map<Atom, Connection> connections() {
        return connections;
    }
}
