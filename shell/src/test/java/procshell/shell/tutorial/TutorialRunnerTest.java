package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code procshell tutorial run N} on small chapters: a pass, and a failure that says where. */
@Timeout(60) // 20 s timed out with a load average of 25 on 2 cores (helpers testing in parallel)
class TutorialRunnerTest {
    @TempDir
    Path dir;

    private Chapter chapter(String text) throws IOException {
        Path p = dir.resolve("09-test.txt");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return ChapterParser.parse(p);
    }

    @Test
    void aChapterThatRunsAsWritten() throws IOException {
        TutorialRunner.Result r = TutorialRunner.run(chapter("""
                # A test

                Prose.

                    ps> raise "not yet"
                    ...
                    ps> defmodule Idle do
                    ...>   use GenServer
                    ...>   def init(a), do: {:ok, a}
                    ...> end
                    {:module, Idle,
                    ...
                    ps> {:ok, pid} = GenServer.start(Idle, 1)
                    {:ok, #PID<0.200.0>}

                More.

                    ps> pid
                    #PID<0.200.0>
                    ps> :sys.get_state(pid)
                    1
                """));
        assertTrue(r.passed(), () -> r.failure() + "\n" + r.transcript());
        assertNull(r.failure());
    }

    @Test
    void aMismatchNamesTheStepTheFileLineAndBothLines() throws IOException {
        TutorialRunner.Result r = TutorialRunner.run(chapter("""
                # A test

                    ps> 1 + 1
                    2

                Step two.

                    ps> x = 20
                    20
                    ps> x + 1
                    22
                """));
        assertFalse(r.passed());
        assertEquals("chapter 9, step 2 (" + dir.resolve("09-test.txt") + ":11):\n"
                + "  expected: 22\n"
                + "  actual:   21\n", r.failure());
    }

    @Test
    void aPidThatChangedIsAMismatch() throws IOException {
        TutorialRunner.Result r = TutorialRunner.run(chapter("""
                # A test

                    ps> a = self()
                    #PID<0.110.0>
                    ps> b = spawn(fn -> :ok end)
                    #PID<0.110.0>
                """));
        assertFalse(r.passed(), "two different pids cannot both be #PID<0.110.0>");
        assertTrue(r.failure().endsWith("  expected: #PID<0.110.0>\n  actual:   #PID<0.2.0>\n"), r.failure());
    }

    @Test
    void aRepeatedLineIsReportedWhereItFailed() throws IOException {
        TutorialRunner.Result r = TutorialRunner.run(chapter("""
                # A test

                    ps> a = self()
                    #PID<0.110.0>
                    ps> b = spawn(fn -> :ok end)
                    #PID<0.110.0>
                """));
        assertFalse(r.passed());
        assertTrue(r.failure().contains(":6):"), r.failure());
    }
}
