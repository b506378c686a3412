// The run loop of the terms' drivers (MapsCpu.java, ListsCpu.java; launched as
// `java -cp ... bench/MapsCpu.java`, which compiles this file beside it): each idiom runs
// `rounds` times after two untimed runs, and prints the median run's thread CPU and the bytes
// it allocated per operation.
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

final class TermsRuns {
    static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static Object sink;

    /** An idiom: {@code run} does {@code ops} operations given the run's number. */
    record Idiom(String name, int ops, IntFunction<Object> run) {}

    private TermsRuns() {}

    /** Runs the idioms named in {@code args} after the rounds (all when none is named) and prints one line each. */
    static void report(List<Idiom> idioms, String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> only = List.of(args).subList(Math.min(1, args.length), args.length);
        for (Idiom idiom : idioms) {
            if (!only.isEmpty() && !only.contains(idiom.name())) continue;
            List<long[]> runs = new ArrayList<>();
            for (int r = 0; r < rounds + 2; r++) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
                sink = idiom.run().apply(r);
                long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
                long alloc = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
                if (r >= 2) runs.add(new long[] {cpu, alloc});
            }
            runs.sort((x, y) -> Long.compare(x[0], y[0]));
            long[] median = runs.get(runs.size() / 2);
            System.out.printf("%-22s cpu %8.2f ms   %6d B/op%n", idiom.name(), median[0] / 1e6, median[1] / idiom.ops());
        }
    }
}
