package procshell.shell.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.Script;
import org.codehaus.groovy.runtime.InvokerHelper;

import procshell.shell.elixir.compiler.CompiledInput;
import procshell.shell.elixir.compiler.DirectInput;
import procshell.shell.elixir.compiler.ElixirCompiler;
import procshell.shell.elixir.compiler.ModuleClassLoader;
import procshell.shell.elixir.compiler.PromptEnv;
import procshell.shell.elixir.compiler.ProtocolExpansion;
import procshell.shell.elixir.reader.ElixirReader;

/**
 * Evaluates the shell's inputs: reads them as Elixir ({@link ElixirReader}), compiles the quoted
 * form onto Groovy ({@link ElixirCompiler}), lets Groovy compile that to bytecode and runs it,
 * keeping bindings and modules between inputs. An input without a module definition (calls,
 * data, patterns, fns, control flow) is evaluated from its quoted form instead
 * ({@link DirectInput}): it neither waits for Groovy to load nor pays Groovy's compiler. An input that is one {@code ~G}
 * sigil is Groovy ({@link GroovyInput}).
 *
 * <p>Every input sees {@code procshell.shell.iex.Kernel}'s functions and the Elixir-named modules
 * ({@code GenServer}, {@code Process}, {@code Supervisor}, ...) without imports. Loops in typed
 * code check for interruption and then throw {@link Interrupted}, so that Ctrl-C stops them and a
 * kill stops a spawned one even if it catches exceptions.
 */
public final class Evaluator {
    /** The file name Groovy reports for typed code, as iex's {@code iex:LINE}. */
    public static final String SCRIPT_NAME = "iex";

    private static final String[] FACADES = {"Process", "GenServer", "Supervisor", "Registry", "Node"};

    /**
     * What the background warm-up compiles (and does not run) while the person types: most inputs
     * never reach Groovy now, so it is the shape that does, a module definition (patterns, a
     * guard, a tail call, data), whose first compilation otherwise loads and warms Groovy's
     * parser, resolver and class generation on the person's time.
     */
    private static final String WARM_UP = "defmodule ProcshellWarmUp do\n"
            + "  def count(0, acc), do: acc\n"
            + "  def count(n, acc) when n > 0, do: count(n - 1, [{:ok, %{id: n}} | acc])\n"
            + "end\n"
            + "Enum.map([1], fn x -> x end)";

    private final CompletableFuture<ModuleClassLoader> shell = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    /** Variables set before the bindings exist; guarded by {@code this}. */
    private final Map<String, Object> presets = new LinkedHashMap<>();
    private Binding binding;
    private int counter;
    /** The aliases and imports typed at the prompt so far (iex keeps them between inputs, and in a new shell). */
    private volatile PromptEnv env = PromptEnv.EMPTY;
    /** The modules defined without Groovy ({@link DirectInput}), each name's newest class. */
    private final Map<String, Class<?>> directModules = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates an evaluator with empty bindings. Nothing of Groovy is loaded yet: Groovy's runtime
     * and compiler take a second or two to load and warm up, which {@link #prepare()} starts on
     * a background thread (the console calls it as it shows its first prompt); the first
     * evaluation waits for it if it has to.
     */
    public Evaluator() {}

    /**
     * Starts loading Groovy on a background thread, once no input has been evaluated and no key
     * typed for {@value #IDLE_MS} ms ({@link Foreground}); later calls do nothing. Called when the first prompt is on screen, so
     * that the prompt does not wait for Groovy. Most inputs (module definitions too) never need
     * Groovy: its load and warm-up (about a second of CPU) wait for the person to pause, instead
     * of taking the machine from their first inputs; an input that needs Groovy before then
     * starts it at once.
     */
    public void prepare() {
        prepare(null);
    }

    /**
     * As {@link #prepare()}, the warm-up also running {@code console} (when not null): the
     * console's own part of an input's path (JLine's handling of a typed line), which only the
     * console knows, first and then once in each round of the warm-up at a terminal ({@link PromptWarmUp}).
     */
    public void prepare(Runnable console) {
        prepare(console, null);
    }

    /**
     * As {@link #prepare(Runnable)}, the warm-up also running {@code rehearsal} (when not null) once,
     * after its first walk of the typical inputs: a session's first steps of the runtime (a
     * supervision tree, a Registry, a kill), which only the console can run on a shell of their own.
     */
    public void prepare(Runnable console, Runnable rehearsal) {
        if (started.get() || !preparing.compareAndSet(false, true)) return;
        lastInput = System.nanoTime();
        PromptWarmUp.start(console, rehearsal, shell);
        Thread t = new Thread(() -> {
            while (!started.get()) {
                long now = System.nanoTime();
                if (evaluating.get() == 0 && !Foreground.waiting() && now - lastInput >= IDLE_MS * 1_000_000L
                        && now - Foreground.lastKeyNanos() >= IDLE_MS * 1_000_000L) {
                    start(true);
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "procshell-groovy-idle");
        t.setDaemon(true);
        t.start();
    }

    /** How long the shell waits for inputs to pause before it loads Groovy in the background. */
    static final long IDLE_MS = 500;
    private final AtomicBoolean preparing = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger evaluating = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastInput;

    /**
     * Starts loading Groovy, once. {@code warmUp}: compile a typical input too, so that the first
     * real one is quick, when there is time for it (the person is typing); an input that waits
     * for Groovy already ({@code -e}, a script) is compiled at once instead.
     */
    private void start(boolean warmUp) {
        if (!started.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                InputTrace.mark("groovy-compiler-loading");
                shell.complete(createShell(warmUp));
                InputTrace.mark("groovy-compiler-loaded");
                SessionRecord.jvm().compilerLoaded();
            } catch (Throwable e) {
                shell.completeExceptionally(e);
            }
        }, "procshell-groovy-init");
        t.setDaemon(true);
        t.start();
    }

    private ModuleClassLoader createShell(boolean warmUp) {
        Binding b = new ShellBinding();
        synchronized (this) {
            presets.forEach(b::setVariable);
            presets.clear();
            binding = b;
        }
        CompilerConfiguration config = new CompilerConfiguration();
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStaticStars("procshell.shell.iex.Kernel");
        imports.addStaticStars("procshell.shell.observer.ObserverHelpers");
        // Every public class of the iex package is a module at the prompt; names that clash with
        // Java's defaults (Process, Node) also get explicit imports, which take precedence.
        imports.addStarImports("procshell.shell.iex");
        for (String f : FACADES) imports.addImport(f, "procshell.shell.iex." + f);
        imports.addImports("procshell.runtime.node.Atom", "procshell.runtime.node.Pid", "procshell.runtime.node.Tuple");
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(procshell.shell.elixir.compiler.ReductionChecks.class));
        ModuleClassLoader groovy = new ModuleClassLoader(Evaluator.class.getClassLoader(), config);
        if (warmUp) {
            // in a loader of its own, which is then dropped: nothing of the warm-up stays in the shell
            new ModuleClassLoader(Evaluator.class.getClassLoader(), config).parseClass(compile(WARM_UP, Set.of()).source(), "warmup.groovy");
        }
        return groovy;
    }

    private ModuleClassLoader shell() {
        start(false);
        return shell.join();
    }

    /** The class loader that holds the classes typed at the prompt. */
    public ClassLoader classLoader() {
        return shell();
    }

    /** The shell's bindings, kept between inputs (waits for Groovy to be loaded). */
    public Binding binding() {
        shell();
        synchronized (this) {
            return binding;
        }
    }

    /**
     * Binds a variable without waiting for Groovy: before the bindings exist it is kept and bound
     * when they are created.
     */
    public synchronized void setVariable(String name, Object value) {
        if (binding != null) binding.setVariable(name, value);
        else presets.put(name, value);
    }

    /** The bindings as a directly evaluated input reads and writes them (without waiting for Groovy). */
    private final DirectInput.Variables variables = new DirectInput.Variables() {
        @Override
        public Object get(String name) {
            synchronized (Evaluator.this) {
                return binding != null ? binding.getVariable(name) : presets.get(name);
            }
        }

        @Override
        public void set(String name, Object value) {
            setVariable(name, value);
        }
    };

    /** Forgets every variable (iex's {@code respawn()}); classes stay. */
    public synchronized void clearVariables() {
        if (binding != null) binding.getVariables().clear();
        presets.clear();
    }

    /** The variable names bound so far, for completion (without waiting for Groovy). */
    @SuppressWarnings("unchecked")
    public synchronized Set<String> variableNames() {
        return binding == null ? new HashSet<>(presets.keySet()) : new HashSet<>(binding.getVariables().keySet());
    }

    /**
     * The top-level classes typed at the prompt so far, for completion: the modules defined
     * without Groovy, and the classes Groovy compiled (none while Groovy is still loading).
     */
    public List<Class<?>> definedClasses() {
        List<Class<?>> out = new ArrayList<>(directModules.values());
        if (!shell.isDone() || shell.isCompletedExceptionally()) return out;
        for (Class<?> c : shell.join().getLoadedClasses()) {
            if (!Script.class.isAssignableFrom(c) && !c.isSynthetic() && c.getEnclosingClass() == null) out.add(c);
        }
        return out;
    }

    /**
     * Evaluates one input in the calling thread (which must be the shell's process).
     *
     * @param source    the input as typed
     * @param firstLine the number of its first line, as iex numbers an input typed at
     *                  {@code iex(N)>} from line N
     * @return the outcome: the value and the modules the input defined
     * @throws procshell.shell.elixir.reader.ElixirSyntaxError when the input is not Elixir
     * @throws Throwable whatever the input raised or exited with
     */
    public Outcome evaluate(String source, int firstLine) throws Throwable {
        evaluating.incrementAndGet();
        try {
            return evaluateNow(source, firstLine);
        } finally {
            lastInput = System.nanoTime();
            evaluating.decrementAndGet();
        }
    }

    /**
     * Reads a typed input as the evaluator does, the prompt's warm-up's inputs too
     * ({@link PromptWarmUp}): the pipe shorthand applied, then read and its protocols expanded.
     *
     * @param source    the input as typed
     * @param firstLine the number of its first line (iex's {@code iex:N})
     * @return its quoted form
     * @throws procshell.shell.elixir.reader.ElixirSyntaxError when the input is not Elixir
     */
    static Object read(String source, int firstLine) {
        if (mayStartWithOperator(source) && PipeShorthand.applies(source)) source = PipeShorthand.PREVIOUS_RESULT + source;
        // numbered from firstLine, as iex passes Code.string_to_quoted the line: of its prompt
        return ProtocolExpansion.expand(ElixirReader.read(source, SCRIPT_NAME, Math.max(1, firstLine)));
    }

    /**
     * Plans a read input as the evaluator does, the prompt's warm-up's inputs too, so that the
     * warm-up walks the person's own path: the unused-variable and unused-function warnings, and
     * the plan that runs it without Groovy when there is one.
     *
     * @param quoted    the input's quoted form ({@link #read})
     * @param variables the names bound at the prompt
     * @param env       the aliases and imports typed so far
     * @throws procshell.shell.elixir.compiler.CompileError when the input does not compile
     */
    static Planned plan(Object quoted, Set<String> variables, PromptEnv env) {
        String groovy = GroovyInput.source(quoted);
        if (groovy != null) return new Planned(groovy, List.of(), null);
        // printed once the input compiled, as Elixir warns after expanding (a CompileError prints none)
        List<String> warnings = new ArrayList<>(procshell.shell.elixir.compiler.UnusedVariables.of(quoted, "iex"));
        warnings.addAll(procshell.shell.elixir.compiler.UnusedFunctions.of(quoted, "iex"));
        // a few calls need no Groovy class, nor Groovy's compiler to have loaded
        return new Planned(null, warnings, DirectInput.plan(quoted, variables, env));
    }

    /**
     * An input read and planned ({@link #plan}).
     *
     * @param groovy   the Groovy source it is written in (a {@code ~G} input, {@link GroovyInput}), else null
     * @param warnings the warnings to print once it compiled
     * @param direct   its plan without Groovy, or null when only the compiler runs it
     */
    record Planned(String groovy, List<String> warnings, DirectInput direct) {}

    private Outcome evaluateNow(String source, int firstLine) throws Throwable {
        Object quoted = read(source, firstLine);
        InputTrace.mark("read");
        Planned planned = plan(quoted, variableNames(), env);
        InputTrace.mark("planned");
        String groovy = planned.groovy();
        boolean elixir = groovy == null;
        List<String> warnings = planned.warnings();
        if (planned.direct() != null) {
            try {
                warn(warnings);
                return new Outcome(planned.direct().run(variables), List.of());
            } finally {
                for (Class<?> c : DirectInput.modulesDefined()) directModules.put(procshell.shell.iex.Modules.moduleName(c), c);
            }
        }
        // compiled first: an error the compiler reports (an undefined function) needs no Groovy
        PromptEnv after = env;
        if (elixir) {
            CompiledInput compiled;
            try {
                compiled = ElixirCompiler.compileInput(quoted, variableNames(), env);
            } catch (procshell.shell.elixir.compiler.CompileError e) {
                // found once the module was expanded: Elixir printed its warnings first
                if (e.atModuleEnd()) warn(warnings);
                throw e;
            }
            groovy = compiled.source();
            after = compiled.env();
        }
        ModuleClassLoader loader = shell();
        Thread.currentThread().setContextClassLoader(loader);
        Set<Class<?>> before = Set.of(loader.getLoadedClasses());
        String fileName = SCRIPT_NAME + (++counter > 1 ? "_" + counter : "") + ".groovy";
        Class<?> main = loader.parseClass(groovy, fileName);
        List<Class<?>> defined = new ArrayList<>();
        for (Class<?> c : loader.getLoadedClasses()) {
            if (!before.contains(c) && !Script.class.isAssignableFrom(c) && !c.isSynthetic() && c.getEnclosingClass() == null) defined.add(c);
        }
        warn(warnings);
        // A Groovy input of class definitions only compiles to the class itself: nothing to run.
        Object value = Script.class.isAssignableFrom(main) ? InvokerHelper.createScript(main, binding).run() : null;
        env = after; // as iex, the aliases and imports of an input that raised are not kept
        return new Outcome(value, elixir ? List.of() : defined);
    }

    /** Prints an input's compile warnings (Elixir's "variable is unused") before it runs, as iex prints them. */
    private static void warn(List<String> warnings) {
        if (warnings.isEmpty()) return;
        java.io.PrintWriter out = procshell.shell.iex.IexSession.current().out();
        for (String w : warnings) out.print(w + "\n\n");
        out.flush();
    }

    /**
     * False when the input's first character starts no operator (a name other than {@code and},
     * {@code or}, {@code in}, {@code not}, a number, a literal, a bracket): most inputs, which then
     * need not be tokenized a second time to know that iex's pipe shorthand does not apply.
     */
    private static boolean mayStartWithOperator(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) continue;
            if ((Character.isLetterOrDigit(c) || c == '_') && "aoin".indexOf(c) < 0) return false;
            return "\"'[{(%@:".indexOf(c) < 0;
        }
        return false;
    }

    private static CompiledInput compile(String elixir, Set<String> bound) {
        return compile(ElixirReader.read(elixir, SCRIPT_NAME), bound);
    }

    private static CompiledInput compile(Object quoted, Set<String> bound) {
        return ElixirCompiler.compileInput(quoted, bound);
    }

    /**
     * What an input produced.
     *
     * @param value   the value of its last expression
     * @param defined the top-level classes a Groovy input ({@code ~G}) defined, each a module named
     *                by its class (Elixir's {@code defmodule} registers its modules itself)
     */
    public record Outcome(Object value, List<Class<?>> defined) {}
}
