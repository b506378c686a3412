package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * {@code registry_unique.exs}: a unique Registry with 1 partition, then with one per core. N
 * processes are spawned idle, then each is told {@code :go} and registers key i; registration
 * time runs from the first {@code :go} until {@code Registry.count/1} is N. Then 1,000,000
 * {@code Registry.lookup/2} calls from 1 caller and from one caller per core, keys in scrambled
 * order; then every process is killed and the time until the registry is empty is measured
 * (capped at 20 s, as the script).
 *
 * <p>{@code ets_bytes_per_key} is the heap the entries take in the partition tables, per key
 * (see {@link TableBytes}).
 */
final class RegistryUniqueBench implements Workload {
    private static final int LOOKUPS = 1_000_000;
    private static final int QUICK_LOOKUPS_PER_KEY = 10;
    private static final long CLEANUP_CAP_MS = 20_000;
    private static final Atom GO = Atom.of("go");

    @Override
    public String name() {
        return "registry_unique";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 10_000 : 100_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        int s = Runtime.getRuntime().availableProcessors();
        run(self, "p1", 1, n, out);
        run(self, "p" + s, s, n, out);
    }

    private static void run(ProcessContext self, String label, int partitions, int n, Figures out) throws Exception {
        Node node = self.node();
        // The script does 1,000,000 lookups per caller; a quick run (small N) does 10 per key.
        int lookups = n < 100_000 ? QUICK_LOOKUPS_PER_KEY * n : LOOKUPS;
        Atom name = Atom.module("RegBench_" + label);
        Object started = Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")),
                Tuple.of(Atom.of("name"), name), Tuple.of(Atom.of("partitions"), partitions)));
        Pid sup = (Pid) ((Tuple) started).get(1);
        String p = "registry_unique_" + label;
        out.add(p + "_partitions", partitions, "partitions");

        long ts = Clock.micros();
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Integer key = i;
            pids.add(self.spawn(me -> {
                me.receive(m -> GO.equals(m), -1);
                Object r = Registry.register(name, key, null);
                if (!(r instanceof Tuple t && Atom.OK.equals(t.get(0)))) throw new IllegalStateException("register " + key + ": " + r);
                me.receive();
            }));
        }
        long ts1 = Clock.micros();
        out.add(p + "_spawn_ms", (ts1 - ts) / 1000.0, "ms");

        long t0 = Clock.micros();
        for (Pid pid : pids) self.send(pid, GO);
        long tSent = Clock.micros();
        Clock.waitUntil(() -> Registry.count(name) == n);
        long t1 = Clock.micros();
        out.add(p + "_register_n", n, "keys");
        out.add(p + "_register_go_sent_ms", (tSent - t0) / 1000.0, "ms");
        out.add(p + "_register_total_ms", (t1 - t0) / 1000.0, "ms");
        out.rate(p + "_register_rate", n, t1 - t0, "registrations/s");
        out.add(p + "_ets_bytes_per_key", (double) TableBytes.ofRegistry(self, name) / n, "bytes");

        // Lookups from 1 caller, run inside a fresh process.
        Pid parent = self.self();
        self.spawnLink(me -> {
            long ta = Clock.micros();
            lookupLoop(name, n, lookups);
            me.send(parent, Tuple.of(Atom.of("done1"), Clock.micros() - ta));
        });
        long us1 = (Long) ((Tuple) self.receive(m -> m instanceof Tuple t && t.isTagged(Atom.of("done1"), 2), -1)).get(1);
        out.rate(p + "_lookup_1caller_rate", lookups, us1, "lookups/s");
        out.add(p + "_lookup_1caller_mean_us", (double) us1 / lookups, "us");

        int s = Runtime.getRuntime().availableProcessors();
        long tb = Clock.micros();
        Tasks.awaitAll(self, s, () -> lookupLoop(name, n, lookups));
        long usn = Clock.micros() - tb;
        out.rate(p + "_lookup_" + s + "callers_rate", (double) s * lookups, usn, "lookups/s");

        long tk = Clock.micros();
        for (Pid pid : pids) self.exit(pid, Atom.KILL);
        long tk1 = Clock.micros();
        out.add(p + "_kill_signals_sent_ms", (tk1 - tk) / 1000.0, "ms");
        long deadline = tk + CLEANUP_CAP_MS * 1000;
        Clock.waitUntil(() -> Registry.count(name) == 0 || Clock.micros() > deadline);
        long tk2 = Clock.micros();
        long left = Registry.count(name);
        if (left == 0) {
            out.add(p + "_cleanup_all_keys_gone_ms", (tk2 - tk) / 1000.0, "ms");
        } else {
            out.word(p + "_cleanup_all_keys_gone_ms", "timeout_after_" + CLEANUP_CAP_MS, "ms");
            out.add(p + "_cleanup_keys_remaining_at_cap", left, "keys");
            out.rate(p + "_cleanup_keys_removed_rate_within_cap", n - left, tk2 - tk, "keys/s");
            long q = 0;
            for (Pid part : partitions(name)) {
                LocalProcess lp = node.process(part);
                if (lp != null) q += lp.mailbox().size();
            }
            out.add(p + "_cleanup_partition_msg_queue_len_at_cap", q, "messages");
        }
        teardown(self, sup, name);
    }

    static void lookupLoop(Atom name, int n, int lookups) {
        for (long i = lookups; i > 0; i--) {
            Integer key = (int) ((i * 7919) % n) + 1;
            List<Tuple> r = Registry.lookup(name, key);
            if (r.size() != 1 || ((Tuple) r.get(0)).get(1) != null) throw new IllegalStateException("unexpected lookup result " + r + " for " + key);
        }
    }

    /** The partition pids of a registry, from its supervisor's children. */
    static List<Pid> partitions(Atom registry) {
        List<Pid> out = new ArrayList<>();
        for (Object c : Supervisor.whichChildren(registry)) {
            if (c instanceof Tuple t && t.get(1) instanceof Pid pid) out.add(pid);
        }
        return out;
    }

    /** Kills a registry's supervisor and partitions and waits until they are gone. */
    static void teardown(ProcessContext self, Pid sup, Atom registry) throws InterruptedException {
        List<Pid> parts = partitions(registry);
        self.unlink(sup);
        self.exit(sup, Atom.KILL);
        for (Pid part : parts) self.exit(part, Atom.KILL);
        Node node = self.node();
        Clock.waitUntil(() -> !node.isAlive(sup) && parts.stream().noneMatch(node::isAlive));
    }
}
