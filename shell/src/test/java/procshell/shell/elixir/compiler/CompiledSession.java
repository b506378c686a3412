package procshell.shell.elixir.compiler;

import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import groovy.lang.Binding;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.runtime.InvokerHelper;
import procshell.runtime.node.Node;
import procshell.shell.iex.IexSession;
import procshell.shell.inspect.ErrorFormatter;

/**
 * Runs compiled inputs as the shell will: each one's Groovy script with one Binding kept between
 * inputs, all in one process of a fresh node (its mailbox outlives an input), printing the value
 * as iex does or the error's banner.
 */
final class CompiledSession implements AutoCloseable {
    static {
        procshell.shell.inspect.ShellTerms.install();
    }

    private record Job(Object quoted, CompletableFuture<String> out) {}

    private final Node node = new Node();
    private final Binding binding = new Binding();
    private final ModuleClassLoader loader = new ModuleClassLoader(CompiledSession.class.getClassLoader(), new CompilerConfiguration());
    private int inputs;
    private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    /** The last script's source, for failure messages. */
    volatile String lastSource = "";
    /** The last error raised, for failure messages. */
    volatile Throwable lastError;
    /** Inputs are evaluated from the quoted form when the direct path takes them ({@link DirectInput}), as the shell does. */
    private final boolean directFirst;
    /** How many inputs the direct path took. */
    volatile int direct;

    CompiledSession() {
        this(false);
    }

    /** @param directFirst evaluate the inputs the direct path takes without Groovy, as the shell does */
    CompiledSession(boolean directFirst) {
        this.directFirst = directFirst;
        node.spawn(self -> {
            Thread.currentThread().setContextClassLoader(loader);
            while (true) {
                Job job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    return;
                }
                job.out().complete(run(job.quoted()));
            }
        });
    }

    private String run(Object quoted) {
        try {
            if (directFirst) {
                @SuppressWarnings("unchecked")
                DirectInput plan = DirectInput.plan(quoted, new HashSet<>(((Map<String, Object>) binding.getVariables()).keySet()));
                if (plan != null) {
                    direct++;
                    return IexSession.of(node).inspect(plan.run(DirectInput.Variables.in(binding.getVariables())));
                }
            }
            @SuppressWarnings("unchecked")
            CompiledInput in = ElixirCompiler.compileInput(quoted, new HashSet<>(((Map<String, Object>) binding.getVariables()).keySet()));
            lastSource = in.source();
            Class<?> script = loader.parseClass(in.source(), "iex_" + (++inputs) + ".groovy");
            Object value = InvokerHelper.createScript(script, binding).run();
            return IexSession.of(node).inspect(value);
        } catch (Throwable t) {
            lastError = t;
            return ErrorFormatter.format(t);
        }
    }

    /** What iex prints for the input (quoted form): the value inspected, or the error's first lines. */
    String eval(Object quoted) {
        CompletableFuture<String> out = new CompletableFuture<>();
        jobs.add(new Job(quoted, out));
        return out.join();
    }

    @Override
    public void close() {
        node.shutdown();
    }
}
