package procshell.runtime.global;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * The BEAM's {@code global} locker (the_locker): for each new connection whose partitions must
 * exchange names, it takes the lock {@code {:global, Enum.sort([this_locker, his_locker])}} on the
 * boss (the greatest node name), on both nodes and on every node it knows, while the other side's
 * locker does the same on its own known nodes; the two tell each other with {@code {:lock_set,
 * locker, true | false, known, his_tag}} casts to the other's name server. Once both hold it, the
 * name server exchanges names, and the locker holds the lock until the server cancels it (after
 * running the {@code :new_nodes} notification under it). It tries a connection after a short wait
 * (200 ms alone, up to 3 s in a big cluster) and only while no registration holds the lock.
 */
final class GlobalLocker {
    private static final Atom HIS_THE_LOCKER = Atom.of("his_the_locker");
    private static final Atom CANCEL = Atom.of("cancel");
    private static final Atom NO_FUN = Atom.of("no_fun");
    private static final Atom UNDEFINED = Atom.of("undefined");
    private static final Atom LOCK_SET = Atom.of("lock_set");
    private static final Atom LOCK_IS_SET = Atom.of("lock_is_set");
    private static final Atom ADD_TO_KNOWN = Atom.of("add_to_known");
    private static final Atom REMOVE_FROM_KNOWN = Atom.of("remove_from_known");
    private static final Atom NONODE = Atom.of("nonode@nohost");

    /** The other side of one pending connection. */
    private record Him(Atom node, Pid locker, int vsn, Object myTag, Object hisTag) {}

    private final Node node;
    private final GlobalServer server;
    private final List<Him> local = new ArrayList<>();
    private final List<Him> remote = new ArrayList<>();
    private final List<Atom> known = new ArrayList<>();
    private final String host;
    private Atom boss;
    private boolean justSynced;
    private ProcessContext self;

    GlobalLocker(Node node, GlobalServer server) {
        this.node = node;
        this.server = server;
        this.host = hostName();
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            int dot = h.indexOf('.');
            return dot > 0 ? h.substring(0, dot) : h;
        } catch (java.io.IOException e) {
            return "";
        }
    }

    void run(ProcessContext self) {
        this.self = self;
        known.addAll(server.knownNodes());
        boss = bossOf();
        while (true) {
            Object m = self.receive(0);
            if (m != Mailbox.TIMEOUT) {
                handle(m);
                continue;
            }
            long timeout = local.isEmpty() && remote.isEmpty() ? -1
                    : justSynced ? 0 : known.isEmpty() ? 200 : Math.min(1000 + 100L * known.size(), 3000);
            justSynced = false;
            m = self.receive(timeout);
            if (m != Mailbox.TIMEOUT) handle(m);
            else if (!Global.of(node).locks().isSet(Atom.GLOBAL)) selectNode();
        }
    }

    private void handle(Object m) {
        if (!(m instanceof Tuple t)) return;
        if (t.isTagged(HIS_THE_LOCKER, 5) && t.get(1) instanceof Pid his && t.get(2) instanceof Tuple k) {
            Him him = new Him(LockRequests.nodeOf(node, his), his, ((Number) k.get(0)).intValue(), t.get(4), t.get(3));
            if (isLocal(him.node())) local.add(0, him);
            else remote.add(0, him);
        } else if (t.isTagged(CANCEL, 4)) {
            if (!UNDEFINED.equals(t.get(2)) && NO_FUN.equals(t.get(3))) removeNode((Atom) t.get(1), t.get(2));
        } else if (LOCK_SET.equals(t.get(0)) && (t.size() == 5 || t.size() == 4) && t.get(1) instanceof Pid p
                && Boolean.TRUE.equals(t.get(2))) {
            lockSetBy(p, t.size() == 5 ? t.get(4) : null);
        } else if (t.isTagged(ADD_TO_KNOWN, 2) || t.isTagged(REMOVE_FROM_KNOWN, 2)) {
            updateKnown(t);
        }
    }

    /** The other locker holds the lock on its side and asks us to take it on ours. */
    private void lockSetBy(Pid his, Object myTag) {
        Atom peer = LockRequests.nodeOf(node, his);
        Him him = find(peer);
        if (him == null || (myTag != null && !LockRequests.sameTag(him.myTag(), myTag))) {
            sendLockSet(false, his, 5, 0);
            return;
        }
        Tuple lockId = lockId(his);
        boolean set = lockNodesSafely(lockId, List.of());
        sendLockSet(set, his, him.vsn(), him.hisTag());
        List<Atom> known2 = new ArrayList<>();
        known2.add(node.name());
        known2.addAll(known);
        if (set) {
            GenCalls.cast(node, node.name(), Tuple.of(LOCK_IS_SET, peer, him.myTag(), lockId));
            waitCancelLock(peer, lockId, him.myTag(), known2);
            justSynced = true;
            removeNode(peer, him.myTag());
        } else {
            justSynced = false;
        }
    }

    /** Picks a pending connection (same host first) and tries to take the lock for it. */
    private void selectNode() {
        boolean useRemote = local.isEmpty();
        List<Him> others = useRemote ? remote : local;
        others.removeIf(h -> known.contains(h.node()));
        if (others.isEmpty()) return;
        Him him = others.get(ThreadLocalRandom.current().nextInt(others.size()));
        Tuple lockId = lockId(him.locker());
        if (!lockNodesSafely(lockId, List.of(him.node()))) return;
        List<Atom> known1 = new ArrayList<>();
        known1.add(node.name());
        known1.add(him.node());
        known1.addAll(known);
        sendLockSet(true, him.locker(), him.vsn(), him.hisTag());
        lockIsSet(him, known1, lockId);
    }

    /** Waits for the other locker's answer; on yes, tells the server and holds the lock until cancelled. */
    private void lockIsSet(Him him, List<Atom> known1, Tuple lockId) {
        while (true) {
            Object m = self.receive(x -> x instanceof Tuple t && ((LOCK_SET.equals(t.get(0)) && (t.size() == 5 || t.size() == 4)
                    && t.get(1) instanceof Pid p && him.node().equals(LockRequests.nodeOf(node, p)))
                    || (t.isTagged(CANCEL, 4) && him.node().equals(t.get(1)) && LockRequests.sameTag(him.myTag(), t.get(2)))), -1);
            Tuple t = (Tuple) m;
            if (CANCEL.equals(t.get(0))) {
                callFun(t.get(3));
                deleteGlobalLock(lockId, known1);
                removeNode(him.node(), him.myTag());
                return;
            }
            if (t.size() == 5 && !LockRequests.sameTag(him.myTag(), t.get(4))) continue; // an answer to an older attempt
            if (Boolean.TRUE.equals(t.get(2))) {
                GenCalls.cast(node, node.name(), Tuple.of(LOCK_IS_SET, him.node(), him.myTag(), lockId));
                waitCancelLock(him.node(), lockId, him.myTag(), known1);
                justSynced = true;
                local.remove(him);
                remote.remove(him);
            } else {
                deleteGlobalLock(lockId, known1);
            }
            return;
        }
    }

    private void waitCancelLock(Atom peer, Tuple lockId, Object myTag, List<Atom> lockedOn) {
        Tuple t = (Tuple) self.receive(x -> x instanceof Tuple c && c.isTagged(CANCEL, 4) && peer.equals(c.get(1))
                && LockRequests.sameTag(myTag, c.get(2)), -1);
        callFun(t.get(3));
        deleteGlobalLock(lockId, lockedOn);
    }

    /**
     * The BEAM's lock_nodes_safely: the boss first (so that two lockers meet there), then this
     * node and {@code extra}, then every known node; all or nothing.
     */
    private boolean lockNodesSafely(Tuple lockId, List<Atom> extra) {
        List<Atom> first = new ArrayList<>();
        if (boss != null && !NONODE.equals(boss)) first.add(boss);
        if (!(first.size() == 1 && first.get(0).equals(node.name())) && !Global.of(node).locks().canSet(lockId.get(0), lockId.get(1))) {
            return false;
        }
        if (!LockRequests.setLock(self, lockId, first, 0)) return false;
        drainKnownUpdates();
        List<Atom> second = new ArrayList<>();
        second.add(node.name());
        second.addAll(extra);
        second.removeAll(first);
        if (!LockRequests.setLock(self, lockId, second, 0)) {
            LockRequests.delLock(self, lockId, first);
            return false;
        }
        List<Atom> rest = new ArrayList<>(known);
        rest.removeAll(first);
        if (!LockRequests.setLock(self, lockId, rest, 0)) {
            List<Atom> soFar = new ArrayList<>(first);
            soFar.addAll(second);
            LockRequests.delLock(self, lockId, soFar);
            return false;
        }
        return true;
    }

    private void sendLockSet(boolean set, Pid his, int vsn, Object hisTag) {
        List<Object> k = new ArrayList<>(known);
        Tuple msg = vsn < 8 ? Tuple.of(LOCK_SET, self.self(), set, k) : Tuple.of(LOCK_SET, self.self(), set, k, hisTag);
        if (vsn < 6) node.send(his, msg);
        else GenCalls.cast(node, LockRequests.nodeOf(node, his), msg);
    }

    private Tuple lockId(Pid his) {
        List<Pid> pair = new ArrayList<>(List.of(self.self(), his));
        pair.sort(LockRequests.pidOrder(node));
        return Tuple.of(Atom.GLOBAL, new ArrayList<Object>(pair));
    }

    private void deleteGlobalLock(Tuple lockId, List<Atom> nodes) {
        LockRequests.deleteGlobalLock(self, lockId, nodes);
    }

    private static void callFun(Object fun) {
        if (fun instanceof Runnable r) r.run();
    }

    private void drainKnownUpdates() {
        while (true) {
            Object m = self.receive(x -> x instanceof Tuple t && (t.isTagged(ADD_TO_KNOWN, 2) || t.isTagged(REMOVE_FROM_KNOWN, 2)), 0);
            if (m == Mailbox.TIMEOUT) return;
            updateKnown((Tuple) m);
        }
    }

    private void updateKnown(Tuple t) {
        if (ADD_TO_KNOWN.equals(t.get(0))) {
            List<Atom> added = new ArrayList<>();
            for (Object o : (List<?>) t.get(1)) if (o instanceof Atom a) added.add(a);
            known.addAll(0, added);
        } else {
            known.remove(t.get(1));
        }
        boss = bossOf();
    }

    private Atom bossOf() {
        List<Atom> all = new ArrayList<>(known);
        all.add(node.name());
        return LockRequests.boss(all);
    }

    private Him find(Atom peer) {
        for (Him h : local) if (h.node().equals(peer)) return h;
        for (Him h : remote) if (h.node().equals(peer)) return h;
        return null;
    }

    private void removeNode(Atom peer, Object tag) {
        local.removeIf(h -> h.node().equals(peer) && LockRequests.sameTag(h.myTag(), tag));
        remote.removeIf(h -> h.node().equals(peer) && LockRequests.sameTag(h.myTag(), tag));
    }

    private boolean isLocal(Atom peer) {
        String n = peer.name();
        int at = n.indexOf('@');
        return at >= 0 && n.substring(at + 1).equals(host);
    }
}
