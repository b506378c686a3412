// CPU per operation of the runtime's message handoffs, for A/B runs of two jars on a busy machine
// (bench/README.md, "Runtime figures (issue 18)"): wall time is noise there, the JVM's process CPU
// time (all its threads: carriers, GC, timers) much less so.
//
//   java -cp shell/target/lib/procshell-runtime-0.1.0-SNAPSHOT.jar bench/CallCpu.java call 200000
//   modes: call (GenServer.call to an echo server), lat (genserver_call's timed calls, quantiles per round), trap (registry_cleanup_scaling's trap_exit process: kill n linked processes), call2 (two callers at once), pingpong (send / receive), start (GenServer.start
//   then a kill), register (registry_unique's spawn, register and kill phases, per process), restart (kill a supervised named worker, poll for its successor; the poll burns CPU)
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import procshell.runtime.node.*;
import procshell.runtime.otp.*;
import procshell.runtime.process.*;

public class CallCpu {
    static final Atom PING = Atom.of("ping"), PONG = Atom.of("pong");
    static final class Echo extends GenServer {
        public Object init(Object a) { return Tuple.of(Atom.OK, null); }
        public Object handleCall(Object r, Tuple f, Object s) { return Tuple.of(Atom.of("reply"), PONG, s); }
    }
    /** Voluntary context switches of all this JVM's threads: each is a thread that parked (a carrier with nothing to do, a woken one). */
    static long switches() {
        long sum = 0;
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return -1;
        for (java.io.File t : tasks) {
            try {
                for (String l : java.nio.file.Files.readAllLines(new java.io.File(t, "status").toPath())) {
                    if (l.startsWith("voluntary_ctxt_switches:")) sum += Long.parseLong(l.substring(24).trim());
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // a thread that ended meanwhile
            }
        }
        return sum;
    }
    /** Bytes allocated by every thread of this JVM so far (virtual threads count on their carriers). */
    static long allocated() { return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes(); }
    static long gcMs() { long t = 0; for (var g : ManagementFactory.getGarbageCollectorMXBeans()) t += g.getCollectionTime(); return t; }
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
    public static void main(String[] a) throws Exception {
        String what = a[0]; int n = Integer.parseInt(a[1]);
        Node node = new Node();
        CompletableFuture<String> done = new CompletableFuture<>();
        node.spawn(self -> {
            try {
                StringBuilder out = new StringBuilder();
                if (what.equals("start")) {
                    for (int r = 0; r < 4; r++) {
                        long c0 = cpu(), w0 = System.nanoTime(), x0 = switches();
                        for (int i = 0; i < n; i++) {
                            Pid pid = (Pid) ((Tuple) GenServer.start(new Echo(), null, StartOptions.DEFAULT)).get(1);
                            self.exit(pid, Atom.KILL);
                        }
                        out.append(String.format("start cpu_ns/op %.0f wall_ns/op %.0f switches/op %.2f%n", (cpu() - c0) / (double) n, (System.nanoTime() - w0) / (double) n, (switches() - x0) / (double) n));
                    }
                } else if (what.equals("restart")) {
                    Atom named = Atom.module("NamedWorker");
                    ChildSpec child = ChildSpec.worker(Atom.module("Worker"), () -> GenServer.startLink(new Echo(), null, StartOptions.named(named)));
                    Supervisor.startLink(java.util.List.of(child), SupervisorFlags.oneForOne().withIntensity(10_000_000, 1), null);
                    for (int r = 0; r < 4; r++) {
                        long c0 = cpu(), w0 = System.nanoTime(), x0 = switches();
                        for (int i = 0; i < n; i++) {
                            Pid old = self.node().names().whereisPid(named);
                            self.exit(old, Atom.KILL);
                            while (true) { Pid now = self.node().names().whereisPid(named); if (now != null && !now.equals(old)) break; Thread.yield(); }
                        }
                        out.append(String.format("restart cpu_ns/op %.0f wall_ns/op %.0f switches/op %.2f%n", (cpu() - c0) / (double) n, (System.nanoTime() - w0) / (double) n, (switches() - x0) / (double) n));
                    }
                } else if (what.equals("restartvia")) {
                    // supervisor_restart's second part: a DynamicSupervisor's worker named {:via, Registry, {R, :worker}},
                    // killed and polled for; latency quantiles and thread switches per restart, round after round
                    Atom reg = Atom.module("SupReg");
                    procshell.runtime.registry.Registry.startLink(java.util.List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)));
                    Pid dsup = (Pid) ((Tuple) DynamicSupervisor.startLink(DynamicSupervisor.Flags.defaults().withIntensity(10_000_000, 1))).get(1);
                    Tuple via = Tuple.of(Atom.VIA, procshell.runtime.registry.Registry.MODULE, Tuple.of(reg, Atom.of("worker")));
                    DynamicSupervisor.startChild(dsup, ChildSpec.worker(Atom.module("Worker"), () -> GenServer.startLink(new Echo(), null, StartOptions.named(via))));
                    Tuple key = Tuple.of(reg, Atom.of("worker"));
                    // -Dcount=true: count the restarts whose start failed (a supervisor's start_error report)
                    java.util.concurrent.atomic.AtomicInteger startErrors = new java.util.concurrent.atomic.AtomicInteger();
                    if (Boolean.getBoolean("count")) self.node().events().subscribe(e -> { if (e instanceof procshell.runtime.event.NodeEvent.CrashReport c && String.valueOf(c.report()).contains("start_error")) startErrors.incrementAndGet(); });
                    for (int r = 0; r < 5; r++) {
                        startErrors.set(0);
                        long[] lat = new long[n];
                        long c0 = cpu(), x0 = switches();
                        for (int i = 0; i < n; i++) {
                            Pid old = (Pid) procshell.runtime.registry.Registry.whereisName(key);
                            long t0 = System.nanoTime();
                            self.exit(old, Atom.KILL);
                            while (true) { if (procshell.runtime.registry.Registry.whereisName(key) instanceof Pid now && !now.equals(old)) break; Thread.yield(); }
                            lat[i] = System.nanoTime() - t0;
                        }
                        long c1 = cpu(), x1 = switches();
                        java.util.Arrays.sort(lat);
                        out.append(String.format("restartvia p50 %.1f p99 %.1f max %.1f us, cpu_ns/op %.0f switches/op %.3f, failed starts %d%n", lat[n / 2] / 1e3, lat[(int) (n * 0.99)] / 1e3, lat[n - 1] / 1e3,
                            (c1 - c0) / (double) n, (x1 - x0) / (double) n, startErrors.get()));
                    }
                } else if (what.equals("viarestart")) {
                    // kill a server named {:via, Registry, ...} and start its successor under the same name at once,
                    // as a supervisor's restart does: how many starts fail, and with what
                    Atom reg = Atom.module("SupReg");
                    procshell.runtime.registry.Registry.startLink(java.util.List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)));
                    Tuple via = Tuple.of(Atom.VIA, procshell.runtime.registry.Registry.MODULE, Tuple.of(reg, Atom.of("worker")));
                    Object r0 = GenServer.start(new Echo(), null, StartOptions.named(via));
                    Pid cur = (Pid) ((Tuple) r0).get(1);
                    java.util.Map<String, Integer> failures = new java.util.TreeMap<>();
                    for (int i = 0; i < n; i++) {
                        self.exit(cur, Atom.KILL);
                        Object r = GenServer.start(new Echo(), null, StartOptions.named(via));
                        if (r instanceof Tuple t && t.isTagged(Atom.OK, 2)) cur = (Pid) t.get(1);
                        else { failures.merge(String.valueOf(r).replaceAll("<[0-9.]+>", "<pid>"), 1, Integer::sum); while (!(GenServer.start(new Echo(), null, StartOptions.named(via)) instanceof Tuple t2 && t2.isTagged(Atom.OK, 2) && (cur = (Pid) t2.get(1)) != null)) Thread.yield(); }
                    }
                    out.append("viarestart " + n + " restarts, failed starts: " + failures + "\n");
                } else if (what.equals("register")) {
                    // registry_unique's phases: spawn n idle processes, :go (each registers a key), kill all
                    Atom reg = Atom.module("CpuReg"), go = Atom.of("go");
                    procshell.runtime.registry.Registry.startLink(java.util.List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)));
                    for (int r = 0; r < 5; r++) {
                        long c0 = cpu(), g0 = gcMs(), x0 = switches();
                        java.util.List<Pid> pids = new java.util.ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            Integer key = i;
                            pids.add(self.spawn(me -> { me.receive(m -> m == go, -1); procshell.runtime.registry.Registry.register(reg, key, null); me.receive(); }));
                        }
                        long c1 = cpu(), x1 = switches();
                        for (Pid p : pids) self.send(p, go);
                        while (procshell.runtime.registry.Registry.count(reg) != n) Thread.sleep(1);
                        long c2 = cpu(), x2 = switches();
                        for (Pid p : pids) self.exit(p, Atom.KILL);
                        while (procshell.runtime.registry.Registry.count(reg) != 0) Thread.sleep(1);
                        long c3 = cpu();
                        out.append(String.format("register cpu_ns/process spawn %.0f register %.0f kill+cleanup %.0f (gc ms %d) switches/process spawn %.2f register %.2f kill+cleanup %.2f%n", (c1 - c0) / (double) n, (c2 - c1) / (double) n, (c3 - c2) / (double) n, gcMs() - g0, (x1 - x0) / (double) n, (x2 - x1) / (double) n, (switches() - x2) / (double) n));
                    }
                } else if (what.equals("call2")) {
                    // genserver_call's 2callers: two processes call one server at once
                    Pid pid = (Pid) ((Tuple) GenServer.startLink(new Echo(), null, StartOptions.DEFAULT)).get(1);
                    for (int i = 0; i < 20000; i++) GenServer.call(pid, PING);
                    Pid me = self.self();
                    for (int r = 0; r < 3; r++) {
                        long c0 = cpu(), w0 = System.nanoTime(), x0 = switches();
                        for (int k = 0; k < 2; k++) self.spawn(p -> { for (int i = 0; i < n; i++) GenServer.call(pid, PING); p.send(me, PONG); });
                        self.receive(x -> x == PONG, -1);
                        self.receive(x -> x == PONG, -1);
                        out.append(String.format("call2 cpu_ns/op %.0f wall_ns/op %.0f switches/op %.2f%n", (cpu() - c0) / (2.0 * n), (System.nanoTime() - w0) / (2.0 * n), (switches() - x0) / (2.0 * n)));
                    }
                } else if (what.equals("idle")) {
                    // n processes parked in receive, held for a minute: look at them with jcmd PID GC.class_histogram
                    for (int i = 0; i < n; i++) self.spawn(p -> p.receive());
                    System.gc();
                    out.append("idle " + n + " heap used after GC " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) + " bytes, pid " + ProcessHandle.current().pid() + "\n");
                    System.out.print(out); out.setLength(0);
                    Thread.sleep(60_000);
                } else if (what.equals("trap")) {
                    // registry_cleanup_scaling's trapper: n processes linked to a trap_exit process, all killed;
                    // the kill phase until the trapper has every {:EXIT, ...}, round after round
                    Pid me = self.self();
                    Atom ready = Atom.of("ready"), all = Atom.of("all_exits");
                    for (int r = 0; r < 4; r++) {
                        Pid tr = self.spawn(p -> {
                            p.trapExit(true);
                            p.send(me, ready);
                            for (int k = n; k > 0; k--) p.receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), -1);
                            p.send(me, all);
                        });
                        self.receive(m -> m == ready, -1);
                        java.util.List<Pid> pids = new java.util.ArrayList<>(n);
                        for (int i = 0; i < n; i++) pids.add(self.spawn(p -> { p.link(tr); p.send(me, Atom.OK); p.receive(); }));
                        for (int i = 0; i < n; i++) self.receive(m -> m == Atom.OK, -1);
                        // -Djfr=FILE: a profile of the kill phases only
                        jdk.jfr.Recording rec = null;
                        if (System.getProperty("jfr") != null) {
                            rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                            rec.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
                            rec.start();
                        }
                        // -Dperf=FILE: perf record of the kill phases only (with -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit)
                        Process perf = null;
                        if (System.getProperty("perf") != null) {
                            perf = new ProcessBuilder("perf", "record", "-F", "4999", "-g", "-p", "" + ProcessHandle.current().pid(), "-o", System.getProperty("perf") + r)
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                            Thread.sleep(500);
                        } else if (Boolean.getBoolean("perfstat")) {
                            // -Dperfstat=true: instructions of the whole JVM during the kill phase (the load does not blur them)
                            perf = new ProcessBuilder("perf", "stat", "-x,", "-e", "instructions:u,instructions:k", "-p", "" + ProcessHandle.current().pid())
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                            Thread.sleep(500);
                        }
                        long c0 = cpu(), w0 = System.nanoTime(), x0 = switches(), g0 = gcMs(), a0 = allocated();
                        for (Pid pid : pids) self.exit(pid, Atom.KILL);
                        long c1 = cpu(), w1 = System.nanoTime();
                        self.receive(m -> m == all, -1);
                        if (rec != null) { rec.stop(); rec.dump(java.nio.file.Path.of(System.getProperty("jfr") + r)); rec.close(); }
                        if (perf != null) { new ProcessBuilder("kill", "-INT", "" + perf.pid()).start().waitFor(); perf.waitFor(); }
                        long a1 = allocated();
                        out.append(String.format("trap n %d kill loop %.1f ms, all exits %.1f ms, cpu %.1f ms (%.0f ns/process), gc %d ms, switches/process %.3f, allocated/process %.0f bytes%n",
                            n, (w1 - w0) / 1e6, (System.nanoTime() - w0) / 1e6, (cpu() - c0) / 1e6, (cpu() - c0) / (double) n, gcMs() - g0, (switches() - x0) / (double) n, (a1 - a0) / (double) n));
                        self.exit(tr, Atom.KILL);
                        while (self.node().processCount() > 3) Thread.sleep(1);
                    }
                } else if (what.equals("lat")) {
                    // genserver_call's latency part, round after round: 10,000 warm-up calls, then n timed ones;
                    // quantiles per round, and in which tenth of the round the calls over 5 us fell
                    Pid pid = (Pid) ((Tuple) GenServer.startLink(new Echo(), null, StartOptions.DEFAULT)).get(1);
                    for (int r = 0; r < 5; r++) {
                        for (int i = 0; i < 10000; i++) GenServer.call(pid, PING);
                        long[] lat = new long[n];
                        long c0 = cpu(), x0 = switches(), g0 = gcMs();
                        for (int i = 0; i < n; i++) { long t0 = System.nanoTime(); GenServer.call(pid, PING); lat[i] = System.nanoTime() - t0; }
                        long c1 = cpu(), x1 = switches();
                        int[] tenth = new int[10];
                        for (int i = 0; i < n; i++) if (lat[i] > 5000) tenth[i * 10 / n]++;
                        long[] sorted = lat.clone(); java.util.Arrays.sort(sorted);
                        out.append(String.format("lat p50 %.2f p99 %.2f p999 %.2f max %.0f us, cpu_ns/op %.0f switches/op %.3f gc_ms %d, over 5us by tenth %s%n",
                            sorted[n / 2] / 1e3, sorted[(int) (n * 0.99)] / 1e3, sorted[(int) (n * 0.999)] / 1e3, sorted[n - 1] / 1e3,
                            (c1 - c0) / (double) n, (x1 - x0) / (double) n, gcMs() - g0, java.util.Arrays.toString(tenth)));
                    }
                } else if (what.equals("call")) {
                    Pid pid = (Pid) ((Tuple) GenServer.startLink(new Echo(), null, StartOptions.DEFAULT)).get(1);
                    for (int i = 0; i < 20000; i++) GenServer.call(pid, PING);
                    for (int r = 0; r < 3; r++) {
                        long c0 = cpu(), w0 = System.nanoTime(), x0 = switches();
                        for (int i = 0; i < n; i++) GenServer.call(pid, PING);
                        out.append(String.format("call cpu_ns/op %.0f wall_ns/op %.0f switches/op %.2f%n", (cpu() - c0) / (double) n, (System.nanoTime() - w0) / (double) n, (switches() - x0) / (double) n));
                    }
                } else {
                    Atom P = Atom.of("p");
                    Pid me = self.self();
                    Pid ponger = self.spawn(p -> { while (true) { Object m = p.receive(); if (m == Atom.of("stop")) return; p.send((Pid) m, PONG); } });
                    for (int i = 0; i < 20000; i++) { self.send(ponger, me); self.receive(x -> x == PONG, -1); }
                    for (int r = 0; r < 3; r++) {
                        long c0 = cpu(), w0 = System.nanoTime(), x0 = switches();
                        for (int i = 0; i < n; i++) { self.send(ponger, me); self.receive(x -> x == PONG, -1); }
                        out.append(String.format("pingpong cpu_ns/op %.0f wall_ns/op %.0f switches/op %.2f%n", (cpu() - c0) / (double) n, (System.nanoTime() - w0) / (double) n, (switches() - x0) / (double) n));
                    }
                }
                done.complete(out.toString());
            } catch (Throwable t) { done.completeExceptionally(t); }
        });
        System.out.print(done.get());
        System.exit(0);
    }
}
