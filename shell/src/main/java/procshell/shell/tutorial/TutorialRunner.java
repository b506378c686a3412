package procshell.shell.tutorial;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import procshell.shell.console.Shell;

/**
 * Runs a chapter without a person ({@code procshell tutorial run N}): types every input into a
 * fresh shell, as piped input, and compares the session with the chapter's transcript.
 */
public final class TutorialRunner {
    private TutorialRunner() {}

    /**
     * What a run found.
     *
     * @param passed     true when the whole transcript matched
     * @param transcript what the session printed
     * @param failure    a report of the first mismatch (step, file line, expected, actual), or null
     */
    public record Result(boolean passed, String transcript, String failure) {}

    /** Runs a chapter in a fresh shell on a new node. */
    public static Result run(Chapter chapter) {
        StringBuilder input = new StringBuilder();
        List<String> expected = new ArrayList<>();
        List<Integer> stepOf = new ArrayList<>();
        List<Integer> fileLineOf = new ArrayList<>();
        for (int k = 0; k < chapter.steps().size(); k++) {
            Step s = chapter.steps().get(k);
            for (String in : s.inputs()) input.append(in).append('\n');
            for (int j = 0; j < s.transcript().size(); j++) {
                expected.add(s.transcript().get(j));
                stepOf.add(k);
                fileLineOf.add(s.line() + j);
            }
        }
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        try {
            shell.piped(new BufferedReader(new StringReader(input.toString())), new PrintWriter(out, true)).run();
        } finally {
            shell.shutdown();
        }
        String transcript = out.toString();
        List<String> actual = transcript.lines().toList();
        int[] at = new int[1];
        int failed = new TranscriptMatcher().match(expected, actual, at);
        if (failed < 0) return new Result(true, transcript, null);
        int step = failed < stepOf.size() ? stepOf.get(failed) : chapter.steps().size() - 1;
        Step s = chapter.steps().get(step);
        int fileLine = failed < fileLineOf.size() ? fileLineOf.get(failed) : s.line() + s.transcript().size();
        StringBuilder f = new StringBuilder();
        f.append("chapter ").append(chapter.number()).append(", step ").append(step + 1).append(" (")
                .append(chapter.file()).append(':').append(fileLine).append("):\n");
        f.append("  expected: ").append(failed < expected.size() ? expected.get(failed) : "(end of session)").append('\n');
        f.append("  actual:   ").append(at[0] < actual.size() ? actual.get(at[0]) : "(end of session)").append('\n');
        return new Result(false, transcript, f.toString());
    }

    /** Runs a chapter and prints its session and verdict; returns the exit code (0 when it passed). */
    public static int runAndReport(Chapter chapter, PrintWriter out) {
        out.println("Chapter " + chapter.number() + ": " + chapter.title());
        Result r = run(chapter);
        out.print(r.transcript());
        if (r.passed()) {
            out.println("PASS: chapter " + chapter.number() + " (" + chapter.steps().size() + " steps)");
        } else {
            out.println("FAIL: " + r.failure());
        }
        out.flush();
        return r.passed() ? 0 : 1;
    }
}
