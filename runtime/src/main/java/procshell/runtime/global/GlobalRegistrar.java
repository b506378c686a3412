package procshell.runtime.global;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;
import procshell.runtime.process.SpawnOptions;

/**
 * The BEAM's {@code global} registrar: one process per node that runs registrations one at a
 * time, each holding the lock {@code {:global, registrar}} on every known node (trans_all_known:
 * the boss first, then all, and again if a node became known meanwhile), so that they exclude the
 * registrars of the other nodes and the lockers' name exchanges.
 */
final class GlobalRegistrar {
    private static final Atom JOB = Atom.of("trans_all_known");

    private record Job(BiFunction<ProcessContext, List<Atom>, Object> body, CompletableFuture<Object> result) {}

    private final Node node;
    private final GlobalServer server;
    private final procshell.runtime.node.Pid pid;

    private GlobalRegistrar(Node node, GlobalServer server) {
        this.node = node;
        this.server = server;
        this.pid = node.spawn(this::run, SpawnOptions.DEFAULT);
    }

    /** The registrar process. */
    procshell.runtime.node.Pid pid() {
        return pid;
    }

    /** Starts the registrar of {@code node}. */
    static GlobalRegistrar start(Node node, GlobalServer server) {
        return new GlobalRegistrar(node, server);
    }

    /**
     * Runs {@code body(registrar, nodes)} in the registrar while it holds the global lock on
     * {@code nodes} (this node and every known one) and waits for its value.
     *
     * @throws ProcessExitedError when the waiting process is killed meanwhile
     */
    Object transAllKnown(BiFunction<ProcessContext, List<Atom>, Object> body) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        node.send(pid, Tuple.of(JOB, new Job(body, result)));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessExitedError(Atom.KILLED);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run(ProcessContext self) {
        while (true) {
            if (!(self.receive() instanceof Tuple t) || !t.isTagged(JOB, 2) || !(t.get(1) instanceof Job job)) continue;
            Tuple id = Tuple.of(Atom.GLOBAL, self.self());
            List<Atom> nodes = setLockKnown(self, id);
            try {
                job.result().complete(job.body().apply(self, nodes));
            } catch (RuntimeException e) {
                job.result().completeExceptionally(e);
            } finally {
                LockRequests.deleteGlobalLock(self, id, nodes);
            }
        }
    }

    private List<Atom> setLockKnown(ProcessContext self, Tuple id) {
        for (int times = 0; ; times++) {
            List<Atom> known = server.knownNodes();
            List<Atom> nodes = new ArrayList<>();
            nodes.add(node.name());
            nodes.addAll(known);
            Atom boss = LockRequests.boss(nodes);
            if (LockRequests.setLockOnNodes(self, id, List.of(boss))) {
                if (LockRequests.setLockOnNodes(self, id, nodes) && known.containsAll(server.knownNodes())) return nodes;
                LockRequests.delLock(self, id, List.of(boss));
            }
            LockRequests.randomSleep(times);
        }
    }
}
