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
import procshell.runtime.process.ProcessThread;
import procshell.runtime.process.SpawnOptions;

/**
 * The shell process: the node process in which inputs are evaluated, as iex's evaluator. Its pid
 * is {@code self()} at the prompt; processes started with {@code start_link} are linked to it,
 * so it dies with them as on the BEAM. When it dies, a new one takes over with the same bindings
 * (unlike iex, which loses them).
 *
 * <p>It runs on a platform thread, so that a loop typed at the prompt cannot hold one of the
 * carrier threads that all other processes share; an input the console's loop reads runs on that
 * loop's platform thread, to which the shell process is lent meanwhile ({@link #evaluateHere}).
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
    /** The current shell process's own context, once its thread runs; written under {@link #lock}. */
    private ProcessContext home;
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
        /** For an input run on the thread that read it: what a second Ctrl-C that ends the shell process runs for that thread (null: nothing). */
        final Runnable ifStuck;
        /** For an input run on the thread that read it: the shell process's own thread, waiting meanwhile; written under {@link #lock}. */
        Thread own;
        /** A second Ctrl-C gave up on the thread running this input ({@link #ifStuck}); under {@link #lock}. */
        boolean givenUp;

        Job(String source, int firstLine, Runnable ifStuck) {
            this.source = source;
            this.firstLine = firstLine;
            this.ifStuck = ifStuck;
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
        synchronized (lock) {
            // (pid is null when this thread runs before its starter has noted it: it is ours then)
            if (pid == null || self.self().equals(pid)) home = self;
        }
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
                while (running != null) awaitInputEnded(self, job); // one running on the thread that read it
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
                inputEnded(self.process());
                Thread.interrupted();
            }
            InputTrace.mark("shell-done");
            job.result.complete(r);
        }
    }

    /** Under {@link #lock}: waits for the input running on another thread to end; {@code job} dies with the shell process. */
    private void awaitInputEnded(ProcessContext self, Job job) {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            if (!self.process().isAlive()) job.result.complete(new Result.Died(self.self(), self.process().exitReason()));
            self.process().checkAlive();
        }
    }

    /** Under {@link #lock}: no input runs now, and a Ctrl-C that came as it ended must not stop the next one. */
    private void inputEnded(LocalProcess p) {
        running = null;
        interruptedAt = 0;
        p.clearInterruption();
        lock.notifyAll();
    }

    /**
     * Evaluates one input in the shell process on the calling thread, which acts as the shell
     * process meanwhile (its {@code self()}, mailbox, links, Ctrl-C and kills), while the shell
     * process's own thread waits: the console's thread evaluates the line it read without handing
     * it over, two thread wake-ups fewer an input ({@code bench/README.md}, fourteenth session). As
     * {@link #evaluate(String, int)} when this thread is no {@link ProcessThread} (which runs the
     * processes an input wakes while it waits for them, as the shell process's own thread does) or
     * is a process itself, when another input runs, or the shell process has not started its
     * thread yet.
     *
     * <p>Ctrl-C stops the input as on the shell process's own thread ({@link #interrupt}); when a
     * second one ends the shell process because the input is stuck in a Java call that ignores it,
     * this thread stays stuck there: {@code ifStuck} then runs (on the Ctrl-C's thread), so that
     * the caller's work (a console's loop) goes on elsewhere, and this method, should the call ever
     * return, returns null: the caller leaves quietly.
     *
     * @param source    the input as typed
     * @param firstLine the number of the input's first line ({@code iex:N:col:} in errors)
     * @param ifStuck   run when a second Ctrl-C gives up on this thread, or null
     * @return the result; {@link Result.Died} when the shell process died meanwhile; null when
     *         {@code ifStuck} ran for this thread
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public Result evaluateHere(String source, int firstLine, Runnable ifStuck) throws InterruptedException {
        // (on a ProcessThread only: it runs the processes an input wakes while the input waits for
        // them, as the shell process's own thread does)
        if (!(Thread.currentThread() instanceof ProcessThread) || ProcessContext.current() != null) return evaluate(source, firstLine);
        ensureStarted();
        Job job = new Job(source, firstLine, ifStuck);
        ProcessContext ctx;
        synchronized (lock) {
            ctx = home;
            if (ctx == null || !ctx.self().equals(pid) || running != null || !jobs.isEmpty()) {
                ctx = null;
            } else {
                running = job;
                job.own = ctx.process().thread();
            }
        }
        if (ctx == null) return evaluate(source, firstLine);
        LocalProcess p = ctx.process();
        Thread own = job.own;
        p.bindThread(Thread.currentThread());
        ProcessContext.lend(ctx);
        Result r;
        try {
            p.checkAlive();
            r = new Result.Value(evaluator.evaluate(source, firstLine));
            p.checkAlive();
        } catch (ProcessExitedError e) {
            r = null;
        } catch (Throwable t) {
            r = p.isAlive() ? new Result.Raised(t) : null;
        } finally {
            ProcessContext.unbind();
            // Bound back under the process's lock: a kill from now on interrupts its own thread,
            // and one that came before has marked it dead, which the look below sees.
            p.bindThread(own);
            if (!p.isAlive()) own.interrupt(); // its own thread ends the body of the dead process
        }
        Thread.interrupted(); // (a kill or Ctrl-C that reached this thread as the input ended)
        synchronized (lock) {
            if (job.givenUp && ifStuck != null) return null;
            if (r != null && running == job) {
                inputEnded(p);
                return r;
            }
        }
        return await(job.result); // the shell process died first: the exit listener completes it (died)
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
            home = null;
            lock.notifyAll();
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

    /** Hands an input to the shell process's own thread; the result comes in the returned future. */
    private CompletableFuture<Result> submit(String source, int firstLine) throws InterruptedException {
        Job job = new Job(source, firstLine, null);
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

    private static Result await(CompletableFuture<Result> pending) throws InterruptedException {
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
     * and a new one takes over, with the bindings kept; an input run on the thread that read it
     * ({@link #evaluateHere}) has its {@code ifStuck} run then.
     *
     * @param graceMs how long the input has to stop before a second Ctrl-C may end the shell process
     * @return false when nothing was running
     */
    public boolean interrupt(long graceMs) {
        LocalProcess p;
        boolean lastResort;
        Job job;
        synchronized (lock) {
            if (running == null || pid == null) return false;
            job = running;
            p = node.process(pid);
            if (p == null) return false;
            long now = System.nanoTime();
            lastResort = interruptedAt != 0 && now - interruptedAt > graceMs * 1_000_000L;
            if (interruptedAt == 0) interruptedAt = now;
            if (!lastResort) p.interrupt(new Interrupted("interrupted"));
            else if (job.own != null) job.givenUp = true;
        }
        if (lastResort) {
            p.terminate(INTERRUPTED);
            if (job.own != null) {
                // the input runs on the thread that read it, stuck: the process's own thread,
                // which the kill did not reach, ends the body; the reading thread's caller goes on elsewhere
                job.own.interrupt();
                if (job.ifStuck != null) job.ifStuck.run();
            }
        }
        return true;
    }

    /** The evaluator (bindings, classes). */
    public Evaluator evaluator() {
        return evaluator;
    }
}
