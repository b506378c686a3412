package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * A process in the middle of its exit (its ports closed, its links not yet signalled) is counted
 * by {@link Node#exitsInProgress()}: whoever waits for the node to settle (the shell between
 * scripted inputs) can tell that a supervisor has not heard of the exit yet.
 */
class ExitInProgressTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void anExitIsInProgressFromItsPortsUntilItsLinksHaveTheSignal() throws Exception {
        Node node = rt.node();
        ProcessContext self = rt.self();
        self.trapExit(true);
        CountDownLatch portClosing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Pid worker = self.spawnLink(me -> {
            me.process().onExitClosePort(reason -> {
                portClosing.countDown();
                Await.latch(letGo);
            });
        });
        Await.latch(portClosing);
        // The worker is gone from the tables, and its link has not been signalled yet.
        assertFalse(node.isAlive(worker));
        assertEquals(1, node.exitsInProgress());
        assertFalse(Await.hasQueued(self, m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3)));
        letGo.countDown();
        assertEquals(Atom.NORMAL, Await.exitFrom(self, worker));
        Await.until("the worker's exit processed", () -> node.exitsInProgress() == 0);
    }

    @Test
    void aKillCascadeCountsUntilItsLastSignalIsQueued() {
        Node node = rt.node();
        ProcessContext self = rt.self();
        self.trapExit(true);
        Pid test = self.self();
        Pid parent = self.spawnLink(me -> {
            me.spawnLink(child -> child.receive());
            me.send(test, Atom.of("ready"));
            me.receive();
        });
        Await.receiveEqual(self, Atom.of("ready"));
        self.exit(parent, Atom.KILL);
        // Process.exit/2 processes the whole cascade before it returns, as the shell's input does.
        assertEquals(0, node.exitsInProgress());
        assertTrue(Await.hasQueued(self, m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3)));
    }
}
