package procshell.shell.observer;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Pid;
import procshell.shell.iex.IexSession;

/**
 * A session's event feed ({@code watch()}): node events, filtered, printed one line each above
 * the prompt (see {@link EventLine}). Listeners run on the publishing process's thread, so they
 * only queue the event; a printer thread formats queued events and prints them in batches, so a
 * storm of spawns neither slows the processes down nor floods the terminal line by line. Past
 * {@value #MAX_QUEUED} queued events, further ones are counted and reported as dropped.
 *
 * <p>Filters: everything ({@code watch()}), or the events of given processes ({@code watch(pid)}):
 * their spawns, exits, registrations, and restarts that replace them (the new pid is followed
 * from then on) or that they do as supervisors.
 */
public final class Watcher {
    static final int MAX_QUEUED = 10_000;
    private static final int BATCH = 500;

    private record Stamped(NodeEvent event, LocalTime at) {}

    private final IexSession session;
    /** The running feed's queue; each feed gets its own, so a printer stopped by {@link #unwatch()} takes none of the next feed's events. */
    private volatile LinkedBlockingQueue<Stamped> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private boolean all;
    private final Set<Pid> pids = new HashSet<>();
    private final Set<Object> names = new HashSet<>();
    private Runnable unsubscribe;
    private Thread printer;
    private volatile int dropped;

    /** A feed for this session, off until {@link #watchAll()} or {@link #watch}. */
    public Watcher(IexSession session) {
        this.session = session;
    }

    /** Shows every event from now on. */
    public void watchAll() {
        synchronized (lock) {
            all = true;
            start();
        }
    }

    /**
     * Shows the events of a process from now on, in addition to what is watched already.
     *
     * @param pid  the process (may be null when only a name is known)
     * @param name the name it was given by (an atom, a via tuple's name...), or null
     */
    public void watch(Pid pid, Object name) {
        synchronized (lock) {
            if (pid != null) pids.add(pid);
            if (name != null) names.add(name);
            start();
        }
    }

    /** Stops the feed and forgets every filter; events still queued are dropped. */
    public void unwatch() {
        synchronized (lock) {
            all = false;
            pids.clear();
            names.clear();
            if (unsubscribe != null) unsubscribe.run();
            unsubscribe = null;
            if (printer != null) printer.interrupt();
            printer = null;
            queue.clear();
        }
    }

    /** True while a feed runs. */
    public boolean active() {
        synchronized (lock) {
            return unsubscribe != null;
        }
    }

    private void start() {
        if (unsubscribe != null) return;
        LinkedBlockingQueue<Stamped> feed = new LinkedBlockingQueue<>();
        queue = feed;
        unsubscribe = session.node().events().subscribe(this::offer);
        printer = Thread.ofPlatform().daemon().name("procshell-watch").start(() -> printLoop(feed));
    }

    private void offer(NodeEvent e) {
        if (e instanceof NodeEvent.CrashReport || e instanceof NodeEvent.Halted) return;
        if (!wanted(e)) return;
        LinkedBlockingQueue<Stamped> feed = queue;
        if (feed.size() >= MAX_QUEUED) {
            dropped++;
            return;
        }
        feed.offer(new Stamped(e, LocalTime.now()));
    }

    private boolean wanted(NodeEvent e) {
        synchronized (lock) {
            if (all) return true;
            return switch (e) {
                case NodeEvent.Spawned s -> pids.contains(s.pid()) || pids.contains(s.parent());
                case NodeEvent.Exited x -> pids.contains(x.pid()) || (x.name() != null && names.contains(x.name()));
                case NodeEvent.Restarted r -> {
                    boolean mine = pids.contains(r.supervisor()) || pids.contains(r.oldPid());
                    if (pids.contains(r.oldPid()) && r.newPid() != null) pids.add(r.newPid()); // follow the child
                    yield mine;
                }
                case NodeEvent.Registered r -> {
                    if (names.contains(r.name()) && r.pid() != null) pids.add(r.pid()); // the name's new holder
                    yield pids.contains(r.pid()) || names.contains(r.name());
                }
                case NodeEvent.Unregistered u -> pids.contains(u.pid()) || names.contains(u.name());
                default -> false;
            };
        }
    }

    private void printLoop(LinkedBlockingQueue<Stamped> queue) {
        List<Stamped> batch = new ArrayList<>(BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                StringBuilder b = new StringBuilder();
                for (Stamped s : batch) {
                    String line = EventLine.format(s.event(), s.at(), session.inspectOptions());
                    if (line == null) continue;
                    if (!b.isEmpty()) b.append('\n');
                    b.append(line);
                }
                batch.clear();
                int lost = dropped;
                if (lost > 0) {
                    dropped = 0;
                    if (!b.isEmpty()) b.append('\n');
                    b.append("[watch] ").append(lost).append(" events not shown (more than ").append(MAX_QUEUED).append(" waiting)");
                }
                if (!b.isEmpty() && !Thread.currentThread().isInterrupted()) session.printAbove(b.toString());
            }
        } catch (InterruptedException e) {
            // unwatch()
        }
    }
}
