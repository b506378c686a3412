package procshell.runtime.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * A node's event feed. A listener says which kinds of event it wants (the {@link NodeEvent}
 * records), and an event goes only to the listeners of its kind: a spawn, which only a tracer or
 * a watcher wants, is neither built nor dispatched to the shell's listeners of crash reports and
 * exits (200,000 spawns made three calls each for nothing). Listeners run on the thread that
 * publishes, in the order they subscribed, so they must be quick and must not block; a listener
 * that throws (anything) is ignored for that event.
 */
public final class EventBus {
    /** The kinds of event, in a fixed order: a kind's index in {@link #byKind}. */
    private static final List<Class<?>> KINDS = List.of(NodeEvent.class.getPermittedSubclasses());

    /** An event class's index in {@link #KINDS}. */
    private static final ClassValue<Integer> KIND = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return KINDS.indexOf(type);
        }
    };

    @SuppressWarnings("unchecked")
    private static final Consumer<NodeEvent>[] NONE = new Consumer[0];

    /** Every subscription, in order; guarded by {@code this}. */
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** For each kind, its listeners in the order they subscribed; replaced whole on each change. */
    private volatile Consumer<NodeEvent>[][] byKind = table(List.of());

    private record Subscription(Set<Class<? extends NodeEvent>> kinds, Consumer<NodeEvent> listener) {}

    /**
     * Adds a listener of every kind of event.
     *
     * @return a handle whose {@code run()} removes the listener
     */
    public Runnable subscribe(Consumer<NodeEvent> listener) {
        return subscribe(Set.of(), listener);
    }

    /**
     * Adds a listener of the given kinds of event only (records of {@link NodeEvent}); an empty
     * set means every kind.
     *
     * @return a handle whose {@code run()} removes the listener
     * @throws IllegalArgumentException when a kind is no record of {@link NodeEvent}
     */
    public Runnable subscribe(Set<Class<? extends NodeEvent>> kinds, Consumer<NodeEvent> listener) {
        for (Class<? extends NodeEvent> k : kinds) {
            if (!KINDS.contains(k)) throw new IllegalArgumentException("not a kind of node event: " + k.getName());
        }
        Subscription s = new Subscription(Set.copyOf(kinds), listener);
        synchronized (this) {
            subscriptions.add(s);
            byKind = table(subscriptions);
        }
        return () -> {
            synchronized (this) {
                if (subscriptions.remove(s)) byKind = table(subscriptions);
            }
        };
    }

    /**
     * Adds a listener of one kind of event.
     *
     * @return a handle whose {@code run()} removes the listener
     */
    public <E extends NodeEvent> Runnable subscribe(Class<E> kind, Consumer<? super E> listener) {
        return subscribe(Set.of(kind), e -> listener.accept(kind.cast(e)));
    }

    @SuppressWarnings("unchecked")
    private static Consumer<NodeEvent>[][] table(List<Subscription> subscriptions) {
        Consumer<NodeEvent>[][] t = new Consumer[KINDS.size()][];
        for (int i = 0; i < t.length; i++) {
            List<Consumer<NodeEvent>> wanting = new ArrayList<>();
            for (Subscription s : subscriptions) {
                if (s.kinds().isEmpty() || s.kinds().contains(KINDS.get(i))) wanting.add(s.listener());
            }
            t[i] = wanting.isEmpty() ? NONE : wanting.toArray(NONE);
        }
        return t;
    }

    /** True when someone listens to any kind; publishers skip building events otherwise. */
    public boolean active() {
        for (Consumer<NodeEvent>[] ls : byKind) {
            if (ls.length > 0) return true;
        }
        return false;
    }

    /** True when someone listens to events of {@code kind}; publishers skip building them otherwise. */
    public boolean wants(Class<? extends NodeEvent> kind) {
        return byKind[KIND.get(kind)].length > 0;
    }

    /** Publishes an event to every listener of its kind. */
    public void publish(NodeEvent event) {
        for (Consumer<NodeEvent> l : byKind[KIND.get(event.getClass())]) {
            try {
                l.accept(event);
            } catch (Throwable ignored) {
                // A broken watcher must not break the process that published: publishing happens
                // in the middle of exit processing, whose remaining links and monitors must still
                // fire.
            }
        }
    }

    /** Publishes {@link NodeEvent.Exited} when anyone listens to exits. */
    public void publishExit(Pid pid, Atom name, Object reason) {
        if (wants(NodeEvent.Exited.class)) publish(new NodeEvent.Exited(pid, name, reason));
    }

    /** Publishes {@link NodeEvent.Spawned} when anyone listens to spawns. */
    public void publishSpawn(Pid pid, Pid parent) {
        if (wants(NodeEvent.Spawned.class)) publish(new NodeEvent.Spawned(pid, parent));
    }

    /** Publishes a crash report when anyone listens to crash reports. */
    public void publishCrash(Atom kind, Pid pid, Map<String, Object> report) {
        if (wants(NodeEvent.CrashReport.class)) publish(new NodeEvent.CrashReport(kind, pid, report));
    }
}
