package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/** spawn, send and receive: arrival order, selective receive, {@code after} timeouts. */
class ReceiveTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void messagesFromOneSenderArriveInSendOrder() {
        Pid test = rt.pid();
        rt.node().spawn(self -> {
            for (int i = 0; i < 1000; i++) self.send(test, i);
        });
        for (int i = 0; i < 1000; i++) assertEquals(i, Await.receive(rt.self()));
    }

    @Test
    void spawnedProcessRunsAndEndsNormally() {
        Pid test = rt.pid();
        Tuple spawned = rt.self().spawnMonitor(self -> self.send(test, Tuple.of(Atom.of("hello"), self.self())));
        Pid pid = (Pid) spawned.get(0);
        assertEquals(Tuple.of(Atom.of("hello"), pid), Await.receive(rt.self()));
        assertEquals(Atom.NORMAL, Await.down(rt.self(), (Ref) spawned.get(1)));
        assertFalse(rt.node().isAlive(pid));
    }

    @Test
    void selectiveReceiveKeepsSkippedMessagesInOrder() {
        for (String s : List.of("a", "b", "c", "d", "e")) rt.self().send(rt.pid(), Atom.of(s));
        assertEquals(Atom.of("c"), rt.self().receive(Atom.of("c")::equals, 0));
        assertEquals(Atom.of("e"), rt.self().receive(Atom.of("e")::equals, 0));
        List<Object> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) rest.add(rt.self().receive(0));
        assertEquals(List.of(Atom.of("a"), Atom.of("b"), Atom.of("d")), rest);
        assertSame(Mailbox.TIMEOUT, rt.self().receive(0));
    }

    @Test
    void selectiveReceiveWaitsForALaterMatchAndKeepsEarlierOnes() {
        Pid test = rt.pid();
        Pid sender = rt.node().spawn(self -> {
            self.send(test, 1);
            self.send(test, 2);
            self.send(test, Atom.of("queued"));
            self.receive(); // go
            self.send(test, 3);
            self.send(test, Atom.of("wanted"));
            self.send(test, 4);
        });
        // once :queued is here, 1 and 2 are (one sender's messages arrive in order); they stay, in order
        assertEquals(Atom.of("queued"), Await.receiveEqual(rt.self(), Atom.of("queued")));
        rt.self().send(rt.pid(), 0); // after 2
        rt.self().send(sender, Atom.of("go"));
        assertEquals(Atom.of("wanted"), Await.receiveEqual(rt.self(), Atom.of("wanted")));
        List<Object> rest = new ArrayList<>();
        for (int i = 0; i < 5; i++) rest.add(Await.receive(rt.self()));
        assertEquals(List.of(1, 2, 0, 3, 4), rest);
    }

    @Test
    void receiveAfterTimesOutAndLeavesTheMailboxAsItWas() {
        rt.self().send(rt.pid(), Atom.of("other"));
        assertSame(Mailbox.TIMEOUT, rt.self().receive(Atom.of("never")::equals, 20));
        assertEquals(1, rt.self().process().mailbox().size());
        assertEquals(Atom.of("other"), rt.self().receive(0));
    }

    @Test
    void zeroTimeoutPolls() {
        assertSame(Mailbox.TIMEOUT, rt.self().receive(0));
        rt.self().send(rt.pid(), 42);
        assertEquals(42, rt.self().receive(0));
        assertSame(Mailbox.TIMEOUT, rt.self().receive(m -> true, 0));
    }

    @Test
    void aPatternThatThrowsLosesNoMessage() {
        rt.self().send(rt.pid(), Atom.of("a"));
        rt.self().send(rt.pid(), Atom.of("b"));
        assertThrows(IllegalStateException.class, () -> rt.self().receive(m -> {
            throw new IllegalStateException("bad pattern");
        }, 0));
        assertEquals(Atom.of("a"), rt.self().receive(0));
        assertEquals(Atom.of("b"), rt.self().receive(0));
    }

    @Test
    void sendToAnUnregisteredNameIsAnArgumentError() {
        assertThrows(IllegalArgumentException.class, () -> rt.self().send(Atom.of("nobody_here"), 1));
    }

    @Test
    void sendToADeadPidIsDroppedSilently() {
        Pid pid = rt.deadPid();
        assertEquals(Atom.of("hi"), rt.self().send(pid, Atom.of("hi")));
    }

    @Test
    void strayInterruptOfAWaitingProcessNeitherKillsItNorLosesMessages() {
        Pid test = rt.pid();
        AtomicInteger received = new AtomicInteger();
        Pid pid = rt.node().spawn(self -> {
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
        LocalProcess p = rt.node().process(pid);
        Await.until("the receiver parks", () -> p.status().equals(Atom.of("waiting")));
        rt.node().spawn(self -> {
            for (int i = 0; i < 5000; i++) {
                self.send(pid, i);
                if (i % 7 == 0) p.thread().interrupt();
            }
        });
        Await.until("all messages handled", () -> received.get() == 5000);
        assertTrue(rt.node().isAlive(pid));
        rt.self().send(pid, Atom.of("count"));
        assertEquals(Tuple.of(Atom.of("count"), 5000), Await.receive(rt.self()));
        assertSame(Mailbox.TIMEOUT, rt.self().receive(0), "no out_of_order report");
    }

    @Test
    void strayInterruptWhileParkedDoesNotMakeTheReceiverSpin() {
        Pid pid = rt.node().spawn(self -> {
            self.receive(); // forever
        });
        Pid timed = rt.node().spawn(self -> {
            self.receive(m -> false, 600_000);
        });
        for (Pid each : List.of(pid, timed)) {
            LocalProcess p = rt.node().process(each);
            Await.until("parks", () -> p.status().equals(Atom.of("waiting")));
            for (int i = 0; i < 100; i++) p.thread().interrupt();
            // A spinning receiver would stay runnable; a parked one goes back to waiting.
            Await.until("parks again after stray interrupts", () -> p.status().equals(Atom.of("waiting"))
                    && p.thread().getState() != Thread.State.RUNNABLE);
            assertTrue(rt.node().isAlive(each));
        }
    }

    /** Ping-pong: every receive parks and must be woken by the next send; a lost wake-up hangs. */
    @Test
    void pingPongLosesNoWakeUp() {
        Pid echo = rt.node().spawn(self -> {
            while (true) {
                Tuple m = (Tuple) self.receive();
                self.send(m.get(0), m.get(1));
            }
        });
        for (int i = 0; i < 20_000; i++) {
            rt.self().send(echo, Tuple.of(rt.pid(), i));
            assertEquals(i, Await.receive(rt.self()));
        }
    }

    /** Many concurrent senders: nothing lost, and each sender's messages arrive in its order. */
    @Test
    void concurrentSendersLoseNothingAndKeepTheirOrder() {
        int senders = 8;
        int each = 10_000;
        Pid test = rt.pid();
        Pid receiver = rt.node().spawn(self -> {
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
            rt.node().spawn(self -> {
                for (int i = 0; i < each; i++) self.send(receiver, Tuple.of(id, i));
            });
        }
        assertEquals(Atom.of("all_received"), Await.receive(rt.self()));
    }

    @Test
    void theProcessCountsReturnToTheirBaseline() {
        int before = rt.node().processCount();
        List<Ref> refs = new ArrayList<>();
        for (int i = 0; i < 100; i++) refs.add((Ref) rt.self().spawnMonitor(self -> {}).get(1));
        for (Ref r : refs) Await.down(rt.self(), r);
        assertEquals(before, rt.node().processCount());
    }
}
