package procshell.runtime.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * Records every message and signal among one node's processes between {@link #start()} and
 * {@link #stop()}: the raw material of a sequence diagram. What concerns which processes is
 * decided afterwards, over the whole recording, so that a process's history is complete once it
 * turns out to matter (a supervisor's spawn is kept once its restart is seen).
 *
 * <p>At most {@link #LIMIT} events are kept; {@link #dropped()} counts the rest.
 */
public final class TraceRecorder implements TraceHook {
    /** The most events one recording keeps. */
    public static final int LIMIT = 10_000;

    private final Node node;
    private final List<TraceEvent> events = new ArrayList<>();
    /** The pids whose local name has been looked up already. */
    private final Set<Pid> named = ConcurrentHashMap.newKeySet();
    private long dropped;
    private Runnable unsubscribe;

    /** A recorder for {@code node}'s processes; nothing is recorded before {@link #start()}. */
    public TraceRecorder(Node node) {
        this.node = node;
    }

    /** Starts recording: installs the hook and listens to the node's spawns, exits, restarts and names. */
    public synchronized void start() {
        if (unsubscribe != null) return;
        unsubscribe = node.events().subscribe(this::event);
        Tracing.install(this);
    }

    /** Stops recording; the events stay readable. */
    public synchronized void stop() {
        if (unsubscribe == null) return;
        Tracing.remove(this);
        unsubscribe.run();
    }

    /** The events recorded so far, in order. */
    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** How many events were not kept because the recording was full. */
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public void message(Pid to, Object message) {
        if (to.node() != node) return;
        Pid from;
        if (message instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && t.get(1) instanceof Pid p) {
            from = p;
        } else if (message instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && t.get(3) instanceof Pid p) {
            from = p;
        } else {
            ProcessContext ctx = ProcessContext.current();
            from = ctx == null ? null : ctx.self();
        }
        record(TraceEvent.Kind.MESSAGE, from, to, message);
    }

    @Override
    public void exitSignal(Pid from, Pid to, Object reason) {
        if (to.node() == node) record(TraceEvent.Kind.EXIT_SIGNAL, from, to, reason);
    }

    @Override
    public void linked(Pid from, Pid to) {
        if (from.node() == node) record(TraceEvent.Kind.LINK, from, to, null);
    }

    private void event(NodeEvent e) {
        switch (e) {
            case NodeEvent.Spawned s -> record(TraceEvent.Kind.SPAWN, s.parent(), s.pid(), null);
            case NodeEvent.Exited x -> {
                if (x.name() != null) record(TraceEvent.Kind.NAMED, x.pid(), null, x.name());
                record(TraceEvent.Kind.EXITED, x.pid(), null, x.reason());
            }
            case NodeEvent.Restarted r -> record(TraceEvent.Kind.RESTARTED, r.supervisor(), r.newPid(), Tuple.of(r.childId(), r.oldPid()));
            case NodeEvent.Registered r -> record(TraceEvent.Kind.NAMED, r.pid(), null, r.name());
            case NodeEvent.Unregistered u -> record(TraceEvent.Kind.NAMED, u.pid(), null, u.name());
            default -> { }
        }
    }


    private void record(TraceEvent.Kind kind, Pid from, Pid to, Object term) {
        synchronized (this) {
            if (events.size() >= LIMIT) {
                dropped++;
                return;
            }
            events.add(new TraceEvent(events.size() + dropped, kind, from, to, term));
        }
        if (kind == TraceEvent.Kind.MESSAGE || kind == TraceEvent.Kind.EXIT_SIGNAL) {
            if (from != null && from.node() == node) nameOfOnce(from);
            nameOfOnce(to);
        }
    }

    /** Records the local name a live process has now (once), so that it is known after the process dies. */
    private void nameOfOnce(Pid pid) {
        if (!named.add(pid)) return;
        LocalProcess p = node.process(pid);
        Atom name = p == null ? null : p.registeredName();
        if (name != null) record(TraceEvent.Kind.NAMED, pid, null, name);
    }
}
