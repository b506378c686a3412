package procshell.runtime.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import procshell.runtime.node.Node;
import procshell.runtime.process.SpawnOptions;

/**
 * The runtime's benchmarks, one per BEAM script in {@code bench/beam/}, in the order that
 * {@code run_all.sh} runs them. Each runs in a process of a fresh node (as each script runs in a
 * fresh VM) and prints the script's {@code name value unit} lines.
 */
public final class Benchmarks {
    private Benchmarks() {}

    /** Every workload, in run order. */
    public static List<Workload> all() {
        return List.of(new SpawnBench(), new RegistryUniqueBench(), new RegistryCleanupScalingBench(), new RegistryDuplicateBench(),
                new GenServerCallBench(), new SupervisorRestartBench(), new SendThroughputBench(), new AtomsBench(), new GlobalBench());
    }

    /** The workload called {@code name} (e.g. {@code spawn}), or null. */
    public static Workload named(String name) {
        for (Workload w : all()) if (w.name().equals(name)) return w;
        return null;
    }

    /** The sizes {@code registry_cleanup_scaling} measures for the size {@code n} (its script's argument list). */
    public static List<Integer> cleanupSizes(int n) {
        return RegistryCleanupScalingBench.sizes(n);
    }

    /**
     * Runs one workload in a process of a fresh node, waits for it and shuts the node down.
     *
     * @param w         the workload
     * @param n         its size
     * @param out       where its figures go
     * @param timeoutMs how long to wait before giving up (the node is then shut down)
     * @throws Exception what the workload threw, or a {@link TimeoutException}
     */
    public static void run(Workload w, int n, Figures out, long timeoutMs) throws Exception {
        Node node = new Node();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            node.spawn(self -> {
                try {
                    w.run(self, n, out);
                    done.complete(null);
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            }, SpawnOptions.DEFAULT);
            done.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } finally {
            node.shutdown();
        }
    }
}
