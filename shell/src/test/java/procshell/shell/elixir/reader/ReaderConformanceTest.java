package procshell.shell.elixir.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * The reader's conformance test: every snippet of the corpus ({@code src/test/resources/elixir/corpus},
 * some 6,000 snippets of Elixir, 640 of them rejected by Elixir) read by
 * {@link ElixirReader#read(String, String)} must give what Elixir 1.14's
 * {@code Code.string_to_quoted!(snippet, file: "iex")} gives, metadata aside, or raise the same
 * exception ({@code SyntaxError}, {@code TokenMissingError}) with the same message; and
 * {@link ElixirReader#isIncomplete(String)} and {@link ElixirSyntaxError#incomplete()} must be true
 * exactly for {@code TokenMissingError}, when iex would continue on {@code ...(n)>}.
 *
 * <p>Elixir's answers are recorded in {@code elixir/oracle.txt} by {@code elixir/oracle.exs} (run
 * {@code elixir oracle.exs corpus oracle.txt} in {@code shell/src/test/resources/elixir} after
 * changing the corpus), so the test runs where Elixir is missing; where {@code elixir} is on the
 * PATH, {@link #theRecordedOracleIsWhatElixirAnswers()} checks that the recording has not rotted.
 *
 * <p>Snippets the reader does not read as Elixir yet are listed in {@code elixir/known-failures.txt};
 * the test fails on any other mismatch, and on a listed snippet that now passes, so that the list
 * only shrinks. Each run writes the current mismatches, in that file's format, to
 * {@code target/reader-conformance/known-failures.txt}.
 */
class ReaderConformanceTest {
    /** Mismatches shown in one failure message; the rest are counted. */
    private static final int SHOWN = 300;
    /** A reader that gives no answer for this long is taken to loop; no snippet needs a millisecond. */
    private static final long NO_ANSWER_SECONDS = 10;
    /** After this many snippets without an answer (each leaves a thread spinning) the run stops. */
    private static final int MAX_NO_ANSWERS = 3;
    private static final String SEPARATOR = "#---";
    private static final String NO_ANSWER = "NO ANSWER";
    /** Where the corpus and the oracle are kept (the test reads their copy on the class path). */
    private static final String SOURCES = "shell/src/test/resources/elixir";

    private static final Path ROOT = resourceRoot();
    private static final Path CORPUS = ROOT.resolve("corpus");
    private static final Path ORACLE = ROOT.resolve("oracle.txt");
    private static final Path KNOWN_FAILURES = ROOT.resolve("known-failures.txt");

    /** One snippet of the corpus: the file it is in and its text. */
    record Snippet(String file, String text) {
        /** The key of the oracle and of the known failures: {@code file TAB escaped-text}. */
        String key() {
            return file + "\t" + ReaderCanonicalForm.escape(text);
        }
    }

    @Test
    void everySnippetReadsAsElixirReadsIt() throws IOException {
        List<Snippet> corpus = corpus();
        Map<String, String> oracle = recordedOracle();
        List<String> notRecorded = corpus.stream().map(Snippet::key).filter(k -> !oracle.containsKey(k)).toList();
        if (!notRecorded.isEmpty()) {
            fail(notRecorded.size() + " snippets have no recorded answer: run `elixir oracle.exs corpus oracle.txt` in "
                    + SOURCES + " (first: " + notRecorded.get(0) + ")");
        }
        Set<String> known = knownFailures();

        List<String> unexpected = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        List<String> mismatchKeys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> noAnswer = new ArrayList<>();
        int matching = 0;
        for (Snippet snippet : corpus) {
            String key = snippet.key();
            seen.add(key);
            String expected = oracle.get(key);
            String got = readerAnswer(snippet.text());
            if (got.startsWith(NO_ANSWER)) {
                noAnswer.add(key);
                if (noAnswer.size() == MAX_NO_ANSWERS) {
                    fail("ElixirReader.read gave no answer in " + NO_ANSWER_SECONDS + " s for these snippets "
                            + "(a loop?); the run stops here:\n  " + String.join("\n  ", noAnswer));
                }
            }
            if (expected.equals(got)) {
                matching++;
                if (known.contains(key)) {
                    nowPassing.add(key);
                }
            } else {
                mismatchKeys.add(key);
                if (!known.contains(key)) {
                    unexpected.add("[" + snippet.file() + "] " + ReaderCanonicalForm.escape(snippet.text())
                            + "\n    expected: " + expected + "\n    got:      " + got);
                }
            }
        }
        List<String> stale = known.stream().filter(k -> !seen.contains(k)).toList();
        writeCurrentFailures(mismatchKeys);

        String score = "ElixirReader conformance: " + matching + " of " + corpus.size() + " snippets match ("
                + mismatchKeys.size() + " mismatches, " + known.size() + " listed as known failures)";
        System.out.println(score);

        if (unexpected.isEmpty() && nowPassing.isEmpty() && stale.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(score).append('\n');
        if (!nowPassing.isEmpty()) {
            message.append(nowPassing.size()).append(" snippets listed in ").append(KNOWN_FAILURES.getFileName())
                    .append(" now pass; take them off the list (target/reader-conformance/known-failures.txt is the current list):\n");
            nowPassing.stream().limit(SHOWN).forEach(k -> message.append("  ").append(k).append('\n'));
        }
        if (!stale.isEmpty()) {
            message.append(stale.size()).append(" entries of ").append(KNOWN_FAILURES.getFileName())
                    .append(" are no snippet of the corpus:\n");
            stale.stream().limit(SHOWN).forEach(k -> message.append("  ").append(k).append('\n'));
        }
        if (!unexpected.isEmpty()) {
            message.append(unexpected.size()).append(" snippets read otherwise than Elixir reads them")
                    .append(unexpected.size() > SHOWN ? " (the first " + SHOWN + " shown)" : "").append(":\n");
            unexpected.stream().limit(SHOWN).forEach(m -> message.append(m).append('\n'));
        }
        fail(message.toString());
    }

    /**
     * Re-runs the oracle with the real Elixir (one process for the whole corpus) where it is installed;
     * skipped where there is none, or where it is another version than the one recorded.
     */
    @Test
    void theRecordedOracleIsWhatElixirAnswers() throws IOException, InterruptedException {
        Path elixir = onPath("elixir");
        assumeTrue(elixir != null, "elixir is not on the PATH");
        Path out = Files.createTempFile("reader-oracle", ".txt");
        try {
            Process process = new ProcessBuilder(elixir.toString(), ROOT.resolve("oracle.exs").toString(),
                    CORPUS.toString(), out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertEquals(0, process.waitFor(), "elixir oracle.exs failed");
            List<String> live = Files.readAllLines(out, StandardCharsets.UTF_8);
            List<String> recorded = Files.readAllLines(ORACLE, StandardCharsets.UTF_8);
            assumeTrue(!live.isEmpty() && !recorded.isEmpty() && live.get(0).equals(recorded.get(0)),
                    () -> "the installed elixir is not the one recorded: " + (live.isEmpty() ? "?" : live.get(0)));
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < Math.max(live.size(), recorded.size()); i++) {
                String l = i < live.size() ? live.get(i) : "(none)";
                String r = i < recorded.size() ? recorded.get(i) : "(none)";
                if (!l.equals(r)) {
                    differences.add("line " + (i + 1) + "\n    recorded: " + r + "\n    elixir:   " + l);
                }
            }
            if (!differences.isEmpty()) {
                fail(differences.size() + " lines of " + ORACLE.getFileName() + " differ from what "
                        + "`elixir oracle.exs corpus oracle.txt` writes today; re-run it in " + SOURCES + ":\n"
                        + String.join("\n", differences.subList(0, Math.min(SHOWN, differences.size()))));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The Java encoder prints terms as the oracle prints Elixir's, checked on hand-built quoted forms. */
    @Test
    void theCanonicalFormIsTheOracles() throws IOException {
        Map<String, Object> quoted = new LinkedHashMap<>();
        List<Object> noMeta = List.of();
        quoted.put("grammar.txt\ta -1", node("a", List.of(node("-", List.of(1)))));
        quoted.put("literals.txt\t1.0e-10", 1.0e-10);
        quoted.put("literals.txt\t0.30000000000000004", 0.30000000000000004);
        quoted.put("literals.txt\t123456789012345678901234567890",
                new java.math.BigInteger("123456789012345678901234567890"));
        quoted.put("literals.txt\t:\\\"hello world\\\"", Atom.of("hello world"));
        quoted.put("literals.txt\t[nil, true, false]", java.util.Arrays.asList(null, true, false));
        quoted.put("literals.txt\t\\\"tab\\\\there\\\"", "tab\there");
        quoted.put("literals.txt\t'abc'", List.of(97, 98, 99));
        quoted.put("literals.txt\t{1, 2}", Tuple.of(1, 2));
        quoted.put("literals.txt\tFoo.Bar", Tuple.of(Atom.of("__aliases__"), noMeta,
                List.of(Atom.of("Foo"), Atom.of("Bar"))));
        quoted.put("literals.txt\t[a: 1, b: 2]", List.of(Tuple.of(Atom.of("a"), 1), Tuple.of(Atom.of("b"), 2)));
        quoted.put("grammar.txt\t\\\"string\\\".length",
                Tuple.of(Tuple.of(Atom.of("."), noMeta, List.of("string", Atom.of("length"))),
                        List.of(Tuple.of(Atom.of("no_parens"), true)), List.of()));
        Map<String, String> oracle = recordedOracle();
        for (Map.Entry<String, Object> e : quoted.entrySet()) {
            assertEquals(oracle.get(e.getKey()), ReaderCanonicalForm.of(e.getValue()), e.getKey());
        }
        assertEquals(oracle.get("rejected.txt\t)"), ReaderCanonicalForm.error("SyntaxError",
                "iex:1:1: unexpected token: )\n    |\n  1 | )\n    | ^"));
    }

    private static Tuple node(String name, Object args) {
        return Tuple.of(Atom.of(name), List.of(Tuple.of(Atom.of("line"), 1)), args);
    }

    /** The reader's answer in the oracle's text, or a line saying how it failed. */
    private static String readerAnswer(String source) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try {
                return ReaderCanonicalForm.of(ElixirReader.read(source, "iex")) + isIncompleteDisagreement(source, false);
            } catch (ElixirSyntaxError e) {
                boolean missing = "TokenMissingError".equals(e.kind());
                return ReaderCanonicalForm.error(e.kind(), e.getMessage())
                        + (e.incomplete() == missing ? "" : " (but incomplete() is " + e.incomplete() + ")")
                        + isIncompleteDisagreement(source, missing);
            } catch (RuntimeException | StackOverflowError e) {
                return "CRASH " + ReaderCanonicalForm.escape(e.toString());
            }
        });
        Thread thread = new Thread(task, "reader-conformance");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(NO_ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return NO_ANSWER + " in " + NO_ANSWER_SECONDS + " s (does the reader loop?)";
        } catch (ExecutionException e) {
            return "CRASH " + ReaderCanonicalForm.escape(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Elixir raises TokenMissingError exactly when the input ended too soon (its parse error's token is
     * empty), which is when iex continues on {@code ...(n)>}: {@code ElixirReader.isIncomplete} and
     * {@code ElixirSyntaxError.incomplete()} must say so then, and only then.
     */
    private static String isIncompleteDisagreement(String source, boolean missing) {
        boolean incomplete = ElixirReader.isIncomplete(source);
        return incomplete == missing ? "" : " (but isIncomplete() is " + incomplete + ")";
    }

    /** Every snippet of every corpus file, files in name order (the oracle's order). */
    static List<Snippet> corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        List<Snippet> snippets = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            snippets(Files.readString(file, StandardCharsets.UTF_8)).forEach(s -> snippets.add(new Snippet(name, s)));
        }
        return snippets;
    }

    /**
     * The snippets of one corpus file, as oracle.exs splits it: lines that are {@code #---} or start
     * with {@code "#--- "} separate snippets, text before the first one is a header, a snippet's
     * trailing empty lines are dropped.
     */
    static List<String> snippets(String text) {
        List<String> snippets = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.equals(SEPARATOR) || line.startsWith(SEPARATOR + " ")) {
                if (current != null) {
                    snippets.add(join(current));
                }
                current = new ArrayList<>();
            } else if (current != null) {
                current.add(line);
            }
        }
        if (current != null) {
            snippets.add(join(current));
        }
        return snippets;
    }

    private static String join(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return String.join("\n", lines.subList(0, end));
    }

    /**
     * oracle.txt: {@code file TAB escaped-snippet TAB answer} per line, keyed by the first two, after
     * a first line saying which Elixir answered.
     */
    private static Map<String, String> recordedOracle() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ORACLE, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            int answer = line.lastIndexOf('\t');
            answers.put(line.substring(0, answer), line.substring(answer + 1));
        }
        return answers;
    }

    /** known-failures.txt: {@code file TAB escaped-snippet} per line; {@code #} lines are comments. */
    private static Set<String> knownFailures() throws IOException {
        Set<String> known = new LinkedHashSet<>();
        if (Files.exists(KNOWN_FAILURES)) {
            for (String line : Files.readAllLines(KNOWN_FAILURES, StandardCharsets.UTF_8)) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    known.add(line);
                }
            }
        }
        return known;
    }

    private static void writeCurrentFailures(List<String> keys) throws IOException {
        Path dir = Path.of("target", "reader-conformance");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("# Corpus snippets ElixirReader does not read as Elixir 1.14 does (file TAB escaped snippet).");
        lines.add("# ReaderConformanceTest allows these and fails when one of them passes: the list only shrinks.");
        lines.addAll(keys);
        Files.write(dir.resolve("known-failures.txt"), lines, StandardCharsets.UTF_8);
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path resourceRoot() {
        try {
            return Path.of(ReaderConformanceTest.class.getResource("/elixir/oracle.exs").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
