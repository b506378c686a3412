package procshell.shell.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
 * code check for interruption, so Ctrl-C can stop them.
 */
public final class Evaluator {
    /** The file name Groovy reports for typed code, as iex's {@code iex:LINE}. */
    public static final String SCRIPT_NAME = "iex";

    private static final String[] FACADES = {"Process", "GenServer", "Supervisor", "Registry"};

    private final Binding binding = new ShellBinding();
    private final CompletableFuture<GroovyShell> shell;
    private int counter;

    /**
     * Creates an evaluator with empty bindings. Groovy's compiler takes a second or two to load
     * and warm up, so that happens on a background thread while the console shows its prompt;
     * the first evaluation waits for it if it has to.
     */
    public Evaluator() {
        shell = CompletableFuture.supplyAsync(this::createShell, runnable -> {
            Thread t = new Thread(runnable, "procshell-groovy-init");
            t.setDaemon(true);
            t.start();
        });
    }

    private GroovyShell createShell() {
        CompilerConfiguration config = new CompilerConfiguration();
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStaticStars("procshell.shell.iex.Kernel");
        // Every public class of the iex package is a module at the prompt; names that clash with
        // Java's defaults (Process, Node) also get explicit imports, which take precedence.
        imports.addStarImports("procshell.shell.iex");
        for (String f : FACADES) imports.addImport(f, "procshell.shell.iex." + f);
        imports.addImports("procshell.runtime.node.Atom", "procshell.runtime.node.Pid", "procshell.runtime.node.Tuple");
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(ThreadInterrupt.class));
        GroovyShell groovy = new GroovyShell(Evaluator.class.getClassLoader(), binding, config);
        // Compile (without running) a typical input, so that the first real one is quick.
        groovy.getClassLoader().parseClass(IexSyntax.translate("{:ok, %{id: [1]}}"), "warmup.groovy");
        return groovy;
    }

    private GroovyShell shell() {
        return shell.join();
    }

    /** The class loader that holds the classes typed at the prompt. */
    public ClassLoader classLoader() {
        return shell().getClassLoader();
    }

    /** The shell's bindings, kept between inputs. */
    public Binding binding() {
        return binding;
    }

    /** The variable names bound so far, for completion. */
    @SuppressWarnings("unchecked")
    public Set<String> variableNames() {
        return new HashSet<>(binding.getVariables().keySet());
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
