package procshell.runtime.global;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import procshell.runtime.node.Pid;

/**
 * One node's share of {@code :global}'s locks: a resource is held by one requester id at a time,
 * on behalf of one or more processes (the holders); the same requester may take it again. A
 * cluster-wide lock is this node's lock plus every other node's.
 */
final class GlobalLocks {
    private record Held(Object requester, Set<Pid> holders) {}

    private final Map<Object, Held> locks = new HashMap<>();

    /** Takes {@code resource} for {@code requester} on behalf of {@code holder}; false when another requester holds it. */
    synchronized boolean acquire(Object resource, Object requester, Pid holder) {
        Held h = locks.get(resource);
        if (h == null) {
            h = new Held(requester, new HashSet<>());
            locks.put(resource, h);
        } else if (!h.requester().equals(requester)) {
            return false;
        }
        h.holders().add(holder);
        return true;
    }

    /** Lets go of {@code resource} for {@code holder}; the lock goes once no holder is left. */
    synchronized void release(Object resource, Object requester, Pid holder) {
        Held h = locks.get(resource);
        if (h == null || !h.requester().equals(requester)) return;
        h.holders().remove(holder);
        if (h.holders().isEmpty()) locks.remove(resource);
    }

    /** Drops every holder that {@code gone} accepts (dead processes, processes of a lost node). */
    synchronized void releaseAll(Predicate<Pid> gone) {
        locks.values().removeIf(h -> {
            h.holders().removeIf(gone);
            return h.holders().isEmpty();
        });
    }
}
