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
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Evaluates the shell's inputs: translates Elixir surface syntax ({@link IexSyntax}), compiles
 * with Groovy and runs, keeping bindings and classes between inputs.
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

    private final CompletableFuture<GroovyShell> shell = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    /** Variables set before the bindings exist; guarded by {@code this}. */
    private final Map<String, Object> presets = new LinkedHashMap<>();
    private Binding binding;
    private int counter;

    /**
     * Creates an evaluator with empty bindings. Nothing of Groovy is loaded yet: Groovy's runtime
     * and compiler take a second or two to load and warm up, which {@link #prepare()} starts on
     * a background thread (the console calls it as it shows its first prompt); the first
     * evaluation waits for it if it has to.
     */
    public Evaluator() {}

    /**
     * Starts loading Groovy on a background thread, once; later calls do nothing. Called when the
     * first prompt is on screen, so that the prompt does not wait for Groovy.
     */
    public void prepare() {
        if (!started.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                shell.complete(createShell());
            } catch (Throwable e) {
                shell.completeExceptionally(e);
            }
        }, "procshell-groovy-init");
        t.setDaemon(true);
        t.start();
    }

    private GroovyShell createShell() {
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
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(java.util.Map.of("thrown", Interrupted.class), ThreadInterrupt.class));
        GroovyShell groovy = new GroovyShell(Evaluator.class.getClassLoader(), b, config);
        // An atom is a module name: Foo.bar() on a module nobody defined raises as in Elixir.
        groovy.evaluate("procshell.runtime.node.Atom.metaClass.methodMissing = { String name, Object args ->"
                + " throw procshell.shell.iex.UndefinedFunctionError.moduleNotAvailable(delegate, name, (Object[]) args) }");
        // Compile (without running) a typical input, so that the first real one is quick.
        groovy.getClassLoader().parseClass(IexSyntax.translate("{:ok, %{id: [1]}}"), "warmup.groovy");
        return groovy;
    }

    private GroovyShell shell() {
        prepare();
        return shell.join();
    }

    /** The class loader that holds the classes typed at the prompt. */
    public ClassLoader classLoader() {
        return shell().getClassLoader();
    }

    /** The shell's bindings, kept between inputs (waits for Groovy to be loaded). */
    public Binding binding() {
        return shell().getContext();
    }

    /**
     * Binds a variable without waiting for Groovy: before the bindings exist it is kept and bound
     * when they are created.
     */
    public synchronized void setVariable(String name, Object value) {
        if (binding != null) binding.setVariable(name, value);
        else presets.put(name, value);
    }

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
     * The top-level classes typed at the prompt so far, for completion (none while Groovy is
     * still loading).
     */
    public List<Class<?>> definedClasses() {
        if (!shell.isDone() || shell.isCompletedExceptionally()) return List.of();
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : shell.join().getClassLoader().getLoadedClasses()) {
            if (!Script.class.isAssignableFrom(c) && !c.isSynthetic() && c.getEnclosingClass() == null) out.add(c);
        }
        return out;
    }

    /**
     * Evaluates one input in the calling thread (which must be the shell's process).
     *
     * @param source the input as typed
     * @return the outcome: the value and the classes the input defined
     * @throws Throwable whatever the input raised or exited with; compile errors as Groovy's
     *         {@code CompilationFailedException}
     */
    public Outcome evaluate(String source) throws Throwable {
        String groovy = IexSyntax.translate(source);
        GroovyClassLoader loader = shell().getClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        Set<Class<?>> before = Set.of(loader.getLoadedClasses());
        Class<?> main = loader.parseClass(groovy, SCRIPT_NAME + (++counter > 1 ? "_" + counter : "") + ".groovy");
        List<Class<?>> defined = new ArrayList<>();
        for (Class<?> c : loader.getLoadedClasses()) {
            if (!before.contains(c) && !Script.class.isAssignableFrom(c) && !c.isSynthetic() && c.getEnclosingClass() == null) defined.add(c);
        }
        // An input of class definitions only compiles to the class itself: nothing to run.
        Object value = Script.class.isAssignableFrom(main) ? InvokerHelper.createScript(main, binding).run() : null;
        return new Outcome(value, defined);
    }

    /**
     * What an input produced.
     *
     * @param value   the value of its last expression
     * @param defined the top-level classes it defined (each shown as {@code {:module, Name, ...}})
     */
    public record Outcome(Object value, List<Class<?>> defined) {}
}
