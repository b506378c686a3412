package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * {@code receive ... after} deadlines kept by {@link ReceiveTimer}: each wait times out once its
 * deadline passes, whatever other waits with longer or shorter deadlines come and go meanwhile.
 */
class ReceiveTimerTest {
    private static final Atom TIMED_OUT = Atom.of("timed_out");
    private static final Atom GOT = Atom.of("got");

    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void aShortTimeoutFiresWhileALongerWaitIsPending() {
        ProcessContext self = rt.self();
        Pid test = self.self();
        // The timer first sleeps towards this wait's deadline (30 s, beyond the test's own
        // deadline of 20 s), then must wake earlier for the short one.
        Pid longWait = self.spawn(me -> {
            Object m = me.receive(x -> true, 30_000);
            me.send(test, Tuple.of(GOT, m));
        });
        self.spawn(me -> {
            me.send(test, Atom.of("short_waiting"));
            if (me.receive(x -> true, 20) == Mailbox.TIMEOUT) me.send(test, TIMED_OUT);
        });
        Await.receiveEqual(self, Atom.of("short_waiting"));
        Await.receiveEqual(self, TIMED_OUT);
        self.send(longWait, Atom.of("hello"));
        assertEquals(Tuple.of(GOT, Atom.of("hello")), Await.receive(self, m -> m instanceof Tuple t && t.isTagged(GOT, 2), "got"));
    }

    @Test
    void everyWaitTimesOutWhileOthersAreAnsweredAndCancelled() {
        ProcessContext self = rt.self();
        Pid test = self.self();
        int waiters = 200;
        for (int i = 0; i < waiters; i++) {
            int id = i;
            long timeout = 1 + i % 37;
            self.spawn(me -> {
                if (me.receive(x -> true, timeout) == Mailbox.TIMEOUT) me.send(test, Tuple.of(TIMED_OUT, id));
            });
        }
        // Meanwhile many waits with long deadlines that end early, by a message: they leave the
        // timer without firing and must not disturb the short ones.
        Pid echo = self.spawn(me -> {
            while (true) {
                Object m = me.receive();
                me.send((Pid) m, Atom.OK);
            }
        });
        for (int i = 0; i < 2_000; i++) {
            self.send(echo, test);
            assertEquals(Atom.OK, self.receive(Atom.OK::equals, 10_000));
        }
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < waiters; i++) {
            ids.add(((Tuple) Await.receive(self, m -> m instanceof Tuple t && t.isTagged(TIMED_OUT, 2), "a timeout")).get(1));
        }
        assertEquals(waiters, ids.size());
    }
}
