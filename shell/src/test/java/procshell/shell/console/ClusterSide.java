package procshell.shell.console;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One node of a mixed cluster a session test types into: a real Elixir node ({@link BeamShell})
 * or a procshell shell. {@link #type} gives what the input printed, without log entries, on one
 * line, so that both runtimes' answers compare as text.
 *
 * @param name the node's name, e.g. {@code a123@localhost}
 * @param eval what typing an input prints (raw)
 */
record ClusterSide(String name, Function<String, String> eval) {
    /** A real Elixir node. */
    static ClusterSide of(BeamShell b) {
        return new ClusterSide(b.name(), in -> b.eval(in).strip());
    }

    /** A procshell shell: the input is typed at its prompt; its echo is left out. */
    static ClusterSide of(Shell s) {
        return new ClusterSide(s.node().name().name(), input -> {
            StringWriter out = new StringWriter();
            s.piped(new BufferedReader(new StringReader(input + "\n")), new PrintWriter(out, true)).run();
            List<String> lines = new ArrayList<>(List.of(out.toString().split("\n", -1)));
            String[] typed = input.split("\n", -1);
            // the echo is where the prompt shows the input's first line: a log line another node's
            // event printed may come before it
            int at = 0;
            while (at < lines.size() && !lines.get(at).endsWith("> " + typed[0])) at++;
            if (at == lines.size()) at = 0;
            for (int i = 0; i < typed.length && at < lines.size(); i++) lines.remove(at);
            return String.join("\n", lines);
        });
    }

    /** Types {@code input}: what it printed, {@link #normalized}. */
    String type(String input) {
        return normalized(eval.apply(input));
    }

    /** The output without its log entries (a timestamped line up to the next blank line), on one line. */
    static String normalized(String output) {
        List<String> kept = new ArrayList<>();
        boolean log = false;
        for (String line : output.split("\n", -1)) {
            if (line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[\\w+\\].*")) log = true;
            else if (line.isEmpty()) log = false;
            else if (!log) kept.add(line);
        }
        // pretty-printing wraps by the width of real pids and names: compare the terms on one line
        return String.join("\n", kept).strip().replaceAll("([\\[{])\\s*\\n\\s*", "$1").replaceAll("\\s*\\n\\s*([\\]}])", "$1")
                .replaceAll("\\s*\\n\\s*", " ");
    }
}
