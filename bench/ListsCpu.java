// CPU and allocation per step of the list terms alone, without the compiled code around them
// (bench/README.md, "Lists as the BEAM has them"): each idiom of bench/beam/list_idioms.exs calls
// what a compiled module's function calls for it (a [h | t] pattern is Ops.isListAtLeast, Ops.at and
// Ops.drop; [n, n | s] is Ops.cons; ++ is Ops.append; tl/1 is Kernel.tl), so an A/B of two jars
// shows what the lists cost on a busy machine, where wall time is noise.
//
//   java -Xss64m -cp shell/target/procshell.jar bench/ListsCpu.java [rounds] [idiom...]
//
// Prints, per idiom, the median of `rounds` (default 7) runs after two untimed ones: the thread's
// CPU ms per run of N = 100,000 steps, and bytes allocated per step. tl_walk walks a list made by
// Enum.to_list (an array list), tl_walk_consed one made by consing.
import java.util.ArrayList;
import java.util.List;

import procshell.shell.iex.ElixirEnum;
import procshell.shell.iex.Kernel;
import procshell.shell.iex.Ops;

public class ListsCpu {
    static final int N = 100_000;

    /** def build(0), do: []; def build(n), do: [n | build(n - 1)] */
    static Object build(int n) {
        return n == 0 ? List.of() : Ops.cons(build(n - 1), n);
    }

    /** def count([], k), do: k; def count(l, k), do: count(tl(l), k + 1) */
    static int count(Object l) {
        int k = 0;
        while (!((List<?>) l).isEmpty()) {
            l = Kernel.tl(l);
            k++;
        }
        return k;
    }

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(null, () -> run(args), "lists", 1L << 30);
        t.start();
        t.join();
    }

    static void run(String[] args) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= N; i++) list.add(i);
        List<Object> range = ElixirEnum.to_list(Ops.range(1, N));
        Object consed = build(N);
        List<TermsRuns.Idiom> idioms = List.of(
                new TermsRuns.Idiom("accumulate", N, r -> {
                    // def dbl([h | t], acc), do: dbl(t, [h * 2 | acc]); def dbl([], acc), do: Enum.reverse(acc)
                    Object l = range, acc = List.of();
                    while (Ops.isListAtLeast(l, 1)) {
                        Object h = Ops.at(l, 0);
                        l = Ops.drop(l, 1);
                        acc = Ops.cons(acc, (Integer) h * 2);
                    }
                    return ElixirEnum.reverse(acc);
                }),
                new TermsRuns.Idiom("body_build", N / 2, r -> build(N / 2)),
                new TermsRuns.Idiom("reduce_cons", N, r -> {
                    Object acc = List.of();
                    for (int i = 1; i <= N; i++) acc = Ops.cons(acc, i);
                    return acc;
                }),
                new TermsRuns.Idiom("pop_push", N, r -> {
                    // def stack(n, [_ | s]), do: stack(n - 1, [n, n | s])
                    Object s = Ops.list(0);
                    for (int n = N; n > 0; n--) {
                        if (!Ops.isListAtLeast(s, 1)) throw new AssertionError();
                        s = Ops.cons(Ops.drop(s, 1), n, n);
                    }
                    return s;
                }),
                new TermsRuns.Idiom("prepend", N, r -> {
                    Object acc = List.of();
                    for (int i = 1; i <= N; i++) acc = Ops.append(Ops.list(i), acc);
                    return acc;
                }),
                new TermsRuns.Idiom("tl_walk", N, r -> count(list)),
                new TermsRuns.Idiom("tl_walk_consed", N, r -> count(consed)));
        TermsRuns.report(idioms, args);
    }
}
