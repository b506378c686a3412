package procshell.runtime.global;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import procshell.runtime.dist.Distribution;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * The {@code global_name_server} of a distributed procshell node: it speaks the BEAM's
 * {@code :global} protocol (version 8, OTP 25's {@code global.erl}) with every node it connects
 * to, procshell's or the BEAM's, so that they share one name space and one lock.
 *
 * <p>On a new connection each side casts {@code {:init_connect, {8, my_tag}, node, {:locker, _, _,
 * locker_pid}}}; the two lockers ({@link GlobalLocker}) take the lock {@code {:global, [locker1,
 * locker2]}} on both partitions; then each side sends its names ({@code :exchange}), resolves the
 * clashes when its node name is the smaller ({@code :exchange_ops}, {@link NameConflicts}), and the
 * two agree ({@code :resolved}): each applies the inserts and deletes, tells the nodes it already
 * knew ({@code :new_nodes}), and connects to the nodes the other knew, telling them
 * {@code :in_sync} (the full mesh, {@code connect_all}). It also answers the calls of the BEAM's
 * {@code global} API: {@code :register}, {@code :unregister}, {@code :set_lock}, {@code :del_lock},
 * {@code :sync}, {@code :get_known}. Names and locks of a process go when it exits (a monitor),
 * and those of a node when it goes down (the monitors fire {@code :noconnection}).
 *
 * <p>With {@code prevent_overlapping_partitions} (OTP 25's default, {@link
 * procshell.runtime.dist.DistOptions#preventOverlappingPartitions}), a node that loses a connection
 * tells the others ({@code :lost_connection}); each of them asks the lost node to disconnect from
 * it ({@code :remove_connection}), so that no node stays connected to both sides of a cut, as
 * OTP 25's {@code global} does. It also serves {@code :info} (its state, as the BEAM's
 * {@code #state{}} record) and {@code :disconnect} (leaves every node, telling no one).
 */
final class GlobalServer {
    private static final Atom INIT_CONNECT = Atom.of("init_connect");
    private static final Atom INIT_CONNECT_ACK = Atom.of("init_connect_ack");
    private static final Atom CANCEL_CONNECT = Atom.of("cancel_connect");
    private static final Atom LOCK_IS_SET = Atom.of("lock_is_set");
    private static final Atom EXCHANGE = Atom.of("exchange");
    private static final Atom EXCHANGE_OPS = Atom.of("exchange_ops");
    private static final Atom RESOLVED = Atom.of("resolved");
    private static final Atom NEW_NODES = Atom.of("new_nodes");
    private static final Atom IN_SYNC = Atom.of("in_sync");
    private static final Atom LOCK_SET = Atom.of("lock_set");
    private static final Atom LOCKER = Atom.of("locker");
    private static final Atom HIS_THE_LOCKER = Atom.of("his_the_locker");
    private static final Atom CANCEL = Atom.of("cancel");
    private static final Atom NO_FUN = Atom.of("no_fun");
    private static final Atom ADD_TO_KNOWN = Atom.of("add_to_known");
    private static final Atom REMOVE_FROM_KNOWN = Atom.of("remove_from_known");
    private static final Atom REGISTER = Atom.of("register");
    private static final Atom REGISTER_EXT = Atom.of("register_ext");
    private static final Atom UNREGISTER = Atom.of("unregister");
    private static final Atom SET_LOCK = Atom.of("set_lock");
    private static final Atom DEL_LOCK = Atom.of("del_lock");
    private static final Atom GET_KNOWN = Atom.of("get_known");
    private static final Atom GET_SYNCED = Atom.of("get_synced");
    private static final Atom SYNC = Atom.of("sync");
    private static final Atom GET_PROTOCOL_VERSION = Atom.of("get_protocol_version");
    private static final Atom GET_NAMES_EXT = Atom.of("get_names_ext");
    private static final Atom WHEREIS = Atom.of("whereis");
    private static final Atom INSERT = Atom.of("insert");
    private static final Atom DELETE = Atom.of("delete");
    private static final Atom VSN = Atom.of("vsn");
    private static final Atom LOCK = Atom.of("lock");
    private static final Atom UNUSED = Atom.of("unused");
    private static final Atom NODEUP = Atom.of("nodeup");
    private static final Atom NODEDOWN = Atom.of("nodedown");
    private static final Atom EXTRA_NODEDOWN = Atom.of("extra_nodedown");
    private static final Atom UNDEFINED = Atom.of("undefined");
    private static final Atom NO_LONGER_A_PID = Atom.of("no_longer_a_pid");
    private static final Atom WARNING = Atom.of("warning");
    private static final Atom LOST_CONNECTION = Atom.of("lost_connection");
    private static final Atom REMOVE_CONNECTION = Atom.of("remove_connection");
    private static final Atom INFO = Atom.of("info");
    private static final Atom DISCONNECT = Atom.of("disconnect");
    private static final Atom STATE = Atom.of("state");
    private static final Atom CONF = Atom.of("conf");
    private static final Atom PENDING = Atom.of("pending");
    private static final Atom CONNECTION_ID = Atom.of("connection_id");
    private static final Atom REMOVING = Atom.of("removing");
    private static final Atom NO_TRACE = Atom.of("no_trace");
    /** How long {@code :disconnect} waits for each node's nodedown, as a bound on the BEAM's unbounded wait. */
    private static final long DISCONNECT_WAIT_MS = 10_000;
    /** The protocol version this node speaks (OTP 25's). */
    static final int VERSION = 8;
    private static final AtomicInteger TAGS = new AtomicInteger();

    /** What a node's connection has got to; the BEAM keeps these in its process dictionary. */
    private static final class NodeSync {
        Object myTag;
        Object hisTag;
        Integer protVsn;
        Object waitLock; // LOCK_IS_SET, or the other side's names (an Exchange) waiting for the lock
        Object saveOps; // our ops (a List), or the other side's resolved (a SavedResolved)
        Tuple preConnect; // {vsn, init_msg, his_tag} that came before our nodeup
        Object lockId;
    }

    private record Exchange(List<?> names) {}

    private record SavedResolved(List<?> hisKnown, Object namesExt, List<?> hisResolved) {}

    /** A {@code sync/0,1} call waiting for nodes to be synced or to go down. */
    private record SyncWait(Tuple from, Set<Atom> waiting) {}

    /** Why a node is gone, as the BEAM's handle_nodedown/3 is told. */
    private enum Down {
        /** Its connection went down: the others hear of it ({@code :lost_connection}). */
        DISCONNECTED,
        /** This node removes it to prevent overlapping partitions; its nodedown is expected. */
        REMOVE_CONNECTION,
        /** Dropped on purpose ({@code :global.disconnect/0}): nobody is told. */
        IGNORE_NODE
    }

    /** The last {@code :lost_connection} news of a pair of nodes: the teller's creation and operation id. */
    private record LostConnection(Object creation, Object opId) {}

    private final Node node;
    private final Global global;
    private final Distribution dist;
    private final Map<Atom, Integer> known = new ConcurrentHashMap<>();
    private final Map<Atom, Integer> pending = new HashMap<>();
    private final List<Atom> synced = new ArrayList<>();
    private final Map<Atom, Object> resolvers = new HashMap<>();
    private final Map<Atom, NodeSync> syncs = new HashMap<>();
    private final List<SyncWait> syncers = new ArrayList<>();
    private final Map<Pid, Ref> monitors = new HashMap<>();
    private final Map<Ref, Pid> monitored = new HashMap<>();
    private boolean globalLockDown;
    private final boolean preventOverlappingPartitions;
    /** Nodes this node asked to disconnect (the BEAM's {@code {removing, node}} keys). */
    private final Set<Atom> removing = new HashSet<>();
    private final Map<Tuple, LostConnection> lostConnections = new HashMap<>();
    /** Names registered through {@code register_name_external}: name to {@code {name, pid, reg_node}}. */
    private final Map<Object, Tuple> namesExt = new HashMap<>();
    /** Connection ids of the connected nodes, counted up as connections come (the BEAM's {@code {connection_id, node}}). */
    private final Map<Atom, Integer> connectionIds = new HashMap<>();
    private int connections;
    /** This node's {@code :lost_connection} creation: random high bits plus the node's creation, as the BEAM's. */
    private final long creationExtension;
    private long opIds;
    private volatile Pid locker;
    private ProcessContext self;

    GlobalServer(Node node, Global global, Distribution dist) {
        this.node = node;
        this.global = global;
        this.dist = dist;
        this.preventOverlappingPartitions = dist.options().preventOverlappingPartitions();
        long random = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 59) & ~0xFFFF_FFFFL;
        this.creationExtension = random + node.creation() + (1L << 59);
    }

    /** The nodes this node has synced its names with (the BEAM's known nodes). */
    List<Atom> knownNodes() {
        return new ArrayList<>(known.keySet());
    }

    /** The locker process. */
    Pid locker() {
        return locker;
    }

    /** The server's body: starts the locker, watches the names already there, then serves forever. */
    void run(ProcessContext self) {
        this.self = self;
        GlobalLocker l = new GlobalLocker(node, this);
        locker = node.spawn(l::run, procshell.runtime.process.SpawnOptions.DEFAULT);
        for (Map.Entry<Object, Global.Registration> e : global.names().entrySet()) monitor(e.getValue().pid());
        while (true) {
            Object m = self.receive();
            try {
                handle(m);
            } catch (RuntimeException e) {
                // a malformed message from another node must not stop the name server
                warn("The global_name_server received an unexpected message:\n" + Inspect.inspect(m) + "\n(" + e + ")");
            }
        }
    }

    private void handle(Object m) {
        if (!(m instanceof Tuple t) || t.size() == 0) return;
        if (t.isTagged(GenCalls.GEN_CAST, 2) && t.get(1) instanceof Tuple c) {
            cast(c);
        } else if (t.isTagged(GenCalls.GEN_CALL, 3) && t.get(1) instanceof Tuple from) {
            call(t.get(2), from);
        } else if (t.isTagged(Atom.DOWN, 5)) {
            down((Ref) t.get(1));
        } else if (t.isTagged(NODEUP, 2)) {
            nodeup((Atom) t.get(1));
        } else if (t.isTagged(NODEDOWN, 2)) {
            connectionIds.remove((Atom) t.get(1));
            nodedown((Atom) t.get(1), Down.DISCONNECTED);
        } else if (t.isTagged(EXTRA_NODEDOWN, 2)) {
            nodedown((Atom) t.get(1), Down.DISCONNECTED);
        } else if (t.isTagged(LOST_CONNECTION, 5) && t.get(1) instanceof Atom a && t.get(4) instanceof Atom b) {
            lostConnection(t, a, b);
        } else if (t.isTagged(REMOVE_CONNECTION, 2) && t.get(1) instanceof Atom n) {
            removeConnection(n);
        } else if (t.isTagged(INIT_CONNECT_ACK, 4)) {
            initConnectAck((Atom) t.get(1), t.get(2), t.get(3));
        } else if (t.isTagged(CANCEL_CONNECT, 3)) {
            cancelConnect((Atom) t.get(1), t.get(2));
        } else if (t.isTagged(WHEREIS, 3) && t.get(2) instanceof Tuple from) {
            GenCalls.reply(node, from, orUndefined(global.where(t.get(1))));
        }
    }

    // ---- prevent_overlapping_partitions ----------------------------------------------------------

    /** The BEAM's inform_connection_loss: tells every other node that the connection to {@code peer} is lost. */
    private void informConnectionLoss(Atom peer) {
        // a node that is leaving tells no one, as the BEAM's global turns prevention off on
        // prepare_shutdown: its connections' going is no cut between the others
        if (!preventOverlappingPartitions || dist.stopped()) return;
        volatileMulticast(Tuple.of(LOST_CONNECTION, node.name(), creationExtension, ++opIds, peer), peer);
    }

    /**
     * {@code {:lost_connection, a, creation, op_id, b}}: {@code a} lost {@code b}. Passes the news on
     * (once), then asks whichever of the two is not this node to disconnect from this one, so that
     * no node stays connected to both.
     */
    private void lostConnection(Tuple msg, Atom a, Atom b) {
        if (!preventOverlappingPartitions) return;
        Tuple key = Tuple.of(a, b);
        LostConnection old = lostConnections.get(key);
        if (old != null && old.creation().equals(msg.get(2)) && msg.get(3) instanceof Number id && old.opId() instanceof Number seen
                && id.longValue() <= seen.longValue()) {
            return;
        }
        volatileMulticast(msg, a);
        lostConnections.put(key, new LostConnection(msg.get(2), msg.get(3)));
        Atom rm = node.name().equals(b) ? a : b;
        if (!known.containsKey(rm) && !pending.containsKey(rm)) return;
        String what;
        if (nodeVsn(rm) < 7) {
            dist.disconnect(rm);
            what = "disconnected old";
        } else {
            volatileSend(rm, Tuple.of(REMOVE_CONNECTION, node.name()));
            what = "requested disconnect from";
        }
        warnOverlap(what, rm);
        nodedown(rm, Down.REMOVE_CONNECTION);
    }

    /** {@code {:remove_connection, n}}: {@code n} asks this node to leave it. */
    private void removeConnection(Atom n) {
        if (!known.containsKey(n) && !pending.containsKey(n)) return;
        dist.disconnect(n);
        nodedown(n, Down.REMOVE_CONNECTION);
        warnOverlap("disconnected", n);
    }

    private void warnOverlap(String what, Atom other) {
        warn("'global' at node " + node.name().name() + " " + what + " node " + other.name()
                + " in order to prevent overlapping partitions\n");
    }

    /** The BEAM's gns_volatile_multicast: to the known and pending nodes of version 7 or later, but {@code ignore}. */
    private void volatileMulticast(Tuple msg, Atom ignore) {
        Set<Atom> to = new java.util.LinkedHashSet<>();
        for (Map.Entry<Atom, Integer> e : known.entrySet()) if (e.getValue() >= 7) to.add(e.getKey());
        for (Map.Entry<Atom, Integer> e : pending.entrySet()) if (e.getValue() >= 7) to.add(e.getKey());
        to.remove(ignore);
        for (Atom n : to) volatileSend(n, msg);
    }

    /** Sends to {@code n}'s name server only when connected ({@code noconnect}). */
    private void volatileSend(Atom n, Tuple msg) {
        if (isConnected(n)) GenCalls.send(node, n, msg);
    }

    // ---- casts ---------------------------------------------------------------------------------

    private void cast(Tuple c) {
        Object op = c.get(0);
        if (c.isTagged(INIT_CONNECT, 4)) {
            if (c.get(1) instanceof Tuple v && v.size() >= 2 && v.get(0) instanceof Number hisVsn) {
                int vsn = Math.min(hisVsn.intValue(), VERSION);
                initConnect(vsn, (Atom) c.get(2), (Tuple) c.get(3), v.get(1), hisVsn.intValue());
            }
        } else if (c.isTagged(LOCK_IS_SET, 4)) {
            Atom n = (Atom) c.get(1);
            if (LockRequests.sameTag(st(n).myTag, c.get(2))) lockIsSet(n, c.get(3));
            else cancelLocker(n, c.get(2), null);
        } else if (c.isTagged(EXCHANGE, 5)) {
            Atom n = (Atom) c.get(1);
            if (LockRequests.sameTag(st(n).myTag, c.get(4))) exchange(n, (List<?>) c.get(2));
            else cancelLocker(n, c.get(4), null);
        } else if (c.isTagged(EXCHANGE_OPS, 5)) {
            exchangeOps((Atom) c.get(1), c.get(2), (List<?>) c.get(3), (List<?>) c.get(4));
        } else if (c.isTagged(RESOLVED, 7)) {
            Atom n = (Atom) c.get(1);
            NodeSync s = st(n);
            if (!LockRequests.sameTag(s.myTag, c.get(6))) {
                cancelLocker(n, c.get(6), null);
            } else if (s.saveOps instanceof List<?> ops) {
                resolved(n, (List<?>) c.get(2), (List<?>) c.get(3), c.get(5));
            } else {
                s.saveOps = new SavedResolved((List<?>) c.get(3), c.get(5), (List<?>) c.get(2));
            }
        } else if (c.isTagged(NEW_NODES, 6)) {
            newNodes((List<?>) c.get(2), (Atom) c.get(1), (List<?>) c.get(4), (List<?>) c.get(5));
        } else if (c.isTagged(IN_SYNC, 3)) {
            inSync((Atom) c.get(1));
        } else if (LOCK_SET.equals(op) && (c.size() == 5 || c.size() == 4) && c.get(1) instanceof Pid p) {
            if (c.size() == 4 || LockRequests.sameTag(st(LockRequests.nodeOf(node, p)).myTag, c.get(4))) node.send(locker, c);
        }
        // async_del_name / async_del_lock: nothing to do, as on the BEAM
    }

    private void initConnect(int vsn, Atom peer, Tuple initMsg, Object hisTag, int hisVsn) {
        if (pending.containsKey(peer)) {
            if (hisVsn < VERSION) {
                dist.disconnect(peer);
                return;
            }
            sendCancelConnectMessage(peer, hisTag);
            restartConnect(peer, st(peer).myTag);
        }
        NodeSync s = st(peer);
        s.protVsn = vsn;
        s.hisTag = hisTag;
        if (resolvers.containsKey(peer)) {
            Object myTag = s.myTag;
            Object hisLocker = initMsg.get(3);
            node.send(locker, Tuple.of(HIS_THE_LOCKER, hisLocker, Tuple.of(vsn, List.of()), hisTag, myTag));
            if (hisVsn >= VERSION) GenCalls.send(node, peer, Tuple.of(INIT_CONNECT_ACK, node.name(), hisTag, myTag));
            pending.put(peer, hisVsn);
        } else {
            s.preConnect = Tuple.of(vsn, initMsg, hisTag);
        }
    }

    private void restartConnect(Atom peer, Object myTag) {
        cancelLocker(peer, myTag, null);
        syncs.remove(peer);
        pending.remove(peer);
        if (myTag instanceof Number) nodeup(peer);
    }

    private void lockIsSet(Atom peer, Object lockId) {
        NodeSync s = st(peer);
        GenCalls.cast(node, peer, Tuple.of(EXCHANGE, node.name(), global.nameList(), List.of(), s.hisTag));
        s.lockId = lockId;
        if (s.waitLock instanceof Exchange e) {
            s.waitLock = LOCK_IS_SET;
            exchange(peer, e.names());
        } else {
            s.waitLock = LOCK_IS_SET;
        }
    }

    private void exchange(Atom peer, List<?> theirNames) {
        NodeSync s = st(peer);
        Object w = s.waitLock;
        s.waitLock = null;
        if (w == LOCK_IS_SET) {
            Object tag = resolvers.get(peer);
            if (tag == null) return;
            List<Object> ops = new ArrayList<>();
            List<Object> res = new ArrayList<>();
            exchangeNames(theirNames, peer, ops, res);
            // the BEAM's resolver process casts this to its server; so do we, to keep the order
            GenCalls.cast(node, node.name(), Tuple.of(EXCHANGE_OPS, peer, tag, ops, res));
        } else {
            s.waitLock = new Exchange(theirNames);
        }
    }

    /**
     * The BEAM's exchange_names/4: {@code ops} are what this node must do with the other side's
     * names, {@code res} what the other side must do with ours (clashes this node resolved).
     */
    private void exchangeNames(List<?> theirs, Atom peer, List<Object> ops, List<Object> res) {
        for (Object o : theirs) {
            if (!(o instanceof Tuple t) || t.size() != 3 || !(t.get(1) instanceof Pid pid)) continue;
            Object name = t.get(0);
            Object method = t.get(2);
            Global.Registration mine = global.names().get(name);
            if (mine == null) {
                ops.add(Tuple.of(INSERT, Tuple.of(name, pid, method)));
            } else if (mine.pid().equals(pid)) {
                continue;
            } else if (node.name().name().compareTo(peer.name()) < 0) {
                Pid kept = NameConflicts.resolve(node, self.self(), mine.method(), name, pid, mine.pid());
                if (pid.equals(kept)) {
                    ops.add(Tuple.of(INSERT, Tuple.of(name, pid, method)));
                } else if (mine.pid().equals(kept)) {
                    res.add(Tuple.of(INSERT, Tuple.of(name, mine.pid(), NameConflicts.onWire(mine.method()))));
                } else {
                    ops.add(Tuple.of(DELETE, name));
                    res.add(Tuple.of(DELETE, name));
                }
            }
        }
    }

    private void exchangeOps(Atom peer, Object myTag, List<?> ops, List<?> resolvedOps) {
        NodeSync s = st(peer);
        if (!LockRequests.sameTag(s.myTag, myTag)) {
            cancelLocker(peer, myTag, null);
            return;
        }
        GenCalls.cast(node, peer, Tuple.of(RESOLVED, node.name(), resolvedOps, knownList(), UNUSED, List.of(), s.hisTag));
        if (s.saveOps instanceof SavedResolved r) {
            s.saveOps = ops;
            resolved(peer, r.hisResolved(), r.hisKnown(), r.namesExt());
        } else {
            s.saveOps = ops;
        }
    }

    /** Both sides resolved: apply the ops, tell the nodes we knew, meet the nodes they knew. */
    private void resolved(Atom peer, List<?> hisResolved, List<?> hisKnown, Object namesExt) {
        NodeSync s = st(peer);
        List<Object> ops = new ArrayList<>((List<?>) s.saveOps);
        s.saveOps = null;
        ops.addAll(hisResolved);
        Map<Atom, Integer> knownBefore = new HashMap<>(known);
        List<Object> withPeer = new ArrayList<>();
        withPeer.add(peer);
        withPeer.addAll(hisKnown);
        List<Tuple> newNodes = nodeVsnList(withPeer);
        List<Atom> hisKnownNodes = nodeList(hisKnown);
        syncOthers(hisKnownNodes);
        List<Object> extraInfo = List.of(Tuple.of(VSN, s.protVsn == null ? UNDEFINED : s.protVsn),
                Tuple.of(LOCK, s.lockId == null ? UNDEFINED : s.lockId));
        doOps(ops, node.name(), extraInfo);
        notifySynced(peer);
        for (Atom other : hisKnownNodes) cancelResolvedLocker(other, null);
        Tuple newNodesMsg = Tuple.of(NEW_NODES, node.name(), ops, List.of(), newNodes, extraInfo);
        Runnable tellKnown = () -> {
            for (Map.Entry<Atom, Integer> e : knownBefore.entrySet()) {
                Tuple msg = e.getValue() >= 7 ? newNodesMsg
                        : Tuple.of(NEW_NODES, node.name(), ops, List.of(), nodeList(newNodes), extraInfo);
                GenCalls.cast(node, e.getKey(), msg);
            }
        };
        cancelResolvedLocker(peer, tellKnown);
        List<Atom> added = addToKnown(newNodes);
        node.send(locker, Tuple.of(ADD_TO_KNOWN, added));
        if (!synced.contains(peer)) synced.add(peer);
    }

    private void cancelResolvedLocker(Atom peer, Runnable fun) {
        Object tag = st(peer).myTag;
        pending.remove(peer);
        cancelLocker(peer, tag, fun);
        syncs.remove(peer);
    }

    private void newNodes(List<?> ops, Atom connNode, List<?> nodes, List<?> extraInfo) {
        List<Atom> added = addToKnown(nodes);
        syncOthers(added);
        doOps(ops, connNode, extraInfo);
        node.send(locker, Tuple.of(ADD_TO_KNOWN, added));
    }

    private void inSync(Atom peer) {
        notifySynced(peer);
        if (!synced.contains(peer)) synced.add(peer);
        pending.remove(peer);
        cancelLocker(peer, st(peer).myTag, null);
        syncs.remove(peer);
    }

    // ---- infos ---------------------------------------------------------------------------------

    private void nodeup(Atom peer) {
        if (!peer.equals(node.name())) connectionIds.putIfAbsent(peer, ++connections);
        if (peer.equals(node.name()) || known.containsKey(peer) || resolvers.containsKey(peer)) return;
        NodeSync s = st(peer);
        if (s.preConnect != null) {
            Tuple pre = s.preConnect;
            s.preConnect = null;
            GenCalls.cast(node, node.name(), Tuple.of(INIT_CONNECT, Tuple.of(pre.get(0), pre.get(2)), peer, pre.get(1)));
        }
        Integer myTag = TAGS.incrementAndGet();
        s.myTag = myTag;
        GenCalls.cast(node, peer, Tuple.of(INIT_CONNECT, Tuple.of(VERSION, myTag), node.name(),
                Tuple.of(LOCKER, NO_LONGER_A_PID, List.of(), locker)));
        resolvers.put(peer, myTag);
    }

    private void nodedown(Atom peer, Down why) {
        switch (why) {
            case REMOVE_CONNECTION -> removing.add(peer);
            case IGNORE_NODE -> removing.remove(peer);
            case DISCONNECTED -> {
                if (!removing.remove(peer)) informConnectionLoss(peer);
            }
        }
        for (SyncWait w : new ArrayList<>(syncers)) {
            if (w.waiting().remove(peer) && w.waiting().isEmpty()) {
                syncers.remove(w);
                GenCalls.reply(node, w.from(), Atom.OK);
            }
        }
        cancelLocker(peer, st(peer).myTag, null);
        node.send(locker, Tuple.of(REMOVE_FROM_KNOWN, peer));
        syncs.remove(peer);
        pending.remove(peer);
        known.remove(peer);
        synced.remove(peer);
    }

    private void initConnectAck(Atom peer, Object hisMyTag, Object hisHisTag) {
        NodeSync s = st(peer);
        if (!(LockRequests.sameTag(s.myTag, hisMyTag) && LockRequests.sameTag(s.hisTag, hisHisTag))) {
            sendCancelConnectMessage(peer, hisHisTag);
            restartConnect(peer, s.myTag);
        }
    }

    private void cancelConnect(Atom peer, Object myTag) {
        if (!LockRequests.sameTag(st(peer).myTag, myTag)) return;
        cancelLocker(peer, myTag, null);
        syncs.remove(peer);
        pending.remove(peer);
        restartConnect(peer, myTag);
    }

    /** A monitored process exited (or its node went down): its names and locks go. */
    private void down(Ref ref) {
        Pid pid = monitored.remove(ref);
        if (pid == null) return;
        monitors.remove(pid);
        boolean globalHeld = global.locks().isSet(Atom.GLOBAL);
        global.locks().releaseAll(pid::equals);
        if (globalHeld && !global.locks().isSet(Atom.GLOBAL)) globalLockDown = true;
        for (Map.Entry<Object, Global.Registration> e : global.names().entrySet()) {
            if (e.getValue().pid().equals(pid) && global.remove(e.getKey(), pid)) namesExt.remove(e.getKey());
        }
    }

    // ---- calls ---------------------------------------------------------------------------------

    private void call(Object request, Tuple from) {
        Pid caller = (Pid) from.get(0);
        Object reply;
        if (request instanceof Tuple r && r.isTagged(REGISTER, 4)) {
            insName(r.get(1), (Pid) r.get(2), r.get(3), caller, List.of());
            reply = Atom.YES;
        } else if (request instanceof Tuple r && r.isTagged(REGISTER_EXT, 5)) {
            insName(r.get(1), (Pid) r.get(2), r.get(3), caller, List.of());
            if (global.where(r.get(1)) != null) namesExt.put(r.get(1), Tuple.of(r.get(1), r.get(2), r.get(4)));
            reply = Atom.YES;
        } else if (INFO.equals(request)) {
            reply = info();
        } else if (DISCONNECT.equals(request)) {
            reply = disconnectAll();
        } else if (request instanceof Tuple r && r.isTagged(UNREGISTER, 2)) {
            deleteName(r.get(1));
            reply = Atom.OK;
        } else if (request instanceof Tuple r && r.isTagged(SET_LOCK, 2) && r.get(1) instanceof Tuple id && id.size() == 2) {
            reply = setLock(id, caller);
        } else if (request instanceof Tuple r && r.isTagged(DEL_LOCK, 2) && r.get(1) instanceof Tuple id && id.size() == 2) {
            delLock(id, caller);
            reply = Boolean.TRUE;
        } else if (GET_KNOWN.equals(request)) {
            reply = new ArrayList<Object>(known.keySet());
        } else if (GET_SYNCED.equals(request)) {
            reply = new ArrayList<Object>(synced);
        } else if (request instanceof Tuple r && r.isTagged(SYNC, 2) && r.get(1) instanceof List<?> nodes) {
            Set<Atom> waiting = new HashSet<>();
            for (Object n : nodes) if (n instanceof Atom a && !a.equals(node.name()) && !synced.contains(a) && isConnected(a)) waiting.add(a);
            if (waiting.isEmpty()) reply = Atom.OK;
            else {
                syncers.add(new SyncWait(from, waiting));
                return;
            }
        } else if (GET_PROTOCOL_VERSION.equals(request)) {
            reply = VERSION;
        } else if (GET_NAMES_EXT.equals(request)) {
            reply = new ArrayList<Object>(namesExt.values());
        } else {
            warn("The global_name_server received an unexpected message:\nhandle_call(" + Inspect.inspect(request) + ", "
                    + Inspect.inspect(from) + ", _)\n");
            return;
        }
        GenCalls.reply(node, from, reply);
    }

    /**
     * The BEAM's {@code #state{}} as {@code :global.info/0} shows it: {@code {:state, {:conf,
     * connect_all, prevent_overlapping_partitions}, known, synced, resolvers, syncers, node_name,
     * the_locker, the_registrar, :no_trace, global_lock_down}}; {@code known} is a map of
     * {@code node => protocol version}, {@code {:pending, node} => version},
     * {@code {:connection_id, node} => id} and {@code {:removing, node} => :yes}.
     */
    private Tuple info() {
        Map<Object, Object> k = new java.util.LinkedHashMap<>();
        known.forEach((n, v) -> k.put(n, v));
        pending.forEach((n, v) -> k.put(Tuple.of(PENDING, n), v));
        connectionIds.forEach((n, id) -> k.put(Tuple.of(CONNECTION_ID, n), id));
        for (Atom n : removing) k.put(Tuple.of(REMOVING, n), Atom.YES);
        List<Object> res = new ArrayList<>();
        resolvers.forEach((n, tag) -> res.add(Tuple.of(n, tag, locker)));
        List<Object> sync = new ArrayList<>();
        for (SyncWait w : syncers) sync.add(w.from().get(0));
        Pid registrar = global.registrarPid();
        return Tuple.of(STATE, Tuple.of(CONF, Boolean.TRUE, preventOverlappingPartitions), k, new ArrayList<Object>(synced), res, sync,
                node.name(), locker, registrar == null ? UNDEFINED : registrar, NO_TRACE, globalLockDown);
    }

    /**
     * {@code :global.disconnect/0}: leaves every connected node, waiting for each nodedown, without
     * telling the others ({@code ignore_node}); the nodes left, the greatest first, as the BEAM's.
     */
    private List<Object> disconnectAll() {
        List<Atom> nodes = new ArrayList<>(connectionIds.keySet());
        nodes.sort(null);
        java.util.Collections.reverse(nodes);
        for (Atom n : nodes) dist.disconnect(n);
        for (Atom n : nodes) {
            self.receive(m -> m instanceof Tuple t && t.isTagged(NODEDOWN, 2) && n.equals(t.get(1)), DISCONNECT_WAIT_MS);
            nodedown(n, Down.IGNORE_NODE);
            connectionIds.remove(n);
        }
        return new ArrayList<Object>(nodes);
    }

    private boolean isConnected(Atom n) {
        return dist.nodes().contains(n);
    }

    private Boolean setLock(Tuple id, Pid caller) {
        if (!global.locks().canSet(id.get(0), id.get(1))) return Boolean.FALSE;
        if (!global.locks().holds(id.get(0), caller)) {
            global.locks().acquire(id.get(0), id.get(1), caller);
            monitor(caller);
        }
        return Boolean.TRUE;
    }

    private void delLock(Tuple id, Pid caller) {
        if (!global.locks().holds(id.get(0), caller) || !id.get(1).equals(global.locks().requester(id.get(0)))) return;
        global.locks().release(id.get(0), id.get(1), caller);
        if (Atom.GLOBAL.equals(id.get(0)) && !global.locks().isSet(Atom.GLOBAL)) globalLockDown = false;
        unmonitorIfIdle(caller);
    }

    // ---- names ---------------------------------------------------------------------------------

    /** The BEAM's ins_name: replaces the name, then drops it again unless the inserter still holds the lock. */
    private void insName(Object name, Pid pid, Object method, Object fromPidOrNode, List<?> extraInfo) {
        deleteName(name);
        global.put(name, pid, method);
        monitor(pid);
        if (!lockStillSet(fromPidOrNode, extraInfo)) deleteName(name);
    }

    private boolean lockStillSet(Object pidOrNode, List<?> extraInfo) {
        Object requester = global.locks().requester(Atom.GLOBAL);
        if (requester == null) return !globalLockDown;
        if (pidOrNode instanceof Pid p) return global.locks().holds(Atom.GLOBAL, p);
        for (Object o : extraInfo) {
            if (o instanceof Tuple t && t.isTagged(LOCK, 2) && t.get(1) instanceof Tuple id && id.size() == 2) {
                return requester.equals(id.get(1));
            }
        }
        return false;
    }

    private void deleteName(Object name) {
        Global.Registration r = global.names().get(name);
        namesExt.remove(name);
        if (r != null && global.remove(name, r.pid())) unmonitorIfIdle(r.pid());
    }

    private void doOps(List<?> ops, Atom connNode, List<?> extraInfo) {
        List<Object> deletes = new ArrayList<>();
        for (Object o : ops) {
            if (o instanceof Tuple t && t.isTagged(INSERT, 2) && t.get(1) instanceof Tuple ins && ins.size() == 3 && ins.get(1) instanceof Pid p) {
                insName(ins.get(0), p, ins.get(2), connNode, extraInfo);
            } else if (o instanceof Tuple t && t.isTagged(DELETE, 2)) {
                deletes.add(t.get(1));
            }
        }
        for (Object name : deletes) deleteName(name);
    }

    private void monitor(Pid pid) {
        if (monitors.containsKey(pid)) return;
        Ref ref = self.monitor(pid);
        monitors.put(pid, ref);
        monitored.put(ref, pid);
    }

    private void unmonitorIfIdle(Pid pid) {
        if (global.hasNames(pid) || global.locks().holdsAny(pid)) return;
        Ref ref = monitors.remove(pid);
        if (ref == null) return;
        monitored.remove(ref);
        self.demonitor(ref, true);
    }

    // ---- the connection's state ----------------------------------------------------------------

    private NodeSync st(Atom peer) {
        return syncs.computeIfAbsent(peer, k -> new NodeSync());
    }

    private void cancelLocker(Atom peer, Object tag, Runnable fun) {
        node.send(locker, Tuple.of(CANCEL, peer, tag == null ? UNDEFINED : tag, fun == null ? NO_FUN : fun));
        sendCancelConnect(peer, tag);
        if (tag != null && LockRequests.sameTag(resolvers.get(peer), tag)) resolvers.remove(peer);
    }

    private void sendCancelConnect(Atom peer, Object myTag) {
        Integer vsn = pending.get(peer);
        NodeSync s = syncs.get(peer);
        if (vsn == null || vsn < VERSION || s == null || !LockRequests.sameTag(s.myTag, myTag)) return;
        sendCancelConnectMessage(peer, s.hisTag);
    }

    private void sendCancelConnectMessage(Atom peer, Object hisTag) {
        if (isConnected(peer)) GenCalls.send(node, peer, Tuple.of(CANCEL_CONNECT, node.name(), hisTag));
    }

    private void notifySynced(Atom peer) {
        for (SyncWait w : new ArrayList<>(syncers)) {
            if (w.waiting().remove(peer) && w.waiting().isEmpty()) {
                syncers.remove(w);
                GenCalls.reply(node, w.from(), Atom.OK);
            }
        }
    }

    /** Connects to each node the other side knew and tells it {@code :in_sync} (the BEAM's sync_others). */
    private void syncOthers(List<Atom> nodes) {
        for (Atom n : nodes) {
            if (n.equals(node.name())) continue;
            Thread.ofVirtual().start(() -> {
                if (dist.connect(n)) GenCalls.cast(node, n, Tuple.of(IN_SYNC, node.name(), Boolean.TRUE));
                else {
                    warn("'global' at " + node.name().name() + " failed to connect to " + n.name() + "\n");
                    GenCalls.send(node, node.name(), Tuple.of(EXTRA_NODEDOWN, n));
                }
            });
        }
    }

    /** {@code [{node, vsn}]} of the known nodes, as the BEAM's mk_known_list for version 7 and later. */
    private List<Object> knownList() {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<Atom, Integer> e : known.entrySet()) out.add(Tuple.of(e.getKey(), e.getValue()));
        return out;
    }

    private int nodeVsn(Atom n) {
        if (n.equals(node.name())) return VERSION;
        Integer v = known.get(n);
        if (v == null) v = pending.get(n);
        return v == null ? 0 : v;
    }

    private List<Tuple> nodeVsnList(List<?> nodes) {
        List<Tuple> out = new ArrayList<>();
        for (Object o : nodes) {
            if (o instanceof Atom a) out.add(Tuple.of(a, nodeVsn(a)));
            else if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && t.get(1) instanceof Number v) {
                out.add(Tuple.of(a, v.intValue() == 0 ? nodeVsn(a) : v.intValue()));
            }
        }
        return out;
    }

    private static List<Atom> nodeList(List<?> nodes) {
        List<Atom> out = new ArrayList<>();
        for (Object o : nodes) {
            if (o instanceof Atom a) out.add(a);
            else if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a) out.add(a);
        }
        return out;
    }

    /** Adds the nodes to the known ones; returns those that were not known. */
    private List<Atom> addToKnown(List<?> nodes) {
        List<Atom> added = new ArrayList<>();
        for (Object o : nodes) {
            Atom n;
            int v;
            if (o instanceof Atom a) {
                n = a;
                v = 0;
            } else if (o instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a && t.get(1) instanceof Number nv) {
                n = a;
                v = nv.intValue();
            } else {
                continue;
            }
            if (n.equals(node.name())) continue;
            Integer old = known.get(n);
            if (old == null) {
                added.add(n);
                known.put(n, v);
            } else if (old < 0) {
                known.put(n, v);
            }
        }
        return added;
    }

    private static Object orUndefined(Pid pid) {
        return pid == null ? UNDEFINED : pid;
    }

    private void warn(String text) {
        node.events().publish(new NodeEvent.Logged(WARNING, text));
    }
}
