package procshell.shell.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;
import procshell.runtime.process.SpawnOptions;

/**
 * The shell process: the node process in which inputs are evaluated, as iex's evaluator. Its pid
 * is {@code self()} at the prompt; processes started with {@code start_link} are linked to it,
 * so it dies with them as on the BEAM. When it dies, a new one takes over with the same bindings
 * (unlike iex, which loses them).
 *
 * <p>It runs on a platform thread, so that a loop typed at the prompt cannot hold one of the
 * carrier threads that all other processes share.
 */
public final class EvaluatorProcess {
    /** The exit reason used when the user stops an evaluation with Ctrl-C. */
    public static final Atom INTERRUPTED = Atom.of("interrupted");

    private final Node node;
    private final Evaluator evaluator;
    private final BiConsumer<Pid, Object> onIdleDeath;
    private final Object lock = new Object();
    /** Written under {@link #lock}; volatile so that the exit of every other process is told apart without it. */
    private volatile Pid pid;
    private LinkedBlockingQueue<Job> jobs;
    private Job running;
    /** When Ctrl-C was first pressed during the running input (System.nanoTime), or 0. */
    private long interruptedAt;

    /** What one evaluation ended with. */
    public sealed interface Result {
        /** The input's value and the classes it defined. */
        record Value(Evaluator.Outcome outcome) implements Result {}

        /** The input raised or exited; the shell process lives on. */
        record Raised(Throwable error) implements Result {}

        /** The shell process itself died during the evaluation. */
        record Died(Pid pid, Object reason) implements Result {}
    }

    private static final class Job {
        final String source;
        final int firstLine;
        final CompletableFuture<Result> result = new CompletableFuture<>();

        Job(String source, int firstLine) {
            this.source = source;
            this.firstLine = firstLine;
        }
    }

    /**
     * @param node        the node the shell runs on
     * @param evaluator   the evaluator, whose bindings outlive every shell process
     * @param onIdleDeath called (on another thread) when the shell process dies between inputs,
     *                    with its pid and reason; a new shell process is already running then
     */
    public EvaluatorProcess(Node node, Evaluator evaluator, BiConsumer<Pid, Object> onIdleDeath) {
        this.node = node;
        this.evaluator = evaluator;
        this.onIdleDeath = onIdleDeath;
        node.events().subscribe(NodeEvent.Exited.class, x -> died(x.pid(), x.reason()));
        ensureStarted();
    }

    /** The current shell process's pid (a new shell process is started if the last one died). */
    public Pid pid() {
        return ensureStarted();
    }

    /** The shell process's initial call, iex's evaluator's ({@code {:elixir, :eval, 3}}), by which frames and reports know it. */
    public static final Tuple INITIAL_CALL = Tuple.of(Atom.of("elixir"), Atom.of("eval"), 3);

    /**
     * Starts a shell process unless one runs. Never called from the exit listener: that runs on
     * the thread of whichever process processed the death, which may itself be dying.
     */
    private Pid ensureStarted() {
        synchronized (lock) {
            if (pid != null) return pid;
        }
        LinkedBlockingQueue<Job> q = new LinkedBlockingQueue<>();
        Pid p = node.spawn(self -> loop(self, q),
                SpawnOptions.DEFAULT.withPlatformThread(true).withInitialCall(INITIAL_CALL));
        synchronized (lock) {
            if (pid != null) {
                node.exit(p, p, Atom.KILL); // lost a race with another starter
                return pid;
            }
            pid = p;
            jobs = q;
            return p;
        }
    }

    private void loop(ProcessContext self, LinkedBlockingQueue<Job> q) {
        while (true) {
            Job job;
            try {
                job = q.take();
            } catch (InterruptedException e) {
                self.process().checkAlive();
                continue;
            }
            InputTrace.mark("shell-took");
            synchronized (lock) {
                running = job;
            }
            Result r;
            try {
                r = new Result.Value(evaluator.evaluate(job.source, job.firstLine));
                self.process().checkAlive();
            } catch (ProcessExitedError e) {
                throw e;
            } catch (Throwable t) {
                self.process().checkAlive();
                r = new Result.Raised(t);
            }
            synchronized (lock) {
                running = null;
                interruptedAt = 0;
                // A Ctrl-C that came as the input ended must not stop the next one.
                self.process().clearInterruption();
                Thread.interrupted();
            }
            InputTrace.mark("shell-done");
            job.result.complete(r);
        }
    }

    private void died(Pid deadPid, Object reason) {
        // Every exit of the node comes here, from whichever carrier ran it: most are not the shell
        // process's, and taking the lock for them made the exits of a spawning loop's processes
        // queue on it (a pid is never reused, so one that is not the shell's now never will be).
        if (!deadPid.equals(pid)) return;
        List<Job> orphans = new ArrayList<>();
        boolean idle;
        synchronized (lock) {
            if (!deadPid.equals(pid)) return;
            idle = running == null && jobs.isEmpty();
            if (running != null) orphans.add(running);
            jobs.drainTo(orphans);
            running = null;
            interruptedAt = 0;
            pid = null;
            jobs = null;
        }
        for (Job j : orphans) j.result.complete(new Result.Died(deadPid, reason));
        if (idle) onIdleDeath.accept(deadPid, reason);
    }

    /**
     * Evaluates one input in the shell process and waits for it.
     *
     * @param source the input as typed
     * @return the result; {@link Result.Died} when the shell process died meanwhile
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Result evaluate(String source) throws InterruptedException {
        return evaluate(source, 1);
    }

    /**
     * As {@link #evaluate(String)}, numbering the input's lines from {@code firstLine}, as iex
     * numbers an input typed at {@code iex(N)>} from line N ({@code iex:N:col:} in errors).
     */
    public Result evaluate(String source, int firstLine) throws InterruptedException {
        return await(submit(source, firstLine));
    }

    /**
     * Hands an input to the shell process and returns at once, so that the caller may do its own
     * part meanwhile; {@link #await} waits for the result.
     *
     * @param source    the input as typed
     * @param firstLine the number of the input's first line ({@code iex:N:col:} in errors)
     * @return the result to come; {@link Result.Died} when the shell process dies meanwhile
     * @throws InterruptedException when the calling thread is interrupted while it hands it over
     */
    public CompletableFuture<Result> submit(String source, int firstLine) throws InterruptedException {
        Job job = new Job(source, firstLine);
        while (true) {
            ensureStarted();
            synchronized (lock) {
                if (jobs != null) {
                    jobs.put(job);
                    return job.result;
                }
            }
        }
    }

    /**
     * Waits for the result of an input {@link #submit submitted}.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public static Result await(CompletableFuture<Result> pending) throws InterruptedException {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            return new Result.Raised(e.getCause());
        }
    }

    /**
     * Stops the running input (Ctrl-C), never the shell process: whatever the input does (a loop,
     * a {@code receive}, a {@code GenServer.call}, a {@code start_link} waiting for {@code init/1},
     * a sleep), it fails with {@code ** (exit) interrupted} at its next wait or reduction check
     * ({@link LocalProcess#interrupt}), and the shell process lives on with its links, name, mailbox
     * and the bindings.
     *
     * <p>Only code that never reaches a check (a Java call that blocks or loops on its own) can
     * ignore it; for that case alone, a Ctrl-C pressed again more than {@code graceMs} after the
     * first one ends the shell process with {@code :interrupted} (its links get that exit signal)
     * and a new one takes over, with the bindings kept.
     *
     * @param graceMs how long the input has to stop before a second Ctrl-C may end the shell process
     * @return false when nothing was running
     */
    public boolean interrupt(long graceMs) {
        LocalProcess p;
        boolean lastResort;
        synchronized (lock) {
            if (running == null || pid == null) return false;
            p = node.process(pid);
            if (p == null) return false;
            long now = System.nanoTime();
            lastResort = interruptedAt != 0 && now - interruptedAt > graceMs * 1_000_000L;
            if (interruptedAt == 0) interruptedAt = now;
            if (!lastResort) p.interrupt(new Interrupted("interrupted"));
        }
        if (lastResort) p.terminate(INTERRUPTED);
        return true;
    }

    /** The evaluator (bindings, classes). */
    public Evaluator evaluator() {
        return evaluator;
    }
}
