package procshell.shell.observer;

import java.util.Arrays;
import java.util.Locale;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.observe.ProcessRanking;
import procshell.runtime.observe.ProcessSample;
import procshell.runtime.process.ProcessContext;
import procshell.shell.iex.IexSession;

/**
 * How long one {@code observer()} refresh takes with many processes alive: a node with N idle
 * processes (default 100,000, each waiting in receive), then frames of a 200x50 screen drawn as
 * the screen draws them every second, timed. Prints {@code name value unit} lines as
 * {@code procshell bench} does; a measurement, not a test.
 *
 * <pre>
 * java -cp shell/target/procshell.jar procshell.shell.observer.ObserverRefreshBench [N]
 * </pre>
 */
public final class ObserverRefreshBench {
    private static final int WARMUP = 100;
    private static final int RUNS = 30;

    private ObserverRefreshBench() {}

    /** Runs the measurement; {@code args[0]} is the number of processes. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        Node node = new Node();
        ProcessContext self = node.attach();
        try {
            System.gc();
            long before = usedHeap();
            for (int i = 0; i < n; i++) node.spawn(ctx -> ctx.receive());
            while (node.processRecords().stream().filter(p -> p.status().equals(Atom.of("waiting"))).count() < n) Thread.sleep(50);
            System.gc();
            long per = (usedHeap() - before) / n;
            IexSession session = IexSession.of(node);
            ObserverView view = new ObserverView(session);
            print("observer_processes", node.processCount(), "processes");
            print("observer_heap_per_idle_process", per, "bytes");
            double[] processes = frames(view, 200, 50);
            print("observer_frame_processes_tab_median", processes[0], "ms");
            print("observer_frame_processes_tab_p90", processes[1], "ms");
            double[] rank = time(() -> ProcessRanking.of(node, ProcessSample.SortKey.REDUCTIONS));
            print("observer_ranking_median", rank[0], "ms");
            view.handle(ObserverKey.TREES);
            print("observer_frame_trees_tab_median", frames(view, 200, 50)[0], "ms");
            view.handle(ObserverKey.TABLES);
            print("observer_frame_tables_tab_median", frames(view, 200, 50)[0], "ms");
        } finally {
            node.detach();
            node.shutdown();
        }
    }

    private static double[] frames(ObserverView view, int width, int height) {
        return time(() -> view.frame(width, height));
    }

    /** Median and 90th percentile in ms of {@link #RUNS} runs after {@link #WARMUP}. */
    private static double[] time(Runnable r) {
        for (int i = 0; i < WARMUP; i++) r.run();
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[RUNS * 9 / 10]};
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void print(String name, double value, String unit) {
        System.out.println(name + " " + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.2f", value) + " " + unit);
    }

}
