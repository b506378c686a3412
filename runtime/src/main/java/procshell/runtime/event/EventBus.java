package procshell.runtime.event;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * A node's event feed. Listeners run on the thread that publishes, so they must be quick and must
 * not block; a listener that throws (anything) is ignored for that event.
 */
public final class EventBus {
    private final CopyOnWriteArrayList<Consumer<NodeEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a listener.
     *
     * @return a handle whose {@code run()} removes the listener
     */
    public Runnable subscribe(Consumer<NodeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** True when someone listens; publishers skip building events otherwise. */
    public boolean active() {
        return !listeners.isEmpty();
    }

    /** Publishes an event to every listener. */
    public void publish(NodeEvent event) {
        for (Consumer<NodeEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (Throwable ignored) {
                // A broken watcher must not break the process that published: publishing happens
                // in the middle of exit processing, whose remaining links and monitors must still
                // fire.
            }
        }
    }

    /** Publishes {@link NodeEvent.Exited} when anyone listens. */
    public void publishExit(Pid pid, Atom name, Object reason) {
        if (active()) publish(new NodeEvent.Exited(pid, name, reason));
    }

    /** Publishes {@link NodeEvent.Spawned} when anyone listens. */
    public void publishSpawn(Pid pid, Pid parent) {
        if (active()) publish(new NodeEvent.Spawned(pid, parent));
    }

    /** Publishes a crash report. */
    public void publishCrash(Atom kind, Pid pid, Map<String, Object> report) {
        if (active()) publish(new NodeEvent.CrashReport(kind, pid, report));
    }
}
