package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import procshell.runtime.TestNode;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * Many idle processes: spawned, all waiting in receive, all killed; the node's process count goes
 * back to its baseline and every process's thread ends. Nothing here is timed.
 */
class ScaleTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void aHundredThousandIdleProcesses() {
        spawnWaitAndKill(100_000);
    }

    /**
     * The design's figure: a million waiting processes. Off by default (it needs a few GB of heap
     * and a while); run it with {@code -Dprocshell.stress=true}, e.g.
     * {@code mvn -pl runtime test -Dtest=ScaleTest -Dprocshell.stress=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "procshell.stress", matches = "true")
    void aMillionIdleProcesses() {
        spawnWaitAndKill(1_000_000);
    }

    private void spawnWaitAndKill(int n) {
        int baseline = rt.node().processCount();
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        ProcessBody idle = self -> {
            try {
                waiting.incrementAndGet();
                self.receive();
            } finally {
                ended.incrementAndGet();
            }
        };
        Pid[] pids = new Pid[n];
        for (int i = 0; i < n; i++) pids[i] = rt.node().spawn(idle);
        assertEquals(baseline + n, rt.node().processCount());
        // Deadlines grow with n: they only turn a hang into a failure, they do not time anything.
        long deadline = Math.max(Await.DEADLINE_MS, n / 1000 * 300L);
        Await.until("all " + n + " processes started", () -> waiting.get() == n, deadline);
        assertEquals(baseline + n, rt.node().processCount(), "no idle process ended by itself");

        for (Pid pid : pids) rt.self().exit(pid, Atom.KILL);
        assertEquals(baseline, rt.node().processCount());
        for (int i = 0; i < n; i += 997) assertFalse(rt.node().isAlive(pids[i]));
        Await.until("all " + n + " threads ended", () -> ended.get() == n, deadline);
    }
}
