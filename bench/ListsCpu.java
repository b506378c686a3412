// CPU and allocation per step of the list terms alone, without the compiled code around them
// (bench/README.md, "Lists as the BEAM has them"): each idiom of bench/beam/list_idioms.exs calls
// what a compiled module's function calls for it (a [h | t] pattern is Ops.isListAtLeast, Ops.at and
// Ops.drop; [n, n | s] is Ops.cons; ++ is Ops.append; tl/1 is Kernel.tl), so an A/B of two jars
// shows what the lists cost on a busy machine, where wall time is noise.
//
//   java -Xss64m -cp shell/target/procshell.jar bench/ListsCpu.java [rounds] [idiom...]
//
// Prints, per idiom, the median of `rounds` (default 7) runs after two untimed ones: the thread's
// CPU ms per run of N = 100,000 steps, and bytes allocated per step.
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import procshell.shell.iex.ElixirEnum;
import procshell.shell.iex.Kernel;
import procshell.shell.iex.Ops;

public class ListsCpu {
    static final int N = 100_000;
    static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static Object sink;

    record Idiom(String name, int ops, IntFunction<Object> run) {}

    /** def build(0), do: []; def build(n), do: [n | build(n - 1)] */
    static Object build(int n) {
        return n == 0 ? List.of() : Ops.cons(build(n - 1), n);
    }

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(null, () -> run(args), "lists", 1L << 30);
        t.start();
        t.join();
    }

    static void run(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= N; i++) list.add(i);
        List<Object> range = ElixirEnum.to_list(Ops.range(1, N));
        List<Idiom> idioms = List.of(
                new Idiom("accumulate", N, r -> {
                    // def dbl([h | t], acc), do: dbl(t, [h * 2 | acc]); def dbl([], acc), do: Enum.reverse(acc)
                    Object l = range, acc = List.of();
                    while (Ops.isListAtLeast(l, 1)) {
                        Object h = Ops.at(l, 0);
                        l = Ops.drop(l, 1);
                        acc = Ops.cons(acc, (Integer) h * 2);
                    }
                    return ElixirEnum.reverse(acc);
                }),
                new Idiom("body_build", N / 2, r -> build(N / 2)),
                new Idiom("reduce_cons", N, r -> {
                    Object acc = List.of();
                    for (int i = 1; i <= N; i++) acc = Ops.cons(acc, i);
                    return acc;
                }),
                new Idiom("pop_push", N, r -> {
                    // def stack(n, [_ | s]), do: stack(n - 1, [n, n | s])
                    Object s = Ops.list(0);
                    for (int n = N; n > 0; n--) {
                        if (!Ops.isListAtLeast(s, 1)) throw new AssertionError();
                        s = Ops.cons(Ops.drop(s, 1), n, n);
                    }
                    return s;
                }),
                new Idiom("prepend", N, r -> {
                    Object acc = List.of();
                    for (int i = 1; i <= N; i++) acc = Ops.append(Ops.list(i), acc);
                    return acc;
                }),
                new Idiom("tl_walk", N, r -> {
                    Object l = list;
                    int k = 0;
                    while (!((List<?>) l).isEmpty()) {
                        l = Kernel.tl(l);
                        k++;
                    }
                    return k;
                }),
                new Idiom("tl_walk_consed", N, r -> {
                    Object l = sink instanceof List<?> && ((List<?>) sink).size() == N ? sink : build(N);
                    int k = 0;
                    while (!((List<?>) l).isEmpty()) {
                        l = Kernel.tl(l);
                        k++;
                    }
                    return k;
                }));
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
