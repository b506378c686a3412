package procshell.runtime.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.LocalProcess;

/**
 * Local names, as {@code Process.register/2}, {@code unregister/1}, {@code whereis/1} and
 * {@code registered/0}; every {@code badarg} case of {@code erlang:register/2} is an
 * {@link IllegalArgumentException} (Elixir's ArgumentError).
 */
class NameTableTest {
    private static final Atom NAME = Atom.of("name_table_test");

    @RegisterExtension
    final TestNode rt = new TestNode();

    private NameTable names;

    @BeforeEach
    void setUp() {
        names = rt.node().names();
    }

    @Test
    void registerWhereisRegisteredUnregister() {
        names.register(NAME, rt.self().process());
        assertEquals(rt.pid(), names.whereisPid(NAME));
        assertEquals(rt.pid(), rt.node().whereis(NAME));
        assertEquals(NAME, rt.self().process().registeredName());
        assertTrue(names.registered().contains(NAME));
        rt.self().send(NAME, Atom.of("by_name"));
        assertEquals(Atom.of("by_name"), rt.self().receive(0));
        rt.self().send(Tuple.of(NAME, rt.node().name()), Atom.of("by_name_and_node"));
        assertEquals(Atom.of("by_name_and_node"), rt.self().receive(0));

        names.unregister(NAME);
        assertNull(names.whereis(NAME));
        assertNull(rt.self().process().registeredName());
        assertFalse(names.registered().contains(NAME));
        names.register(NAME, rt.self().process()); // may register again
        assertEquals(rt.pid(), names.whereisPid(NAME));
    }

    @Test
    void aTakenNameIsBadarg() {
        Pid other = rt.idle();
        names.register(NAME, rt.node().process(other));
        assertThrows(IllegalArgumentException.class, () -> names.register(NAME, rt.self().process()));
        assertEquals(other, names.whereisPid(NAME));
        assertNull(rt.self().process().registeredName());
    }

    @Test
    void registeringTheSameNameTwiceIsBadarg() {
        names.register(NAME, rt.self().process());
        assertThrows(IllegalArgumentException.class, () -> names.register(NAME, rt.self().process()));
        assertEquals(rt.pid(), names.whereisPid(NAME));
    }

    @Test
    void aProcessHasAtMostOneName() {
        names.register(NAME, rt.self().process());
        Atom second = Atom.of("second_name");
        assertThrows(IllegalArgumentException.class, () -> names.register(second, rt.self().process()));
        assertNull(names.whereis(second));
        assertEquals(List.of(NAME), names.registered().stream().filter(n -> n.equals(NAME) || n.equals(second)).toList());
    }

    @Test
    void undefinedAndNilAreBadarg() {
        assertThrows(IllegalArgumentException.class, () -> names.register(Atom.UNDEFINED, rt.self().process()));
        assertThrows(IllegalArgumentException.class, () -> names.register(null, rt.self().process()));
        assertNull(rt.self().process().registeredName());
    }

    @Test
    void aDeadProcessIsBadarg() {
        Tuple spawned = rt.self().spawnMonitor(self -> {});
        LocalProcess record = rt.node().process((Pid) spawned.get(0));
        Await.down(rt.self(), (Ref) spawned.get(1));
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
        Pid a = rt.idle();
        names.register(NAME, rt.node().process(a));
        Ref ref = rt.self().monitor(a);
        rt.self().exit(a, Atom.of("bye"));
        assertNull(names.whereis(NAME));
        assertFalse(names.registered().contains(NAME));
        assertThrows(IllegalArgumentException.class, () -> rt.self().send(NAME, 1));
        assertThrows(IllegalArgumentException.class, () -> names.unregister(NAME));
        Await.down(rt.self(), ref);
        names.register(NAME, rt.self().process());
        assertEquals(rt.pid(), names.whereisPid(NAME));
    }

    @Test
    void aNormalExitFreesTheNameToo() {
        Pid test = rt.pid();
        Tuple spawned = rt.self().spawnMonitor(self -> {
            self.node().names().register(NAME, self.process());
            self.send(test, Atom.of("registered"));
            self.receive();
        });
        Await.receiveEqual(rt.self(), Atom.of("registered"));
        rt.self().send(NAME, Atom.of("stop"));
        Await.down(rt.self(), (Ref) spawned.get(1));
        assertNull(names.whereis(NAME));
    }

    @Test
    void registrationsArePublished() {
        ConcurrentLinkedQueue<NodeEvent> seen = new ConcurrentLinkedQueue<>();
        Runnable unsubscribe = rt.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.Registered || e instanceof NodeEvent.Unregistered) seen.add(e);
        });
        try {
            names.register(NAME, rt.self().process());
            names.unregister(NAME);
            Pid a = rt.idle();
            names.register(NAME, rt.node().process(a));
            rt.self().exit(a, Atom.KILL);
        } finally {
            unsubscribe.run();
        }
        Pid a = ((NodeEvent.Registered) List.copyOf(seen).get(2)).pid();
        assertEquals(List.of(
                new NodeEvent.Registered(NameTable.LOCAL, NAME, rt.pid()),
                new NodeEvent.Unregistered(NameTable.LOCAL, NAME, rt.pid()),
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
            Pid target = rt.idle();
            LocalProcess record = rt.node().process(target);
            Thread killer = rt.killFromAnotherThread(target);
            try {
                names.register(NAME, record);
            } catch (IllegalArgumentException lostTheRace) {
                // it was dead already: badarg
            }
            killer.join();
            assertNull(names.whereis(NAME), "round " + i);
            assertFalse(names.registered().contains(NAME), "round " + i);
            names.register(NAME, rt.self().process());
            names.unregister(NAME);
        }
    }
}
