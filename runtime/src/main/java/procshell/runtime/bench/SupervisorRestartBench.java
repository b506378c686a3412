package procshell.runtime.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.runtime.otp.DynamicSupervisor;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.otp.Supervisor;
import procshell.runtime.otp.SupervisorFlags;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * {@code supervisor_restart.exs}: restart latency after {@code Process.exit(pid, :kill)}, from the
 * kill until a busy-polled lookup returns a new pid; 50 warm-up kills, then N measured. (1) a
 * Supervisor ({@code :one_for_one}, 1,000,000 restarts in 1 s) with a GenServer child named by a
 * local atom; (2) a DynamicSupervisor (same limits) with a permanent child named
 * {@code {:via, Registry, {R, :worker}}}, polled with {@code Registry.whereis_name/1}.
 */
final class SupervisorRestartBench implements Workload {
    /** The script's {@code Worker}: a GenServer that does nothing. */
    static final class Worker extends GenServer {
        @Override
        public Object init(Object arg) {
            return Tuple.of(Atom.OK, null);
        }
    }

    @Override
    public String name() {
        return "supervisor_restart";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 200 : 1_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        Atom named = Atom.module("NamedWorker");
        ChildSpec child = ChildSpec.worker(Atom.module("Worker"), () -> GenServer.startLink(new Worker(), null, StartOptions.named(named)));
        Object sup = Supervisor.startLink(List.of(child), SupervisorFlags.oneForOne().withIntensity(1_000_000, 1), null);
        measure(self, "supervisor_local_name", () -> self.node().names().whereisPid(named), n, out);
        Supervisor.stop(((Tuple) sup).get(1));

        Atom reg = Atom.module("SupReg");
        Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)));
        Object dsup = DynamicSupervisor.startLink(DynamicSupervisor.Flags.defaults().withIntensity(1_000_000, 1));
        Tuple via = Tuple.of(Atom.VIA, Registry.MODULE, Tuple.of(reg, Atom.of("worker")));
        DynamicSupervisor.startChild(((Tuple) dsup).get(1),
                ChildSpec.worker(Atom.module("Worker"), () -> GenServer.startLink(new Worker(), null, StartOptions.named(via))));
        Tuple key = Tuple.of(reg, Atom.of("worker"));
        measure(self, "dynamic_via_registry", () -> Registry.whereisName(key) instanceof Pid p ? p : null, n, out);
    }

    private static void measure(ProcessContext self, String label, Supplier<Pid> lookup, int n, Figures out) {
        String p = "supervisor_restart_" + label;
        for (int i = 0; i < 50; i++) killOnce(self, lookup);
        long tall = Clock.micros();
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) samples[i] = killOnce(self, lookup);
        long total = Clock.micros() - tall;
        Arrays.sort(samples);
        out.add(p + "_kills", n, "kills");
        out.add(p + "_median_us", samples[n / 2] / 1000.0, "us");
        out.add(p + "_p99_us", Clock.quantile(samples, 0.99) / 1000.0, "us");
        out.add(p + "_max_us", samples[n - 1] / 1000.0, "us");
        out.add(p + "_min_us", samples[0] / 1000.0, "us");
        out.add(p + "_total_ms", total / 1000.0, "ms");
    }

    private static long killOnce(ProcessContext self, Supplier<Pid> lookup) {
        Pid old = lookup.get();
        if (old == null) throw new IllegalStateException("no worker to kill");
        long t0 = System.nanoTime();
        self.exit(old, Atom.KILL);
        while (true) {
            Pid now = lookup.get();
            if (now != null && !now.equals(old)) break;
            // A virtual thread is never preempted: yield the core, as the BEAM preempts the
            // script's busy-polling process, so the supervisor can run on it.
            Thread.yield();
        }
        return System.nanoTime() - t0;
    }
}
