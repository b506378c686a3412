package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every chapter under {@code tutorials/} as {@code procshell tutorial run N} does: each
 * chapter's session must print what the chapter says, pids aside.
 */
class TutorialsTest {
    @TestFactory
    List<DynamicTest> everyChapterRunsAsWritten() throws IOException {
        Path dir = Tutorials.directory();
        assertNotNull(dir, "no tutorials/ folder above " + Path.of("").toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : Tutorials.chapterFiles(dir)) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Chapter chapter = ChapterParser.parse(file);
                TutorialRunner.Result r = TutorialRunner.run(chapter);
                assertTrue(r.passed(), () -> r.failure() + "\n--- session ---\n" + r.transcript());
            }));
        }
        assertTrue(tests.size() >= 10, "expected chapters 1 to 10, found " + tests.size());
        return tests;
    }
}
