package procshell.runtime.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;

/**
 * The kill storm (see {@link Storm}): GenServers under nested supervisors of every strategy,
 * DynamicSupervisors and four registries, called, cast, looked up, started, stopped and killed at
 * random, supervisors and registry partitions included. Every invariant of
 * {@link StormReport#INVARIANTS} must hold: 0 violations. The report is printed.
 *
 * <p>The suite runs a small storm; {@code -Dprocshell.stress=true} ({@code PROCSHELL_STRESS=1
 * bin/test}) adds the large one, a million operations over a few thousand GenServers:
 * {@code mvn -pl runtime test -Dtest=StormTest -Dprocshell.stress=true}. The seed is
 * {@code -Dprocshell.storm.seed=N} (random by default, printed with the report).
 */
class StormTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    @Test
    void aSmallStormLeavesNoStaleEntry() {
        StormReport r = storm(new Storm.Size(5, 70, 4, 8, 30_000, 60_000));
        assertEquals(30_000, r.operations.sum(), "every operation ran");
    }

    @Test
    @EnabledIfSystemProperty(named = "procshell.stress", matches = "true")
    void aMillionOperationStormLeavesNoStaleEntry() {
        StormReport r = storm(new Storm.Size(10, 100, 10, 16, 1_000_000, 30 * 60_000));
        assertEquals(1_000_000, r.operations.sum(), "every operation ran");
    }

    private StormReport storm(Storm.Size size) {
        long seed = Long.getLong("procshell.storm.seed", System.nanoTime());
        StormReport r = new Storm(rt.self(), size, seed).run();
        System.out.println("seed " + seed + "\n" + r);
        assertTrue(r.kills.sum() > 0, "the storm killed");
        assertEquals(0, r.violationCount(), () -> "seed " + seed + "\n" + r);
        return r;
    }
}
