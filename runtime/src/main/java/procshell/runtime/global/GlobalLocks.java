package procshell.runtime.global;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import procshell.runtime.node.Pid;

/**
 * One node's share of {@code :global}'s locks (the BEAM's {@code global_locks} table): a resource
 * is held by one requester id at a time, on behalf of one or more processes (the holders); the same
 * requester may take it again. A cluster-wide lock is this node's lock plus every other node's.
 * Changed by the node's name server (or, on a node without distribution, by the caller); read by
 * anyone.
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

    /** True when {@code requester} could take {@code resource} now (the BEAM's can_set_lock). */
    synchronized boolean canSet(Object resource, Object requester) {
        Held h = locks.get(resource);
        return h == null || h.requester().equals(requester);
    }

    /** True when someone holds {@code resource}. */
    synchronized boolean isSet(Object resource) {
        return locks.containsKey(resource);
    }

    /** The requester id {@code resource} is held for, or null when it is free. */
    synchronized Object requester(Object resource) {
        Held h = locks.get(resource);
        return h == null ? null : h.requester();
    }

    /** True when {@code pid} is one of {@code resource}'s holders. */
    synchronized boolean holds(Object resource, Pid pid) {
        Held h = locks.get(resource);
        return h != null && h.holders().contains(pid);
    }

    /** True when {@code pid} holds any lock. */
    synchronized boolean holdsAny(Pid pid) {
        for (Held h : locks.values()) if (h.holders().contains(pid)) return true;
        return false;
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
