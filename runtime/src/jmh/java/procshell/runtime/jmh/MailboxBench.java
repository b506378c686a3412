package procshell.runtime.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * The mailbox's hot paths, single-threaded: a message in and out ({@code send} to self then
 * {@code receive}), and a selective receive that skips {@code queued} other messages to take the
 * one it wants (the others stay, in order).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MailboxBench {
    private static final Atom MSG = Atom.of("msg");
    private static final Atom WANTED = Atom.of("wanted");

    @Param({"0", "100"})
    int queued;

    Node node;
    ProcessContext self;
    Mailbox mailbox;

    @Setup
    public void setUp() {
        node = new Node();
        self = node.attach();
        mailbox = self.process().mailbox();
        for (int i = 0; i < queued; i++) mailbox.add(Tuple.of(MSG, i));
    }

    @TearDown
    public void tearDown() {
        node.detach();
        node.shutdown();
    }

    /** One message enqueued and dequeued (an empty mailbox before and after when queued = 0). */
    @Benchmark
    public Object enqueueDequeue() {
        if (queued > 0) return selectiveReceive();
        mailbox.add(MSG);
        return self.receive(0);
    }

    /** A selective receive that passes over {@code queued} messages to take the last one. */
    @Benchmark
    public Object selectiveReceive() {
        mailbox.add(WANTED);
        return self.receive(m -> m == WANTED, 0);
    }
}
