package procshell.runtime.bench;

import java.util.Arrays;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * {@code genserver_call.exs}: {@code GenServer.call(server, :ping)} answered {@code :pong}, the
 * server addressed by pid, by local name, by {@code {:via, Registry, {R, key}}} and by
 * {@code {:global, key}}. Latency: N individually timed calls after 10,000 warm-up calls (median,
 * p99, p99.9 in µs); throughput: N back-to-back calls from 1 caller and from one caller per core.
 */
final class GenServerCallBench implements Workload {
    private static final Atom PING = Atom.of("ping");
    private static final Atom PONG = Atom.of("pong");

    /** The script's {@code Echo}: replies {@code :pong} to {@code :ping}. */
    static final class Echo extends GenServer {
        @Override
        public Object init(Object arg) {
            return Tuple.of(Atom.OK, null);
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            if (PING.equals(request)) return Tuple.of(Atom.of("reply"), PONG, state);
            return super.handleCall(request, from, state);
        }
    }

    @Override
    public String name() {
        return "genserver_call";
    }

    @Override
    public int size(boolean quick) {
        return quick ? 10_000 : 100_000;
    }

    @Override
    public void run(ProcessContext self, int n, Figures out) throws Exception {
        Atom reg = Atom.module("CallReg");
        Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)));
        Pid pid = started(GenServer.startLink(new Echo(), null, StartOptions.DEFAULT));
        Atom local = Atom.module("EchoLocal");
        started(GenServer.startLink(new Echo(), null, StartOptions.named(local)));
        Tuple via = Tuple.of(Atom.VIA, Registry.MODULE, Tuple.of(reg, Atom.of("echo")));
        started(GenServer.startLink(new Echo(), null, StartOptions.named(via)));
        Tuple global = Tuple.of(Atom.GLOBAL, Atom.of("echo_global"));
        String globalMissing = Global.missing(self.node());
        if (globalMissing == null) started(GenServer.startLink(new Echo(), null, StartOptions.named(global)));

        run(self, "pid", pid, n, out);
        run(self, "local_name", local, n, out);
        run(self, "via_registry", via, n, out);
        if (globalMissing == null) {
            run(self, "global", global, n, out);
        } else {
            int s = Runtime.getRuntime().availableProcessors();
            for (String[] f : new String[][] {{"median_us", "us"}, {"p99_us", "us"}, {"p999_us", "us"}, {"1caller_rate", "calls/s"},
                    {s + "callers_rate", "calls/s"}}) {
                out.word("genserver_call_global_" + f[0], "skipped:" + globalMissing, f[1]);
            }
        }
    }

    private static Pid started(Object result) {
        if (result instanceof Tuple t && Atom.OK.equals(t.get(0))) return (Pid) t.get(1);
        throw new IllegalStateException("start failed: " + result);
    }

    private static void run(ProcessContext self, String label, Object server, int n, Figures out) {
        String p = "genserver_call_" + label;
        loop(server, 10_000);
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Object r = GenServer.call(server, PING);
            lat[i] = System.nanoTime() - t0;
            if (r != PONG) throw new IllegalStateException("unexpected reply " + r);
        }
        Arrays.sort(lat);
        out.add(p + "_median_us", Clock.quantile(lat, 0.5) / 1000.0, "us");
        out.add(p + "_p99_us", Clock.quantile(lat, 0.99) / 1000.0, "us");
        out.add(p + "_p999_us", Clock.quantile(lat, 0.999) / 1000.0, "us");
        long t0 = Clock.micros();
        loop(server, n);
        out.rate(p + "_1caller_rate", n, Clock.micros() - t0, "calls/s");
        int s = Runtime.getRuntime().availableProcessors();
        t0 = Clock.micros();
        Tasks.awaitAll(self, s, () -> loop(server, n));
        out.rate(p + "_" + s + "callers_rate", (double) s * n, Clock.micros() - t0, "calls/s");
    }

    private static void loop(Object server, int k) {
        for (int i = 0; i < k; i++) {
            if (GenServer.call(server, PING) != PONG) throw new IllegalStateException("unexpected reply");
        }
    }
}
