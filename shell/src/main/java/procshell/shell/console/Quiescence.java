package procshell.shell.console;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * Waits, between scripted inputs, until the node has settled: every process other than the shell
 * is parked in {@code receive} with an empty mailbox, and no exit is still being signalled (seen
 * twice, the second look a tenth of a millisecond after a quiet first one, so that a quiet node
 * costs an input almost nothing). A person typing gives a supervisor the
 * milliseconds it needs to restart a child; piped input and tutorials would otherwise race it.
 */
final class Quiescence {
    private static final Atom WAITING = Atom.of("waiting");
    /** Above this many processes the check costs more than it saves: skip it. */
    private static final int MAX_PROCESSES = 20_000;

    private Quiescence() {}

    /**
     * Waits until the node is quiet (two checks in a row) or {@code maxMs} have passed.
     *
     * @param shell the shell's pid, which is busy reading input and does not count
     */
    static void await(Node node, Pid shell, long maxMs) {
        if (node.processCount() > MAX_PROCESSES) return;
        long deadline = System.nanoTime() + maxMs * 1_000_000;
        int quietChecks = 0;
        while (System.nanoTime() < deadline) {
            if (quiet(node, shell)) {
                if (++quietChecks >= 2) return;
                // quiet once: the second look only has to catch a signal sent while the first looked
                // (a send shows at once in a mailbox or a status), not to wait for work to finish
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                continue;
            }
            quietChecks = 0;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean quiet(Node node, Pid shell) {
        // A process in the middle of its exit is in no table, yet its links (a supervisor) have
        // not heard of it: not quiet until every exit has reached their mailboxes.
        if (node.exitsInProgress() > 0) return false;
        for (LocalProcess p : node.processRecords()) {
            if (!p.isAlive() || p.pid().equals(shell)) continue;
            if (!WAITING.equals(p.status()) || p.mailbox().size() > 0) return false;
        }
        return node.exitsInProgress() == 0;
    }
}
