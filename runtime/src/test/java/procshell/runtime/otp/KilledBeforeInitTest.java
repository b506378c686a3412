package procshell.runtime.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;

/**
 * A GenServer killed between its spawn and its first instruction (a kill storm that kills what
 * {@code Process.list()} shows does that) never runs {@code init/1}: its starter gets
 * {@code {:error, :killed}}, as on the BEAM, instead of waiting for an answer that never comes.
 */
class KilledBeforeInitTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    private static final class Idle extends GenServer {
        @Override
        public Object init(Object arg) {
            return Tuple.of(Atom.OK, arg);
        }
    }

    @Test
    void itsStartFailsWithKilled() {
        Node node = rt.node();
        AtomicBoolean armed = new AtomicBoolean();
        // Spawned is published by the spawning thread before the new process's thread starts:
        // the kill lands before the server's code runs.
        node.events().subscribe(e -> {
            if (e instanceof NodeEvent.Spawned s && armed.compareAndSet(true, false)) node.exit(null, s.pid(), Atom.KILL);
        });
        Pid test = rt.pid();
        // The start runs in a process of its own, so that a hang fails the test instead of blocking it.
        rt.self().spawn(p -> {
            armed.set(true);
            p.send(test, Tuple.of(Atom.of("started"), GenServer.start(new Idle(), 1, StartOptions.DEFAULT)));
        });
        Tuple answer = (Tuple) Await.receive(rt.self(), m -> m instanceof Tuple t && t.isTagged(Atom.of("started"), 2), "start's answer");
        assertEquals(Tuple.of(Atom.ERROR, Atom.KILLED), answer.get(1));
    }
}
