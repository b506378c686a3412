package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;


/**
 * {@code trace(fn)}'s sequence diagrams for scenarios typed at the prompt, as a person sees them:
 * a GenServer call, a cast, a kill and restart under a one_for_one supervisor, a call through a
 * Registry via name; and the Mermaid file {@code to:} writes. Drawings are compared
 * {@link TraceSessions#flatten flattened}, so that the digits of the pids a run gets do not matter.
 */
@Timeout(60)
class TraceTest {
    private static final String COUNTER = TraceSessions.COUNTER;

    private static String run(String... inputs) {
        return TraceSessions.run(inputs);
    }

    /** Asserts that the transcript shows the drawing, whatever the pids' digits. */
    private static void assertDraws(String drawing, String transcript) {
        assertTrue(TraceSessions.flatten(transcript).contains(TraceSessions.flatten(drawing)), transcript);
    }

    @Test
    void aCallIsAnArrowToTheServerAndAReplyBack() {
        String t = run(TraceSessions.then(TraceSessions.COUNTER_RUNNING, TraceSessions.trace(TraceSessions.CALL, "")));
        assertDraws("""
                self()       Counter
                   │            │
                   │─CALL :get─▶│
                   │◀─reply 0───│
                0
                """, t);
    }

    @Test
    void aCastIsAnArrowWithoutReply() {
        String t = run(TraceSessions.then(TraceSessions.COUNTER_RUNNING, TraceSessions.trace(TraceSessions.CAST, "")));
        assertDraws("""
                self()            Counter
                   │                 │
                   │─CAST {:add, 2}─▶│
                   │─CALL :get──────▶│
                   │◀─reply 2────────│
                2
                """, t);
    }

    @Test
    void aKilledChildEndsAndItsSupervisorStartsAnother() {
        String t = run(TraceSessions.then(TraceSessions.SUPERVISED,
                // settle: 0: count_children answers after the supervisor's restart, which is recorded by then
                TraceSessions.trace(TraceSessions.KILL, "")));
        assertDraws("""
                self()       Counter #PID<_._._>        Sup               Counter #PID<_._._>
                   │                  │                  │
                   │─EXIT :kill──────▶│                  │
                   │                  │─EXIT :killed────▶│
                   │                  ✕ exit :killed     │
                   │                                     │─RESTART Counter (link)─▶┬
                   │─CALL :count_children───────────────▶│                         │
                   │◀─reply [specs: 1, active: 1, super…─│                         │
                1
                """, t);
    }

    @Test
    void aCallThroughARegistryNamesTheServerByItsKey() {
        String t = run(COUNTER,
                "{:ok, _} = Registry.start_link(keys: :unique, name: Reg)",
                "{:ok, _} = GenServer.start_link(Counter, 5, name: {:via, Registry, {Reg, \"counter-1\"}})",
                "trace(fn -> GenServer.call({:via, Registry, {Reg, \"counter-1\"}}, :get) end, settle: 0)");
        assertDraws("""
                self()     "counter-1"
                   │            │
                   │─CALL :get─▶│
                   │◀─reply 5───│
                5
                """, t);
    }

    @Test
    void aRegistryDispatchSendsToEachProcessUnderTheKey() {
        String t = run(TraceSessions.then(TraceSessions.ROOMS, TraceSessions.trace(TraceSessions.DISPATCH, "")));
        assertDraws("""
                self()                    "lobby"    "kitchen"
                   │                         │           │
                   │─INFO {:hello, "lobby"}─▶│           │
                   │─INFO {:hello, "kitchen"}┼──────────▶│
                [:ok, :ok]
                """, t);
    }

    @Test
    void aProcessTracedForAWhileShowsWhatReachesIt() {
        String t = run(COUNTER, "{:ok, _} = Counter.start_link(0)",
                "spawn(fn -> Process.sleep(50); GenServer.cast(Counter, {:add, 1}) end); trace(Counter, 2000)");
        assertDraws("""
                #PID<_._._>         Counter
                     │                 │
                     │─CAST {:add, 1}─▶│
                """, t);
    }

    @Test
    void toWritesTheDiagramAsMermaid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("call.mmd");
        run(TraceSessions.then(TraceSessions.COUNTER_RUNNING, TraceSessions.trace(TraceSessions.CALL, "to: \"" + file + "\"")));
        assertEquals("""
                sequenceDiagram
                    participant P1 as self()
                    participant P2 as Counter
                    P1->>P2: CALL :get
                    P2-->>P1: reply 0
                """, Files.readString(file));
    }
}
