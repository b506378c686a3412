package procshell.shell.console;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.jline.terminal.Terminal;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Node;
import procshell.shell.eval.Evaluator;
import procshell.shell.eval.EvaluatorProcess;
import procshell.shell.iex.IexSession;
import procshell.shell.inspect.ShellTerms;

/**
 * One shell: a node, its shell process and evaluator, and a console. Built by the command line and
 * by tests.
 */
public final class Shell {
    private final Node node;
    private final EvaluatorProcess process;
    private final AtomicReference<Console> console = new AtomicReference<>();

    /** A shell on a new node with this name ({@code nonode@nohost} when not distributed). */
    public Shell(String nodeName) {
        ShellTerms.install();
        this.node = new Node(nodeName, procshell.runtime.node.AtomTable.DEFAULT_LIMIT);
        IexSession.of(node);
        this.process = new EvaluatorProcess(node, new Evaluator(), (pid, reason) -> {
            Console c = console.get();
            if (c != null) c.shellDied(pid, reason);
        });
    }

    /** The node. */
    public Node node() {
        return node;
    }

    /** The shell process. */
    public EvaluatorProcess process() {
        return process;
    }

    /** A console on a JLine terminal. */
    public Console interactive(Terminal terminal, Path history) {
        Console c = Console.interactive(node, process, terminal, history);
        console.set(c);
        return c;
    }

    /** A console over plain streams (piped input), echoing inputs as a transcript. */
    public Console piped(BufferedReader in, PrintWriter out) {
        Console c = Console.piped(node, process, in, out);
        console.set(c);
        return c;
    }

    /** Stops every process of the node. */
    public void shutdown() {
        Console c = console.getAndSet(null);
        if (c != null) c.close();
        node.shutdown();
        IexSession.forget(node);
    }

    /** The inspected form of a term, as the shell prints results. */
    public String inspect(Object term) {
        return Inspect.inspect(term, IexSession.of(node).inspectOptions());
    }
}
