package procshell.runtime.global;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;

/**
 * How a process takes and drops a {@code :global} lock {@code {resource, requester}} on a set of
 * nodes, as {@code global:set_lock/3} and {@code del_lock/2} do: {@code {:set_lock, id}} and
 * {@code {:del_lock, id}} calls to the {@code global_name_server} of each node, the caller being
 * the lock's holder there. Used by the API, the registrar and the locker alike.
 */
final class LockRequests {
    private static final Atom SET_LOCK = Atom.of("set_lock");
    private static final Atom DEL_LOCK = Atom.of("del_lock");

    private LockRequests() {}

    /**
     * {@code global:set_lock(id, nodes, retries)}: tries {@code nodes}, then after a random sleep
     * (as the BEAM's, growing to 8 s) again, up to {@code retries} more times.
     *
     * @param retries how often to retry; negative for {@code :infinity}
     * @return true when every node that answered granted the lock
     */
    static boolean setLock(ProcessContext self, Tuple id, List<Atom> nodes, int retries) {
        for (int times = 1; ; times++) {
            if (setLockOnNodes(self, id, nodes)) return true;
            if (retries == 0) return false;
            if (retries > 0) retries--;
            randomSleep(times);
        }
    }

    /** One attempt: every node grants the lock, or those that did let go of it again. */
    static boolean setLockOnNodes(ProcessContext self, Tuple id, List<Atom> nodes) {
        if (nodes.isEmpty()) return true;
        if (nodes.size() > 1 && nodes.contains(self.node().name()) && !Global.of(self.node()).locks().canSet(id.get(0), id.get(1))) {
            return false;
        }
        List<Tuple> replies = GenCalls.multiCall(self, nodes, Tuple.of(SET_LOCK, id));
        for (Tuple r : replies) {
            if (!Boolean.TRUE.equals(r.get(1))) {
                if (replies.size() > 1) GenCalls.multiCall(self, grantedOf(replies), Tuple.of(DEL_LOCK, id));
                return false;
            }
        }
        return true;
    }

    private static List<Atom> grantedOf(List<Tuple> replies) {
        List<Atom> out = new ArrayList<>();
        for (Tuple r : replies) if (Boolean.TRUE.equals(r.get(1))) out.add((Atom) r.get(0));
        return out;
    }

    /** {@code global:del_lock(id, nodes)}: lets go of the lock on each node; always true. */
    static boolean delLock(ProcessContext self, Tuple id, List<Atom> nodes) {
        GenCalls.multiCall(self, nodes, Tuple.of(DEL_LOCK, id));
        return true;
    }

    /** The BEAM's delete_global_lock: every node but the boss first, the boss last. */
    static void deleteGlobalLock(ProcessContext self, Tuple id, List<Atom> nodes) {
        Atom theBoss = boss(nodes);
        List<Atom> others = new ArrayList<>(nodes);
        others.remove(theBoss);
        delLock(self, id, others);
        delLock(self, id, List.of(theBoss));
    }

    /** Compares two tags (integers that may come back from the wire as another Java type). */
    static boolean sameTag(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.longValue() == y.longValue();
        return java.util.Objects.equals(a, b);
    }

    /** The global lock's boss: the greatest node name, which is locked first so that two lockers meet there. */
    static Atom boss(List<Atom> nodes) {
        Atom max = null;
        for (Atom n : nodes) if (max == null || n.name().compareTo(max.name()) > 0) max = n;
        return max;
    }

    /** The BEAM's random_sleep/1: up to 2^times/8 s, at most 8 s. */
    static void randomSleep(int times) {
        int max = times > 5 ? 8000 : (1 << times) * 1000 / 8;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, max + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessExitedError(Atom.KILLED);
        }
    }

    /**
     * The BEAM's term order of pids, which both ends of a connection must agree on for the lock id
     * {@code {:global, Enum.sort([locker1, locker2])}}: serial, then number, then node name.
     */
    static Comparator<Pid> pidOrder(Node local) {
        return Comparator.comparingInt(Pid::serial).thenComparingLong(Pid::number)
                .thenComparing(p -> nodeOf(local, p).name());
    }

    /** The node a pid lives on. */
    static Atom nodeOf(Node local, Pid pid) {
        if (!local.isRemote(pid)) return local.name();
        Atom n = local.remote().nodeOf(pid);
        return n == null ? Atom.of("nonode@nohost") : n;
    }
}
