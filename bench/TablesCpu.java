// CPU, allocation and thread switches per operation of the registry and term figures (bench/README.md,
// "Registry, tables and atoms (issue 18)"), for A/B runs of two jars on a busy machine: wall time is
// noise there; the JVM's process CPU time, the bytes its threads allocated and the switches are not.
//
//   java --add-opens java.base/java.lang=ALL-UNNAMED -XX:-ProfileExceptionHandlers -XX:NewSize=256m \
//        -cp runtime/target/procshell-runtime-0.1.0-SNAPSHOT.jar bench/TablesCpu.java MODE N [ROUNDS]
//   modes: register (unique registry, 1 partition: spawn N idle, :go -> each registers key i, kill all),
//          register1 (one process registers keys 1..N: the path alone), register2 (the same with one partition per core), subscribe (duplicate registry: N processes
//          register under one key), register12 / subscribe12 (round 1 with one partition, later rounds on a registry of one
//          partition per core, as bench registry_unique / registry_duplicate go from p1 to p2; -Dgc=true: three
//          System.gc() after each round, as the bench's memory figures), atoms (N new atoms: heap bytes per atom after full GCs)
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import procshell.runtime.node.*;
import procshell.runtime.process.*;
import procshell.runtime.registry.Registry;

public class TablesCpu {
    /** Voluntary context switches of all this JVM's threads. */
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

    /** CPU ns of this JVM's threads whose name starts with one of {@code prefixes} (from /proc: JIT and GC threads are not in ThreadMXBean). */
    static long threadCpu(String... prefixes) {
        long ticks = 0;
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return -1;
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(new java.io.File(t, "stat").toPath());
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                boolean match = false;
                for (String p : prefixes) match |= comm.startsWith(p);
                if (!match) continue;
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            } catch (java.io.IOException | RuntimeException gone) {
                // a thread that ended meanwhile
            }
        }
        return ticks * 10_000_000L; // USER_HZ 100
    }
    /** System (kernel) CPU ns of the whole JVM: page faults on fresh memory show here. */
    static long sysCpu() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]) * 10_000_000L;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
    static long jitCpu() { return threadCpu("C1 Compi", "C2 Compi"); }
    static long gcCpu() { return threadCpu("GC Thread", "G1 ", "VM Thread"); }

    static long gcCount() { long t = 0; for (var g : ManagementFactory.getGarbageCollectorMXBeans()) t += g.getCollectionCount(); return t; }
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
    /** Bytes allocated by all platform threads (carriers included, so by the processes they ran). */
    static long allocated() { return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes(); }

    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    record Phase(long cpu, long alloc, long sw, long gc, long jit, long gcCpu, long sys, long wall) {
        static Phase now() { return new Phase(TablesCpu.cpu(), TablesCpu.allocated(), TablesCpu.switches(), TablesCpu.gcCount(), jitCpu(), TablesCpu.gcCpu(), sysCpu(), System.nanoTime()); }
        /** Per operation: CPU of the whole JVM, of its JIT threads, of its GC threads (and VM thread), its kernel time, bytes allocated, switches; collections and wall ms in all. */
        String since(Phase b, int n) {
            return String.format("cpu_ns %.0f (jit %.0f gc %.0f sys %.0f) alloc_b %.0f switches %.2f gcs %d wall_ms %.0f", (cpu - b.cpu) / (double) n, (jit - b.jit) / (double) n,
                    (gcCpu - b.gcCpu) / (double) n, (sys - b.sys) / (double) n, (alloc - b.alloc) / (double) n, (sw - b.sw) / (double) n, gc - b.gc, (wall - b.wall) / 1e6);
        }
    }

    public static void main(String[] a) throws Exception {
        String what = a[0];
        int n = Integer.parseInt(a[1]);
        int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 5;
        Node node = new Node();
        CompletableFuture<String> done = new CompletableFuture<>();
        node.spawn(self -> {
            try {
                StringBuilder out = new StringBuilder();
                Atom go = Atom.of("go");
                if (what.equals("atoms")) {
                    AtomTable atoms = self.node().atoms();
                    for (int r = 0; r < rounds; r++) {
                        long m0 = heapAfterGc();
                        String prefix = "bench_atom_" + System.nanoTime() + "_";
                        List<String> strings = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) strings.add(prefix + i);
                        Phase p0 = Phase.now();
                        for (String s : strings) atoms.intern(s);
                        Phase p1 = Phase.now();
                        for (String s : strings) if (atoms.existing(s) == null) throw new IllegalStateException(s);
                        Phase p2 = Phase.now();
                        for (String s : strings) if (atoms.existing(s) == null) throw new IllegalStateException(s);
                        Phase p3 = Phase.now();
                        strings = null;
                        long per = (heapAfterGc() - m0) / n;
                        out.append(String.format("atoms heap_b/atom %d new: %s existing: %s again: %s%n", per, p1.since(p0, n), p2.since(p1, n), p3.since(p2, n)));
                    }
                } else if (what.equals("register1")) {
                    // one process registers keys 1..N itself: the registration's own path, no wake-ups
                    Atom reg = Atom.module("TablesReg1");
                    Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), reg)));
                    for (int r = 0; r < rounds; r++) {
                        Phase p1 = Phase.now();
                        for (int i = 0; i < n; i++) Registry.register(reg, r * n + i, null);
                        Phase p2 = Phase.now();
                        out.append(String.format("register1 per registration: %s%n", p2.since(p1, n)));
                    }
                } else {
                    boolean dup = what.startsWith("subscribe");
                    // register12 / subscribe12: round 1 on one partition, later rounds on a fresh registry of one per core
                    boolean phases = what.endsWith("12");
                    int cores = Runtime.getRuntime().availableProcessors();
                    int partitions = what.equals("register2") ? cores : 1;
                    Atom topic = Atom.of("topic");
                    Atom reg = null;
                    for (int r = 0; r < rounds; r++) {
                        if (reg == null || phases && r == 1) {
                            reg = Atom.module("TablesReg" + r);
                            Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of(dup ? "duplicate" : "unique")),
                                    Tuple.of(Atom.of("name"), reg), Tuple.of(Atom.of("partitions"), phases && r > 0 ? cores : partitions)));
                        }
                        Atom registry = reg;
                        List<Pid> pids = new ArrayList<>(n);
                        Phase p0 = Phase.now();
                        for (int i = 0; i < n; i++) {
                            Integer key = i;
                            pids.add(self.spawn(me -> {
                                me.receive(m -> m == go, -1);
                                Registry.register(registry, dup ? topic : key, null);
                                me.receive();
                            }));
                        }
                        // -Djfr=FILE: a profile (1 ms samples) of each round's registration phase only, to FILE + round
                        jdk.jfr.Recording rec = null;
                        if (System.getProperty("jfr") != null) {
                            rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                            rec.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
                            rec.start();
                        }
                        // -Dperf=FILE: perf record of each round's registration phase (with -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit)
                        Process perf = null;
                        if (System.getProperty("perf") != null) {
                            perf = new ProcessBuilder("perf", "record", "-F", "4999", "-g", "-p", "" + ProcessHandle.current().pid(), "-o", System.getProperty("perf") + r)
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                            Thread.sleep(500);
                        }
                        Phase p1 = Phase.now();
                        for (Pid p : pids) self.send(p, go);
                        while (Registry.count(reg) != n) Thread.sleep(1);
                        Phase p2 = Phase.now();
                        if (rec != null) { rec.stop(); rec.dump(java.nio.file.Path.of(System.getProperty("jfr") + r + ".jfr")); rec.close(); }
                        if (perf != null) { new ProcessBuilder("kill", "-INT", "" + perf.pid()).start().waitFor(); perf.waitFor(); }
                        for (Pid p : pids) self.exit(p, Atom.KILL);
                        while (Registry.count(reg) != 0) Thread.sleep(1);
                        out.append(String.format("%s spawn per process: %s%n", what, p1.since(p0, n)));
                        out.append(String.format("%s per registration: %s%n", what, p2.since(p1, n)));
                        // -Dgc=true: three full collections after each round, as the bench's memory figures
                        // (TableBytes, spawn_mem_*) take them between phases; G1 may then give memory back
                        if (Boolean.getBoolean("gc")) for (int i = 0; i < 3; i++) System.gc();
                    }
                }
                done.complete(out.toString());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        System.out.print(done.get());
        System.exit(0);
    }
}
