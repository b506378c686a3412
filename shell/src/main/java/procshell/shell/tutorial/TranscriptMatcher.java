package procshell.shell.tutorial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a chapter's expected transcript with what a run printed. Pids and references in the
 * expected text stand for whatever the run printed, as long as the correspondence is one to one
 * throughout the chapter; Logger times match any time; a line {@code ...} matches any number of
 * lines. Prompts are compared without their counters ({@code ps(3)>} is {@code ps>}). In a line
 * that holds a pid or a reference, or a drawing ({@code │ ─ ▶ ◀ ✕ ┬ ┼}), a run of spaces or of
 * {@code ─} matches a run of any length: columns aligned around a pid move with its digit count.
 */
final class TranscriptMatcher {
    // Pids as iex prints them (#PID<0.1.0>) and as Observer does (<0.1.0>), references likewise.
    private static final Pattern TOKEN = Pattern.compile(
            "#PID<[0-9.]+>|(?<![A-Za-z])<\\d+\\.\\d+\\.\\d+>|#Reference<[0-9.]+>|#Ref<[0-9.]+>|\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    private static final Pattern PROMPT = Pattern.compile("^ps\\([^)]*\\)\\d*> ?");
    private static final Pattern CONTINUATION = Pattern.compile("^\\.\\.\\.\\(\\d+\\)> ?");
    private static final Pattern DRAWING = Pattern.compile("[│─▶◀✕┬┼]");
    private static final Pattern RUN = Pattern.compile(" +|─+");

    private final Map<String, String> expectedToActual = new HashMap<>();
    private final Map<String, String> actualToExpected = new HashMap<>();

    /** The actual line with its prompt counters removed, as chapters write prompts. */
    static String normalizePrompt(String actual) {
        Matcher m = PROMPT.matcher(actual);
        if (m.find()) return "ps> " + actual.substring(m.end());
        m = CONTINUATION.matcher(actual);
        if (m.find()) return "...> " + actual.substring(m.end());
        return actual;
    }

    /**
     * Matches expected lines against actual lines from the given positions.
     *
     * @return the index of the first expected line that failed, or -1 when all matched; on
     *         failure {@code failedActual[0]} holds the index of the actual line compared
     */
    int match(List<String> expected, List<String> actual, int[] failedActual) {
        int a = 0;
        for (int e = 0; e < expected.size(); e++) {
            String exp = expected.get(e);
            if (exp.strip().equals("...")) {
                if (e + 1 == expected.size()) return -1;
                String next = expected.get(e + 1);
                while (a < actual.size() && !tryLine(next, normalizePrompt(actual.get(a)), false)) a++;
                continue;
            }
            if (a >= actual.size() || !tryLine(exp, normalizePrompt(actual.get(a)), true)) {
                failedActual[0] = a;
                return e;
            }
            a++;
        }
        if (a < actual.size()) {
            failedActual[0] = a;
            return expected.size();
        }
        return -1;
    }

    /** Expected text as a regex; in an aligned line each run of spaces or {@code ─} matches a run of any length. */
    private static String literal(String text, boolean aligned) {
        if (!aligned) return Pattern.quote(text);
        StringBuilder out = new StringBuilder();
        Matcher run = RUN.matcher(text);
        int last = 0;
        while (run.find()) {
            if (run.start() > last) out.append(Pattern.quote(text.substring(last, run.start())));
            out.append(run.group().charAt(0) == ' ' ? " +" : "─+");
            last = run.end();
        }
        if (last < text.length()) out.append(Pattern.quote(text.substring(last)));
        return out.toString();
    }

    private boolean tryLine(String expected, String actual, boolean commit) {
        Matcher m = TOKEN.matcher(expected);
        boolean aligned = m.find() || DRAWING.matcher(expected).find();
        m.reset();
        StringBuilder regex = new StringBuilder("^");
        List<String> tokens = new java.util.ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(literal(expected.substring(last, m.start()), aligned));
            String t = m.group();
            regex.append(t.startsWith("#PID") ? "(#PID<[0-9.]+>)"
                    : t.startsWith("<") ? "(<\\d+\\.\\d+\\.\\d+>)"
                    : t.startsWith("#Reference") ? "(#Reference<[0-9.]+>)"
                    : t.startsWith("#Ref") ? "(#Ref<[0-9.]+>)" : "(\\d\\d:\\d\\d:\\d\\d\\.\\d{3})");
            tokens.add(t);
            last = m.end();
        }
        regex.append(literal(expected.substring(last), aligned)).append("$");
        Matcher am = Pattern.compile(regex.toString()).matcher(actual.stripTrailing());
        if (!expected.stripTrailing().equals(expected)) am = Pattern.compile(regex.toString()).matcher(actual);
        if (!am.matches()) return false;
        Map<String, String> e2a = new HashMap<>(expectedToActual);
        Map<String, String> a2e = new HashMap<>(actualToExpected);
        for (int i = 0; i < tokens.size(); i++) {
            String exp = tokens.get(i);
            if (Character.isDigit(exp.charAt(0))) continue; // a time
            String act = am.group(i + 1);
            String boundAct = e2a.get(exp);
            String boundExp = a2e.get(act);
            if ((boundAct != null && !boundAct.equals(act)) || (boundExp != null && !boundExp.equals(exp))) return false;
            e2a.put(exp, act);
            a2e.put(act, exp);
        }
        if (commit) {
            expectedToActual.putAll(e2a);
            actualToExpected.putAll(a2e);
        }
        return true;
    }
}
