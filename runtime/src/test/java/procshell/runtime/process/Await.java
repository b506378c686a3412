package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * Bounded waits for the runtime's tests: every wait has a generous deadline and fails the test
 * when it passes, so that a bug shows as a failure instead of a hang. Nothing here asserts on how
 * long anything takes.
 */
public final class Await {
    /** How long any single wait may take before the test fails. */
    public static final long DEADLINE_MS = 20_000;

    private Await() {}

    /** Polls {@code condition} until it holds, failing the test after {@link #DEADLINE_MS}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEADLINE_MS);
    }

    /** Polls {@code condition} until it holds, failing the test after {@code deadlineMs}. */
    public static void until(String what, BooleanSupplier condition, long deadlineMs) {
        long end = System.nanoTime() + deadlineMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) fail("timed out waiting for: " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    /**
     * Waits until {@code latch} opens, failing the test after {@link #DEADLINE_MS}; an interrupt
     * (a kill, when a process waits here) ends the wait with an {@link IllegalStateException}.
     */
    public static void latch(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE_MS, TimeUnit.MILLISECONDS)) fail("timed out waiting for a latch");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Receives the oldest message matching {@code match}, failing the test after the deadline. */
    public static Object receive(ProcessContext self, Predicate<Object> match, String what) {
        Object m = self.receive(match, DEADLINE_MS);
        assertNotSame(Mailbox.TIMEOUT, m, () -> "no message arrived: " + what);
        return m;
    }

    /** Receives the oldest message, failing the test after the deadline. */
    public static Object receive(ProcessContext self) {
        return receive(self, m -> true, "any message");
    }

    /** Receives the message equal to {@code expected}. */
    public static Object receiveEqual(ProcessContext self, Object expected) {
        return receive(self, expected::equals, String.valueOf(expected));
    }

    /** Receives {@code {:DOWN, ref, :process, _, reason}} and returns the reason. */
    public static Object down(ProcessContext self, Ref ref) {
        Tuple t = (Tuple) receive(self, m -> m instanceof Tuple d && d.isTagged(Atom.DOWN, 5) && ref.equals(d.get(1)),
                "DOWN for " + ref);
        return t.get(4);
    }

    /** Receives {@code {:EXIT, from, _}} and returns the reason. */
    public static Object exitFrom(ProcessContext self, Pid from) {
        Tuple t = (Tuple) receive(self, m -> m instanceof Tuple e && e.isTagged(Atom.EXIT, 3) && from.equals(e.get(1)),
                "EXIT from " + from);
        return t.get(2);
    }

    /** True when a message matching {@code match} is queued right now; takes it (a receive with timeout 0). */
    public static boolean hasQueued(ProcessContext self, Predicate<Object> match) {
        return self.receive(match, 0) != Mailbox.TIMEOUT;
    }
}
