package procshell.shell.tutorial;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import procshell.shell.console.Shell;

/**
 * Runs a chapter without a person ({@code procshell tutorial run N}): types every input into a
 * fresh shell, as piped input, plays its client lines ({@code nc> }) with a {@link NetcatClient},
 * and compares the session with the chapter's transcript. Try-it-yourself steps ({@code try>})
 * are skipped.
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

    /**
     * Runs a chapter in a fresh shell on a new node; a chapter with {@code nodes:} runs on a fresh
     * cluster of those nodes (see {@link ClusterSession}).
     */
    public static Result run(Chapter chapter) {
        List<String> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<Integer> stepOf = new ArrayList<>();
        List<Integer> fileLineOf = new ArrayList<>();
        for (int k = 0; k < chapter.steps().size(); k++) {
            Step s = chapter.steps().get(k);
            if (!s.checked()) continue; // try it yourself: the reader's, not the run's
            inputs.addAll(s.inputs());
            for (int j = 0; j < s.transcript().size(); j++) {
                expected.add(s.transcript().get(j));
                stepOf.add(k);
                fileLineOf.add(s.line() + j);
            }
        }
        String transcript;
        try {
            transcript = chapter.nodes().isEmpty() ? runAlone(inputs) : String.join("", ClusterSession.run(chapter));
        } catch (java.io.IOException | InterruptedException e) {
            return new Result(false, "", "chapter " + chapter.number() + ": the cluster did not run: " + e.getMessage() + "\n");
        }
        List<String> actual = transcript.lines().toList();
        int[] at = new int[1];
        int failed = new TranscriptMatcher().match(expected, actual, at);
        if (failed < 0) return new Result(true, transcript, null);
        int step = failed < stepOf.size() ? stepOf.get(failed) : lastChecked(chapter);
        Step s = chapter.steps().get(step);
        int fileLine = failed < fileLineOf.size() ? fileLineOf.get(failed) : s.line() + s.transcript().size();
        StringBuilder f = new StringBuilder();
        f.append("chapter ").append(chapter.number()).append(", step ").append(step + 1).append(" (")
                .append(chapter.file()).append(':').append(fileLine).append("):\n");
        f.append("  expected: ").append(failed < expected.size() ? expected.get(failed) : "(end of session)").append('\n');
        f.append("  actual:   ").append(at[0] < actual.size() ? actual.get(at[0]) : "(end of session)").append('\n');
        return new Result(false, transcript, f.toString());
    }

    private static int lastChecked(Chapter chapter) {
        int k = chapter.steps().size() - 1;
        while (k > 0 && !chapter.steps().get(k).checked()) k--;
        return k;
    }

    /** Runs a one-node chapter's inputs in a fresh shell, playing its client lines between them. */
    private static String runAlone(List<String> inputs) {
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        PrintWriter printer = new PrintWriter(out, true);
        try (NetcatClient client = new NetcatClient()) {
            shell.piped(new BufferedReader(new StepReader(inputs, shell, client, printer)), printer).run();
        } finally {
            shell.shutdown();
        }
        return out.toString();
    }

    /**
     * The shell's piped input, handed out one input at a time: the console asks for the next
     * line only once the previous input has printed its output, so that a chapter's client
     * lines ({@code nc> }) are played between the inputs around them, and their lines land in
     * the transcript in that place.
     */
    private static final class StepReader extends Reader {
        private final List<String> inputs;
        private final Shell shell;
        private final NetcatClient client;
        private final PrintWriter out;
        private int next;
        private String pending = "";

        StepReader(List<String> inputs, Shell shell, NetcatClient client, PrintWriter out) {
            this.inputs = inputs;
            this.shell = shell;
            this.client = client;
            this.out = out;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            while (pending.isEmpty()) {
                if (next >= inputs.size()) return -1;
                String in = inputs.get(next++);
                if (NetcatClient.isClientLine(in)) {
                    Object port = shell.evaluator().binding().hasVariable("port") ? shell.evaluator().binding().getVariable("port") : null;
                    client.play(in, port instanceof Number n ? n.intValue() : null, out);
                    // The server may still be taking in what the client did (a worker exiting
                    // after nc left): the next input waits until it has, as a person would.
                    shell.settle();
                } else {
                    pending = in + "\n";
                }
            }
            int n = Math.min(len, pending.length());
            pending.getChars(0, n, buf, off);
            pending = pending.substring(n);
            return n;
        }

        @Override
        public void close() {
            next = inputs.size();
        }
    }

    /** Runs a chapter and prints its session and verdict; returns the exit code (0 when it passed). */
    public static int runAndReport(Chapter chapter, PrintWriter out) {
        out.println("Chapter " + chapter.number() + ": " + chapter.title());
        Result r = run(chapter);
        out.print(r.transcript());
        if (r.passed()) {
            int checked = chapter.checkedSteps().size();
            int unchecked = chapter.steps().size() - checked;
            out.println("PASS: chapter " + chapter.number() + " (" + checked + " steps"
                    + (unchecked == 0 ? "" : "; " + unchecked + " try-it-yourself step" + (unchecked == 1 ? "" : "s") + " not checked") + ")");
        } else {
            out.println("FAIL: " + r.failure());
        }
        out.flush();
        return r.passed() ? 0 : 1;
    }
}
