package procshell.runtime.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * Local names, as {@code Process.register/2}, {@code unregister/1}, {@code whereis/1} and
 * {@code registered/0}; every {@code badarg} case of {@code erlang:register/2} is an
 * {@link IllegalArgumentException} (Elixir's ArgumentError).
 */
class NameTableTest {
    private static final Atom NAME = Atom.of("name_table_test");

    private Node node;
    private ProcessContext me;
    private NameTable names;

    @BeforeEach
    void attach() {
        node = new Node();
        me = node.attach();
        names = node.names();
    }

    @AfterEach
    void detach() {
        node.detach();
        node.shutdown();
    }

    private Pid idle() {
        return node.spawn(self -> {
            while (true) self.receive();
        });
    }

    @Test
    void registerWhereisRegisteredUnregister() {
        names.register(NAME, me.process());
        assertEquals(me.self(), names.whereisPid(NAME));
        assertEquals(me.self(), node.whereis(NAME));
        assertEquals(NAME, me.process().registeredName());
        assertTrue(names.registered().contains(NAME));
        me.send(NAME, Atom.of("by_name"));
        assertEquals(Atom.of("by_name"), me.receive(0));
        me.send(Tuple.of(NAME, node.name()), Atom.of("by_name_and_node"));
        assertEquals(Atom.of("by_name_and_node"), me.receive(0));

        names.unregister(NAME);
        assertNull(names.whereis(NAME));
        assertNull(me.process().registeredName());
        assertFalse(names.registered().contains(NAME));
        names.register(NAME, me.process()); // may register again
        assertEquals(me.self(), names.whereisPid(NAME));
    }

    @Test
    void aTakenNameIsBadarg() {
        Pid other = idle();
        names.register(NAME, node.process(other));
        assertThrows(IllegalArgumentException.class, () -> names.register(NAME, me.process()));
        assertEquals(other, names.whereisPid(NAME));
        assertNull(me.process().registeredName());
    }

    @Test
    void registeringTheSameNameTwiceIsBadarg() {
        names.register(NAME, me.process());
        assertThrows(IllegalArgumentException.class, () -> names.register(NAME, me.process()));
        assertEquals(me.self(), names.whereisPid(NAME));
    }

    @Test
    void aProcessHasAtMostOneName() {
        names.register(NAME, me.process());
        Atom second = Atom.of("second_name");
        assertThrows(IllegalArgumentException.class, () -> names.register(second, me.process()));
        assertNull(names.whereis(second));
        assertEquals(List.of(NAME), names.registered().stream().filter(n -> n.equals(NAME) || n.equals(second)).toList());
    }

    @Test
    void undefinedAndNilAreBadarg() {
        assertThrows(IllegalArgumentException.class, () -> names.register(Atom.UNDEFINED, me.process()));
        assertThrows(IllegalArgumentException.class, () -> names.register(null, me.process()));
        assertNull(me.process().registeredName());
    }

    @Test
    void aDeadProcessIsBadarg() {
        Tuple spawned = me.spawnMonitor(self -> {});
        LocalProcess record = node.process((Pid) spawned.get(0));
        Await.down(me, (Ref) spawned.get(1));
        if (record != null) assertThrows(IllegalArgumentException.class, () -> names.register(NAME, record));
        assertThrows(IllegalArgumentException.class, () -> names.register(NAME, null));
        assertNull(names.whereis(NAME));
    }

    @Test
    void unregisteringAnUnregisteredNameIsBadarg() {
        assertThrows(IllegalArgumentException.class, () -> names.unregister(NAME));
    }

    @Test
    void theNameGoesWithTheProcess() {
        Pid a = idle();
        names.register(NAME, node.process(a));
        Ref ref = me.monitor(a);
        me.exit(a, Atom.of("bye"));
        assertNull(names.whereis(NAME));
        assertFalse(names.registered().contains(NAME));
        assertThrows(IllegalArgumentException.class, () -> me.send(NAME, 1));
        assertThrows(IllegalArgumentException.class, () -> names.unregister(NAME));
        Await.down(me, ref);
        names.register(NAME, me.process());
        assertEquals(me.self(), names.whereisPid(NAME));
    }

    @Test
    void aNormalExitFreesTheNameToo() {
        Pid test = me.self();
        Tuple spawned = me.spawnMonitor(self -> {
            self.node().names().register(NAME, self.process());
            self.send(test, Atom.of("registered"));
            self.receive();
        });
        Await.receiveEqual(me, Atom.of("registered"));
        me.send(NAME, Atom.of("stop"));
        Await.down(me, (Ref) spawned.get(1));
        assertNull(names.whereis(NAME));
    }

    @Test
    void registrationsArePublished() {
        ConcurrentLinkedQueue<NodeEvent> seen = new ConcurrentLinkedQueue<>();
        Runnable unsubscribe = node.events().subscribe(e -> {
            if (e instanceof NodeEvent.Registered || e instanceof NodeEvent.Unregistered) seen.add(e);
        });
        try {
            names.register(NAME, me.process());
            names.unregister(NAME);
            Pid a = idle();
            names.register(NAME, node.process(a));
            me.exit(a, Atom.KILL);
        } finally {
            unsubscribe.run();
        }
        Pid a = ((NodeEvent.Registered) List.copyOf(seen).get(2)).pid();
        assertEquals(List.of(
                new NodeEvent.Registered(NameTable.LOCAL, NAME, me.self()),
                new NodeEvent.Unregistered(NameTable.LOCAL, NAME, me.self()),
                new NodeEvent.Registered(NameTable.LOCAL, NAME, a),
                new NodeEvent.Unregistered(NameTable.LOCAL, NAME, a)), List.copyOf(seen));
    }

    /**
     * A registration racing with the process's death: whichever wins, the dead process never
     * keeps the name, and another process can take it right away.
     */
    @Test
    void registerRacingWithDeathNeverLeavesTheNameToTheDead() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Pid target = idle();
            LocalProcess record = node.process(target);
            CountDownLatch go = new CountDownLatch(1);
            Thread killer = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                node.exit(null, target, Atom.KILL);
            });
            go.countDown();
            try {
                names.register(NAME, record);
            } catch (IllegalArgumentException lostTheRace) {
                // it was dead already: badarg
            }
            killer.join();
            assertNull(names.whereis(NAME), "round " + i);
            assertFalse(names.registered().contains(NAME), "round " + i);
            names.register(NAME, me.process());
            names.unregister(NAME);
        }
    }
}
