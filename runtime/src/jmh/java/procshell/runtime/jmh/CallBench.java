package procshell.runtime.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.ProcessContext;

/** A {@code GenServer.call(pid, :ping)} round trip to a server that replies {@code :pong}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallBench {
    private static final Atom PING = Atom.of("ping");

    /** Replies {@code :pong} to every call. */
    static final class Echo extends GenServer {
        @Override
        public Object init(Object arg) {
            return Tuple.of(Atom.OK, null);
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            return Tuple.of(Atom.of("reply"), Atom.of("pong"), state);
        }
    }

    Node node;
    ProcessContext self;
    Pid server;

    @Setup
    public void setUp() {
        node = new Node();
        self = node.attach();
        server = (Pid) ((Tuple) GenServer.start(new Echo(), null, StartOptions.DEFAULT)).get(1);
    }

    @TearDown
    public void tearDown() {
        node.detach();
        node.shutdown();
    }

    @Benchmark
    public Object callRoundTrip() {
        return GenServer.call(server, PING);
    }
}
