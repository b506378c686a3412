package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.registry.Registry;

/**
 * Processes stuck in a CPU loop that never calls the runtime and swallows interrupts: killed, they
 * are dead for everyone at once (name, links, monitors, registry entries), and as many of them as
 * the machine has cores do not stop the other processes from running (virtual threads are not
 * preempted; see {@link Carriers}).
 */
class RunawayProcessTest {
    private static final Atom SPINNER = Atom.of("spinner");

    @RegisterExtension
    final TestNode rt = new TestNode();

    /** Lets the loops end after the test: Java cannot stop them, and they would burn the test JVM's CPU. */
    private final AtomicBoolean spinning = new AtomicBoolean(true);
    private final AtomicInteger spinners = new AtomicInteger();

    @AfterEach
    void stopTheLoops() {
        spinning.set(false);
    }

    /** Loops until the test ends, clearing every interrupt (a kill's included) and calling nothing of the runtime. */
    private void spin(ProcessContext self) {
        spinners.incrementAndGet();
        long turns = 0;
        while (spinning.get()) {
            turns++;
            Thread.interrupted();
        }
        assertTrue(turns >= 0);
    }

    private Pid spawnSpinners(int n) {
        Pid last = null;
        for (int i = 0; i < n; i++) last = rt.node().spawn(this::spin);
        Await.until(n + " loops running", () -> spinners.get() == n);
        return last;
    }

    @Test
    void asManyLoopsAsCoresLeaveTheOtherProcessesRunning() {
        spawnSpinners(Runtime.getRuntime().availableProcessors());
        Pid echo = rt.node().spawn(self -> {
            Tuple m = (Tuple) self.receive();
            self.send(m.get(0), Tuple.of(Atom.of("echo"), m.get(1)));
        });
        rt.self().send(echo, Tuple.of(rt.pid(), 1));
        assertEquals(Tuple.of(Atom.of("echo"), 1), Await.receive(rt.self()));
    }

    @Test
    void aKilledLoopIsDeadForEveryoneAtOnce() {
        Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), Atom.module("Runaway"))));
        Pid loop = rt.node().spawn(self -> {
            Registry.register(Atom.module("Runaway"), "key", null);
            self.node().names().register(SPINNER, self.process());
            spin(self);
        });
        Await.until("the loop registered and running", () -> spinners.get() == 1);
        rt.self().trapExit(true);
        rt.self().link(loop);
        Ref mon = rt.self().monitor(loop);
        assertEquals(List.of(Tuple.of(loop, null)), Registry.lookup(Atom.module("Runaway"), "key"));

        rt.kill(loop);

        assertFalse(rt.node().isAlive(loop), "dead once exit/2 returned");
        assertNull(rt.node().whereis(SPINNER), "its name is free");
        assertEquals(Atom.KILLED, Await.down(rt.self(), mon));
        assertEquals(Atom.KILLED, Await.exitFrom(rt.self(), loop));
        assertFalse(rt.self().process().links().contains(loop));
        // The partition removes the entry when it handles the loop's EXIT, queued by the kill.
        Pid partition = rt.node().whereis(Atom.module("Runaway.PIDPartition0"));
        assertEquals(Atom.OK, GenServer.call(partition, Atom.of("sync")));
        assertEquals(List.of(), Registry.lookup(Atom.module("Runaway"), "key"));
        // The thread still runs (nothing can stop it), and the node does not wait for it.
        assertInstanceOf(Pid.class, rt.node().spawn(self -> {}));
    }
}
