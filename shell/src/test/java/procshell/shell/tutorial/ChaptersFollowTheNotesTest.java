package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import procshell.shell.elixir.reader.ElixirReader;

/**
 * The chapters retell the study notes with the notes' own code: every expression of a note's
 * code file ({@code ../shared/seeds/code/NAME.exs}, as a person pastes it, one top-level
 * expression at a time) is an input of the chapters that retell it, as the same Elixir (the same
 * quoted form; the sections of note 001 as the very same text). Skipped where the notes are not
 * on the machine.
 */
class ChaptersFollowTheNotesTest {
    private static final Path SEEDS = Path.of("/work/shared/seeds/code");

    /** Which chapters retell which code file, and whether the text must be the note's verbatim. */
    private record Retelling(String seed, List<Integer> chapters, boolean verbatim) {}

    private static final List<Retelling> RETELLINGS = List.of(
            new Retelling("001-1-remember-the-pid.exs", List.of(1), true),
            new Retelling("001-2-module-name-as-local-alias.exs", List.of(2), true),
            new Retelling("001-3-dynamic-atoms-are-bad.exs", List.of(3), true),
            new Retelling("001-4-registry-and-via-tuple.exs", List.of(7), true),
            new Retelling("001-5-global-alias.exs", List.of(8), true),
            new Retelling("000-chat-rooms-and-a-home-made-registry.exs", List.of(4, 5, 6), false),
            new Retelling("002-secret-server-registry.exs", List.of(7), false));

    @TestFactory
    List<DynamicTest> everyExpressionOfTheNotesIsTypedInItsChapters() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "the study notes' code is not on this machine");
        Path dir = Tutorials.directory();
        List<DynamicTest> tests = new ArrayList<>();
        for (Retelling r : RETELLINGS) {
            tests.add(DynamicTest.dynamicTest(r.seed() + " in chapters " + r.chapters(), () -> {
                List<String> inputs = new ArrayList<>();
                for (int n : r.chapters()) {
                    for (Step s : Tutorials.chapter(dir, n).checkedSteps()) inputs.addAll(s.inputs());
                }
                List<String> missing = new ArrayList<>();
                List<String> expressions = expressions(Files.readString(SEEDS.resolve(r.seed())));
                for (String e : expressions) {
                    boolean found = r.verbatim() ? inputs.contains(e) : inputs.stream().anyMatch(in -> StepProgress.sameInput(e, in));
                    if (!found) missing.add(e);
                }
                assertTrue(expressions.size() >= 3, r.seed() + ": expected the note's expressions, found " + expressions);
                assertEquals("", String.join("\n\n", missing), r.seed() + ": expressions of the note that chapters " + r.chapters()
                        + " do not type" + (r.verbatim() ? " verbatim" : ""));
            }));
        }
        return tests;
    }

    /** What the notes without a code file write, by chapter: text that some input of the chapter holds. */
    private static final Map<Integer, List<String>> NOTES_WITHOUT_CODE = Map.of(
            7, List.of("Secret.Registry", "Registry.keys(", "tables()"),                       // 002: Registry's tables
            8, List.of("name: {:global, {:cache, media_id}}", "GenServer.call({:global, {:cache,"), // 003
            9, List.of(":gproc.reg({:n, :l,", "{:via, :gproc, {:n, :l,", ":gproc.reg({:p, :l,"), // 000 and 004: names, properties
            10, List.of(":gproc.reg({:p, :l, :socket_listener}", ":gen_tcp.listen(", "nc> "));      // 004: the listener, reached with nc

    @TestFactory
    List<DynamicTest> theNotesWithoutCodeAreRetoldWithTheirOwnTerms() throws IOException {
        Path dir = Tutorials.directory();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : new java.util.TreeMap<>(NOTES_WITHOUT_CODE).entrySet()) {
            tests.add(DynamicTest.dynamicTest("chapter " + e.getKey(), () -> {
                List<String> inputs = new ArrayList<>();
                for (Step s : Tutorials.chapter(dir, e.getKey()).checkedSteps()) inputs.addAll(s.inputs());
                for (String text : e.getValue()) {
                    assertTrue(inputs.stream().anyMatch(in -> in.contains(text)), () -> "chapter " + e.getKey() + " types " + text);
                }
            }));
        }
        return tests;
    }

    /**
     * The top-level expressions of a code file, as a person pastes them: comment lines in column
     * 0 and blank lines between expressions are not typed; an expression runs until it is
     * complete.
     */
    static List<String> expressions(String source) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("#"))) continue;
            if (!current.isEmpty()) current.append('\n');
            current.append(line);
            if (!ElixirReader.isIncomplete(current + "\n")) {
                out.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) out.add(current.toString());
        return out;
    }

}
