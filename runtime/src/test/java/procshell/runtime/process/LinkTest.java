package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * Links and exit signals, as {@code link/1}, {@code unlink/1}, {@code exit/2} and
 * {@code process_flag(:trap_exit, true)} behave on the BEAM.
 */
class LinkTest {
    private static final Atom BOOM = Atom.of("boom");
    private static final Atom GO = Atom.of("go");

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

    /** Spawns a process that waits for messages forever; returns its pid. */
    private Pid idle() {
        return node.spawn(self -> {
            while (true) self.receive();
        });
    }

    /** Spawns a process that exits with the reason it receives. */
    private Pid exitsWithWhatItReceives(ProcessContext linkTo) {
        return linkTo.spawnLink(self -> {
            throw new ExitException(self.receive());
        });
    }

    /**
     * Spawns {@code a}, which spawn-links {@code b} (exiting with whatever it receives) and then
     * waits; {@code a} traps exits if asked and forwards every message to the test.
     *
     * @return {@code [a, b]}
     */
    private Pid[] pair(boolean aTraps) {
        Pid test = me.self();
        node.spawn(self -> {
            self.trapExit(aTraps);
            Pid b = self.spawnLink(s -> {
                throw new ExitException(s.receive());
            });
            self.send(test, Tuple.of(Atom.of("pair"), self.self(), b));
            while (true) self.send(test, Tuple.of(Atom.of("got"), self.receive()));
        });
        Tuple t = (Tuple) Await.receive(me, m -> m instanceof Tuple p && p.isTagged(Atom.of("pair"), 3), "pair");
        return new Pid[] {(Pid) t.get(1), (Pid) t.get(2)};
    }

    @Test
    void abnormalExitKillsTheLinkedProcessWithTheSameReason() {
        Pid[] ab = pair(false);
        Ref ma = me.monitor(ab[0]);
        Ref mb = me.monitor(ab[1]);
        me.send(ab[1], BOOM);
        assertEquals(BOOM, Await.down(me, mb));
        assertEquals(BOOM, Await.down(me, ma));
        assertFalse(node.isAlive(ab[0]));
    }

    @Test
    void normalExitDoesNotKillANonTrappingLinkedProcess() {
        Pid[] ab = pair(false);
        Ref mb = me.monitor(ab[1]);
        me.send(ab[1], Atom.NORMAL);
        assertEquals(Atom.NORMAL, Await.down(me, mb));
        me.send(ab[0], Atom.of("ping"));
        assertEquals(Tuple.of(Atom.of("got"), Atom.of("ping")), Await.receive(me));
        assertTrue(node.isAlive(ab[0]));
        assertEquals(List.of(), node.process(ab[0]).links());
    }

    @Test
    void trapExitTurnsSignalsIntoMessages() {
        Pid[] ab = pair(true);
        me.send(ab[1], BOOM);
        assertEquals(Tuple.of(Atom.of("got"), Tuple.of(Atom.EXIT, ab[1], BOOM)), Await.receive(me));
        assertTrue(node.isAlive(ab[0]));
    }

    @Test
    void aTrappingProcessGetsNormalExitsOfLinkedProcessesToo() {
        me.trapExit(true);
        Pid b = exitsWithWhatItReceives(me);
        me.send(b, Atom.NORMAL);
        assertEquals(Atom.NORMAL, Await.exitFrom(me, b));
    }

    @Test
    void killIsUntrappableAndArrivesAsKilledToLinks() {
        me.trapExit(true);
        Pid test = me.self();
        // a traps exits and is linked to the test (trapping) and to c (not trapping).
        Pid a = me.spawnLink(self -> {
            self.trapExit(true);
            Pid c = self.spawnLink(s -> {
                while (true) s.receive();
            });
            self.send(test, Tuple.of(Atom.of("c"), c));
            while (true) self.receive();
        });
        Pid c = (Pid) ((Tuple) Await.receive(me, m -> m instanceof Tuple t && t.isTagged(Atom.of("c"), 2), "c")).get(1);
        Ref mc = me.monitor(c);
        me.exit(a, Atom.KILL);
        assertFalse(node.isAlive(a));
        assertEquals(Atom.KILLED, Await.exitFrom(me, a));
        assertEquals(Atom.KILLED, Await.down(me, mc));
    }

    @Test
    void exitOfOwnReasonKillIsAnOrdinaryReasonForLinks() {
        me.trapExit(true);
        Pid b = exitsWithWhatItReceives(me);
        me.send(b, Atom.KILL); // exit(:kill) inside b: links see :kill, not :killed
        assertEquals(Atom.KILL, Await.exitFrom(me, b));
    }

    @Test
    void exitNormalToAnotherNonTrappingProcessIsIgnored() {
        Pid a = idle();
        me.exit(a, Atom.NORMAL);
        Ref ref = me.monitor(a); // a monitor queued after the signal: the signal has been handled
        assertTrue(node.isAlive(a));
        me.exit(a, Atom.KILL);
        assertEquals(Atom.KILLED, Await.down(me, ref));
    }

    @Test
    void exitNormalToATrappingProcessArrivesAsAMessage() {
        Pid test = me.self();
        Pid a = node.spawn(self -> {
            self.trapExit(true);
            self.send(test, GO);
            self.send(test, self.receive());
        });
        Await.receiveEqual(me, GO);
        me.exit(a, Atom.NORMAL);
        assertEquals(Tuple.of(Atom.EXIT, me.self(), Atom.NORMAL), Await.receive(me));
    }

    @Test
    void exitSelfNormalEndsTheCallerAndDoesNotReturn() {
        ConcurrentLinkedQueue<String> after = new ConcurrentLinkedQueue<>();
        Tuple spawned = me.spawnMonitor(self -> {
            self.exit(self.self(), Atom.NORMAL);
            after.add("returned");
        });
        assertEquals(Atom.NORMAL, Await.down(me, (Ref) spawned.get(1)));
        assertEquals(List.of(), List.copyOf(after));
    }

    @Test
    void exitSelfKillEndsTheCallerWithKilled() {
        ConcurrentLinkedQueue<String> after = new ConcurrentLinkedQueue<>();
        Tuple spawned = me.spawnMonitor(self -> {
            self.trapExit(true);
            self.exit(self.self(), Atom.KILL);
            after.add("returned");
        });
        assertEquals(Atom.KILLED, Await.down(me, (Ref) spawned.get(1)));
        assertEquals(List.of(), List.copyOf(after));
    }

    @Test
    void exitWithAnyOtherReasonKillsANonTrappingProcess() {
        Pid a = idle();
        Ref ref = me.monitor(a);
        me.exit(a, BOOM);
        assertFalse(node.isAlive(a));
        assertEquals(BOOM, Await.down(me, ref));
    }

    @Test
    void linkToADeadPidRaisesNoprocWhenNotTrapping() {
        Tuple spawned = me.spawnMonitor(self -> {});
        Pid dead = (Pid) spawned.get(0);
        Await.down(me, (Ref) spawned.get(1));
        ErlangError e = assertThrows(ErlangError.class, () -> me.link(dead));
        assertEquals(Atom.NOPROC, e.reason());
        assertTrue(me.process().isAlive());
    }

    @Test
    void linkToADeadPidSendsAnExitMessageWhenTrapping() {
        Tuple spawned = me.spawnMonitor(self -> {});
        Pid dead = (Pid) spawned.get(0);
        Await.down(me, (Ref) spawned.get(1));
        me.trapExit(true);
        me.link(dead);
        assertEquals(Tuple.of(Atom.EXIT, dead, Atom.NOPROC), me.receive(0));
    }

    @Test
    void linkIsSymmetricAndIdempotent() {
        Pid a = idle();
        me.link(a);
        me.link(a);
        me.link(me.self());
        assertEquals(List.of(a), me.process().links());
        assertEquals(List.of(me.self()), node.process(a).links());
    }

    @Test
    void unlinkRemovesTheLinkBothWays() {
        Pid a = idle();
        me.link(a);
        me.unlink(a);
        assertEquals(List.of(), me.process().links());
        assertEquals(List.of(), node.process(a).links());
        Ref ref = me.monitor(a);
        me.exit(a, BOOM);
        assertEquals(BOOM, Await.down(me, ref));
        assertTrue(me.process().isAlive());
        me.unlink(a); // unlinking a dead pid is fine
    }

    @Test
    void deathRemovesTheLinkFromTheSurvivor() {
        me.trapExit(true);
        Pid b = exitsWithWhatItReceives(me);
        me.send(b, BOOM);
        Await.exitFrom(me, b);
        assertEquals(List.of(), me.process().links());
    }

    /** 10,000 processes linked in a chain all die from one exit, without deep recursion. */
    @Test
    void aLongChainOfLinksCascades() {
        int n = 10_000;
        me.trapExit(true);
        Pid test = me.self();
        Pid first = me.spawnLink(new ChainLink(n - 1, test));
        List<Pid> chain = new ArrayList<>();
        chain.add(first);
        for (int i = 0; i < n - 1; i++) {
            chain.add((Pid) ((Tuple) Await.receive(me, m -> m instanceof Tuple t && t.isTagged(Atom.of("link"), 2), "link")).get(1));
        }
        Pid last = chain.get(n - 1);
        int before = node.processCount();
        me.exit(last, BOOM);
        assertEquals(BOOM, Await.exitFrom(me, first));
        for (Pid p : chain) assertFalse(node.isAlive(p), p + " survived");
        assertEquals(before - n, node.processCount());
    }

    private record ChainLink(int remaining, Pid test) implements ProcessBody {
        @Override
        public void run(ProcessContext self) {
            if (remaining > 0) {
                Pid next = self.spawnLink(new ChainLink(remaining - 1, test));
                self.send(test, Tuple.of(Atom.of("link"), next));
            }
            while (true) self.receive();
        }
    }

    /**
     * Linking while the other process is being killed: whatever the interleaving, the linker ends
     * with exactly one EXIT message for it (its real reason or {@code :noproc}) and no link to a
     * dead process.
     */
    @Test
    void linkRacingWithDeathLeavesNoStaleLink() throws Exception {
        me.trapExit(true);
        for (int i = 0; i < 2000; i++) {
            Pid target = idle();
            CountDownLatch go = new CountDownLatch(1);
            Thread killer = Thread.ofPlatform().start(() -> {
                await(go);
                node.exit(null, target, Atom.KILL);
            });
            go.countDown();
            me.link(target);
            killer.join();
            Object reason = Await.exitFrom(me, target);
            assertTrue(Atom.KILLED.equals(reason) || Atom.NOPROC.equals(reason), "reason " + reason);
            assertEquals(List.of(), me.process().links(), "stale link after round " + i);
            assertSame(Mailbox.TIMEOUT, me.receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && target.equals(t.get(1)), 0),
                    "a second EXIT for " + target);
        }
    }

    /**
     * {@code unlink/1} racing with an exit still in flight: {@code t} is dead already, but its
     * signal to us is still queued on the killing thread (held there by a listener). Once unlink
     * has returned, the link has no effect: we neither die nor, when trapping, get an EXIT.
     */
    @Test
    void unlinkWinsOverALinkSignalStillInFlight() throws Exception {
        for (boolean trapping : new boolean[] {false, true}) {
            me.trapExit(trapping);
            Pid t = idle();
            Pid a = idle();
            me.link(t);
            node.process(a).link(node.process(t));
            CountDownLatch tDead = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            Runnable unsubscribe = node.events().subscribe(e -> {
                if (e instanceof procshell.runtime.event.NodeEvent.Exited x && x.pid().equals(t)) {
                    tDead.countDown();
                    await(go);
                }
            });
            try {
                Thread killer = Thread.ofPlatform().start(() -> node.exit(null, a, Atom.KILL));
                await(tDead); // t is dead; its signal to us waits on the killer's thread
                assertFalse(node.isAlive(t));
                me.unlink(t);
                go.countDown();
                killer.join();
            } finally {
                unsubscribe.run();
            }
            assertTrue(me.process().isAlive(), "killed by a link removed before");
            assertSame(Mailbox.TIMEOUT, me.receive(m -> m instanceof Tuple x && x.isTagged(Atom.EXIT, 3), 0));
            assertEquals(List.of(), me.process().links());
        }
    }

    /** A broken event listener (one that throws, even an Error) cannot stop exits from spreading. */
    @Test
    void aThrowingListenerDoesNotStopACascade() {
        Pid a = idle();
        Pid b = idle();
        Pid c = idle();
        node.process(a).link(node.process(b));
        node.process(a).link(node.process(c));
        Runnable unsubscribe = node.events().subscribe(e -> {
            throw new AssertionError("broken listener");
        });
        try {
            me.exit(a, BOOM);
        } finally {
            unsubscribe.run();
        }
        assertFalse(node.isAlive(a));
        assertFalse(node.isAlive(b));
        assertFalse(node.isAlive(c));
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
