package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/** A value handed once to a waiting process: the first wins, a timeout or a kill ends the wait. */
class HandoffTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void theFirstValueWinsAndReachesTheWaiter() {
        Handoff h = new Handoff();
        rt.node().spawn(me -> {
            h.complete(Atom.of("first"));
            h.complete(Atom.of("second"));
        });
        assertEquals(Atom.of("first"), h.await(20_000, rt.self().process()));
        assertFalse(h.complete(Atom.of("third")));
        assertTrue(h.isDone());
    }

    @Test
    void aWaitTimesOutWithNull() {
        Handoff h = new Handoff();
        assertNull(h.await(20, rt.self().process()));
        assertFalse(h.isDone());
    }

    @Test
    void aKillEndsTheWait() throws InterruptedException {
        Handoff h = new Handoff();
        Pid waiter = rt.node().spawn(me -> h.await(-1, me.process()));
        Thread thread = rt.node().process(waiter).thread();
        Await.until("the waiter parks", () -> thread.getState() == Thread.State.WAITING);
        rt.self().exit(waiter, Atom.KILL);
        thread.join(Await.DEADLINE_MS);
        assertFalse(thread.isAlive(), "the killed waiter's thread has ended");
        assertFalse(h.isDone());
    }
}
