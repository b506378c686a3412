package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The shell settles between inputs ({@link Quiescence}): what an input set going (a process that
 * computes, then crashes) ends, and its report prints, before the next prompt, as a person typing
 * sees it. Above 1,000 processes the scheduler is asked instead of each process being looked at;
 * the transcript is the same.
 */
class SettleSessionTest {
    private static final String LATE = "spawn(fn -> Enum.sum(1..300_000); raise \"late\" end); :ok";

    @Test
    void aCrashAnInputCausedIsReportedBeforeTheNextPrompt() {
        assertReportedBeforeNextInput(List.of());
    }

    @Test
    void soWithThousandsOfWaitingProcesses() {
        assertReportedBeforeNextInput(List.of("for _ <- 1..2_000, do: spawn(fn -> receive do _ -> :ok end end); length(Process.list()) > 2_000"));
    }

    private static void assertReportedBeforeNextInput(List<String> before) {
        List<String> inputs = new java.util.ArrayList<>(before);
        inputs.add(LATE);
        inputs.add("1 + 1");
        List<List<String>> outputs = PipedSession.outputs(inputs.toArray(String[]::new));
        for (int i = 0; i < before.size(); i++) assertEquals(List.of("true"), outputs.get(i));
        List<String> late = outputs.get(before.size());
        assertEquals(":ok", late.get(0), late.toString());
        String report = String.join("\n", late.subList(1, late.size()));
        assertTrue(report.matches("(?s)\\s*\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[error\\] Process #PID<0\\.\\d+\\.0> raised an exception\n\\*\\* \\(RuntimeError\\) late\n.*"), report);
        assertEquals(List.of("2"), outputs.get(before.size() + 1));
    }
}
