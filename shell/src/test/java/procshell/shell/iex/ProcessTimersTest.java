package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procshell.shell.iex.CompiledModules.a;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Ref;

/** Process.send_after/3, cancel_timer/1 and read_timer/1, as a GenServer's periodic work uses them. */
@Timeout(30)
class ProcessTimersTest {
    @Test
    void aTimerSendsItsMessageUnlessCancelled() {
        try (CompiledModules c = new CompiledModules()) {
            Object ref = Process.send_after(Kernel.self(), a("tick"), 0);
            assertInstanceOf(Ref.class, ref);
            assertEquals(":tick", c.show(Kernel.receive(60_000))); // a bound only so that a lost message fails, not hangs
            assertEquals("false", c.show(Process.read_timer(ref)));

            Object later = Process.send_after(Kernel.self(), a("never"), 600_000);
            Object left = Process.read_timer(later);
            assertTrue(left instanceof Integer ms && ms > 0 && ms <= 600_000, "time left: " + left);
            Object cancelled = Process.cancel_timer(later);
            assertTrue(cancelled instanceof Integer ms && ms > 0 && ms <= 600_000, "time left: " + cancelled);
            assertEquals("false", c.show(Process.cancel_timer(later)));
            assertEquals("false", c.show(Process.read_timer(later)));
        }
    }
}
