package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procshell.shell.tutorial.TranscriptMatching;

/**
 * A session typed into procshell through piped input, step by step, each step's output compared
 * with what a real iex printed for the same input at the same step of a reference transcript
 * ({@link IexReference}). Every input is the Elixir a person types into iex. Pids and references
 * are compared as the tutorials compare them: any pid, as long as the correspondence between
 * iex's pids and procshell's is one to one over the whole session (the shell process of iex is
 * procshell's shell process, a server's pid stays that server's). A {@code defmodule}'s result
 * is compared with the module's bytes masked ({@code {:module, Name, <<...>>, {:f, 1}}}, as
 * {@code iex-compare.py} does). The prompt counter of each step must be iex's.
 *
 * <p>With {@code -Dprocshell.oracle=iex} the inputs go to a real iex instead ({@link RealIex}):
 * the steps that pass are iex's own, the ones that fail must be those whose expected lines are
 * procshell's by design ({@link #instead}, {@link #extra}).
 */
final class IexSessionCheck {
    private static final Pattern PS_PROMPT = Pattern.compile("^ps\\((\\d+)\\)> ?(.*)$");
    private static final Pattern PS_CONTINUATION = Pattern.compile("^\\.\\.\\.\\((\\d+)\\)> ?(.*)$");

    /** The first chapter's unnamed server, as {@code hello_server.txt} (and others) typed it. */
    static final String HELLO_SERVER = """
            defmodule MyApp.HelloServer do
              use GenServer
              def start_link(id), do: GenServer.start_link(__MODULE__, id)
              def hello(pid), do: GenServer.call(pid, :hello)
              @impl true
              def init(id), do: {:ok, %{id: id}}
              @impl true
              def handle_call(:hello, _from, state), do: {:reply, "hello", state}
            end""";

    /**
     * @param counter  iex's prompt counter at this step, -1 for none
     * @param adjacent true when the previous step was the reference's previous exchange, so that
     *                 the counters must have moved alike
     */
    private record Step(String input, List<String> expected, int counter, boolean adjacent, String source, boolean loggerAnywhere) {
        Step(String input, List<String> expected, int counter, boolean adjacent, String source) {
            this(input, expected, counter, adjacent, source, false);
        }

        Step anywhere() {
            return new Step(input, expected, counter, adjacent, source, true);
        }
    }

    private static final Pattern LOGGER_HEADER = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[\\w+\\] .*");

    private final IexReference reference;
    private final List<Step> steps = new ArrayList<>();
    private int next;
    private int last = -1;

    private IexSessionCheck(IexReference reference) {
        this.reference = reference;
    }

    /** A session checked against {@code iex-reference/<file>}. */
    static IexSessionCheck against(String file) {
        return new IexSessionCheck(IexReference.load(file));
    }

    /** Pastes {@link #HELLO_SERVER}; it must answer as the reference's {@code defmodule} did. */
    IexSessionCheck helloServer() {
        return same(HELLO_SERVER);
    }

    /**
     * Types {@code input}; it must print what iex printed for the reference's next exchange with
     * that input, at the same prompt counter.
     */
    IexSessionCheck same(String input) {
        return sameAs(input, input);
    }

    /**
     * Types every input of the reference from here on, in order, as iex's were typed; each must
     * print what iex printed. The capture's last prompt, where nothing was typed, is left out.
     */
    IexSessionCheck everyInput() {
        List<IexReference.Exchange> all = reference.exchanges();
        int end = all.size();
        if (end > 0 && all.get(end - 1).input().isEmpty() && all.get(end - 1).output().isEmpty()) end--;
        for (int k = next; k < end; k++) same(all.get(k).input());
        return this;
    }

    /**
     * Types {@code input} where the reference typed {@code iexInput}, which prints the same in
     * iex: for an input made sturdier than the reference's (a loop that waits for a restart
     * instead of sleeping 10 ms). The oracle checks that iex prints the same for both.
     */
    IexSessionCheck sameAs(String input, String iexInput) {
        int k = take(iexInput);
        IexReference.Exchange x = reference.exchanges().get(k);
        steps.add(new Step(input, IexReference.normalize(x.output()), x.counter(), adjacent(k), where(x, iexInput)));
        return this;
    }

    /**
     * Types {@code input}, the reference's next exchange with that input, but expects the given
     * lines: for a step whose output differs from iex's by design (bindings kept after a restart)
     * or that a tty capture garbled; the caller says why. The counter must still be iex's.
     */
    IexSessionCheck instead(String input, String... expected) {
        int k = take(input);
        IexReference.Exchange x = reference.exchanges().get(k);
        steps.add(new Step(input, List.of(expected), x.counter(), adjacent(k), "procshell's own for " + where(x, input)));
        return this;
    }

    /** The index of the reference's next exchange with this input, which the session moves past. */
    private int take(String iexInput) {
        int k = reference.find(iexInput, next);
        next = k + 1;
        return k;
    }

    /** Where an exchange is, for messages: {@code file:line iex(N)> input}. */
    private String where(IexReference.Exchange x, String input) {
        return reference.file() + ":" + x.line() + " iex(" + x.counter() + ")> " + input;
    }

    /**
     * Lets the last step's Logger reports come anywhere among its lines: a report printed by
     * another process races the input's result, in iex as in procshell.
     */
    IexSessionCheck loggerAnywhere() {
        steps.set(steps.size() - 1, steps.get(steps.size() - 1).anywhere());
        return this;
    }

    /**
     * The lines with every Logger report (an empty line, {@code HH:MM:SS.mmm [error] ...} and the
     * report's own lines: its exception, indented stack lines, Last message, State, Client, a task's Function) moved
     * to the end, in order.
     */
    static List<String> reportsLast(List<String> lines) {
        List<String> rest = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isEmpty() && i + 1 < lines.size() && LOGGER_HEADER.matcher(lines.get(i + 1)).matches()) {
                reports.add(lines.get(i++));
                reports.add(lines.get(i++));
                if (i < lines.size() && lines.get(i).startsWith("** (")) reports.add(lines.get(i++));
                while (i < lines.size() && (lines.get(i).startsWith(" ") || lines.get(i).startsWith("Last message")
                        || lines.get(i).startsWith("State: ") || lines.get(i).startsWith("Client ")
                        || lines.get(i).startsWith("Function: ")
                        || (lines.get(i).isEmpty() && i > 0 && lines.get(i - 1).startsWith("Client ")))) {
                    reports.add(lines.get(i++));
                }
            } else {
                rest.add(lines.get(i++));
            }
        }
        rest.addAll(reports);
        return rest;
    }

    /** Types {@code input}, which has no counterpart in the reference, expecting these lines. */
    IexSessionCheck extra(String input, String... expected) {
        steps.add(new Step(input, List.of(expected), -1, false, "procshell only"));
        last = -2;
        return this;
    }

    private boolean adjacent(int k) {
        boolean a = k == last + 1;
        last = k;
        return a;
    }

    /**
     * The prompt counter as iex's: the first step's and any step after a restart ({@code iex(1)>})
     * exactly; others by how far it moved since the previous step, when that was the reference's
     * previous exchange (steps of the reference left out make the absolute numbers differ).
     */
    private String counterProblem(int k, List<Integer> counters) {
        Step s = steps.get(k);
        if (s.counter() < 0) return null;
        int ps = counters.get(k);
        if ((k == 0 && s.adjacent()) || s.counter() == 1) {
            return ps == s.counter() ? null : "iex(" + s.counter() + ")> but ps(" + ps + ")>";
        }
        if (k == 0) return null;
        Step prev = steps.get(k - 1);
        if (!s.adjacent() || prev.counter() < 0) return null;
        int iexMove = s.counter() - prev.counter();
        int psMove = ps - counters.get(k - 1);
        return iexMove == psMove ? null
                : "iex went from iex(" + prev.counter() + ")> to iex(" + s.counter() + ")>, procshell from ps(" + counters.get(k - 1) + ")> to ps(" + ps + ")>";
    }

    /** Runs the session in a fresh shell and compares every step; a failure lists every step that differs. */
    String check() {
        List<String> inputs = steps.stream().map(Step::input).toList();
        String transcript = RealIex.enabled() ? RealIex.transcript(inputs) : procshell(inputs);
        List<List<String>> outputs = new ArrayList<>();
        List<Integer> counters = new ArrayList<>();
        cut(transcript, outputs, counters);
        TranscriptMatching matcher = new TranscriptMatching();
        String who = RealIex.enabled() ? "this iex" : "procshell";
        StringBuilder m = new StringBuilder();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            int[] at = new int[1];
            List<String> expected = PipedSession.maskModuleBytes(s.loggerAnywhere() ? reportsLast(s.expected()) : s.expected());
            List<String> actual = IexReference.asTerminalShows(PipedSession.maskModuleBytes(s.loggerAnywhere() ? reportsLast(outputs.get(k)) : outputs.get(k)));
            int failed = matcher.match(expected, actual, at);
            String counterProblem = counterProblem(k, counters);
            if (failed >= 0 || counterProblem != null) {
                m.append("step ").append(k + 1).append(", ps(").append(counters.get(k)).append(")> ").append(s.input().replace("\n", "\n    "))
                        .append("\n  compared with ").append(s.source()).append('\n');
                if (counterProblem != null) m.append("  prompt counter: ").append(counterProblem).append('\n');
                if (failed >= 0) {
                    m.append("  first difference at expected line ").append(failed + 1).append(":\n");
                    m.append("    expected:  ").append(failed < expected.size() ? "\"" + expected.get(failed) + "\"" : "(no more lines)").append('\n');
                    m.append("    ").append(who).append(": ").append(at[0] < actual.size() ? "\"" + actual.get(at[0]) + "\"" : "(no more lines)").append('\n');
                    m.append("  --- expected ---\n");
                    for (String l : expected) m.append("  | ").append(l).append('\n');
                    m.append("  --- ").append(who).append(" ---\n");
                    for (String l : actual) m.append("  | ").append(l).append('\n');
                }
            }
        }
        if (!m.isEmpty()) fail(m.append("--- whole session (").append(who).append(") ---\n").append(transcript).toString());
        return transcript;
    }

    /**
     * Cuts the transcript into each step's output: every prompt ({@code ps(N)>} or
     * {@code ...(N)>}) reads the next typed line, and what follows belongs to that line's step, so
     * that a step read as two inputs (or two steps read as one) is still compared with its own
     * lines. A step's later line read at a fresh {@code ps(N)>} shows in its output as that prompt.
     *
     * @param counters receives the N of the prompt each step's first line was read at
     */
    private void cut(String transcript, List<List<String>> outputs, List<Integer> counters) {
        List<Integer> owner = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            for (int j = 0; j < steps.get(k).input().split("\n", -1).length; j++) owner.add(k);
            outputs.add(new ArrayList<>());
            counters.add(-1);
        }
        int typed = 0;
        int current = -1;
        for (String line : transcript.lines().toList()) {
            Matcher p = PS_PROMPT.matcher(line);
            Matcher c = PS_CONTINUATION.matcher(line);
            boolean prompt = p.matches() || c.matches();
            if (prompt && typed < owner.size()) {
                int k = owner.get(typed);
                if (typed == 0 || owner.get(typed - 1) != k) {
                    counters.set(k, Integer.parseInt((p.matches() ? p : c).group(1)));
                } else if (p.matches()) {
                    outputs.get(k).add(line);
                }
                typed++;
                current = k;
            } else if (prompt && p.matches()) {
                current = -2; // a prompt after the last input: nothing typed there
            } else if (current == -1) {
                fail("output before the first prompt: " + line + "\n--- session ---\n" + transcript);
            } else if (current >= 0) {
                outputs.get(current).add(line);
            }
        }
        if (typed < owner.size()) {
            fail(owner.size() + " lines typed, " + typed + " read at a prompt\n--- session ---\n" + transcript);
        }
    }

    /** The transcript of the inputs typed into a fresh procshell through a pipe. */
    private static String procshell(List<String> inputs) {
        StringBuilder in = new StringBuilder();
        for (String s : inputs) in.append(s).append('\n');
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        try {
            shell.piped(new BufferedReader(new StringReader(in.toString())), new PrintWriter(out, true)).run();
        } finally {
            shell.shutdown();
        }
        return out.toString();
    }
}
