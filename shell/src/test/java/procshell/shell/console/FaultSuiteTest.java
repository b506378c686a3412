package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;
import procshell.shell.eval.EvaluatorProcess;

/**
 * Bad inputs and faults, as a hostile new user tries them (issue 21), one test per item; each
 * asserts what the person sees. Ctrl-C (item 1) has its own terminal tests: {@link CtrlCSessionTest};
 * the command line and the files the shell reads (items 5 and 7): {@code procshell.shell.cli.StartChecksTest}.
 * Large sizes run with {@code PROCSHELL_STRESS=1 bin/test} ({@code -Dprocshell.stress=true}).
 */
@Timeout(120)
class FaultSuiteTest {
    private static final boolean STRESS = Boolean.getBoolean("procshell.stress");
    /** Nothing of Java or Groovy: a qualified class name, an exception class, a Java frame. */
    private static final Pattern JAVA = Pattern.compile("java\\.|groovy\\.|procshell\\.|Exception\\b|\\.java:|NullPointer|StackOverflow");

    private static void assertNoJava(String shown) {
        assertFalse(JAVA.matcher(shown).find(), () -> "Java reached the user:\n" + shown);
    }

    /**
     * Item 2, preemption: twice as many processes as the node has carriers spin in a function that
     * calls itself forever; another process's GenServer still answers (without preemption the call never
     * would), and once killed the spinners stop within their time slice.
     */
    @Test
    void spinningProcessesStarveNoOneAndStopWhenKilled() throws Exception {
        Shell shell = new Shell("nonode@nohost");
        try {
            EvaluatorProcess p = shell.process();
            eval(p, "defmodule Spin do def loop(n), do: loop(n + 1) end");
            eval(p, "defmodule Echo do use GenServer; def init(s), do: {:ok, s}; def handle_call(:ping, _f, s), do: {:reply, :pong, s} end");
            eval(p, "{:ok, echo} = GenServer.start(Echo, 0)");
            // twice as many as carriers: every carrier's own queue holds a spinner, so only the
            // shared queue lets in the new caller and the server's wake-ups
            int spinners = 2 * Math.max(4, procshell.runtime.process.Carriers.ensureHeadroom());
            eval(p, "spinners = for _ <- 1.." + spinners + ", do: spawn(fn -> Spin.loop(0) end)");
            Thread.sleep(200); // let them take every carrier
            // from a process of its own (a virtual thread, as every process but the shell's)
            assertEquals(List.of(Atom.of("pong"), Atom.of("pong"), Atom.of("pong")),
                    eval(p, "me = self(); spawn(fn -> send(me, {:r, for(_ <- 1..3, do: GenServer.call(echo, :ping, 30_000))}) end);"
                            + " receive do {:r, r} -> r end"));
            @SuppressWarnings("unchecked")
            List<Pid> pids = (List<Pid>) eval(p, "spinners");
            List<Thread> threads = pids.stream().map(pid -> shell.node().process(pid)).map(LocalProcess::thread).toList();
            eval(p, "for s <- spinners, do: Process.exit(s, :kill)");
            assertEquals(java.util.Collections.nCopies(spinners, Boolean.FALSE), eval(p, "for s <- spinners, do: Process.alive?(s)"));
            for (Thread t : threads) {
                t.join(30_000);
                assertFalse(t.isAlive(), "a killed spinner's thread ends at its next reduction check");
            }
        } finally {
            shell.shutdown();
        }
    }

    /** Item 6: a nil where a pid, a fun or a list was expected is Elixir's ArgumentError, no Java text. */
    @Test
    void nilArgumentsGiveElixirsErrors() {
        String shown = PipedSession.transcript("Process.info(nil)", "length(nil)", "Process.link(nil)");
        assertTrue(shown.contains("ps(1)> Process.info(nil)\n** (ArgumentError) "), shown);
        assertTrue(shown.contains("ps(1)> length(nil)\n** (ArgumentError) errors were found at the given arguments:"), shown);
        assertNoJava(shown);
    }

    /** Item 6: deep recursion that is not a tail call succeeds at the prompt, as on the BEAM. */
    @Test
    void deepRecursionSucceedsAtThePrompt() {
        int depth = STRESS ? 10_000_000 : 200_000;
        assertEquals(List.of(List.of("{:module, Deep, <<...>>, {:f, 1}}"), List.of(Integer.toString(depth))),
                PipedSession.outputs("defmodule Deep do def f(0), do: 0; def f(n), do: 1 + f(n - 1) end", "Deep.f(" + depth + ")"));
    }

    /**
     * Item 6: a spawned process (a virtual thread, whose stack may grow as deep as the JVM's
     * {@code -Xss}: 1 GiB from {@code bin/procshell} and the test JVM) recurses as deep as the
     * BEAM's does.
     */
    @Test
    void deepRecursionSucceedsInASpawnedProcess() {
        int depth = STRESS ? 10_000_000 : 1_000_000;
        assertEquals(List.of(List.of("{:module, Deep, <<...>>, {:f, 1}}"), List.of(Integer.toString(depth))),
                PipedSession.outputs("defmodule Deep do def f(0), do: 0; def f(n), do: 1 + f(n - 1) end",
                        "me = self(); spawn(fn -> send(me, {:r, Deep.f(" + depth + ")}) end); receive do {:r, r} -> r end"));
    }

    /**
     * Item 6: where the stack cannot hold a recursion (here a shell started with a 4 MiB
     * {@code -Xss}), the error names the limit, in a few lines, without a Java name.
     */
    @Test
    void aStackThatIsFullNamesTheLimitInAFewLines() throws Exception {
        // a small heap too: a compiled recursion's frames move to the heap when its process yields
        String shown = shellWithStack("-Xss4m -Xmx256m", "defmodule Deeper do def f(0), do: 0; def f(n), do: 1 + f(n - 1) end",
                "pid = spawn(fn -> Deeper.f(100_000_000) end); ref = Process.monitor(pid)",
                "receive do {:DOWN, ^ref, _, _, {e, _}} -> e end");
        assertTrue(shown.contains("** (SystemLimitError) a system limit has been reached (the process's stack is full"), shown);
        assertTrue(shown.lines().filter(l -> l.contains("Deeper.f/1")).count() <= 8, shown);
        assertNoJava(shown);
    }

    /**
     * A process that keeps building data the node cannot hold (here in a shell of 256 MB) is
     * stopped with a system limit that says so, at the end of one of its time slices; the shell
     * and its bindings go on.
     */
    @Test
    void aProcessThatFillsTheNodesMemoryIsStoppedAndTheShellGoesOn() throws Exception {
        String shown = shellWithStack("-Xmx256m", "defmodule Grow do def grow(acc), do: grow([{acc} | acc]) end",
                "x = 7; pid = spawn(fn -> Grow.grow([]) end); ref = Process.monitor(pid)",
                "receive do {:DOWN, ^ref, _, _, {e, _}} -> e after 60_000 -> :still_growing end",
                "x + 1");
        assertTrue(shown.contains("** (SystemLimitError) a system limit has been reached (the node's memory is full: more than 90% of"
                + " the JVM heap's 256 MB of long-lived data is in use after a collection; this process was building more)"), shown);
        assertTrue(shown.contains("\n:system_limit\n"), shown);
        assertTrue(shown.contains("ps(4)> x + 1\n8\n"), shown);
        assertNoJava(shown);
    }

    /**
     * Item 7 ({@code System.exit} typed at the prompt): in a Groovy input ({@code ~G}) the calls
     * that end the JVM raise, naming what stops the node; {@code :erlang.halt/1} and
     * {@code System.halt/1} end the node with their status, as they end iex. In a shell of its own
     * JVM, since a halt ends it.
     */
    @Test
    void onlyTheBeamsHaltEndsTheNode() throws Exception {
        String shown = shellWithStack("-Xss1g", "~G\"System.exit(5)\"", "~G\"Runtime.getRuntime().halt(6)\"",
                "~G\"[1].each { System.exit(7) }\"", "x = 1", ":erlang.halt(4)", "IO.puts(:after_the_halt)");
        for (String call : List.of("System.exit", "Runtime.halt", "System.exit")) {
            assertTrue(shown.contains("** (RuntimeError) " + call + " would end the JVM under the node; to stop the node, as in iex,"
                    + " call System.halt/1 (or System.stop/1, :erlang.halt/1)"), shown);
        }
        assertTrue(shown.endsWith("ps(2)> :erlang.halt(4)\n" + "exit status 4"), shown);
        assertFalse(shown.contains("after_the_halt"), shown);
        assertTrue(shellWithStack("-Xss1g", "System.halt(3)", "IO.puts(:after_the_halt)").endsWith("ps(1)> System.halt(3)\nexit status 3"));
    }

    /**
     * What a shell run as {@code java STACK ... procshell.shell.cli.Main} (STACK: JVM options, space-separated) prints for the piped
     * inputs, then {@code exit status N}.
     */
    private static String shellWithStack(String stack, String... inputs) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("fault_suite_home");
        List<String> command = new java.util.ArrayList<>(List.of(javaCommand));
        command.addAll(List.of(stack.split(" ")));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "procshell.shell.cli.Main", "--no-color"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(true);
        java.lang.Process child = pb.start();
        try (java.io.Writer in = new java.io.OutputStreamWriter(child.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            for (String input : inputs) in.write(input + "\n");
        }
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return out + "exit status " + child.waitFor();
    }

    /**
     * Item 6 (sizes of ranges materialised): a range too big for the node's memory made a list
     * fails at once with the BEAM's {@code :system_limit} naming the size, instead of after the
     * JVM spent a minute collecting; a lazy walk of the same range is not refused.
     */
    @Test
    void aHugeRangeMadeAListFailsAtOnceNamingTheSize() {
        String shown = PipedSession.transcript("Enum.to_list(1..2_000_000_000)", "Enum.map(1..2_000_000_000, &(&1 * 2))",
                "1..2_000_000_000 |> Stream.map(&(&1 * 2)) |> Enum.take(3)");
        assertTrue(shown.contains("ps(1)> Enum.to_list(1..2_000_000_000)\n** (SystemLimitError) a system limit has been reached"
                + " (a list of 2000000000 elements needs about 37.3 GB of memory, more than the node's "), shown);
        assertTrue(shown.contains("ps(1)> Enum.map(1..2_000_000_000, &(&1 * 2))\n** (SystemLimitError) a system limit has been reached"
                + " (a list of 2000000000 elements needs about 37.3 GB"), shown);
        assertTrue(shown.contains("ps(1)> 1..2_000_000_000 |> Stream.map(&(&1 * 2)) |> Enum.take(3)\n[2, 4, 6]"), shown);
        assertNoJava(shown);
    }

    /** Item 6: a raising init's {:error, {exception, stacktrace}} carries the BEAM's frames, never Java's. */
    @Test
    void aRaisingInitsStacktraceHasElixirFrames() {
        List<List<String>> out = PipedSession.outputs("defmodule BadInit do use GenServer; def init(_), do: raise \"boom\" end",
                "{:error, {e, stack}} = GenServer.start(BadInit, 1); e", "stack");
        assertEquals(List.of("%RuntimeError{message: \"boom\"}"), out.get(1));
        String stack = String.join("\n", out.get(2));
        assertTrue(stack.startsWith("[\n  {BadInit, :init, 1, [file: 'iex', line: 1]},\n  {:gen_server, :init_it, 2, [file: 'gen_server.erl', line: 851]},"), stack);
        assertNoJava(stack);
    }

    /** Item 6: what the JVM raises on its own prints as an Elixir error (the generic net). */
    @Test
    void javaErrorsArePrintedAsElixirErrors() {
        assertEquals("** (ArgumentError) argument error", procshell.shell.inspect.ErrorFormatter.banner(new NullPointerException(
                "Cannot invoke \"groovy.lang.Closure.call()\" because \"fun\" is null")));
        assertEquals("** (ArgumentError) argument error", procshell.shell.inspect.ErrorFormatter.banner(new ClassCastException(
                "class java.lang.String cannot be cast to class java.util.List")));
        assertEquals("** (RuntimeError) an internal error occurred", procshell.shell.inspect.ErrorFormatter.banner(
                new IllegalStateException(new InterruptedException())));
        assertTrue(procshell.shell.inspect.ErrorFormatter.banner(new OutOfMemoryError("Java heap space"))
                .startsWith("** (SystemLimitError) a system limit has been reached (the node's memory is full"));
    }

    /**
     * Item 3: a distributed node whose atom table fills halts as a local one does, and the fresh
     * node takes its name again at the port mapper (the halted node's registration goes with it):
     * the shell goes on, distributed, with the bindings.
     */
    @Test
    void aDistributedNodeWhoseAtomTableFillsRestartsUnderItsName() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String name = "full" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000 + "@localhost";
        procshell.runtime.dist.DistOptions opts = procshell.runtime.dist.DistOptions.of("fault_suite").withEpmdPort(port).withNetTickTime(20_000);
        Shell shell = new Shell(name, 8192, opts);
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            shell.piped(new java.io.BufferedReader(new java.io.StringReader("""
                    x = 1
                    for i <- 1..10000, do: String.to_atom("a#{i}")
                    {x, Node.self() == :"%s", Node.alive?()}
                    """.formatted(name))), new java.io.PrintWriter(out, true)).run();
        } finally {
            shell.shutdown();
        }
        String shown = out.toString();
        assertTrue(shown.contains("procshell: the node " + name + " is dead."), shown);
        assertTrue(shown.endsWith("ps(" + name + ")1> {x, Node.self() == :\"" + name + "\", Node.alive?()}\n{1, true, true}\n"), shown);
        assertNoJava(shown);
    }

    private static Object eval(EvaluatorProcess p, String source) throws InterruptedException {
        EvaluatorProcess.Result r = p.evaluate(source);
        if (r instanceof EvaluatorProcess.Result.Value v) return v.outcome().value();
        throw new AssertionError(source + " failed: " + r);
    }
}
