// The CPU each input of a piped shell costs, by the kind of thread that spent it (the shell's
// carriers, the C1 and C2 compiler threads, GC, the JVM's own), read from
// /proc/self/task/*/schedstat: a loaded machine stretches the wall time of an input many times
// over, the CPU of its carriers much less, and the JIT's share shows apart (bench/README.md,
// "Seventh session: unboxed integers ..."). The session: a few inputs of the corpus, the `Loop`
// module of `bench input_latency`, `Loop.loop(n, 0)` four times, then each input of the file (if
// any; inputs separated by lines `%%`) three times, each as a new input.
//
//   java -Xss1g --add-opens java.base/java.lang=ALL-UNNAMED -cp shell/target/procshell.jar bench/InputCpu.java [n] [inputs-file]
//
// Prints, per input: its wall ms, the process CPU ms, and the CPU ms of each kind of thread that
// spent more than 2 ms (a thread that ended meanwhile makes its kind's figure low or negative).
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import procshell.shell.console.Console;
import procshell.shell.console.Shell;

public class InputCpu {
    static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "3000000");
        String[] inputs = args.length > 1 ? Files.readString(Path.of(args[1])).split("\n%%\n") : new String[0];
        Shell shell = new Shell("nonode@nohost");
        StringWriter printed = new StringWriter();
        Console console = shell.piped(new BufferedReader(Reader.nullReader()), new PrintWriter(printed, true));
        for (String s : new String[] {"1 + 1", "x = [1, 2, 3] |> Enum.map(fn x -> x * 2 end)", "Enum.sum(x)", "for n <- 1..10, rem(n, 2) == 0, do: n * n"}) {
            console.evalAndPrint(s);
        }
        time(console, printed, "defmodule Loop do\n  def loop(0, acc), do: acc\n  def loop(n, acc), do: loop(n - 1, acc + n)\nend");
        for (int i = 0; i < 4; i++) time(console, printed, "Loop.loop(" + n + ", 0)");
        for (String s : inputs) for (int i = 0; i < 3; i++) time(console, printed, s.strip());
        shell.shutdown();
        System.exit(0);
    }

    /** CPU ns by kind of thread, from the kernel's per-thread run time. */
    static Map<String, Long> threads() {
        Map<String, Long> m = new TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return m;
        for (java.io.File t : tasks) {
            try {
                String name = Files.readString(Path.of(t.getPath(), "comm")).strip();
                long ns = Long.parseLong(Files.readString(Path.of(t.getPath(), "schedstat")).split(" ")[0]);
                m.merge(kind(name), ns, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended while being read
            }
        }
        return m;
    }

    static String kind(String thread) {
        if (thread.startsWith("C2")) return "c2";
        if (thread.startsWith("C1")) return "c1";
        if (thread.contains("GC") || thread.startsWith("G1")) return "gc";
        if (thread.startsWith("procshell") || thread.startsWith("ForkJoin") || thread.contains("carrier")) return "carrier";
        if (thread.equals("java") || thread.equals("main")) return "main";
        return thread;
    }

    static void time(Console console, StringWriter printed, String source) {
        printed.getBuffer().setLength(0);
        Map<String, Long> m0 = threads();
        long c0 = CPU.getProcessCpuTime(), t0 = System.nanoTime();
        boolean ok = console.evalAndPrint(source);
        long t1 = System.nanoTime(), c1 = CPU.getProcessCpuTime();
        Map<String, Long> m1 = threads();
        StringBuilder kinds = new StringBuilder();
        m1.forEach((k, v) -> {
            long d = v - m0.getOrDefault(k, 0L);
            if (Math.abs(d) > 2_000_000) kinds.append(k).append('=').append(d / 1_000_000).append(' ');
        });
        String out = printed.toString().strip().replace('\n', ' ');
        if (out.length() > 30) out = out.substring(0, 30);
        System.out.printf("%-30.30s wall %8.2f ms cpu %6.0f ms [%s] %s%s%n", source.replace('\n', ' '), (t1 - t0) / 1e6, (c1 - c0) / 1e6,
                kinds.toString().strip(), ok ? "" : "FAILED ", out);
    }
}
