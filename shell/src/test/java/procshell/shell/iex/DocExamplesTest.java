package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.shell.console.PipedSession;

/**
 * The examples of the docs {@code h} shows, run as Elixir's doctests run them: each doc's
 * {@code iex>} lines (with their {@code ...>} continuations) are typed into a fresh session in
 * order, and where the doc shows a result below an input, procshell must print that result.
 * Results that differ from run to run ({@code #PID<...>}, {@code #Reference<...>}, a
 * {@code ...} placeholder) are not compared.
 *
 * <p>The docs run are those listed in {@code docs/doctests.txt} (by {@code Module.fun/arity});
 * many others show fragments that need a set-up they do not show ({@code Agent.get(agent, ...)}).
 * With {@code -Ddoctests.all=true} every doc runs and those whose examples pass are printed as
 * {@code PASS where}, to grow the list.
 */
@Timeout(900)
class DocExamplesTest {
    /** One input and the result the doc shows for it (null: none shown). */
    record Example(String input, String expected) {}

    @Test
    void everyExampleWithAResultPrintsThatResult() throws IOException {
        Set<String> listed = listed();
        boolean all = Boolean.getBoolean("doctests.all");
        Map<String, String> docs = new LinkedHashMap<>();
        for (ShellModules.Module m : ShellModules.all()) {
            Doc d = m.cls().getAnnotation(Doc.class);
            if (d != null) docs.putIfAbsent(d.value(), m.name());
            for (ShellModules.Function f : m.functions()) add(docs, f.method(), m.name() + "." + f.name() + "/" + f.arity());
        }
        for (ShellModules.Function f : ShellModules.kernelFunctions()) add(docs, f.method(), f.name() + "/" + f.arity());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> doc : docs.entrySet()) {
            List<Example> examples = examples(doc.getKey());
            if (examples.isEmpty() || (!all && !listed.contains(doc.getValue()))) continue;
            int before = failures.size();
            int checkedBefore = checked;
            String[] inputs = examples.stream().map(Example::input).toArray(String[]::new);
            List<List<String>> outputs = PipedSession.outputs(inputs);
            for (int i = 0; i < examples.size(); i++) {
                String expected = examples.get(i).expected();
                if (expected == null || !comparable(expected)) continue;
                checked++;
                String actual = i < outputs.size() ? String.join("\n", outputs.get(i)) : "(no output)";
                if (!actual.equals(expected)) {
                    failures.add(doc.getValue() + ": iex> " + examples.get(i).input() + "\n  doc:  " + expected + "\n  got:  " + actual);
                }
            }
            if (all && failures.size() == before && checked > checkedBefore) System.out.println("PASS " + doc.getValue());
        }
        if (all) return;
        System.out.println("doc examples: " + checked + " results checked, " + failures.size() + " differ");
        assertEquals("", String.join("\n", failures), checked + " results checked");
    }

    private static void add(Map<String, String> docs, Method m, String where) {
        Doc d = m == null ? null : m.getAnnotation(Doc.class);
        if (d != null) docs.putIfAbsent(d.value(), where);
    }

    /** The examples of a doc text: its indented {@code iex>} (or {@code ps>}) inputs and the lines below them. */
    static List<Example> examples(String text) {
        List<Example> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.startsWith("iex> ") && !t.startsWith("ps> ")) continue;
            StringBuilder input = new StringBuilder(t.substring(t.indexOf('>') + 2));
            while (i + 1 < lines.length && lines[i + 1].strip().startsWith("...>")) {
                input.append('\n').append(lines[++i].strip().substring(4).stripLeading());
            }
            StringBuilder expected = new StringBuilder();
            while (i + 1 < lines.length && !lines[i + 1].isBlank() && !lines[i + 1].strip().startsWith("iex>")
                    && !lines[i + 1].strip().startsWith("ps>")) {
                if (!expected.isEmpty()) expected.append('\n');
                expected.append(lines[++i].strip());
            }
            out.add(new Example(input.toString(), expected.isEmpty() ? null : expected.toString()));
        }
        return out;
    }

    private static boolean comparable(String expected) {
        return !expected.contains("#PID<") && !expected.contains("#Reference<") && !expected.contains("#Port<")
                && !expected.contains("#Function<") && !expected.contains("...") && !expected.startsWith("**");
    }

    private static Set<String> listed() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = DocExamplesTest.class.getResourceAsStream("/docs/doctests.txt")) {
            if (in == null) return out;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) out.add(t.split("\\s+#", 2)[0].strip());
            }
        }
        return out;
    }
}
