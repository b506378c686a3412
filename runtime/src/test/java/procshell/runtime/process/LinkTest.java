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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
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

    @RegisterExtension
    final TestNode rt = new TestNode();

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
        Pid test = rt.pid();
        rt.node().spawn(self -> {
            self.trapExit(aTraps);
            Pid b = self.spawnLink(s -> {
                throw new ExitException(s.receive());
            });
            self.send(test, Tuple.of(Atom.of("pair"), self.self(), b));
            while (true) self.send(test, Tuple.of(Atom.of("got"), self.receive()));
        });
        Tuple t = (Tuple) Await.receive(rt.self(), m -> m instanceof Tuple p && p.isTagged(Atom.of("pair"), 3), "pair");
        return new Pid[] {(Pid) t.get(1), (Pid) t.get(2)};
    }

    @Test
    void abnormalExitKillsTheLinkedProcessWithTheSameReason() {
        Pid[] ab = pair(false);
        Ref ma = rt.self().monitor(ab[0]);
        Ref mb = rt.self().monitor(ab[1]);
        rt.self().send(ab[1], BOOM);
        assertEquals(BOOM, Await.down(rt.self(), mb));
        assertEquals(BOOM, Await.down(rt.self(), ma));
        assertFalse(rt.node().isAlive(ab[0]));
    }

    @Test
    void normalExitDoesNotKillANonTrappingLinkedProcess() {
        Pid[] ab = pair(false);
        Ref mb = rt.self().monitor(ab[1]);
        rt.self().send(ab[1], Atom.NORMAL);
        assertEquals(Atom.NORMAL, Await.down(rt.self(), mb));
        rt.self().send(ab[0], Atom.of("ping"));
        assertEquals(Tuple.of(Atom.of("got"), Atom.of("ping")), Await.receive(rt.self()));
        assertTrue(rt.node().isAlive(ab[0]));
        assertEquals(List.of(), rt.node().process(ab[0]).links());
    }

    @Test
    void trapExitTurnsSignalsIntoMessages() {
        Pid[] ab = pair(true);
        rt.self().send(ab[1], BOOM);
        assertEquals(Tuple.of(Atom.of("got"), Tuple.of(Atom.EXIT, ab[1], BOOM)), Await.receive(rt.self()));
        assertTrue(rt.node().isAlive(ab[0]));
    }

    @Test
    void aTrappingProcessGetsNormalExitsOfLinkedProcessesToo() {
        rt.self().trapExit(true);
        Pid b = exitsWithWhatItReceives(rt.self());
        rt.self().send(b, Atom.NORMAL);
        assertEquals(Atom.NORMAL, Await.exitFrom(rt.self(), b));
    }

    @Test
    void killIsUntrappableAndArrivesAsKilledToLinks() {
        rt.self().trapExit(true);
        Pid test = rt.pid();
        // a traps exits and is linked to the test (trapping) and to c (not trapping).
        Pid a = rt.self().spawnLink(self -> {
            self.trapExit(true);
            Pid c = self.spawnLink(s -> {
                while (true) s.receive();
            });
            self.send(test, Tuple.of(Atom.of("c"), c));
            while (true) self.receive();
        });
        Pid c = (Pid) ((Tuple) Await.receive(rt.self(), m -> m instanceof Tuple t && t.isTagged(Atom.of("c"), 2), "c")).get(1);
        Ref mc = rt.self().monitor(c);
        rt.self().exit(a, Atom.KILL);
        assertFalse(rt.node().isAlive(a));
        assertEquals(Atom.KILLED, Await.exitFrom(rt.self(), a));
        assertEquals(Atom.KILLED, Await.down(rt.self(), mc));
    }

    @Test
    void exitOfOwnReasonKillIsAnOrdinaryReasonForLinks() {
        rt.self().trapExit(true);
        Pid b = exitsWithWhatItReceives(rt.self());
        rt.self().send(b, Atom.KILL); // exit(:kill) inside b: links see :kill, not :killed
        assertEquals(Atom.KILL, Await.exitFrom(rt.self(), b));
    }

    @Test
    void exitNormalToAnotherNonTrappingProcessIsIgnored() {
        Pid a = rt.idle();
        rt.self().exit(a, Atom.NORMAL);
        Ref ref = rt.self().monitor(a); // a monitor queued after the signal: the signal has been handled
        assertTrue(rt.node().isAlive(a));
        rt.self().exit(a, Atom.KILL);
        assertEquals(Atom.KILLED, Await.down(rt.self(), ref));
    }

    @Test
    void exitNormalToATrappingProcessArrivesAsAMessage() {
        Pid test = rt.pid();
        Pid a = rt.node().spawn(self -> {
            self.trapExit(true);
            self.send(test, GO);
            self.send(test, self.receive());
        });
        Await.receiveEqual(rt.self(), GO);
        rt.self().exit(a, Atom.NORMAL);
        assertEquals(Tuple.of(Atom.EXIT, rt.pid(), Atom.NORMAL), Await.receive(rt.self()));
    }

    @Test
    void exitSelfNormalEndsTheCallerAndDoesNotReturn() {
        ConcurrentLinkedQueue<String> after = new ConcurrentLinkedQueue<>();
        Tuple spawned = rt.self().spawnMonitor(self -> {
            self.exit(self.self(), Atom.NORMAL);
            after.add("returned");
        });
        assertEquals(Atom.NORMAL, Await.down(rt.self(), (Ref) spawned.get(1)));
        assertEquals(List.of(), List.copyOf(after));
    }

    @Test
    void exitSelfKillEndsTheCallerWithKilled() {
        ConcurrentLinkedQueue<String> after = new ConcurrentLinkedQueue<>();
        Tuple spawned = rt.self().spawnMonitor(self -> {
            self.trapExit(true);
            self.exit(self.self(), Atom.KILL);
            after.add("returned");
        });
        assertEquals(Atom.KILLED, Await.down(rt.self(), (Ref) spawned.get(1)));
        assertEquals(List.of(), List.copyOf(after));
    }

    @Test
    void exitWithAnyOtherReasonKillsANonTrappingProcess() {
        Pid a = rt.idle();
        Ref ref = rt.self().monitor(a);
        rt.self().exit(a, BOOM);
        assertFalse(rt.node().isAlive(a));
        assertEquals(BOOM, Await.down(rt.self(), ref));
    }

    @Test
    void linkToADeadPidRaisesNoprocWhenNotTrapping() {
        Pid dead = rt.deadPid();
        ErlangError e = assertThrows(ErlangError.class, () -> rt.self().link(dead));
        assertEquals(Atom.NOPROC, e.reason());
        assertTrue(rt.self().process().isAlive());
    }

    @Test
    void linkToADeadPidSendsAnExitMessageWhenTrapping() {
        Pid dead = rt.deadPid();
        rt.self().trapExit(true);
        rt.self().link(dead);
        assertEquals(Tuple.of(Atom.EXIT, dead, Atom.NOPROC), rt.self().receive(0));
    }

    @Test
    void linkIsSymmetricAndIdempotent() {
        Pid a = rt.idle();
        rt.self().link(a);
        rt.self().link(a);
        rt.self().link(rt.pid());
        assertEquals(List.of(a), rt.self().process().links());
        assertEquals(List.of(rt.pid()), rt.node().process(a).links());
    }

    @Test
    void unlinkRemovesTheLinkBothWays() {
        Pid a = rt.idle();
        rt.self().link(a);
        rt.self().unlink(a);
        assertEquals(List.of(), rt.self().process().links());
        assertEquals(List.of(), rt.node().process(a).links());
        Ref ref = rt.self().monitor(a);
        rt.self().exit(a, BOOM);
        assertEquals(BOOM, Await.down(rt.self(), ref));
        assertTrue(rt.self().process().isAlive());
        rt.self().unlink(a); // unlinking a dead pid is fine
    }

    @Test
    void deathRemovesTheLinkFromTheSurvivor() {
        rt.self().trapExit(true);
        Pid b = exitsWithWhatItReceives(rt.self());
        rt.self().send(b, BOOM);
        Await.exitFrom(rt.self(), b);
        assertEquals(List.of(), rt.self().process().links());
    }

    /** 10,000 processes linked in a chain all die from one exit, without deep recursion. */
    @Test
    void aLongChainOfLinksCascades() {
        int n = 10_000;
        rt.self().trapExit(true);
        Pid test = rt.pid();
        Pid first = rt.self().spawnLink(new ChainLink(n - 1, test));
        List<Pid> chain = new ArrayList<>();
        chain.add(first);
        for (int i = 0; i < n - 1; i++) {
            chain.add((Pid) ((Tuple) Await.receive(rt.self(), m -> m instanceof Tuple t && t.isTagged(Atom.of("link"), 2), "link")).get(1));
        }
        Pid last = chain.get(n - 1);
        int before = rt.node().processCount();
        rt.self().exit(last, BOOM);
        assertEquals(BOOM, Await.exitFrom(rt.self(), first));
        for (Pid p : chain) assertFalse(rt.node().isAlive(p), p + " survived");
        assertEquals(before - n, rt.node().processCount());
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
        rt.self().trapExit(true);
        for (int i = 0; i < 2000; i++) {
            Pid target = rt.idle();
            Thread killer = rt.killFromAnotherThread(target);
            rt.self().link(target);
            killer.join();
            Object reason = Await.exitFrom(rt.self(), target);
            assertTrue(Atom.KILLED.equals(reason) || Atom.NOPROC.equals(reason), "reason " + reason);
            assertEquals(List.of(), rt.self().process().links(), "stale link after round " + i);
            assertSame(Mailbox.TIMEOUT, rt.self().receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && target.equals(t.get(1)), 0),
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
            rt.self().trapExit(trapping);
            Pid t = rt.idle();
            Pid a = rt.idle();
            rt.self().link(t);
            rt.node().process(a).link(rt.node().process(t));
            CountDownLatch tDead = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            Runnable unsubscribe = rt.node().events().subscribe(e -> {
                if (e instanceof procshell.runtime.event.NodeEvent.Exited x && x.pid().equals(t)) {
                    tDead.countDown();
                    Await.latch(go);
                }
            });
            try {
                Thread killer = Thread.ofPlatform().start(() -> rt.node().exit(null, a, Atom.KILL));
                Await.latch(tDead); // t is dead; its signal to us waits on the killer's thread
                assertFalse(rt.node().isAlive(t));
                rt.self().unlink(t);
                go.countDown();
                killer.join();
            } finally {
                unsubscribe.run();
            }
            assertTrue(rt.self().process().isAlive(), "killed by a link removed before");
            assertSame(Mailbox.TIMEOUT, rt.self().receive(m -> m instanceof Tuple x && x.isTagged(Atom.EXIT, 3), 0));
            assertEquals(List.of(), rt.self().process().links());
        }
    }

    /** A broken event listener (one that throws, even an Error) cannot stop exits from spreading. */
    @Test
    void aThrowingListenerDoesNotStopACascade() {
        Pid a = rt.idle();
        Pid b = rt.idle();
        Pid c = rt.idle();
        rt.node().process(a).link(rt.node().process(b));
        rt.node().process(a).link(rt.node().process(c));
        Runnable unsubscribe = rt.node().events().subscribe(e -> {
            throw new AssertionError("broken listener");
        });
        try {
            rt.self().exit(a, BOOM);
        } finally {
            unsubscribe.run();
        }
        assertFalse(rt.node().isAlive(a));
        assertFalse(rt.node().isAlive(b));
        assertFalse(rt.node().isAlive(c));
    }
}
