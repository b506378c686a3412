package procshell.shell.console;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.jline.terminal.Terminal;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.AtomTable;
import procshell.runtime.node.Node;
import procshell.shell.eval.Evaluator;
import procshell.shell.eval.EvaluatorProcess;
import procshell.shell.iex.IexSession;
import procshell.shell.inspect.ShellTerms;

/**
 * One shell: a node, its shell process, the evaluator with the user's bindings, and a console.
 * Built by the command line and by tests.
 *
 * <p>When the node halts (its atom table is full: the BEAM stops the whole VM then), the console
 * says so and a fresh node with a new shell process takes over; the bindings stay.
 */
public final class Shell {
    private final String nodeName;
    private final int atomLimit;
    private final procshell.runtime.dist.DistOptions distribution;
    private final Evaluator evaluator = new Evaluator();
    private final AtomicReference<Console> console = new AtomicReference<>();
    private volatile CompletableFuture<Running> running;
    /** Where crash reports and the runtime's log lines go when no console runs ({@code -e}, {@code --script}). */
    private volatile java.io.PrintWriter reportsOut;

    /** The node and its shell process; replaced together when the node halts. */
    private record Running(Node node, EvaluatorProcess process) {}

    /** A shell on a new node with this name ({@code nonode@nohost} when not distributed). */
    public Shell(String nodeName) {
        this(nodeName, AtomTable.DEFAULT_LIMIT);
    }

    /**
     * A shell on a new node whose atom table holds {@code atomLimit} atoms (the BEAM's {@code +t}).
     */
    public Shell(String nodeName, int atomLimit) {
        this(nodeName, atomLimit, null);
    }

    /**
     * A shell on a new node that, given {@code distribution} options, joins the Erlang
     * distribution under {@code nodeName} ({@code --sname}/{@code --name}).
     *
     * <p>A node that is not distributed starts on a second thread, so that the console can open
     * its terminal meanwhile (both are on the way to the first prompt); whatever needs the node
     * waits for it.
     *
     * @throws java.io.UncheckedIOException when the node cannot start its distribution (the name
     *         is in use, no port mapper can be reached or started)
     */
    public Shell(String nodeName, int atomLimit, procshell.runtime.dist.DistOptions distribution) {
        ShellTerms.install();
        this.nodeName = nodeName;
        this.atomLimit = atomLimit;
        this.distribution = distribution;
        if (distribution == null) {
            this.running = Background.start("procshell-node-start", this::startNode);
        } else {
            this.running = CompletableFuture.completedFuture(startNode()); // its errors are the constructor's
        }
    }

    private Running startNode() {
        Node node = new Node(nodeName, atomLimit);
        // As on the BEAM, Registry is there before any registry is started: {:via, Registry, ...}
        // names then fail with Registry's own error ("unknown registry"), not a missing module.
        procshell.runtime.registry.Registry.install(node);
        procshell.runtime.gproc.Gproc.install(node);
        try {
            ClusterStart.distribute(node, distribution);
        } catch (RuntimeException e) {
            node.shutdown(); // nothing of a node that could not start stays running
            throw e;
        }
        IexSession.of(node);
        node.events().subscribe(java.util.Set.of(NodeEvent.CrashReport.class, NodeEvent.Logged.class, NodeEvent.Halted.class), e -> onEvent(node, e));
        // A traced server prints as it goes, as its io:format to the shell's group leader does.
        node.events().subscribe(NodeEvent.SysTraced.class, e -> {
            java.io.PrintWriter out = IexSession.of(node).out();
            out.println(procshell.shell.inspect.SysTraceFormat.line(e));
            out.flush();
        });
        EvaluatorProcess process = new EvaluatorProcess(node, evaluator, (pid, reason) -> {
            Console c = console.get();
            if (c != null && node.haltedWith() == null) c.shellDied(pid, reason);
        });
        Console c = console.get();
        if (c != null) c.attach(IexSession.of(node));
        return new Running(node, process);
    }

    /**
     * Prints the crash reports Elixir's Logger prints ({@code [error] Task #PID<0.2.0> started
     * from ... terminating}) and the runtime's log lines to {@code out} while no console runs, as
     * {@code elixir -e} and {@code elixir script.exs} print them; null stops.
     */
    public void printReportsTo(java.io.PrintWriter out) {
        this.reportsOut = out;
    }

    private void onEvent(Node node, NodeEvent e) {
        Console c = console.get();
        java.io.PrintWriter detached = c == null ? reportsOut : null;
        if (e instanceof NodeEvent.CrashReport r) {
            if (c != null) c.crashReport(r);
            // (null for the kinds of report Logger does not print)
            String text = detached != null && IexSession.of(node).loggerPrints("error")
                    ? procshell.shell.inspect.LogFormatter.format(r, IexSession.of(node).inspectOptions()) : null;
            if (text != null) detached.println(text);
        } else if (e instanceof NodeEvent.Logged l) {
            if (c != null) c.logged(l);
            if (detached != null && IexSession.of(node).loggerPrints(l.level().name())) {
                detached.println(procshell.shell.inspect.LogFormatter.format(l));
            }
        } else if (e instanceof NodeEvent.Halted h) {
            CompletableFuture<Running> next = new CompletableFuture<>();
            running = next;
            if (c != null) c.nodeHalted(node, h.message());
            // Not on this thread: it belongs to a process of the node that is going down.
            Thread.ofPlatform().name("procshell-restart").start(() -> {
                // The name goes with the halted node, as a VM's exit frees it at the port mapper:
                // the fresh node registers it again (a distributed node restarts as a local one does).
                if (node.remote() instanceof procshell.runtime.dist.Distribution d) d.stop();
                IexSession.forget(node);
                try {
                    next.complete(restartNode());
                } catch (RuntimeException | Error failed) {
                    next.completeExceptionally(failed);
                }
            });
        }
    }

    /**
     * Starts the fresh node after a halt. The port mapper lets go of the halted node's name once it
     * sees that node's registration closed, which may come a moment after: meanwhile the name is
     * "in use", and the start is tried again (for up to 5 s).
     */
    private Running restartNode() {
        for (int attempt = 1; ; attempt++) {
            try {
                return startNode();
            } catch (java.io.UncheckedIOException nameNotYetFree) {
                if (distribution == null || attempt == 50) throw nameNotYetFree;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw nameNotYetFree;
                }
            }
        }
    }

    /** The node (after a halt, the fresh one). */
    public Node node() {
        return running().node();
    }

    /** The shell process (after a halt, the fresh node's). */
    public EvaluatorProcess process() {
        return running().process();
    }

    /**
     * Waits (up to half a second) until the node has settled, as the console does before each
     * scripted input: every other process waits in {@code receive} with an empty mailbox and no
     * exit is still being signalled. For a driver that acted from outside meanwhile (a client
     * socket closed) and wants the node to have taken it in before the next input.
     */
    public void settle() {
        Quiescence.await(node(), process().pid(), 500);
    }

    /** The running node, once started; a failed start raises what the node raised. */
    private Running running() {
        return Background.join(running);
    }

    /** The evaluator, whose bindings outlive shell processes and nodes. */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** A console on a JLine terminal. */
    public Console interactive(Terminal terminal, Path history) {
        Console c = Console.interactive(this, terminal, history);
        console.set(c);
        return c;
    }

    /** A console over plain streams (piped input), echoing inputs as a transcript. */
    public Console piped(BufferedReader in, PrintWriter out) {
        evaluator.prepare(); // no prompt to show first: start loading Groovy now
        Console c = Console.piped(this, in, out);
        console.set(c);
        return c;
    }

    /**
     * A console reading {@code in}'s inputs for the prompt's warm-up ({@link NotesRehearsal}): as
     * {@link #piped}, but this shell's evaluator prepares nothing (no warm-up of its own, no Groovy).
     */
    Console rehearsal(BufferedReader in, PrintWriter out) {
        Console c = Console.piped(this, in, out);
        console.set(c);
        return c;
    }

    /** Stops every process of the node. */
    public void shutdown() {
        Console c = console.getAndSet(null);
        if (c != null) c.close();
        Node node = node();
        if (node.remote() instanceof procshell.runtime.dist.Distribution d) d.stop();
        node.shutdown();
        IexSession.forget(node);
    }

    /** The inspected form of a term, as the shell prints results. */
    public String inspect(Object term) {
        return Inspect.inspect(term, IexSession.of(node()).inspectOptions());
    }
}
