package procshell.shell.elixir.compiler;

import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import procshell.runtime.node.Node;
import procshell.shell.iex.IexSession;
import procshell.shell.inspect.ErrorFormatter;

/**
 * Runs compiled inputs as the shell will: each one's Groovy script with one Binding kept between
 * inputs, in one process of a fresh node, printing the value as iex does or the error's banner.
 */
final class CompiledSession implements AutoCloseable {
    private final Node node = new Node();
    private final Binding binding = new Binding();
    private final GroovyShell shell = new GroovyShell(CompiledSession.class.getClassLoader(), binding);
    static {
        procshell.shell.inspect.ShellTerms.install();
    }

    /** The last script's source, for failure messages. */
    String lastSource = "";
    /** The last error raised, for failure messages. */
    Throwable lastError;

    /** What iex prints for the input (quoted form): the value inspected, or the error's first lines. */
    String eval(Object quoted) {
        CompletableFuture<String> out = new CompletableFuture<>();
        node.spawn(self -> {
            try {
                Thread.currentThread().setContextClassLoader(shell.getClassLoader());
                @SuppressWarnings("unchecked")
                CompiledInput in = ElixirCompiler.compileInput(quoted, new HashSet<>(((Map<String, Object>) binding.getVariables()).keySet()));
                lastSource = in.source();
                Object value = shell.evaluate(in.source(), "iex_" + Math.abs(in.source().hashCode()) + ".groovy");
                out.complete(IexSession.of(node).inspect(value));
            } catch (Throwable t) {
                lastError = t;
                out.complete(ErrorFormatter.format(t));
            }
        });
        return out.join();
    }

    @Override
    public void close() {
        node.shutdown();
    }
}
