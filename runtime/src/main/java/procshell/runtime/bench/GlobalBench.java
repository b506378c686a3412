package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * {@code global.exs}: {@code :global} on a single node. N names {@code {:bench, i}}, each for its
 * own idle process, each {@code register_name/2} timed; {@code whereis_name/1} of those names
 * (10 x N timed lookups); re-registering a taken name; {@code unregister_name/1} of all N.
 * Printed as skipped while the runtime has no {@code :global}.
 */
final class GlobalBench implements Workload {
    private static final Atom BENCH = Atom.of("bench");

    @Override
    public String name() {
        return "global";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 1_000 : 10_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        String missing = Global.missing(self.node());
        if (missing != null) {
            out.word("global_node", self.node().name().name(), "node");
            for (String p : List.of("global_register_name", "global_register_name_first1000", "global_register_name_last1000", "global_whereis_name")) {
                skipReport(out, p, missing);
            }
            out.word("global_register_taken_name_result", "skipped:" + missing, "atom");
            skipReport(out, "global_unregister_name", missing);
            out.word("global_whereis_after_unregister", "skipped:" + missing, "atom");
            return;
        }
        ViaModule global = self.node().via(Atom.GLOBAL);
        List<Tuple> names = new ArrayList<>(n);
        List<Pid> pids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(Tuple.of(BENCH, i));
            pids.add(self.spawn(ProcessContext::receive));
        }
        if (!global.registerName(Atom.of("warmup"), self.spawn(ProcessContext::receive))) throw new IllegalStateException("warmup");
        out.word("global_node", self.node().name().name(), "node");
        long[] reg = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            if (!global.registerName(names.get(i), pids.get(i))) throw new IllegalStateException("register " + names.get(i));
            reg[i] = System.nanoTime() - t0;
        }
        report(out, "global_register_name", reg);
        int k = Math.min(1000, n);
        report(out, "global_register_name_first1000", Arrays.copyOfRange(reg, 0, k));
        report(out, "global_register_name_last1000", Arrays.copyOfRange(reg, n - k, n));
        long[] look = new long[10 * n];
        for (int r = 0; r < 10; r++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                if (global.whereisName(names.get(i)) == null) throw new IllegalStateException("whereis " + names.get(i));
                look[r * n + i] = System.nanoTime() - t0;
            }
        }
        report(out, "global_whereis_name", look);
        out.word("global_register_taken_name_result", global.registerName(names.get(0), self.spawn(ProcessContext::receive)) ? "yes" : "no", "atom");
        long[] unreg = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            global.unregisterName(names.get(i));
            unreg[i] = System.nanoTime() - t0;
        }
        report(out, "global_unregister_name", unreg);
        Pid after = global.whereisName(names.get(0));
        out.word("global_whereis_after_unregister", after == null ? "undefined" : after.toString(), "atom");
    }

    private static void report(Figures out, String p, long[] samples) {
        long[] s = samples.clone();
        Arrays.sort(s);
        long total = 0;
        for (long x : s) total += x;
        out.add(p + "_median_us", s[s.length / 2] / 1000.0, "us");
        out.add(p + "_p99_us", Clock.quantile(s, 0.99) / 1000.0, "us");
        out.add(p + "_rate", Math.round(s.length / (total / 1.0e9)), "ops/s");
    }

    private static void skipReport(Figures out, String p, String why) {
        out.word(p + "_median_us", "skipped:" + why, "us");
        out.word(p + "_p99_us", "skipped:" + why, "us");
        out.word(p + "_rate", "skipped:" + why, "ops/s");
    }
}
