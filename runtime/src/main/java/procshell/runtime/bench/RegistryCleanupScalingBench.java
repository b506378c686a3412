package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * {@code registry_cleanup_scaling.exs}: how the time until a unique Registry (1 partition) is
 * empty after killing every registered process grows with N (N/8, N/4, N/2, N); next to it the
 * same mass kill seen by a bare {@code trap_exit} process linked to all N that counts its
 * {@code {:EXIT, ...}} messages. The BEAM runs that one with an on-heap and an off-heap message
 * queue; a procshell mailbox is of one kind, so both lines measure it (each its own run). Each case
 * is capped at 15 s.
 */
final class RegistryCleanupScalingBench implements Workload {
    private static final long CAP_US = 15_000_000;
    private static final Atom OK = Atom.OK;
    private static final Atom READY = Atom.of("ready");
    private static final Atom ALL_EXITS = Atom.of("all_exits");

    @Override
    public String name() {
        return "registry_cleanup_scaling";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 8_000 : 200_000;
    }

    /** The sizes measured for {@code n}: n/8, n/4, n/2, n (the script's argument). */
    static List<Integer> sizes(int n) {
        return List.of(n / 8, n / 4, n / 2, n);
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        for (int k : sizes(n)) {
            registry(self, k, out);
            trapper(self, k, "on_heap", out);
            trapper(self, k, "off_heap", out);
        }
    }

    private static void registry(ProcessContext self, int n, Figures out) throws Exception {
        Node node = self.node();
        Atom name = Atom.of("ScaleReg" + n);
        Object started = Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")),
                Tuple.of(Atom.of("name"), name), Tuple.of(Atom.of("partitions"), 1)));
        Pid sup = (Pid) ((Tuple) started).get(1);
        Pid parent = self.self();
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Integer key = i;
            pids.add(self.spawn(me -> {
                Registry.register(name, key, null);
                me.send(parent, OK);
                me.receive();
            }));
        }
        for (int i = 0; i < n; i++) self.receive(m -> m == OK, -1);
        long t0 = Clock.micros();
        for (Pid pid : pids) self.exit(pid, Atom.KILL);
        Clock.waitUntil(() -> Registry.count(name) == 0 || Clock.micros() - t0 > CAP_US);
        long us = Clock.micros() - t0;
        long left = Registry.count(name);
        if (left == 0) out.add("cleanup_registry_p1_n" + n + "_ms", us / 1000.0, "ms");
        else out.word("cleanup_registry_p1_n" + n + "_ms", "timeout_after_" + CAP_US / 1000 + "_with_" + left + "_left", "ms");
        RegistryUniqueBench.teardown(self, sup, name);
        Clock.waitUntil(() -> pids.stream().noneMatch(node::isAlive));
    }

    private static void trapper(ProcessContext self, int n, String kind, Figures out) throws Exception {
        Pid parent = self.self();
        Pid tr = self.spawn(me -> {
            me.trapExit(true);
            me.send(parent, READY);
            for (int k = n; k > 0; k--) me.receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), -1);
            me.send(parent, ALL_EXITS);
        });
        self.receive(m -> m == READY, -1);
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pids.add(self.spawn(me -> {
                me.link(tr);
                me.send(parent, OK);
                me.receive();
            }));
        }
        for (int i = 0; i < n; i++) self.receive(m -> m == OK, -1);
        long t0 = Clock.micros();
        for (Pid pid : pids) self.exit(pid, Atom.KILL);
        Object r = self.receive(m -> m == ALL_EXITS, CAP_US / 1000);
        long us = Clock.micros() - t0;
        String name = "cleanup_trap_exit_" + kind + "_n" + n + "_ms";
        if (r == ALL_EXITS) out.add(name, us / 1000.0, "ms");
        else out.word(name, "timeout_after_" + CAP_US / 1000, "ms");
        self.exit(tr, Atom.KILL);
    }
}
