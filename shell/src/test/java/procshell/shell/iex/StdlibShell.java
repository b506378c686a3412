package procshell.shell.iex;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.Mailbox;
import procshell.shell.console.Shell;
import procshell.shell.elixir.compiler.CompileError;
import procshell.shell.elixir.reader.ElixirSyntaxError;
import procshell.shell.eval.EvaluatorProcess;
import procshell.shell.inspect.ErrorFormatter;

/**
 * One procshell shell that evaluates the corpus's cases as {@code oracle.exs} evaluates them with
 * the real Elixir, and gives the same result line: {@code inspect(value)}, {@code ** (Name) message}
 * (Exception.message, without iex's blame or stack), {@code ** (exit) reason},
 * {@code ** (throw) value}, {@code ** (EXIT) reason} when the shell process was killed,
 * {@code ** (timeout)}; prefixed with {@code <<stdout "text">> } when the case printed, newlines
 * written as {@code \n}. Each case starts with no variable bound, an empty mailbox and exits not
 * trapped, no process flag, dictionary entry or registered name (the oracle runs each in a fresh process).
 */
final class StdlibShell implements AutoCloseable {
    /** How long a case may run (the oracle allows 2 s; procshell is given more on a busy machine). */
    private static final long TIMEOUT_MS = 30_000;

    private final Shell shell = new Shell("nonode@nohost");
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stdlib-watchdog");
        t.setDaemon(true);
        return t;
    });

    StdlibShell() {
        shell.evaluator().classLoader(); // Groovy loads on first use (some inputs skip it): not within a case's time
    }

    /** The result line of one case. */
    String run(String source) throws InterruptedException {
        EvaluatorProcess process = shell.process();
        shell.evaluator().clearVariables();
        IexSession session = IexSession.of(shell.node());
        StringWriter printed = new StringWriter();
        PrintWriter previous = session.out();
        session.setOut(new PrintWriter(printed, true));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> stop = watchdog.schedule(() -> {
            timedOut.set(true);
            process.interrupt(500);
        }, TIMEOUT_MS, TimeUnit.MILLISECONDS);
        EvaluatorProcess.Result r;
        try {
            r = process.evaluate(source);
        } finally {
            stop.cancel(false);
            session.setOut(previous);
        }
        String result = timedOut.get() ? "** (timeout)" : switch (r) {
            case EvaluatorProcess.Result.Value v -> Kernel.inspect(v.outcome().value());
            case EvaluatorProcess.Result.Raised x -> error(x.error());
            case EvaluatorProcess.Result.Died d -> "** (EXIT) " + Inspect.inspect(d.reason());
        };
        reset();
        String out = printed.toString();
        String line = out.isEmpty() ? result : "<<stdout " + Inspect.inspect(out) + ">> " + result;
        return line.replace("\n", "\\n");
    }

    /** What the oracle prints for a raised error: the Elixir exception's name and Exception.message. */
    static String error(Throwable t) {
        if (t instanceof ThrownValue v) return "** (throw) " + Inspect.inspect(v.value());
        if (t instanceof ExitException e) return "** (exit) " + Inspect.inspect(e.reason());
        // iex adds blame and hints when it prints; Exception.message has none
        String message = t instanceof ElixirSyntaxError || t instanceof CompileError ? t.getMessage() : Ops.exceptionMessage(t);
        return "** (" + ErrorFormatter.elixirName(t) + ") " + message;
    }

    /** Leaves the shell process as a fresh one: an empty mailbox, exits not trapped. */
    private void reset() {
        LocalProcess p = shell.node().process(shell.process().pid());
        if (p == null) return;
        p.setTrapExit(false);
        // a fresh process: no flags, no dictionary, no name
        ProcessFlags.clear(p);
        for (Object k : p.dictionary().keySet()) p.dictionaryRemove(k);
        if (p.registeredName() != null) shell.node().names().unregister(p.registeredName());
        while (p.mailbox().take(null, 0, p) != Mailbox.TIMEOUT) {
            // drop what the case left
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        shell.shutdown();
    }
}
