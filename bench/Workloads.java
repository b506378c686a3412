// Runs runtime workloads of `procshell bench` in one JVM without the shell, one after the other as
// `bench --vs-beam` runs them, and prints their figures and the JVM's CPU time for each
// (bench/README.md, "Runtime figures"). With -Xlog:deoptimization*=trace:file=F it counts the
// deoptimizations of a sequence (one line each in F).
//
//   java --add-opens java.base/java.lang=ALL-UNNAMED -XX:-ProfileExceptionHandlers -XX:NewSize=512m \
//        -cp runtime/target/procshell-runtime-0.1.0-SNAPSHOT.jar bench/Workloads.java registry_unique,registry_duplicate
//   NAME:N runs a workload at size N (default: its full size, as bench without --quick)
import java.lang.management.ManagementFactory;
import procshell.runtime.bench.Benchmarks;
import procshell.runtime.bench.Figures;
import procshell.runtime.bench.Workload;

public class Workloads {
    public static void main(String[] a) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String spec : a[0].split(",")) {
            String[] parts = spec.split(":");
            Workload w = Benchmarks.named(parts[0]);
            int n = parts.length > 1 ? Integer.parseInt(parts[1]) : w.size(false);
            long c0 = os.getProcessCpuTime();
            Benchmarks.run(w, n, new Figures(System.out::println), 900_000);
            System.out.printf("%s_jvm_cpu_s %.2f%n", parts[0], (os.getProcessCpuTime() - c0) / 1e9);
        }
        System.exit(0);
    }
}
