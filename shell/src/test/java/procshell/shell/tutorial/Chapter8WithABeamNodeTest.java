package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import procshell.runtime.dist.DistOptions;
import procshell.runtime.node.AtomTable;
import procshell.shell.console.BeamShell;
import procshell.shell.console.Shell;

/**
 * Chapter 8 with node2 a real Elixir node ({@code elixir --sname node2@localhost}), node1
 * procshell's shell: every step is typed into the node it names, and the whole session must print
 * what the chapter says (pids aside), node2's lines being what the BEAM prints for them. Skipped,
 * saying why, when Elixir is not installed.
 */
class Chapter8WithABeamNodeTest {
    @Test
    void chapterEightRunsWithARealElixirNodeAsNode2() throws IOException {
        String exe = BeamShell.elixir();
        if (exe == null) System.out.println("Chapter8WithABeamNodeTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        Chapter chapter = Tutorials.chapter(Tutorials.directory(), 8);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String cookie = "chapter8_" + ProcessHandle.current().pid();
        List<String> expected = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        Shell node1 = new Shell(chapter.nodes().get(0), AtomTable.DEFAULT_LIMIT, DistOptions.of(cookie).withEpmdPort(port));
        try (BeamShell node2 = BeamShell.start(chapter.nodes().get(1), cookie, port)) {
            for (Step step : chapter.checkedSteps()) {
                expected.addAll(step.transcript());
                if (step.node() == null) {
                    StringWriter out = new StringWriter();
                    node1.piped(new BufferedReader(new StringReader(String.join("\n", step.inputs()) + "\n")), new PrintWriter(out, true)).run();
                    actual.append(out);
                } else {
                    for (String input : step.inputs()) actual.append(asTyped(step.node(), input)).append(node2.eval(input));
                }
            }
        } finally {
            node1.shutdown();
        }
        List<String> lines = actual.toString().lines().toList();
        int[] at = new int[1];
        int failed = new TranscriptMatcher().match(expected, lines, at);
        assertTrue(failed < 0, () -> "expected: " + (failed < expected.size() ? expected.get(failed) : "(end)") + "\nactual:   "
                + (at[0] < lines.size() ? lines.get(at[0]) : "(end)") + "\n--- session ---\n" + actual);
    }

    /** An input as iex shows it typed: the prompt, then a continuation prompt for each further line. */
    private static String asTyped(String node, String input) {
        String[] l = input.split("\n", -1);
        StringBuilder b = new StringBuilder("ps(" + node + ")1> ").append(l[0]).append('\n');
        for (int i = 1; i < l.length; i++) b.append("...(1)> ").append(l[i]).append('\n');
        return b.toString();
    }
}
