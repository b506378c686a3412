package procshell.runtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;

/** An event reaches the listeners of its kind, in the order they subscribed, and no others. */
class EventBusTest {
    private static final NodeEvent SPAWNED = new NodeEvent.Spawned(null, null);
    private static final NodeEvent EXITED = new NodeEvent.Exited(null, null, Atom.NORMAL);
    private static final NodeEvent LOGGED = new NodeEvent.Logged(Atom.of("info"), "hello");

    @Test
    void eachListenerGetsTheKindsItAskedFor() {
        EventBus bus = new EventBus();
        List<String> got = new ArrayList<>();
        bus.subscribe(e -> got.add("all:" + e.getClass().getSimpleName()));
        bus.subscribe(NodeEvent.Exited.class, x -> got.add("exits:" + x.reason()));
        bus.subscribe(Set.of(NodeEvent.Logged.class, NodeEvent.Halted.class), e -> got.add("log:" + e.getClass().getSimpleName()));

        bus.publish(SPAWNED);
        bus.publish(EXITED);
        bus.publish(LOGGED);

        assertEquals(List.of("all:Spawned", "all:Exited", "exits::normal", "all:Logged", "log:Logged"), got);
    }

    @Test
    void publishersAreToldWhichKindsAreWanted() {
        EventBus bus = new EventBus();
        assertFalse(bus.active());
        Runnable off = bus.subscribe(NodeEvent.Exited.class, x -> { });
        assertTrue(bus.active());
        assertTrue(bus.wants(NodeEvent.Exited.class));
        assertFalse(bus.wants(NodeEvent.Spawned.class));
        off.run();
        assertFalse(bus.wants(NodeEvent.Exited.class));
        assertFalse(bus.active());
    }

    @Test
    void aSpawnNobodyWantsIsNotDispatched() {
        EventBus bus = new EventBus();
        List<NodeEvent> got = new ArrayList<>();
        bus.subscribe(NodeEvent.Exited.class, got::add);
        bus.publishSpawn(null, null);
        bus.publishExit(null, null, Atom.NORMAL);
        assertEquals(List.of(EXITED), got);
    }

    @Test
    void anUnsubscribedListenerHearsNothingMoreAndABrokenOneStopsNoOther() {
        EventBus bus = new EventBus();
        List<NodeEvent> got = new ArrayList<>();
        bus.subscribe(e -> {
            throw new IllegalStateException("broken watcher");
        });
        Runnable off = bus.subscribe(got::add);
        bus.publish(LOGGED);
        off.run();
        bus.publish(LOGGED);
        assertEquals(List.of(LOGGED), got);
    }

    @Test
    void aKindMustBeANodeEvent() {
        EventBus bus = new EventBus();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<Class<? extends NodeEvent>> notAKind = (Set) Set.of(NodeEvent.class);
        assertThrows(IllegalArgumentException.class, () -> bus.subscribe(notAKind, e -> { }));
    }
}
