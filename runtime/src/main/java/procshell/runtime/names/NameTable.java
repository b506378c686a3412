package procshell.runtime.names;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.event.EventBus;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * A node's local name table: atoms registered to pids, as {@code Process.register/2},
 * {@code Process.whereis/1} and {@code Process.registered/0}. A name is dropped when its process
 * dies.
 */
public final class NameTable {
    /** The {@code registry} of this table's {@link NodeEvent.Registered} events. */
    public static final Atom LOCAL = Atom.of("local");

    private final ConcurrentHashMap<Atom, LocalProcess> names = new ConcurrentHashMap<>();
    private final EventBus events;

    /** A table that publishes no events. */
    public NameTable() {
        this(null);
    }

    /**
     * A table that publishes {@link NodeEvent.Registered} and {@link NodeEvent.Unregistered}
     * (registry {@code :local}) to {@code events}, also when a name goes with its process.
     */
    public NameTable(EventBus events) {
        this.events = events;
    }

    /**
     * Registers {@code name} for {@code process}, as {@code Process.register/2}.
     *
     * @throws IllegalArgumentException (Elixir's ArgumentError, Erlang's badarg) when the name is
     *         taken or is {@code :undefined}, when the process already has a name, or when it is dead
     */
    public void register(Atom name, LocalProcess process) {
        if (name == null) throw new IllegalArgumentException("could not register with name nil: a name must be an atom");
        if (Atom.UNDEFINED.equals(name)) {
            throw new IllegalArgumentException("could not register " + process.pid() + " with name :undefined");
        }
        if (process == null || !process.isAlive()) {
            throw new IllegalArgumentException("could not register " + (process == null ? "a dead process" : process.pid())
                    + " with name " + name + " because it is not alive");
        }
        LocalProcess prev = names.putIfAbsent(name, process);
        if (prev != null) {
            if (prev.isAlive()) {
                throw new IllegalArgumentException("could not register " + process.pid() + " with name " + name
                        + " because it is already registered to " + prev.pid());
            }
            // The holder died but its exit is still being processed: take the name over.
            if (!names.replace(name, prev, process)) register(name, process);
        }
        if (!process.claimName(name)) {
            names.remove(name, process);
            Atom existing = process.registeredName();
            throw new IllegalArgumentException("could not register " + process.pid() + " with name " + name
                    + (existing != null ? " because it is already registered as " + existing : " because it is not alive"));
        }
        if (events != null && events.active()) events.publish(new NodeEvent.Registered(LOCAL, name, process.pid()));
    }

    /**
     * Removes a name, as {@code Process.unregister/1}.
     *
     * @throws IllegalArgumentException when the name is not registered
     */
    public void unregister(Atom name) {
        LocalProcess p = names.get(name);
        // A holder that is dead (its exit still being processed) no longer has the name.
        if (p == null || !p.isAlive() || !names.remove(name, p)) {
            throw new IllegalArgumentException("could not unregister " + name + " because it was not registered");
        }
        p.releaseName(name);
        if (events != null && events.active()) events.publish(new NodeEvent.Unregistered(LOCAL, name, p.pid()));
    }

    /** Removes {@code name} only if it still belongs to {@code process} (its exit is being processed). */
    public void removeIfOwned(Atom name, LocalProcess process) {
        if (names.remove(name, process) && events != null && events.active()) {
            events.publish(new NodeEvent.Unregistered(LOCAL, name, process.pid()));
        }
    }

    /** The process registered under {@code name}, or null, as {@code Process.whereis/1}. */
    public LocalProcess whereis(Atom name) {
        LocalProcess p = names.get(name);
        return p != null && p.isAlive() ? p : null;
    }

    /** The pid registered under {@code name}, or null. */
    public Pid whereisPid(Atom name) {
        LocalProcess p = whereis(name);
        return p == null ? null : p.pid();
    }

    /**
     * The number of entries the table holds, live or not: a name whose holder died stays only
     * while that holder's exit is being processed, so once exits are processed this equals
     * {@code registered().size()} (the stress tests check it to find stale names).
     */
    public int size() {
        return names.size();
    }

    /** All registered names, as {@code Process.registered/0}. */
    public List<Atom> registered() {
        List<Atom> out = new ArrayList<>();
        names.forEach((n, p) -> {
            if (p.isAlive()) out.add(n);
        });
        return out;
    }
}
