package procshell.shell.observer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;
import procshell.runtime.table.Table;
import procshell.runtime.trace.TraceRecorder;

/**
 * One run of {@code trace}: records the node while some work runs (and a short settle time after,
 * so that what the work set off, a supervisor's restart, is seen), then draws the diagram of the
 * processes involved and, with {@code to:}, writes it to a file.
 *
 * @param settleMs how long to keep recording after the work returns, in ms
 * @param to       the file to write the diagram to ({@code .mmd}/{@code .mermaid}: Mermaid;
 *                 {@code .md}: Mermaid in a fenced block), or null
 */
record ProcessTrace(long settleMs, String to) {
    /** The settle time when none is given, in ms. */
    static final long DEFAULT_SETTLE_MS = 100;

    /**
     * Reads {@code trace}'s options: {@code to: "file.mmd"}, {@code settle: ms}.
     *
     * @throws IllegalArgumentException for an unknown option or a value of the wrong type
     */
    static ProcessTrace options(Object opts) {
        long settle = DEFAULT_SETTLE_MS;
        String to = null;
        if (!(opts instanceof List<?> list)) throw new IllegalArgumentException("trace options must be a keyword list, got: " + Inspect.inspect(opts, InspectOptions.DEFAULT));
        for (Object o : list) {
            if (o instanceof Tuple t && t.size() == 2 && Atom.of("to").equals(t.get(0)) && t.get(1) instanceof String s) {
                to = s;
            } else if (o instanceof Tuple t && t.size() == 2 && Atom.of("settle").equals(t.get(0)) && t.get(1) instanceof Number n && n.longValue() >= 0) {
                settle = n.longValue();
            } else {
                throw new IllegalArgumentException("unknown trace option: " + Inspect.inspect(o, InspectOptions.DEFAULT)
                        + " (trace takes to: \"file.mmd\" and settle: milliseconds)");
            }
        }
        if (to != null && !(to.endsWith(".mmd") || to.endsWith(".mermaid") || to.endsWith(".md"))) {
            throw new IllegalArgumentException("trace writes Mermaid files (.mmd, .mermaid or .md), got: \"" + to + "\"");
        }
        return new ProcessTrace(settle, to);
    }

    /**
     * Records while {@code work} runs in the calling process, then for {@code settleMs}; the
     * diagram follows messages from the caller on. Draws the diagram even when the work raises.
     *
     * @param work  the work (the fn given to {@code trace})
     * @param print receives the diagram's text
     * @return the work's value
     */
    <T> T run(Supplier<T> work, java.util.function.Consumer<String> print, InspectOptions options) {
        ProcessContext self = ProcessContext.require();
        TraceRecorder recorder = new TraceRecorder(self.node());
        recorder.start();
        try {
            T value = work.get();
            if (settleMs > 0) self.receive(m -> false, settleMs);
            return value;
        } finally {
            recorder.stop();
            finish(self, recorder, Set.of(self.self()), true, print, options);
        }
    }

    /**
     * Records the node for {@code ms} and draws what went to or from {@code pids} (and the
     * processes they spawn, and their restarted successors).
     */
    void watch(Set<Pid> pids, long ms, java.util.function.Consumer<String> print, InspectOptions options) {
        ProcessContext self = ProcessContext.require();
        TraceRecorder recorder = new TraceRecorder(self.node());
        recorder.start();
        try {
            self.receive(m -> false, ms);
        } finally {
            recorder.stop();
            finish(self, recorder, pids, false, print, options);
        }
    }

    private void finish(ProcessContext self, TraceRecorder recorder, Set<Pid> roots, boolean causal,
                        java.util.function.Consumer<String> print, InspectOptions options) {
        Node node = self.node();
        TraceDiagram d = TraceDiagram.of(recorder.events(), roots, causal, recorder.dropped(), p -> name(node, self.self(), p, options), options);
        print.accept(String.join("\n", SequenceText.lines(d)) + "\n");
        if (to != null) {
            String mermaid = SequenceMermaid.text(d);
            if (to.endsWith(".md")) mermaid = "```mermaid\n" + mermaid + "```\n";
            try {
                Files.writeString(Path.of(to), mermaid, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("could not write " + to + ": " + e.getMessage());
            }
        }
    }

    /**
     * A lifeline's name for a process the recording names not: {@code self()} for the shell, its
     * registered name, its key in a Registry (a via name), else its pid.
     */
    static String name(Node node, Pid shell, Pid pid, InspectOptions options) {
        if (pid.equals(shell)) return "self()";
        LocalProcess p = node.process(pid);
        if (p != null && p.registeredName() != null) return Inspect.inspect(p.registeredName(), options);
        if (p != null) {
            for (Table t : node.tables().tables()) {
                if (!t.isNamed()) continue;
                try {
                    List<Object> keys = Registry.keys(t.name(), pid);
                    if (!keys.isEmpty()) return Inspect.inspect(keys.get(0), options);
                } catch (RuntimeException notARegistry) {
                    // an ordinary table
                }
            }
        }
        return Inspect.inspect(pid, options);
    }

    /** The pids of {@code trace/2}'s first argument: a pid, a name, or a list of them. */
    static Set<Pid> pids(Object pidsOrNames, java.util.function.Function<Object, Pid> resolve) {
        Set<Pid> out = new LinkedHashSet<>();
        if (pidsOrNames instanceof List<?> list) for (Object o : list) out.add(resolve.apply(o));
        else out.add(resolve.apply(pidsOrNames));
        return out;
    }
}
