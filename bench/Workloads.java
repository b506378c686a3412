// Runs runtime workloads of `procshell bench` in one JVM without the shell, one after the other as
// `bench --vs-beam` runs them, and prints their figures and the JVM's CPU time for each
// (bench/README.md, "Runtime figures"). With -Xlog:deoptimization*=trace:file=F it counts the
// deoptimizations of a sequence (one line each in F).
//
//   java --add-opens java.base/java.lang=ALL-UNNAMED -XX:-ProfileExceptionHandlers -XX:NewSize=512m \
//        -cp runtime/target/procshell-runtime-0.1.0-SNAPSHOT.jar bench/Workloads.java registry_unique,registry_duplicate
//   NAME:N runs a workload at size N (default: its full size, as bench without --quick)
//
// Each figure line starts with [UPTIMEs uUSER sSYS fFAULTS]: the JVM's uptime (to match -Xlog:gc:...:uptime
// lines), its user and kernel CPU so far in ticks of 10 ms, and its minor page faults so far (with
// transparent huge pages, one per fresh 2 MB), so a phase's kernel time and faults are the difference
// between two lines. After each workload: the JVM's CPU, that of its JIT compiler threads, user and kernel.
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import procshell.runtime.bench.Benchmarks;
import procshell.runtime.bench.Figures;
import procshell.runtime.bench.Workload;

public class Workloads {
    /** utime, stime (ticks) and minor faults of a /proc stat line. */
    static long[] stat(Path p) {
        try {
            String s = Files.readString(p);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[7])};
        } catch (java.io.IOException | RuntimeException gone) {
            return new long[3]; // a thread that ended meanwhile
        }
    }

    /** CPU ticks of the JIT compiler threads. */
    static long jitTicks() {
        long t = 0;
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return -1;
        for (java.io.File task : tasks) {
            try {
                String s = Files.readString(new java.io.File(task, "stat").toPath());
                String comm = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                if (comm.startsWith("C1 Comp") || comm.startsWith("C2 Comp")) {
                    long[] x = stat(new java.io.File(task, "stat").toPath());
                    t += x[0] + x[1];
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // ended meanwhile
            }
        }
        return t;
    }

    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var rt = ManagementFactory.getRuntimeMXBean();
        Path self = Path.of("/proc/self/stat");
        Figures figures = new Figures(line -> {
            long[] s = stat(self);
            System.out.printf("[%.3fs u%d s%d f%d] %s%n", rt.getUptime() / 1000.0, s[0], s[1], s[2], line);
        });
        for (String spec : a[0].split(",")) {
            String[] parts = spec.split(":");
            Workload w = Benchmarks.named(parts[0]);
            int n = parts.length > 1 ? Integer.parseInt(parts[1]) : w.size(false);
            long c0 = os.getProcessCpuTime(), j0 = jitTicks();
            long[] s0 = stat(self);
            Benchmarks.run(w, n, figures, 900_000);
            long[] s1 = stat(self);
            System.out.printf("%s_jvm_cpu_s %.2f jit %.2f user %.2f sys %.2f%n", parts[0], (os.getProcessCpuTime() - c0) / 1e9,
                    (jitTicks() - j0) / 100.0, (s1[0] - s0[0]) / 100.0, (s1[1] - s0[1]) / 100.0);
        }
        System.exit(0);
    }
}
