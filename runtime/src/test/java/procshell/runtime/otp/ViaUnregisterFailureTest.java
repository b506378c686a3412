package procshell.runtime.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * A server named through a Registry whose init fails after the registry went away (restarted by
 * a kill storm, say): dropping the via name fails, and gen.erl ignores that, so the starter gets
 * init's own error and no other crash is reported. Found by the kill storm.
 */
class ViaUnregisterFailureTest {
    private static final Atom REG = Atom.module("ViaGone");

    @RegisterExtension
    final TestNode rt = TestNode.recordingEvents();

    /** Stops the registry it is named in, then fails its init. */
    private static final class StopsItsRegistry extends GenServer {
        @Override
        public Object init(Object arg) {
            ProcessContext.require().trapExit(true); // the partition's exit must not take it first
            GenServer.stop(REG, Atom.NORMAL, -1);
            return Tuple.of(Atom.of("stop"), Atom.of("boom"));
        }
    }

    @Test
    void theStarterGetsInitsErrorWhenTheRegistryIsGone() {
        Registry.startLink(List.of(Tuple.of(Atom.of("keys"), Atom.of("unique")), Tuple.of(Atom.of("name"), REG)));
        Object name = Tuple.of(Atom.VIA, Registry.MODULE, Tuple.of(REG, "key"));
        assertEquals(Tuple.of(Atom.ERROR, Atom.of("boom")), GenServer.start(new StopsItsRegistry(), null, StartOptions.named(name)));
        assertTrue(rt.events().stream().noneMatch(e -> e instanceof NodeEvent.CrashReport c && Atom.PROCESS.equals(c.kind())),
                "no process crashed on the way");
    }
}
