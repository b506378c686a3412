package procshell.shell.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;

import groovy.transform.ThreadInterrupt;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.SpawnOptions;
import procshell.shell.console.Shell;
import procshell.shell.elixir.compiler.CompiledInput;
import procshell.shell.elixir.compiler.ElixirCompiler;
import procshell.shell.elixir.compiler.ModuleClassLoader;
import procshell.shell.elixir.compiler.ReductionChecks;
import procshell.shell.elixir.reader.ElixirReader;
import procshell.shell.eval.EvaluatorProcess;
import procshell.shell.eval.Interrupted;

/**
 * Preemption ({@link procshell.runtime.process.Reductions}), measured: not a test, a program that
 * prints figures.
 * <ul>
 * <li>{@code call_latency_*_ms}: a process calls a GenServer {@code rounds} times (its
 *     {@code handle_call/3} typed at the prompt) and the call's round trip is timed: first alone,
 *     then while {@code spinners} processes (4 by default, as many as the node has carriers here)
 *     run a function that calls itself forever. Without preemption the spinners would keep every
 *     carrier and the calls would never be answered. Printed: median, p99 and max.</li>
 * <li>{@code check_cost_*_ns}: a module function counting down from {@code n} by calling itself
 *     (as Elixir code loops), compiled three ways: with no check, with Groovy's
 *     {@code @ThreadInterrupt} (what procshell emitted before) and with {@link ReductionChecks};
 *     ns per step, best of 5.</li>
 * </ul>
 * Run: {@code java -cp shell/target/procshell.jar:shell/target/lib/* procshell.shell.bench.PreemptionBench [rounds] [n]}.
 */
public final class PreemptionBench {
    private PreemptionBench() {}

    /**
     * Runs the measurements and prints {@code name value unit} lines.
     *
     * @param args optional: the number of calls per phase (default 2,000) and the countdown's steps
     *             (default 20,000,000)
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000_000;
        callLatency(rounds, 4);
        checkCost(n);
        System.exit(0);
    }

    private static void callLatency(int rounds, int spinners) throws Exception {
        Shell shell = new Shell("nonode@nohost");
        EvaluatorProcess p = shell.process();
        eval(p, "defmodule Spin do def loop(n), do: loop(n + 1) end");
        eval(p, "defmodule Echo do use GenServer; def init(s), do: {:ok, s}; def handle_call(:ping, _from, s), do: {:reply, :pong, s} end");
        Pid echo = (Pid) ((Tuple) eval(p, "GenServer.start(Echo, 0)")).get(1);
        Node node = shell.node();
        report("alone", measure(node, echo, rounds));
        eval(p, "for _ <- 1.." + spinners + ", do: spawn(fn -> Spin.loop(0) end)");
        report("with_" + spinners + "_spinners", measure(node, echo, rounds));
        shell.shutdown();
    }

    private static Object eval(EvaluatorProcess p, String source) throws InterruptedException {
        EvaluatorProcess.Result r = p.evaluate(source);
        if (r instanceof EvaluatorProcess.Result.Value v) return v.outcome().value();
        throw new IllegalStateException(source + " failed: " + r);
    }

    /** The round trips of {@code rounds} calls from a fresh process (a virtual thread, as any other), in ns. */
    private static long[] measure(Node node, Pid echo, int rounds) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        node.spawn(self -> {
            long[] ns = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                GenServer.call(echo, Atom.of("ping"), 60_000);
                ns[i] = System.nanoTime() - t0;
            }
            done.complete(ns);
        }, SpawnOptions.DEFAULT);
        long[] ns = done.get(120, TimeUnit.SECONDS);
        Arrays.sort(ns);
        return ns;
    }

    private static void report(String phase, long[] sorted) {
        System.out.printf("call_latency_%s_median_ms %.3f ms%n", phase, sorted[sorted.length / 2] / 1e6);
        System.out.printf("call_latency_%s_p99_ms %.3f ms%n", phase, sorted[(int) (sorted.length * 0.99)] / 1e6);
        System.out.printf("call_latency_%s_max_ms %.3f ms%n", phase, sorted[sorted.length - 1] / 1e6);
    }

    private static void checkCost(int n) throws Exception {
        Map<String, CompilerConfiguration> configs = new java.util.LinkedHashMap<>();
        configs.put("none", new CompilerConfiguration());
        CompilerConfiguration old = new CompilerConfiguration();
        old.addCompilationCustomizers(new ASTTransformationCustomizer(Map.of("thrown", Interrupted.class), ThreadInterrupt.class));
        configs.put("thread_interrupt", old);
        CompilerConfiguration reductions = new CompilerConfiguration();
        reductions.addCompilationCustomizers(new ASTTransformationCustomizer(ReductionChecks.class));
        configs.put("reduction_checks", reductions);
        CompiledInput in = ElixirCompiler.compileInput(ElixirReader.read(
                "defmodule Count do def down(0), do: :done; def down(k), do: down(k - 1) end", "iex"), Set.of());
        String className = in.modules().get(0).className();
        Shell shell = new Shell("nonode@nohost");
        CompletableFuture<Map<String, Double>> best = new CompletableFuture<>();
        // in a process of a node, as typed code runs; the three compiled the same way, then timed in
        // turns (5 rounds, best of each), so that the JIT's warm-up counts for none of them
        shell.node().spawn(self -> {
            try {
                Map<String, Method> downs = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, CompilerConfiguration> e : configs.entrySet()) {
                    ModuleClassLoader loader = new ModuleClassLoader(PreemptionBench.class.getClassLoader(), e.getValue());
                    loader.parseClass(in.source(), "iex_bench.groovy");
                    downs.put(e.getKey(), Class.forName(className, true, loader).getMethod("down", Object.class));
                }
                Map<String, Double> out = new java.util.LinkedHashMap<>();
                for (int round = 0; round < 5; round++) {
                    for (Map.Entry<String, Method> e : downs.entrySet()) {
                        long t0 = System.nanoTime();
                        e.getValue().invoke(null, n);
                        double ns = (double) (System.nanoTime() - t0) / n;
                        out.merge(e.getKey(), ns, Math::min);
                    }
                }
                best.complete(out);
            } catch (Throwable t) {
                best.completeExceptionally(t);
            }
        }, SpawnOptions.DEFAULT);
        for (Map.Entry<String, Double> e : best.get(600, TimeUnit.SECONDS).entrySet()) {
            System.out.printf("check_cost_%s_ns %.2f ns/step%n", e.getKey(), e.getValue());
        }
        shell.shutdown();
    }
}
