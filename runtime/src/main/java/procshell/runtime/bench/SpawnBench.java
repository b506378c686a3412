package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * {@code spawn.exs}: spawns N processes that each wait in {@code receive}, measures the spawn time
 * and the memory per process, kills them all with {@code Process.exit(pid, :kill)} and measures
 * the time until the process count is back to where it was; twice ({@code spawn_*}, then
 * {@code spawn_warm_*} in the same node).
 *
 * <p>Memory is the heap in use after full collections, before and after (a virtual thread's
 * stack lives on the heap), so it counts every byte a waiting process holds.
 */
final class SpawnBench implements Workload {
    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 20_000 : 1_000_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        round(self, "spawn", n, out);
        round(self, "spawn_warm", n, out);
    }

    private static void round(ProcessContext self, String prefix, int n, Figures out) throws Exception {
        Node node = self.node();
        long mem0 = Clock.usedHeapAfterGc();
        int base = node.processCount();

        long t0 = Clock.micros();
        List<Pid> pids = new ArrayList<>();
        for (int i = 0; i < n; i++) pids.add(self.spawn(p -> p.receive()));
        long t1 = Clock.micros();

        // Let every process reach its receive before measuring memory (the script sleeps 200 ms;
        // a million virtual threads on two cores may need longer to get there).
        Thread.sleep(200);
        waitAllWaiting(node, pids);
        long mem1 = Clock.usedHeapAfterGc();

        long spawnUs = t1 - t0;
        out.add(prefix + "_n", n, "processes");
        out.add(prefix + "_total_ms", spawnUs / 1000.0, "ms");
        out.rate(prefix + "_rate", n, spawnUs, "processes/s");
        out.add(prefix + "_per_process_us", (double) spawnUs / n, "us");
        out.add(prefix + "_mem_per_process_raw", (double) (mem1 - mem0) / n, "bytes");
        out.add(prefix + "_mem_per_process_excl_pid_list", (double) (mem1 - mem0 - Clock.referenceArrayBytes(pids.size())) / n, "bytes");
        LocalProcess one = node.process(pids.get(0));
        out.add(prefix + "_process_info_memory_one_idle", one == null ? 0 : ProcessFacts.memory(one), "bytes");

        // The threads, to let them finish unwinding after the measurement (not timed).
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            LocalProcess p = node.process(pids.get(i));
            threads[i] = p == null ? null : p.thread();
        }
        long t2 = Clock.micros();
        for (Pid pid : pids) self.exit(pid, Atom.KILL);
        long t3 = Clock.micros();
        Clock.waitUntil(() -> node.processCount() <= base);
        long t4 = Clock.micros();
        out.add(prefix + "_kill_signals_sent_ms", (t3 - t2) / 1000.0, "ms");
        out.add(prefix + "_kill_all_dead_ms", (t4 - t2) / 1000.0, "ms");
        for (Thread t : threads) if (t != null) t.join();
    }

    private static void waitAllWaiting(Node node, List<Pid> pids) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (Pid pid : pids) {
            LocalProcess p;
            while ((p = node.process(pid)) != null && p.status() != WAITING && System.nanoTime() < deadline) Thread.sleep(1);
        }
    }

    private static final Atom WAITING = Atom.of("waiting");
}
