package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter files as an author writes them, well-formed and not. */
class ChapterParserTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Parsing fails with a message that starts with the file and the 1-based line. */
    private void malformed(String name, String text, int line, String what) throws IOException {
        Path p = write(name, text);
        TutorialException e = assertThrows(TutorialException.class, () -> ChapterParser.parse(p));
        String where = line > 0 ? p + ":" + line + ": " : p + ": ";
        assertTrue(e.getMessage().startsWith(where), () -> "expected the message to start with " + where + "\nbut was: " + e.getMessage());
        assertTrue(e.getMessage().contains(what), () -> "expected the message to say " + what + "\nbut was: " + e.getMessage());
    }

    @Test
    void aWellFormedChapter() throws IOException {
        Path p = write("07-a-chapter.txt", """
                # A chapter
                seed: 001

                Some prose
                over two lines.

                    ps> x = 1
                    1
                    ps> defmodule A do
                    ...>   def f, do: 2
                    ...> end
                    {:module, A,
                    ...

                    ps> x
                    1

                More prose.

                    ps> for i <- 1..2 do
                    ...>
                    ...> end
                    [nil, nil]
                """);
        Chapter c = ChapterParser.parse(p);
        assertEquals(7, c.number());
        assertEquals("A chapter", c.title());
        assertEquals(p, c.file());
        assertEquals(2, c.steps().size());

        Step first = c.steps().get(0);
        assertEquals("seed: 001\n\nSome prose\nover two lines.", first.prose());
        assertEquals(List.of("x = 1", "defmodule A do\n  def f, do: 2\nend", "x"), first.inputs());
        assertEquals(List.of("ps> x = 1", "1", "ps> defmodule A do", "...>   def f, do: 2", "...> end", "{:module, A,", "...", "",
                "ps> x", "1"), first.transcript());
        assertEquals(7, first.line(), "the line where the step's session block starts");

        Step second = c.steps().get(1);
        assertEquals("More prose.", second.prose());
        assertEquals(List.of("for i <- 1..2 do\n\nend"), second.inputs());
        assertEquals(List.of("ps> for i <- 1..2 do", "...>", "...> end", "[nil, nil]"), second.transcript());
        assertEquals(20, second.line());
    }

    @Test
    void clientLinesAreInputsOfTheirOwn() throws IOException {
        Path p = write("10-client.txt", """
                # A client

                    ps> {:ok, port} = :inet.port(listening)
                    ...
                    nc> hello
                    you said: hello
                    nc> ^C
                    ps> 1
                    1
                """);
        Step s = ChapterParser.parse(p).steps().get(0);
        assertEquals(List.of("{:ok, port} = :inet.port(listening)", "nc> hello", "nc> ^C", "1"), s.inputs());
        assertEquals(List.of("ps> {:ok, port} = :inet.port(listening)", "...", "nc> hello", "you said: hello", "nc> ^C", "ps> 1", "1"),
                s.transcript());
    }

    @Test
    void aTryItYourselfBlockIsUncheckedAndTheClosingProseIsKept() throws IOException {
        Path p = write("03-try.txt", """
                # Try

                    ps> 1
                    1

                Now you.

                    try> x = 2
                    try> Enum.map([1, 2], fn i ->
                    ...>   i * x
                    ...> end)

                The end,
                in two lines.
                """);
        Chapter c = ChapterParser.parse(p);
        assertEquals(2, c.steps().size());
        assertTrue(c.steps().get(0).checked());
        Step t = c.steps().get(1);
        assertEquals(false, t.checked());
        assertEquals("Now you.", t.prose());
        assertEquals(List.of("x = 2", "Enum.map([1, 2], fn i ->\n  i * x\nend)"), t.inputs());
        assertEquals(List.of(c.steps().get(0)), c.checkedSteps());
        assertEquals("The end,\nin two lines.", c.closing());
    }

    @Test
    void aTryItYourselfBlockShowsNoOutput() throws IOException {
        malformed("03-try.txt", """
                # Try

                    try> 1 + 1
                    2
                """, 4, "shows no output");
    }

    @Test
    void aTryItYourselfBlockHoldsOnlyTryLines() throws IOException {
        malformed("03-try.txt", """
                # Try

                    try> 1 + 1
                    ps> 2
                    2
                """, 4, "only try> lines");
    }

    @Test
    void aChapterWithoutClosingProse() throws IOException {
        assertEquals("", ChapterParser.parse(write("03-bare.txt", "# Bare\n\n    ps> 1\n    1\n")).closing());
    }

    @Test
    void chapterFileNames() {
        assertTrue(ChapterParser.isChapterFile(Path.of("01-remember-the-pid.txt")));
        assertTrue(ChapterParser.isChapterFile(Path.of("tutorials/10-tcp_listener.txt")));
        for (String bad : List.of("remember.txt", "01-remember.md", "01-.txt", "01_remember.txt", "x1-remember.txt")) {
            assertEquals(false, ChapterParser.isChapterFile(Path.of(bad)), bad);
        }
    }

    @Test
    void aFileNotNamedLikeAChapter() throws IOException {
        malformed("chapter-one.txt", "# Title\n\n    ps> 1\n    1\n", 0, "chapter files are named NN-slug.txt");
    }

    @Test
    void anEmptyFile() throws IOException {
        malformed("01-empty.txt", "", 1, "a chapter starts with a title line: # Title");
    }

    @Test
    void noTitleLine() throws IOException {
        malformed("01-untitled.txt", "Prose first.\n\n    ps> 1\n    1\n", 1, "a chapter starts with a title line: # Title");
        malformed("02-untitled.txt", "#Title without a space\n\n    ps> 1\n    1\n", 1, "a chapter starts with a title line");
    }

    @Test
    void aContinuationWithoutAnInput() throws IOException {
        malformed("03-cont.txt", """
                # Title

                Prose.

                    ps> 1
                    1
                    ...> 2
                """, 7, "a continuation line (...>) must follow an input line (ps>)");
    }

    @Test
    void aContinuationOpeningABlock() throws IOException {
        malformed("03-cont.txt", "# Title\n\n    ...> 2\n", 3, "a continuation line (...>) must follow an input line (ps>)");
    }

    @Test
    void aBlockThatStartsWithOutput() throws IOException {
        malformed("04-output-first.txt", """
                # Title

                Prose.

                    ps> 1
                    1

                More prose.

                    {:ok, #PID<0.1.0>}
                    ps> 2
                """, 10, "a session block must start with an input line (ps> ...)");
    }

    @Test
    void aChapterWithoutSessionBlocks() throws IOException {
        malformed("05-prose-only.txt", "# Title\n\nOnly prose.\n  Indented by two, not four.\n", 4,
                "a chapter needs at least one session block (lines indented by four spaces)");
    }

    @Test
    void aMissingFile() {
        assertThrows(IOException.class, () -> ChapterParser.parse(dir.resolve("09-missing.txt")));
    }

    @Test
    void everyChapterOfTheRepositoryParses() throws IOException {
        Path tutorials = Tutorials.directory();
        List<Path> files = Tutorials.chapterFiles(tutorials);
        assertTrue(files.size() >= 3, "chapters found: " + files);
        for (Path f : files) {
            Chapter c = ChapterParser.parse(f);
            assertTrue(!c.title().isBlank() && !c.steps().isEmpty(), f.toString());
            Step last = c.steps().get(c.steps().size() - 1);
            assertTrue(!last.checked() && !last.inputs().isEmpty(), () -> f + ": ends with a try-it-yourself step (try> lines)");
            assertTrue(c.steps().stream().filter(s -> !s.checked()).count() == 1, () -> f + ": one try-it-yourself step");
            assertTrue(!c.closing().isEmpty(), () -> f + ": has closing prose after its last block");
            for (Step s : c.checkedSteps()) {
                assertTrue(s.transcript().get(0).startsWith("ps>") || s.transcript().get(0).startsWith("nc>"),
                        () -> f + ":" + s.line() + " starts with an input");
                assertEquals(s.transcript().stream().filter(l -> l.startsWith("ps>") || l.startsWith("nc>")).count(), s.inputs().size(),
                        () -> f + ":" + s.line() + ": one input per ps> or nc> line");
            }
        }
    }

    @Test
    void aChapterOnTwoNodesSaysWhichNodeEachBlockIsTypedInto() throws IOException {
        Path p = write("08-two-nodes.txt", """
                # Two nodes
                nodes: node1@localhost node2@localhost

                On the first node.

                    ps> Node.self()
                    :node1@localhost

                On the second.

                    ps(node2@localhost)> Node.connect(:node1@localhost)
                    true
                    ps(node2@localhost)> Node.list()
                    [:node1@localhost]
                """);
        Chapter c = ChapterParser.parse(p);
        assertEquals(List.of("node1@localhost", "node2@localhost"), c.nodes());
        assertEquals(null, c.steps().get(0).node());
        assertEquals("On the first node.", c.steps().get(0).prose());
        assertEquals("node2@localhost", c.steps().get(1).node());
        assertEquals(List.of("Node.connect(:node1@localhost)", "Node.list()"), c.steps().get(1).inputs());
        assertEquals(List.of("ps> Node.connect(:node1@localhost)", "true", "ps> Node.list()", "[:node1@localhost]"),
                c.steps().get(1).transcript());
    }

    @Test
    void aBlockForAnUnknownNodeIsRefused() throws IOException {
        malformed("08-bad.txt", "# Bad\nnodes: a@localhost b@localhost\n\n    ps(c@localhost)> 1\n    1\n", 4, "names no node");
    }
}
