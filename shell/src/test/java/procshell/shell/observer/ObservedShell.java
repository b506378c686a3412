package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Node;
import procshell.shell.console.Shell;
import procshell.shell.iex.IexSession;

/**
 * What the observer tests drive views on: a shell set up by typed inputs (none may fail), and the
 * test thread attached to its node as a process, so that it can draw frames and apply keys.
 */
final class ObservedShell implements AutoCloseable {
    final Shell shell;
    final Node node;

    private ObservedShell(Shell shell) {
        this.shell = shell;
        this.node = shell.node();
    }

    /** A fresh shell after these inputs, with the calling thread attached to its node. */
    static ObservedShell after(String... inputs) {
        ObservedShell s = new ObservedShell(new Shell("nonode@nohost"));
        StringWriter out = new StringWriter();
        s.shell.piped(new BufferedReader(new StringReader(String.join("\n", inputs) + "\n")), new PrintWriter(out, true)).run();
        assertFalse(out.toString().contains("** ("), out::toString);
        s.node.attach();
        return s;
    }

    /**
     * The base of tests that drive a view on a shell's node: {@link #viewAfter} sets the shell up,
     * the shell is shut down after each test.
     */
    abstract static class Base {
        /** The node of the last {@link #viewAfter}. */
        protected Node node;
        private ObservedShell observed;

        /** A view of a fresh shell's node after these inputs, the test thread attached to it as a process. */
        protected ObserverView viewAfter(String... inputs) {
            observed = after(inputs);
            node = observed.node;
            return observed.view();
        }

        @org.junit.jupiter.api.AfterEach
        void closeShell() {
            if (observed != null) observed.close();
        }
    }

    /** A view of the node, on the process list. */
    ObserverView view() {
        return new ObserverView(IexSession.of(node));
    }

    @Override
    public void close() {
        node.detach();
        shell.shutdown();
    }

    /**
     * A process page's entries under a section's heading (the line starting with
     * {@code title + " ("}), up to the next blank line.
     */
    static List<String> section(List<String> frame, String title) {
        int i = 0;
        while (i < frame.size() && !frame.get(i).startsWith(title + " (")) i++;
        assertTrue(i < frame.size(), () -> "no section " + title + " in\n" + String.join("\n", frame));
        List<String> out = new ArrayList<>();
        for (int k = i + 1; k < frame.size() && !frame.get(k).isEmpty(); k++) out.add(frame.get(k));
        return out;
    }
}
