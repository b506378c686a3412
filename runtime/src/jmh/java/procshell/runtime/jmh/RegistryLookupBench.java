package procshell.runtime.jmh;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/** {@code Registry.lookup/2} of a unique key among {@code keys} registered ones, and {@code Registry.register/3} + unregister. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegistryLookupBench {
    private static final Atom REG = Atom.module("JmhReg");

    @Param({"10000"})
    int keys;

    @Param({"1", "2"})
    int partitions;

    Node node;
    ProcessContext self;
    int next;

    @Setup
    public void setUp() throws Exception {
        node = new Node();
        self = node.attach();
        Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), REG),
                Tuple.of(Atom.of("partitions"), partitions)));
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (int i = 0; i < keys; i++) {
            Integer key = i;
            node.spawn(p -> {
                Registry.register(REG, key, null);
                if (key == keys - 1) done.complete(null);
                p.receive();
            });
        }
        done.get();
        while (Registry.count(REG) < keys) Thread.sleep(1);
    }

    @TearDown
    public void tearDown() {
        node.detach();
        node.shutdown();
    }

    @Benchmark
    public Object lookup() {
        next = (next + 7919) % keys;
        return Registry.lookup(REG, next);
    }

    @Benchmark
    public Object registerUnregister() {
        Registry.register(REG, "mine", null);
        return Registry.unregister(REG, "mine");
    }
}
