package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/** spawn, send and receive: arrival order, selective receive, {@code after} timeouts. */
class ReceiveTest {
    private Node node;
    private ProcessContext me;

    @BeforeEach
    void attach() {
        node = new Node();
        me = node.attach();
    }

    @AfterEach
    void detach() {
        node.detach();
        node.shutdown();
    }

    @Test
    void messagesFromOneSenderArriveInSendOrder() {
        Pid test = me.self();
        node.spawn(self -> {
            for (int i = 0; i < 1000; i++) self.send(test, i);
        });
        for (int i = 0; i < 1000; i++) assertEquals(i, Await.receive(me));
    }

    @Test
    void spawnedProcessRunsAndEndsNormally() {
        Pid test = me.self();
        Tuple spawned = me.spawnMonitor(self -> self.send(test, Tuple.of(Atom.of("hello"), self.self())));
        Pid pid = (Pid) spawned.get(0);
        assertEquals(Tuple.of(Atom.of("hello"), pid), Await.receive(me));
        assertEquals(Atom.NORMAL, Await.down(me, (Ref) spawned.get(1)));
        assertFalse(node.isAlive(pid));
    }

    @Test
    void selectiveReceiveKeepsSkippedMessagesInOrder() {
        for (String s : List.of("a", "b", "c", "d", "e")) me.send(me.self(), Atom.of(s));
        assertEquals(Atom.of("c"), me.receive(Atom.of("c")::equals, 0));
        assertEquals(Atom.of("e"), me.receive(Atom.of("e")::equals, 0));
        List<Object> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) rest.add(me.receive(0));
        assertEquals(List.of(Atom.of("a"), Atom.of("b"), Atom.of("d")), rest);
        assertSame(Mailbox.TIMEOUT, me.receive(0));
    }

    @Test
    void selectiveReceiveWaitsForALaterMatchAndKeepsEarlierOnes() {
        Pid test = me.self();
        Pid sender = node.spawn(self -> {
            self.send(test, 1);
            self.send(test, 2);
            self.receive(); // go
            self.send(test, 3);
            self.send(test, Atom.of("wanted"));
            self.send(test, 4);
        });
        assertEquals(1, Await.receiveEqual(me, 1)); // 1 and 2 are queued
        me.send(me.self(), 0); // after 2
        me.send(sender, Atom.of("go"));
        assertEquals(Atom.of("wanted"), Await.receiveEqual(me, Atom.of("wanted")));
        List<Object> rest = new ArrayList<>();
        for (int i = 0; i < 4; i++) rest.add(Await.receive(me));
        assertEquals(List.of(2, 0, 3, 4), rest);
    }

    @Test
    void receiveAfterTimesOutAndLeavesTheMailboxAsItWas() {
        me.send(me.self(), Atom.of("other"));
        assertSame(Mailbox.TIMEOUT, me.receive(Atom.of("never")::equals, 20));
        assertEquals(1, me.process().mailbox().size());
        assertEquals(Atom.of("other"), me.receive(0));
    }

    @Test
    void zeroTimeoutPolls() {
        assertSame(Mailbox.TIMEOUT, me.receive(0));
        me.send(me.self(), 42);
        assertEquals(42, me.receive(0));
        assertSame(Mailbox.TIMEOUT, me.receive(m -> true, 0));
    }

    @Test
    void aPatternThatThrowsLosesNoMessage() {
        me.send(me.self(), Atom.of("a"));
        me.send(me.self(), Atom.of("b"));
        assertThrows(IllegalStateException.class, () -> me.receive(m -> {
            throw new IllegalStateException("bad pattern");
        }, 0));
        assertEquals(Atom.of("a"), me.receive(0));
        assertEquals(Atom.of("b"), me.receive(0));
    }

    @Test
    void sendToAnUnregisteredNameIsAnArgumentError() {
        assertThrows(IllegalArgumentException.class, () -> me.send(Atom.of("nobody_here"), 1));
    }

    @Test
    void sendToADeadPidIsDroppedSilently() {
        Tuple spawned = me.spawnMonitor(self -> {});
        Pid pid = (Pid) spawned.get(0);
        Await.down(me, (Ref) spawned.get(1));
        assertEquals(Atom.of("hi"), me.send(pid, Atom.of("hi")));
    }

    @Test
    void strayInterruptOfAWaitingProcessNeitherKillsItNorLosesMessages() {
        Pid test = me.self();
        AtomicInteger received = new AtomicInteger();
        Pid pid = node.spawn(self -> {
            int expected = 0;
            while (true) {
                Object m = self.receive();
                if (m instanceof Integer i) {
                    if (i != expected) self.send(test, Tuple.of(Atom.of("out_of_order"), i, expected));
                    expected++;
                    received.incrementAndGet();
                } else if (Atom.of("count").equals(m)) {
                    self.send(test, Tuple.of(Atom.of("count"), expected));
                }
            }
        });
        LocalProcess p = node.process(pid);
        Await.until("the receiver parks", () -> p.status().equals(Atom.of("waiting")));
        node.spawn(self -> {
            for (int i = 0; i < 5000; i++) {
                self.send(pid, i);
                if (i % 7 == 0) p.thread().interrupt();
            }
        });
        Await.until("all messages handled", () -> received.get() == 5000);
        assertTrue(node.isAlive(pid));
        me.send(pid, Atom.of("count"));
        assertEquals(Tuple.of(Atom.of("count"), 5000), Await.receive(me));
        assertSame(Mailbox.TIMEOUT, me.receive(0), "no out_of_order report");
    }

    @Test
    void strayInterruptWhileParkedDoesNotMakeTheReceiverSpin() {
        Pid pid = node.spawn(self -> {
            self.receive(); // forever
        });
        Pid timed = node.spawn(self -> {
            self.receive(m -> false, 600_000);
        });
        for (Pid each : List.of(pid, timed)) {
            LocalProcess p = node.process(each);
            Await.until("parks", () -> p.status().equals(Atom.of("waiting")));
            for (int i = 0; i < 100; i++) p.thread().interrupt();
            // A spinning receiver would stay runnable; a parked one goes back to waiting.
            Await.until("parks again after stray interrupts", () -> p.status().equals(Atom.of("waiting"))
                    && p.thread().getState() != Thread.State.RUNNABLE);
            assertTrue(node.isAlive(each));
        }
    }

    /** Ping-pong: every receive parks and must be woken by the next send; a lost wake-up hangs. */
    @Test
    void pingPongLosesNoWakeUp() {
        Pid echo = node.spawn(self -> {
            while (true) {
                Tuple m = (Tuple) self.receive();
                self.send(m.get(0), m.get(1));
            }
        });
        for (int i = 0; i < 20_000; i++) {
            me.send(echo, Tuple.of(me.self(), i));
            assertEquals(i, Await.receive(me));
        }
    }

    /** Many concurrent senders: nothing lost, and each sender's messages arrive in its order. */
    @Test
    void concurrentSendersLoseNothingAndKeepTheirOrder() {
        int senders = 8;
        int each = 10_000;
        Pid test = me.self();
        Pid receiver = node.spawn(self -> {
            int[] next = new int[senders];
            for (int n = 0; n < senders * each; n++) {
                // alternate plain and selective receives, the latter with a timeout
                Tuple m = (Tuple) (n % 2 == 0 ? self.receive() : self.receive(x -> true, 60_000));
                int s = (Integer) m.get(0);
                int i = (Integer) m.get(1);
                if (i != next[s]) self.send(test, Tuple.of(Atom.of("out_of_order"), s, i, next[s]));
                next[s] = i + 1;
            }
            self.send(test, Atom.of("all_received"));
        });
        for (int s = 0; s < senders; s++) {
            int id = s;
            node.spawn(self -> {
                for (int i = 0; i < each; i++) self.send(receiver, Tuple.of(id, i));
            });
        }
        assertEquals(Atom.of("all_received"), Await.receive(me));
    }

    @Test
    void theProcessCountsReturnToTheirBaseline() {
        int before = node.processCount();
        List<Ref> refs = new ArrayList<>();
        for (int i = 0; i < 100; i++) refs.add((Ref) me.spawnMonitor(self -> {}).get(1));
        for (Ref r : refs) Await.down(me, r);
        assertEquals(before, node.processCount());
    }
}
