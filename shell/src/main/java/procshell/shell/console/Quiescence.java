package procshell.shell.console;

import java.util.concurrent.locks.LockSupport;

import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.Scheduler;

/**
 * Waits, between scripted inputs, until the node has settled: every process other than the shell
 * is parked in {@code receive} with an empty mailbox (above {@value #LOOK_AT_EACH_UP_TO}
 * processes: none runs or waits to run), and no exit is still being signalled, in two looks in
 * a row. A person typing gives a supervisor the milliseconds it needs to restart a
 * child; piped input and tutorials would otherwise race it.
 */
final class Quiescence {
    /**
     * Above this many processes, each look at every process costs more than 20 us an input (with
     * 10,000 waiting, ~0.3 ms): the scheduler is asked instead whether any process runs or waits
     * to run ({@link Scheduler#idle()}, a look at its carriers), which differs only for a process
     * parked with messages it does not take (quiet then, busy in the look at every process).
     */
    private static final int LOOK_AT_EACH_UP_TO = 1_000;
    /**
     * Above this many processes the shell does not wait for them: what a spawn loop started runs
     * on behind the next prompt, as on the BEAM, where the shell never waits (the settling is for
     * a supervisor's restart and the reports of a few processes, which print in order then).
     */
    private static final int MAX_PROCESSES = 20_000;
    /** The first pause after a busy look; each next one doubles, up to {@link #LONGEST_PAUSE_NS}. */
    private static final long FIRST_PAUSE_NS = 50_000;
    private static final long LONGEST_PAUSE_NS = 2_000_000;

    private Quiescence() {}

    /**
     * Waits until the node is quiet (two looks in a row) or {@code maxMs} have passed.
     *
     * @param shell the shell's pid, which is busy reading input and does not count
     */
    static void await(Node node, Pid shell, long maxMs) {
        int processes = node.processCount();
        if (processes > MAX_PROCESSES) return;
        boolean each = processes <= LOOK_AT_EACH_UP_TO || !Scheduler.available();
        long deadline = System.nanoTime() + maxMs * 1_000_000;
        long pause = FIRST_PAUSE_NS;
        // The second look catches a signal sent while the first looked (a process seen waiting,
        // then sent a message by one looked at later): the message is in the receiver's mailbox
        // before its sender can show as waiting, so the second look needs no pause before it.
        while (!(quiet(node, shell, each) && quiet(node, shell, each))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            // busy: the work an input caused (a message handled, an exit signalled) mostly ends
            // within microseconds, so look again soon, then less and less often
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.currentThread().isInterrupted()) return;
            pause = Math.min(pause * 2, LONGEST_PAUSE_NS);
        }
    }

    private static boolean quiet(Node node, Pid shell, boolean each) {
        // A process in the middle of its exit is in no table, yet its links (a supervisor) have
        // not heard of it: not quiet until every exit has reached their mailboxes.
        if (node.exitsInProgress() > 0) return false;
        if (!each) return Scheduler.idle() && node.exitsInProgress() == 0;
        for (LocalProcess p : node.processRecords()) {
            if (!p.isAlive() || p.pid().equals(shell)) continue;
            if (!p.isWaiting() || p.mailbox().size() > 0) return false;
        }
        return node.exitsInProgress() == 0;
    }
}
