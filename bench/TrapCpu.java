// cleanup_trap_exit's case with and without a young collection before the kill (bench/README.md, "Runtime
// figures (issue 18)", seventh session): a trap_exit process linked to N processes, all killed; the CPU of
// the kill phase (the JVM's, and per thread kind) until the trapper has every {:EXIT, ...}. Odd rounds first
// allocate garbage until a young collection happens, so the N processes have survived one when they die.
//
//   java --add-opens java.base/java.lang=ALL-UNNAMED -XX:-ProfileExceptionHandlers -XX:NewSize=512m \
//        -cp runtime/target/procshell-runtime-0.1.0-SNAPSHOT.jar bench/TrapCpu.java 100000 6
//   -Djfr=PREFIX: a profile (1 ms samples) of each round's kill phase only, to PREFIX + round + .jfr
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.SpawnOptions;

public class TrapCpu {
    static volatile Object sink;

    static long collections() {
        long c = 0;
        for (var g : ManagementFactory.getGarbageCollectorMXBeans()) c += g.getCollectionCount();
        return c;
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ticks (10 ms) per thread kind: the thread's name without its numbers. */
    static Map<String, Long> threads() {
        Map<String, Long> m = new TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return m;
        for (java.io.File t : tasks) {
            try {
                String st = java.nio.file.Files.readString(new java.io.File(t, "stat").toPath());
                String comm = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')).replaceAll("[0-9#]+", "N");
                String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                m.merge(comm, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (java.io.IOException | RuntimeException gone) {
                // a thread that ended meanwhile
            }
        }
        return m;
    }

    static String since(Map<String, Long> before) {
        StringBuilder sb = new StringBuilder();
        for (var e : threads().entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > 0) sb.append(e.getKey()).append(' ').append(d * 10).append(" ms, ");
        }
        return sb.toString();
    }

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        int rounds = Integer.parseInt(a[1]);
        Node node = new Node();
        CompletableFuture<String> done = new CompletableFuture<>();
        Atom ok = Atom.OK, ready = Atom.of("ready"), all = Atom.of("all");
        node.spawn(self -> {
            try {
                StringBuilder out = new StringBuilder();
                for (int r = 0; r < rounds; r++) {
                    boolean young = r % 2 == 1;
                    Pid parent = self.self();
                    Pid trapper = self.spawn(me -> {
                        me.trapExit(true);
                        me.send(parent, ready);
                        for (int k = n; k > 0; k--) me.receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), -1);
                        me.send(parent, all);
                    });
                    self.receive(m -> m == ready, -1);
                    List<Pid> pids = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) pids.add(self.spawn(me -> { me.link(trapper); me.send(parent, ok); me.receive(); }));
                    for (int i = 0; i < n; i++) self.receive(m -> m == ok, -1);
                    long g0 = collections();
                    if (young) while (collections() == g0) sink = new byte[64 * 1024];
                    long g1 = collections();
                    jdk.jfr.Recording rec = null;
                    if (System.getProperty("jfr") != null) {
                        rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                        rec.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
                        rec.start();
                    }
                    Map<String, Long> th = threads();
                    long c0 = cpu(), t0 = System.nanoTime();
                    for (Pid p : pids) self.exit(p, Atom.KILL);
                    self.receive(m -> m == all, -1);
                    long t1 = System.nanoTime(), c1 = cpu();
                    String perThread = since(th);
                    if (rec != null) {
                        rec.stop();
                        rec.dump(java.nio.file.Path.of(System.getProperty("jfr") + r + ".jfr"));
                        rec.close();
                    }
                    out.append(String.format("round %d %s: kill to last EXIT %.1f ms wall, %.1f ms CPU, collections before %d during %d; %s%n", r,
                            young ? "after a young collection" : "without one             ", (t1 - t0) / 1e6, (c1 - c0) / 1e6, g1 - g0, collections() - g1, perThread));
                    self.exit(trapper, Atom.KILL);
                    while (pids.stream().anyMatch(node::isAlive)) Thread.sleep(5);
                }
                done.complete(out.toString());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, SpawnOptions.DEFAULT);
        System.out.print(done.get());
        System.exit(0);
    }
}
