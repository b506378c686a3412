package procshell.shell.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.inspect.SyntaxColors;
import procshell.shell.elixir.compiler.DirectInput;
import procshell.shell.elixir.compiler.PromptEnv;

/**
 * Walks typical inputs through the steps of a person's input (reading, planning, running from the
 * quoted form, inspecting the value) on a background thread while the first prompt shows, so that
 * the person's first inputs find that code loaded and warmed instead of paying for it: a fresh
 * JVM took ~70 ms to read {@code 1 + 1}, ~40 ms to plan it and ~30 ms to inspect its value, and
 * the first {@code fn} waited for Groovy's runtime (a {@code fn} is a Closure). It also has the
 * session that records the launcher's class-data cache load these classes, so later starts map
 * them instead of loading them.
 *
 * <p>The inputs touch no process, define nothing and bind nothing: nothing of them is seen in
 * the session but the atoms of their names (as reading them at the prompt would make).
 */
final class PromptWarmUp {
    /** Inputs without a fn: what a person's first input most likely is. */
    private static final List<String> PLAIN = List.of(
            "1 + 1",
            "Enum.sum([1, 2, 3])",
            "String.upcase(\"hello\") <> \" world\"",
            "%{ok: 1} |> Map.put(:error, [2.5, \"x\", {:ok, 'ab'}])",
            "case [1, 2] do\n  [a | _] when a > 0 -> a\n  [] -> :error\nend",
            "if length([1]) > 2, do: :ok, else: :error",
            "for n <- 1..10, rem(n, 2) == 0, do: n * n");

    /** Inputs with a fn, run once Groovy's runtime (behind every fn) is loaded. */
    private static final List<String> WITH_FNS = List.of(
            "x = [1, 2, 3] |> Enum.map(fn x -> x * 2 end)",
            "Enum.filter(1..20, fn n -> rem(n, 3) == 0 end)",
            "mul = fn a, b -> a * b end\nmul.(6, 7)",
            "Enum.reduce(x, 0, &(&1 + &2))");

    /**
     * A module, only planned (its class written and verified, as {@code defmodule}'s planning does),
     * never defined: a module pasted from the study notes is often a person's first input, and its
     * planning (the module's compiler, the bytecode library, the JVM's verification) took 31-54 ms of
     * a first {@code defmodule} 4 s into a session, ~3 ms later. Its names are those of the inputs
     * above, so that it adds no atom either.
     */
    static final String MODULE = """
            defmodule Enum do
              def sum(0, x), do: x
              def sum(n, x), do: sum(n - 1, x + n)
              def map(x), do: Enum.map(x, fn n -> n * 2 end)
            end""";

    /**
     * Calls a study note makes first (a supervision tree with a Registry, a via name, a kill),
     * only planned, never run (they would start processes), with {@code x} bound: each names the
     * modules it calls, whose finding (the facade's class loaded, its functions listed) took
     * 4-6 ms of a module's first call in a session ({@code Process.exit/2} after a kill, the
     * child specs of {@code Supervisor.start_link/2}). Their atoms are ones iex has at its start.
     */
    static final List<String> PLANNED = List.of(
            "children = [{Registry, keys: :unique, name: Enum}, {DynamicSupervisor, strategy: :one_for_one, name: Enum}]",
            "Supervisor.start_link(x, strategy: :one_for_one, name: Enum)",
            "DynamicSupervisor.start_child(Enum, {Agent, fn -> x end})",
            "GenServer.start_link(Enum, x, name: {:via, Registry, {Enum, x}})",
            "GenServer.call(GenServer.whereis({:via, Registry, {Enum, x}}), {:ok, x})",
            "Registry.lookup(Enum, x) ++ Registry.keys(Enum, self())",
            "Registry.count(Enum) + length(Supervisor.which_children(Enum))",
            "Process.exit(x, :kill)",
            "Process.sleep(x)",
            "Agent.get(x, fn n -> n end)",
            ":global.register_name(x, self())");

    /** Rounds after the first: enough for the JIT to compile the reader's and planner's common paths. */
    private static final int ROUNDS = 10;

    /**
     * Rounds more, the console's part in each, where a person types at a terminal: enough for the
     * JIT to compile the path each later input takes (its keys, the Enter, the reading, planning
     * and inspecting), which a few dozen inputs leave to the interpreter. Measured through a pty
     * ({@code bench/README.md}, twelfth session): later inputs 3.2-5.4 ms before, 2.5-3.9 after (150
     * to 600 rounds alike), for 1-3 s more CPU in the session's first ~3 s, each step giving way to
     * the person's inputs.
     */
    private static final int ROUNDS_AT_A_TERMINAL = 300;

    /** Once per JVM: what it loads and compiles serves every shell of the JVM. */
    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private PromptWarmUp() {}

    /**
     * Starts the warm-up, once per JVM: Groovy's runtime (which every fn needs, {@link GroovyRuntime})
     * loading on a thread of its own, unless it started as the JVM did; on another, {@code console}
     * (the console's part of an input's path, when not null) and the plain inputs meanwhile, then
     * the inputs with a fn once the runtime is loaded, and rounds of both. The second thread takes
     * each step once no person waits for an input ({@link Foreground#giveWay}), so that the
     * person's input shares the two cores with the runtime's load at most. With a console, the
     * warm-up goes on with {@value #ROUNDS_AT_A_TERMINAL} rounds of the console's part and the inputs.
     *
     * @param console  the console's part of an input's path (JLine's handling of a typed line), run
     *                 once a round; null where no person types at a terminal
     * @param rehearsal a session's first steps of the runtime on a shell of their own, run once
     *                 after the first walk; null where no person types at a terminal
     * @param compiler Groovy's compiler, which loads once the person pauses: the rounds at a
     *                 terminal wait for it rather than share the two cores with its load (which a
     *                 {@code defmodule} typed meanwhile would wait for)
     */
    static void start(Runnable console, Runnable rehearsal, java.util.concurrent.CompletableFuture<?> compiler) {
        if (!STARTED.compareAndSet(false, true)) return;
        GroovyRuntime.startLoading();
        daemon("procshell-prompt-warm-up", () -> {
            try {
                if (console != null) {
                    Foreground.giveWay();
                    console.run();
                    InputTrace.mark("console-warmed");
                }
                walk(PLAIN);
                GroovyRuntime.awaitLoaded();
                walk(WITH_FNS);
                plan(List.of(MODULE));
                plan(PLANNED);
                Foreground.giveWay();
                procshell.shell.inspect.LogFormatter.warmUp();
                if (rehearsal != null) {
                    rehearsal.run();
                    InputTrace.mark("rehearsal-done");
                }
                for (int i = 0; i < ROUNDS; i++) {
                    walk(PLAIN);
                    walk(WITH_FNS);
                }
                InputTrace.mark("warm-up-done");
            } catch (Throwable e) {
                // a warm-up only: the first real input loads what is missing
            }
            SessionRecord.jvm().warmUpDone();
            if (console != null) compiler.whenComplete((loaded, failed) -> daemon("procshell-prompt-warm-up", () -> roundsAtATerminal(console)));
        });
    }

    private static void roundsAtATerminal(Runnable console) {
        try {
            for (int i = 0; i < ROUNDS_AT_A_TERMINAL; i++) {
                Foreground.giveWay();
                console.run();
                walk(PLAIN);
                walk(WITH_FNS);
            }
            InputTrace.mark("terminal-rounds-done");
        } catch (Throwable e) {
            // a warm-up only: the JIT compiles the rest as the person's inputs run
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * One round of the typical inputs, plain ones and ones with a fn, on the calling thread: the
     * thread that loads Groovy's runtime as an interactive JVM starts ({@link GroovyRuntime}) runs
     * it next, before the first prompt shows, so that a person's first inputs (a fn as the second,
     * typed at once) find the reader, the planner, a fn's making and inspect run once: planning
     * {@code Enum.map([1, 2, 3], fn x -> x * 2 end)} as the second input cost ~15 ms of the shell
     * process's CPU, ~4 after this round (calm, on a pty, {@code -Dprocshell.trace.input}).
     */
    static void firstRound() {
        try {
            walk(PLAIN);
            walk(WITH_FNS);
        } catch (Throwable e) {
            // a warm-up only: the first real input loads what is missing
        }
        InputTrace.mark("first-round-done");
    }

    /**
     * Plans each input as the evaluator plans a person's, {@code x} bound, and drops the plans.
     *
     * @return how many were planned without Groovy (for tests: the others warm little of this path)
     */
    static int plan(List<String> inputs) throws InterruptedException {
        int direct = 0;
        for (String source : inputs) {
            Foreground.giveWay();
            if (Evaluator.plan(Evaluator.read(source, 1), java.util.Set.of("x"), PromptEnv.EMPTY).direct() != null) direct++;
        }
        return direct;
    }

    /**
     * Each input through the evaluator's own steps ({@link Evaluator#read}, {@link Evaluator#plan}: the warnings' walks
     * too, whose first lambda took 5-7 ms of a person's first fn when the warm-up skipped them),
     * then run and inspected as the console inspects a value.
     */
    private static void walk(List<String> inputs) throws Throwable {
        Map<String, Object> bound = new HashMap<>();
        DirectInput.Variables variables = DirectInput.Variables.in(bound);
        for (String source : inputs) {
            Foreground.giveWay();
            DirectInput input = Evaluator.plan(Evaluator.read(source, 1), bound.keySet(), PromptEnv.EMPTY).direct();
            if (input == null) continue;
            Object value = input.run(variables);
            DirectInput.modulesDefined(); // (as the evaluator asks after each input)
            Inspect.inspect(value, InspectOptions.IEX);
            Inspect.inspect(value, InspectOptions.IEX.withSyntaxColors(SyntaxColors.iex()));
        }
    }
}
