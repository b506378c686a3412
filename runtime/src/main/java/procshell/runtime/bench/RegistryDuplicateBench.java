package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Predicate;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * {@code registry_duplicate.exs}: N subscribers register under one key of a duplicate Registry,
 * then {@code Registry.dispatch/3} sends a message to each (11 rounds, medians): the time until
 * dispatch returns and until every subscriber has handled the message (the last one to bump a
 * shared counter tells the publisher). Partitions 1, one per core, and one per core with
 * {@code parallel: true}; then every subscriber is killed and the time until the registry is
 * empty is measured (capped at 10 s).
 */
final class RegistryDuplicateBench implements Workload {
    private static final int ROUNDS = 11;
    private static final long CLEANUP_CAP_MS = 10_000;
    private static final Atom GO = Atom.of("go");
    private static final Atom MSG = Atom.of("msg");
    private static final Atom TOPIC = Atom.of("topic");
    private static final Atom ALL_DELIVERED = Atom.of("all_delivered");

    /*
     * The subscribers' receive patterns, made before any subscriber runs. Written inline in the
     * subscriber's body, the second one (after the first wait) is a lambda call site that no
     * process has reached when C2 compiles the body during the spawn phase: C2 compiles it as a
     * trap, and each of the 100,000 processes parked in that compiled body deoptimizes on its own
     * when it gets there (43,111 deoptimizations in one run). The Elixir script's receive patterns
     * have no such first-use cost.
     */
    private static final Predicate<Object> IS_GO = m -> GO.equals(m);
    private static final Predicate<Object> IS_MSG = x -> x instanceof Tuple t && t.isTagged(MSG, 2);

    @Override
    public String name() {
        return "registry_duplicate";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 10_000 : 100_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        int s = Runtime.getRuntime().availableProcessors();
        run(self, "p1", 1, n, false, out);
        run(self, "p" + s, s, n, false, out);
        run(self, "p" + s + "_parallel", s, n, true, out);
    }

    private static void run(ProcessContext self, String label, int partitions, int n, boolean parallel, Figures out) throws Exception {
        Atom name = Atom.module("DupBench_" + label);
        Object started = Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("duplicate")),
                Tuple.of(Atom.of("name"), name), Tuple.of(Atom.of("partitions"), partitions)));
        Pid sup = (Pid) ((Tuple) started).get(1);
        String p = "registry_duplicate_" + label;
        Pid parent = self.self();
        AtomicIntegerArray counter = new AtomicIntegerArray(ROUNDS + 1);
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pids.add(self.spawn(me -> {
                me.receive(IS_GO, -1);
                Registry.register(name, TOPIC, null);
                while (true) {
                    Tuple m = (Tuple) me.receive(IS_MSG, -1);
                    int round = (Integer) m.get(1);
                    if (counter.incrementAndGet(round) == n) me.send(parent, Tuple.of(ALL_DELIVERED, round));
                }
            }));
        }
        long t0 = Clock.micros();
        for (Pid pid : pids) self.send(pid, GO);
        Clock.waitUntil(() -> Registry.count(name) == n);
        long t1 = Clock.micros();
        out.add(p + "_partitions", partitions, "partitions");
        out.add(p + "_subscribers", n, "processes");
        out.add(p + "_subscribe_all_ms", (t1 - t0) / 1000.0, "ms");

        long tl = Clock.micros();
        int found = Registry.lookup(name, TOPIC).size();
        if (found != n) throw new IllegalStateException("lookup found " + found + " of " + n + " entries");
        out.add(p + "_lookup_all_entries_ms", (Clock.micros() - tl) / 1000.0, "ms");

        long[] disp = new long[ROUNDS];
        long[] deliv = new long[ROUNDS];
        for (int r = 1; r <= ROUNDS; r++) {
            Tuple msg = Tuple.of(MSG, r);
            long ta = Clock.micros();
            Registry.dispatch(name, TOPIC, entries -> {
                ProcessContext sender = ProcessContext.require(); // the caller, or a task when parallel
                for (Tuple e : entries) sender.send(e.get(0), msg);
            }, parallel);
            long tb = Clock.micros();
            int round = r;
            self.receive(m -> m instanceof Tuple t && t.isTagged(ALL_DELIVERED, 2) && Integer.valueOf(round).equals(t.get(1)), -1);
            long tc = Clock.micros();
            disp[r - 1] = tb - ta;
            deliv[r - 1] = tc - ta;
        }
        Arrays.sort(disp);
        Arrays.sort(deliv);
        long dispMedian = disp[ROUNDS / 2];
        long delivMedian = deliv[ROUNDS / 2];
        out.add(p + "_dispatch_return_ms", dispMedian / 1000.0, "ms");
        out.add(p + "_dispatch_all_delivered_ms", delivMedian / 1000.0, "ms");
        out.rate(p + "_dispatch_delivery_rate", n, delivMedian, "msgs/s");

        long tk = Clock.micros();
        for (Pid pid : pids) self.exit(pid, Atom.KILL);
        long deadline = tk + CLEANUP_CAP_MS * 1000;
        Clock.waitUntil(() -> Registry.count(name) == 0 || Clock.micros() > deadline);
        long tk2 = Clock.micros();
        long left = Registry.count(name);
        if (left == 0) {
            out.add(p + "_cleanup_all_entries_gone_ms", (tk2 - tk) / 1000.0, "ms");
        } else {
            out.word(p + "_cleanup_all_entries_gone_ms", "timeout_after_" + CLEANUP_CAP_MS, "ms");
            out.add(p + "_cleanup_entries_remaining_at_cap", left, "entries");
            out.rate(p + "_cleanup_entries_removed_rate_within_cap", n - left, tk2 - tk, "entries/s");
        }
        RegistryUniqueBench.teardown(self, sup, name);
    }
}
